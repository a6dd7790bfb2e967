"""Password hashes: kept apart from the people read model, never in an event."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, update
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import credentials, password_resets


async def store(conn: AsyncConnection, *, user_id: str, password_hash: str, now: datetime) -> None:
    await conn.execute(
        insert(credentials).values(user_id=user_id, password_hash=password_hash, updated_at=now)
    )


async def replace(
    conn: AsyncConnection, *, user_id: str, password_hash: str, now: datetime
) -> bool:
    """A new hash (a rehash after a sign-in, a reset); False when the person had none."""
    result = await conn.execute(
        update(credentials)
        .where(credentials.c.user_id == user_id)
        .values(password_hash=password_hash, updated_at=now)
    )
    return bool(result.rowcount)


async def remove(conn: AsyncConnection, *, user_id: str) -> None:
    await conn.execute(delete(credentials).where(credentials.c.user_id == user_id))


async def remove_reset_links(conn: AsyncConnection, *, user_id: str) -> None:
    """On erasure: the person's reset links, used or not, go with their password."""
    await conn.execute(delete(password_resets).where(password_resets.c.user_id == user_id))
