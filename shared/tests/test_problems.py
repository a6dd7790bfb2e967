"""Which errors are the database being away (503) and which are bugs (500)."""

from __future__ import annotations

import errno

import httpx
import pytest
from fastapi import FastAPI

from huddle_shared.problems import install_problem_handlers


def app_raising(exc: Exception) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/boom")
    async def boom() -> None:
        raise exc

    return app


@pytest.mark.parametrize(
    ("exc", "status"),
    [
        (ConnectionRefusedError(errno.ECONNREFUSED, "refused"), 503),
        (ConnectionResetError(errno.ECONNRESET, "reset"), 503),
        (OSError(errno.EHOSTUNREACH, "no route to host"), 503),
        (TimeoutError(), 503),
        (FileNotFoundError(errno.ENOENT, "no such file", "/etc/huddle/key"), 500),
        (PermissionError(errno.EACCES, "denied"), 500),
        (OSError(errno.ENOSPC, "no space left on device"), 500),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else str(v),
)
async def test_only_a_lost_connection_is_a_503(exc: Exception, status: int) -> None:
    transport = httpx.ASGITransport(app=app_raising(exc), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/boom")
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    assert ("Retry-After" in response.headers) == (status == 503)
