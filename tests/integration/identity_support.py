"""Running identity in tests, and signing up / signing in through its public API."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from huddle_devtools.testing.databases import DatabaseFactory
from huddle_identity.api.schemas import OrgCreated
from huddle_identity.bootstrap import MIGRATIONS as IDENTITY_MIGRATIONS
from huddle_identity.bootstrap import build_app as build_identity
from huddle_identity.config import IdentitySettings

from .conftest import RunningService, running

# Cheap Argon2 parameters keep the suite fast; production uses the defaults in config.py.
FAST_HASHING: dict[str, Any] = {"argon2_time_cost": 1, "argon2_memory_kib": 8192}
PASSWORD = "correct horse battery staple"


@pytest.fixture
def start_identity(
    databases: DatabaseFactory, settings_for: Callable[..., dict[str, Any]]
) -> Callable[..., Any]:
    def start(database_url: str | None = None, **overrides: Any) -> Any:
        url = database_url or databases.create("identity", IDENTITY_MIGRATIONS)
        values = {**settings_for(url), **FAST_HASHING, **overrides}
        return running(build_identity(IdentitySettings(**values)), url)

    return start


@pytest.fixture
async def identity(start_identity: Callable[..., Any]) -> AsyncIterator[RunningService]:
    async with start_identity() as service:
        yield service


def person(name: str = "Amara Okafor", profession: str = "physician") -> dict[str, str]:
    local = name.lower().replace(" ", ".") + "." + uuid.uuid4().hex[:6]
    return {
        "email": f"{local}@riverside.example",
        "password": PASSWORD,
        "display_name": name,
        "profession": profession,
    }


async def sign_up(client: httpx.AsyncClient, org_name: str = "Riverside Health") -> dict[str, Any]:
    admin = person()
    response = await client.post("/v1/orgs", json={"name": org_name, "admin": admin})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    OrgCreated.model_validate(body)
    assert response.headers["location"] == f"/v1/orgs/{body['org']['id']}"
    body["admin_email"] = admin["email"]
    return body


async def sign_in(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD
) -> httpx.Response:
    return await client.post(
        "/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": password},
    )


async def bearer(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    response = await sign_in(client, email)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def metric_value(metrics_text: str, series: str) -> float:
    """One series' value in a /metrics answer (0 while it has not been recorded yet)."""
    for line in metrics_text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0
