"""Another service verifies identity's tokens with the shared dependency, over real HTTP."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy.ext.asyncio import create_async_engine

from huddle_devtools.devinfra.selection import free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually
from huddle_devtools.testing.processes import ServiceProcess
from huddle_identity.api.schemas import TokenResponse
from huddle_identity.application.signing import SigningKeyRing
from huddle_identity.application.tokens import TokenService
from huddle_identity.bootstrap import MIGRATIONS as IDENTITY_MIGRATIONS
from huddle_identity.config import IdentitySettings
from huddle_shared.config import to_asyncpg_url

from .identity_support import PASSWORD, person

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def identity_process(
    databases: DatabaseFactory, service_env: Callable[..., dict[str, str]], log_dir: Path
) -> Iterator[ServiceProcess]:
    database_url = databases.create("identity", IDENTITY_MIGRATIONS)
    env = service_env(database_url, HUDDLE_ARGON2_TIME_COST="1", HUDDLE_ARGON2_MEMORY_KIB="8192")
    process = ServiceProcess("identity", port=free_port(), env=env, log_dir=log_dir)
    process.start()
    process.env["DATABASE_URL_FOR_TEST"] = database_url
    try:
        yield process
    finally:
        process.stop()


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _claims(token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return claims


async def test_tokens_from_identity_are_verified_and_forgeries_refused_by_insights(
    identity_process: ServiceProcess, start_insights: Any
) -> None:
    async with httpx.AsyncClient(base_url=identity_process.url) as identity:
        admin = person()
        org = (await identity.post("/v1/orgs", json={"name": "Org", "admin": admin})).json()
        token_response = await identity.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": admin["email"], "password": PASSWORD},
        )
        token = TokenResponse.model_validate(token_response.json()).access_token
    org_id = org["org"]["id"]
    jwks_url = f"{identity_process.url}/.well-known/jwks.json"
    header = jwt.get_unverified_header(token)
    claims = _claims(token)
    stranger_key = ec.generate_private_key(ec.SECP256R1())
    now = int(time.time())
    forgeries = {
        "alg none": f"{_b64({'alg': 'none', 'kid': header['kid']})}.{_b64(claims)}.",
        "wrong key": jwt.encode(claims, stranger_key, algorithm="ES256", headers=header),
        "wrong audience": jwt.encode(
            {**claims, "aud": "another-product"}, stranger_key, algorithm="ES256", headers=header
        ),
        "expired": jwt.encode(
            {**claims, "iat": now - 7200, "exp": now - 3600},
            stranger_key,
            algorithm="ES256",
            headers=header,
        ),
        "tampered claim": ".".join(
            [token.split(".")[0], _b64({**claims, "org": "another-org"}), token.split(".")[2]]
        ),
    }
    async with start_insights(jwks_url=jwks_url) as insights:
        path = f"/v1/orgs/{org_id}/teams"
        ok = await insights.client.get(path, headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200, ok.text
        for name, forged in forgeries.items():
            refused = await insights.client.get(path, headers={"Authorization": f"Bearer {forged}"})
            assert refused.status_code == 401, name

        # Rotation: a token signed before keeps working, one signed by the new key is accepted
        # once insights refreshes the JWKS for the unknown kid.
        engine = create_async_engine(to_asyncpg_url(identity_process.env["DATABASE_URL_FOR_TEST"]))
        settings = IdentitySettings()
        ring = SigningKeyRing(
            engine=engine,
            master_key=settings.master_key_bytes(),
            rotation_period=timedelta(days=30),
            token_lifetime=timedelta(minutes=15),
        )
        new_kid = await ring.rotate(datetime.now(UTC))
        minted = await TokenService(
            engine=engine,
            keys=ring,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            access_ttl=timedelta(minutes=15),
            refresh_ttl=timedelta(days=1),
        ).access_token(
            subject=claims["sub"],
            org_id=org_id,
            roles=["org_admin"],
            scopes=[],
            client=False,
            now=datetime.now(UTC),
        )
        await engine.dispose()
        assert jwt.get_unverified_header(minted)["kid"] == new_kid
        old = await insights.client.get(path, headers={"Authorization": f"Bearer {token}"})
        assert old.status_code == 200, old.text

        # Unknown kids trigger at most one JWKS refresh per interval (10 s), so a brand-new
        # key is accepted within that interval, not necessarily at once.
        async def accepted() -> bool:
            response = await insights.client.get(
                path, headers={"Authorization": f"Bearer {minted}"}
            )
            return bool(response.status_code == 200)

        await eventually(accepted, timeout_s=30, interval_s=1.0)
