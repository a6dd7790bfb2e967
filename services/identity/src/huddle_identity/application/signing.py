"""Signing keys for access tokens: ES256 with a ``kid``, rotated by age, published as JWKS.

A retired key stays in the JWKS for as long as a token it signed can still be valid, so a
rotation never breaks tokens already issued. Replicas agree through the database: creating or
rotating takes a transaction-level advisory lock.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm
from sqlalchemy import insert, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_identity.adapters.tables import signing_keys
from huddle_shared.personal import unwrap_key, wrap_key
from huddle_shared.relay import lease_key

ALG = "ES256"
_LOCK = lease_key("huddle-identity-signing-keys")
_CACHE_S = 30.0


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_key: ec.EllipticCurvePrivateKey
    created_at: datetime


class SigningKeyRing:
    def __init__(
        self,
        *,
        engine: AsyncEngine,
        master_key: bytes,
        rotation_period: timedelta,
        token_lifetime: timedelta,
    ) -> None:
        self.engine = engine
        self._master = master_key
        self.rotation_period = rotation_period
        # Tokens carry up to 30 s of clock leeway at verification.
        self.publish_after_retirement = token_lifetime + timedelta(minutes=5)
        self._current: SigningKey | None = None
        self._loaded_at = 0.0

    async def current(self, now: datetime) -> SigningKey:
        """The key to sign with; creates or rotates one when none is young enough."""
        cached = self._current
        if (
            cached is not None
            and time.monotonic() - self._loaded_at < _CACHE_S
            and now - cached.created_at < self.rotation_period
        ):
            return cached
        async with self.engine.begin() as conn:
            key = await self._newest_active(conn)
            if key is None or now - key.created_at >= self.rotation_period:
                await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
                key = await self._newest_active(conn)  # another replica may have won
                if key is None or now - key.created_at >= self.rotation_period:
                    key = await self._create(conn, now)
        self._current, self._loaded_at = key, time.monotonic()
        return key

    async def rotate(self, now: datetime) -> str:
        """Retire the signing key now and start a new one (e.g. after a suspected leak)."""
        async with self.engine.begin() as conn:
            await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
            key = await self._create(conn, now)
        self._current, self._loaded_at = key, time.monotonic()
        return key.kid

    async def jwks(self, now: datetime) -> dict[str, Any]:
        await self.current(now)
        cutoff = now - self.publish_after_retirement
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                select(signing_keys.c.public_jwk)
                .where(or_(signing_keys.c.retired_at.is_(None), signing_keys.c.retired_at > cutoff))
                .order_by(signing_keys.c.created_at.desc())
            )
            return {"keys": [row.public_jwk for row in rows]}

    async def public_key(self, kid: str) -> jwt.PyJWK | None:
        """For identity's own routes: verify tokens with the ring itself, not over HTTP."""
        from huddle_shared.auth import parse_jwks

        return parse_jwks(await self.jwks(datetime.now(UTC))).get(kid)

    async def _newest_active(self, conn: AsyncConnection) -> SigningKey | None:
        row = (
            await conn.execute(
                select(signing_keys)
                .where(signing_keys.c.retired_at.is_(None))
                .order_by(signing_keys.c.created_at.desc())
                .limit(1)
            )
        ).one_or_none()
        if row is None:
            return None
        pem = unwrap_key(self._master, row.wrapped_private_key, row.kid)
        private = serialization.load_pem_private_key(pem, password=None)
        assert isinstance(private, ec.EllipticCurvePrivateKey)
        return SigningKey(row.kid, private, row.created_at)

    async def _create(self, conn: AsyncConnection, now: datetime) -> SigningKey:
        await conn.execute(
            update(signing_keys).where(signing_keys.c.retired_at.is_(None)).values(retired_at=now)
        )
        private = ec.generate_private_key(ec.SECP256R1())
        kid = f"{now:%Y%m%d}-{uuid.uuid4().hex[:12]}"
        jwk = json.loads(ECAlgorithm.to_jwk(private.public_key()))
        jwk.update({"kid": kid, "alg": ALG, "use": "sig"})
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        await conn.execute(
            insert(signing_keys).values(
                kid=kid,
                alg=ALG,
                wrapped_private_key=wrap_key(self._master, pem, kid),
                public_jwk=jwk,
                created_at=now,
            )
        )
        return SigningKey(kid, private, now)


class RingKeySource:
    """The ring as the :class:`huddle_shared.auth.KeySource` of identity's own token verifier."""

    def __init__(self, ring: SigningKeyRing) -> None:
        self.ring = ring

    async def get(self, kid: str) -> jwt.PyJWK | None:
        return await self.ring.public_key(kid)
