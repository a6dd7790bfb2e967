"""Per-person keys: created at registration, wrapped at rest, destroyed on erasure."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import person_keys
from huddle_shared.personal import Sealed, new_person_key, seal, unseal, unwrap_key, wrap_key


def _context(kid: str, field: str) -> str:
    return f"identity:user:{kid}:{field}"


class PersonKeyVault:
    def __init__(self, *, master_key: bytes) -> None:
        self._master = master_key

    async def create(self, conn: AsyncConnection, *, kid: str, now: datetime) -> bytes:
        key = new_person_key()
        await conn.execute(
            insert(person_keys).values(
                kid=kid, wrapped_key=wrap_key(self._master, key, kid), created_at=now
            )
        )
        return key

    async def get(self, conn: AsyncConnection, kid: str) -> bytes | None:
        wrapped = (
            await conn.execute(select(person_keys.c.wrapped_key).where(person_keys.c.kid == kid))
        ).scalar_one_or_none()
        return None if wrapped is None else unwrap_key(self._master, wrapped, kid)

    async def destroy(self, conn: AsyncConnection, *, kid: str, now: datetime) -> None:
        """After this, every sealed value of the person, wherever it was copied, is noise."""
        await conn.execute(
            update(person_keys)
            .where(person_keys.c.kid == kid)
            .values(wrapped_key=None, destroyed_at=now)
        )

    @staticmethod
    def seal(key: bytes, kid: str, field: str, value: str) -> Sealed:
        return seal(key, kid, value, context=_context(kid, field))

    @staticmethod
    def unseal(key: bytes | None, kid: str, field: str, sealed: Sealed) -> str | None:
        return unseal(key, sealed, context=_context(kid, field))
