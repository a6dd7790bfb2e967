"""Access tokens (short-lived JWTs) and rotating refresh tokens with reuse detection.

A refresh token is good for exactly one use: using it returns a new one of the same family.
Presenting an already used token means it was copied, so the whole family is revoked and the
legitimate holder has to sign in again (OAuth 2.0 Security BCP, refresh token rotation).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_identity.adapters.tables import refresh_tokens
from huddle_identity.application.passwords import secret_digest
from huddle_identity.application.signing import ALG, SigningKey, SigningKeyRing
from huddle_identity.domain.errors import InvalidGrant


@dataclass(frozen=True)
class RefreshGrant:
    user_id: str
    org_id: str
    family_id: str


class TokenService:
    def __init__(
        self,
        *,
        engine: AsyncEngine,
        keys: SigningKeyRing,
        issuer: str,
        audience: str,
        access_ttl: timedelta,
        refresh_ttl: timedelta,
    ) -> None:
        self.engine = engine
        self.keys = keys
        self.issuer = issuer
        self.audience = audience
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl

    async def access_token(
        self,
        *,
        subject: str,
        org_id: str,
        roles: Iterable[str],
        scopes: Iterable[str],
        client: bool,
        now: datetime,
    ) -> str:
        key = await self.keys.current(now)
        return self.sign_access(
            key, subject=subject, org_id=org_id, roles=roles, scopes=scopes, client=client, now=now
        )

    def sign_access(
        self,
        key: SigningKey,
        *,
        subject: str,
        org_id: str,
        roles: Iterable[str],
        scopes: Iterable[str],
        client: bool,
        now: datetime,
        authorized_party: str | None = None,
    ) -> str:
        """An access token signed with ``key``; ``authorized_party`` (``azp``) names the
        frontend a person signed in through."""
        claims: dict[str, object] = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": subject,
            "org": org_id,
            "roles": sorted(roles),
            "scope": " ".join(sorted(scopes)),
            "iat": int(now.timestamp()),
            "exp": int((now + self.access_ttl).timestamp()),
            "jti": uuid.uuid4().hex,
        }
        if client:
            claims["client_id"] = subject
        if authorized_party is not None:
            claims["azp"] = authorized_party
        return jwt.encode(claims, key.private_key, algorithm=ALG, headers={"kid": key.kid})

    @staticmethod
    def new_refresh_value() -> tuple[str, str]:
        """A fresh refresh token and the digest it is stored under."""
        token = secrets.token_urlsafe(32)
        return token, secret_digest(token)

    async def store_refresh_token(
        self,
        conn: AsyncConnection,
        *,
        token_hash: str,
        user_id: str,
        org_id: str,
        now: datetime,
        family_id: str,
    ) -> None:
        await conn.execute(
            insert(refresh_tokens).values(
                token_hash=token_hash,
                family_id=family_id,
                user_id=user_id,
                org_id=org_id,
                issued_at=now,
                expires_at=now + self.refresh_ttl,
            )
        )

    async def new_refresh_token(
        self,
        conn: AsyncConnection,
        *,
        user_id: str,
        org_id: str,
        now: datetime,
        family_id: str | None = None,
    ) -> str:
        token, token_hash = self.new_refresh_value()
        await self.store_refresh_token(
            conn,
            token_hash=token_hash,
            user_id=user_id,
            org_id=org_id,
            now=now,
            family_id=family_id or uuid.uuid4().hex,
        )
        return token

    async def spend_refresh_token(self, token: str, now: datetime) -> RefreshGrant:
        """Mark a refresh token used, atomically; a second use revokes its whole family."""
        digest = secret_digest(token)
        async with self.engine.begin() as conn:
            spent = (
                await conn.execute(
                    update(refresh_tokens)
                    .where(
                        refresh_tokens.c.token_hash == digest,
                        refresh_tokens.c.used_at.is_(None),
                        refresh_tokens.c.revoked_at.is_(None),
                        refresh_tokens.c.expires_at > now,
                    )
                    .values(used_at=now)
                    .returning(
                        refresh_tokens.c.user_id,
                        refresh_tokens.c.org_id,
                        refresh_tokens.c.family_id,
                    )
                )
            ).one_or_none()
            if spent is not None:
                return RefreshGrant(spent.user_id, spent.org_id, spent.family_id)
            known = (
                await conn.execute(
                    select(refresh_tokens.c.family_id, refresh_tokens.c.used_at).where(
                        refresh_tokens.c.token_hash == digest
                    )
                )
            ).one_or_none()
            if known is not None and known.used_at is not None:
                await self._revoke(conn, refresh_tokens.c.family_id == known.family_id, now)
        raise InvalidGrant("The refresh token is invalid, expired or already used")

    async def revoke_family(self, conn: AsyncConnection, family_id: str, now: datetime) -> None:
        await self._revoke(conn, refresh_tokens.c.family_id == family_id, now)

    async def revoke_user(self, conn: AsyncConnection, user_id: str, now: datetime) -> None:
        await self._revoke(conn, refresh_tokens.c.user_id == user_id, now)

    @staticmethod
    async def _revoke(conn: AsyncConnection, condition: object, now: datetime) -> None:
        await conn.execute(
            update(refresh_tokens)
            .where(condition, refresh_tokens.c.revoked_at.is_(None))  # type: ignore[arg-type]
            .values(revoked_at=now)
        )
