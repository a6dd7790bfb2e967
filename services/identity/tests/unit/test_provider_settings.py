"""How identity acts as an OpenID provider, from its settings: the console as its default
client, and the password grant off in production unless turned on."""

from __future__ import annotations

import base64

import pytest
from pydantic import ValidationError

from huddle_identity.application.oauth import FrontendClient
from huddle_identity.config import IdentitySettings

KEY = base64.b64encode(bytes(32)).decode()


def test_the_console_at_the_public_url_is_the_default_client() -> None:
    settings = IdentitySettings(public_url="https://console.example.org/")
    (client,) = settings.public_clients()
    assert client.client_id == "huddle-console"
    assert client.redirect_uris == ["https://console.example.org/signin/callback"]


def test_configured_clients_replace_the_default() -> None:
    settings = IdentitySettings(
        oauth_clients=[{"client_id": "app", "name": "App", "redirect_uris": ["https://a/cb"]}]
    )
    assert [c.client_id for c in settings.public_clients()] == ["app"]
    with pytest.raises(ValidationError):
        IdentitySettings(oauth_clients=[{"client_id": "a b", "name": "x", "redirect_uris": []}])


@pytest.mark.parametrize(
    ("environment", "setting", "enabled"),
    [
        ("development", None, True),
        ("test", None, True),
        ("production", None, False),
        ("production", True, True),
        ("development", False, False),
    ],
)
def test_the_password_grant_is_off_in_production_unless_turned_on(
    environment: str, setting: bool | None, enabled: bool
) -> None:
    settings = IdentitySettings(
        environment=environment,
        master_key=KEY,
        password_grant=setting,
        smtp_security="tls",
        jwks_url="https://id.example.org/.well-known/jwks.json",
        issuer_url="https://id.example.org",
    )
    assert settings.password_grant_enabled() is enabled


def test_production_needs_an_https_issuer() -> None:
    with pytest.raises(ValidationError, match="HUDDLE_ISSUER_URL"):
        IdentitySettings(
            environment="production",
            master_key=KEY,
            smtp_security="tls",
            jwks_url="https://id.example.org/.well-known/jwks.json",
            issuer_url="http://id.example.org",
        )


def test_redirect_uris_match_exactly() -> None:
    client = FrontendClient("c", "C", ("https://app.example.org/cb",))
    assert client.check_redirect_uri("https://app.example.org/cb")
    for other in (
        "https://app.example.org/cb/",
        "https://app.example.org/cb?x=1",
        "https://APP.example.org/cb",
        "http://app.example.org/cb",
        "https://app.example.org/cb#f",
    ):
        assert not client.check_redirect_uri(other), other
    assert client.check_endpoint_auth_method("none", "token")
    assert not client.check_endpoint_auth_method("client_secret_basic", "token")
    assert client.get_allowed_scope("email openid offline_access admin") == "openid email"
