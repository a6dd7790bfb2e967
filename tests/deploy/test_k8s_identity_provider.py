"""Identity as the OpenID provider of the console in every overlay: its issuer is the URL the
Ingress serves it at, the console it redirects to is the console's own Ingress host, and the
password grant stays off in production."""

from __future__ import annotations

import re

import pytest

from .support import OVERLAYS, Obj, named

INGRESS = "deploy/k8s/base/ingress.yaml"


def identity_config(objects: list[Obj]) -> dict[str, str]:
    (config,) = [
        o
        for o in objects
        if o["kind"] == "ConfigMap" and o["metadata"]["name"].startswith("identity-config")
    ]
    data: dict[str, str] = config["data"]
    return data


def common_config(objects: list[Obj]) -> dict[str, str]:
    (config,) = [
        o
        for o in objects
        if o["kind"] == "ConfigMap" and o["metadata"]["name"].startswith("huddle-common")
    ]
    data: dict[str, str] = config["data"]
    return data


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_issuer_is_identity_behind_the_ingress_and_the_console_its_client(
    overlay: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    config = identity_config(objects)
    api_host = named(objects, "Ingress", "huddle")["spec"]["rules"][0]["host"]
    console_host = named(objects, "Ingress", "console")["spec"]["rules"][0]["host"]
    assert config["HUDDLE_ISSUER_URL"] == f"https://{api_host}/identity"
    # The console's redirect URI is derived from the public URL: the console's own host.
    assert config["HUDDLE_PUBLIC_URL"] == f"https://{console_host}"
    # Discovery is routed at the issuer, beside the JWKS.
    paths = [
        p["path"]
        for r in named(objects, "Ingress", "huddle")["spec"]["rules"]
        for p in r["http"]["paths"]
        if p["backend"]["service"]["name"] == "identity"
    ]
    (identity_path,) = paths
    pattern = re.compile(identity_path)
    for path in (
        "v1/auth/authorize",
        "v1/auth/sso/callback",
        ".well-known/openid-configuration",
        ".well-known/jwks.json",
        "scim/v2/Users",
        "scim/v2/Users/42",
    ):
        assert pattern.fullmatch(f"/identity/{path}"), path
    for path in ("metrics", "health/ready", "scim/v1/Users"):
        assert not pattern.fullmatch(f"/identity/{path}"), path


def test_production_keeps_the_password_grant_off(rendered: dict[str, list[Obj]]) -> None:
    objects = rendered["prod"]
    assert common_config(objects)["HUDDLE_ENVIRONMENT"] == "production"
    for config in (identity_config(objects), common_config(objects)):
        assert config.get("HUDDLE_PASSWORD_GRANT", "false").lower() in {"false", "0"}
