"""The identity service's composition root."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_identity.api import auth, clients, users
from huddle_identity.application.deps import Identity
from huddle_identity.application.passwords import Passwords
from huddle_identity.application.signing import SigningKeyRing
from huddle_identity.application.throttle import LoginThrottle
from huddle_identity.application.tokens import TokenService
from huddle_identity.application.vault import PersonKeyVault
from huddle_identity.config import IdentitySettings
from huddle_shared.app import create_service_app
from huddle_shared.auth import TokenVerifier
from huddle_shared.contracts import REGISTRY
from huddle_shared.db import create_engine
from huddle_shared.runtime import ServiceRuntime

MIGRATIONS = Path(__file__).parent / "migrations"


def _key_ring(settings: IdentitySettings, engine: AsyncEngine) -> SigningKeyRing:
    return SigningKeyRing(
        engine=engine,
        master_key=settings.master_key_bytes(),
        rotation_period=timedelta(days=settings.signing_key_rotation_days),
        token_lifetime=timedelta(seconds=settings.access_token_ttl_s),
    )


async def rotate_signing_key(settings: IdentitySettings) -> str:
    """For operators (e.g. after a suspected key leak): ``python -m huddle_identity rotate-…``."""
    engine = create_engine(settings)
    try:
        return await _key_ring(settings, engine).rotate(datetime.now(UTC))
    finally:
        await engine.dispose()


def build_app(settings: IdentitySettings | None = None) -> FastAPI:
    settings = settings or IdentitySettings()
    runtime = ServiceRuntime.build(settings, registry=REGISTRY, migrations=MIGRATIONS)
    master = settings.master_key_bytes()
    access_ttl = timedelta(seconds=settings.access_token_ttl_s)
    keys = _key_ring(settings, runtime.engine)
    identity = Identity(
        engine=runtime.engine,
        store=runtime.store,
        vault=PersonKeyVault(master_key=master),
        passwords=Passwords(
            time_cost=settings.argon2_time_cost, memory_kib=settings.argon2_memory_kib
        ),
        keys=keys,
        tokens=TokenService(
            engine=runtime.engine,
            keys=keys,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            access_ttl=access_ttl,
            refresh_ttl=timedelta(seconds=settings.refresh_token_ttl_s),
        ),
        throttle=LoginThrottle(
            engine=runtime.engine,
            max_failures=settings.login_max_failures,
            window=timedelta(seconds=settings.login_window_s),
            lockout=timedelta(seconds=settings.login_lockout_s),
        ),
        clock=runtime.clock,
    )
    app = create_service_app(
        runtime=runtime,
        title="Huddle identity",
        description="Organisations (tenants), people, sign-in and tokens, integration clients. "
        "Personal data in events is sealed per person and destroyed on erasure.",
        routers=[auth.router, users.router, clients.router],
        allowed_content_types=("application/json", "application/x-www-form-urlencoded"),
    )
    app.state.identity = identity
    app.state.token_verifier = runtime.verifier = TokenVerifier(
        keys=_RingKeys(keys), issuer=settings.jwt_issuer, audience=settings.jwt_audience
    )
    return app


class _RingKeys:
    def __init__(self, ring: SigningKeyRing) -> None:
        self.ring = ring

    async def get(self, kid: str) -> jwt.PyJWK | None:
        return await self.ring.public_key(kid)
