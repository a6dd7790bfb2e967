"""Lookups in the local user directory (the projection of identity's events)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_teams.adapters.tables import user_directory
from huddle_teams.domain.membership import UserFacts, UserStatus


async def find_user_facts(conn: AsyncConnection, *, user_id: str) -> UserFacts | None:
    """What teams knows of a person, whatever their organisation (the domain compares it)."""
    row = (
        await conn.execute(
            select(
                user_directory.c.user_id, user_directory.c.org_id, user_directory.c.status
            ).where(user_directory.c.user_id == user_id)
        )
    ).one_or_none()
    if row is None:
        return None
    return UserFacts(user_id=row.user_id, org_id=row.org_id, status=UserStatus(row.status))
