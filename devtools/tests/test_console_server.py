"""The console server's routing, in process: the build's files, the sign-in callback page for
identity's redirect URI, index.html for the console's own routes, and which API paths it passes
on (web/nginx.conf does the same in production)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from huddle_devtools.devinfra.console_server import create_app

# Nothing listens here: a path the server passes on answers 502, one it refuses 404.
NOBODY = "http://127.0.0.1:9"


@pytest.fixture
async def console(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "signin").mkdir()
    (dist / "index.html").write_text("<html>index</html>")
    (dist / "signin" / "callback.html").write_text('<html><base href="../">callback</html>')
    (dist / "assets" / "index-abc.js").write_text("export {};")
    (tmp_path / "secret.txt").write_text("outside the build")
    app = create_app(dist, {"identity": NOBODY, "teams": NOBODY})
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://console") as client:
            yield client


async def test_the_callback_path_gets_its_page_and_other_routes_the_index(
    console: httpx.AsyncClient,
) -> None:
    callback = await console.get("/signin/callback", params={"code": "c", "state": "s"})
    assert callback.status_code == 200
    assert "callback" in callback.text
    assert callback.headers["cache-control"] == "no-cache"
    assert "frame-ancestors 'none'" in callback.headers["content-security-policy"]
    for route in ("/", "/teams/42", "/signin/elsewhere"):
        answer = await console.get(route)
        assert answer.status_code == 200 and answer.text == "<html>index</html>", route
    asset = await console.get("/assets/index-abc.js")
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "outside" not in (await console.get("/../secret.txt")).text
    assert "outside" not in (await console.get("/%2e%2e/secret")).text


async def test_identity_discovery_and_jwks_are_passed_on_and_nothing_else(
    console: httpx.AsyncClient,
) -> None:
    passed = (
        "/api/identity/.well-known/openid-configuration",
        "/api/identity/.well-known/jwks.json",
        "/api/identity/v1/auth/token",
        "/api/teams/v1/teams",
    )
    for path in passed:
        assert (await console.get(path)).status_code == 502, path  # passed on, to nobody
    refused = (
        "/api/identity/metrics",
        "/api/identity/health/ready",
        "/api/identity/.well-known/other",
        "/api/teams/.well-known/openid-configuration",
        "/api/unknown/v1/x",
    )
    for path in refused:
        assert (await console.get(path)).status_code == 404, path
