"""The ``user_directory`` read model: identity's people, as far as teams needs them.

Teams keeps user id, organisation, profession, org roles and status, never names or emails (they
are sealed on the bus and teams holds no key); identity's other user events (an email change, a
directory entry) carry nothing teams keeps and are passed over. Identity's events are keyed by
user id, so one person's events arrive in order; an erased person stays as a tombstone that
nothing revives.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Text, any_, case, func, literal, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.consumer import PoisonEvent, ReceivedEvent
from huddle_shared.contracts.identity import (
    OrgRoleGranted,
    OrgRoleRevoked,
    UserDeactivated,
    UserErased,
    UserProfileUpdated,
    UserReactivated,
    UserRegistered,
)
from huddle_teams.adapters.tables import user_directory
from huddle_teams.domain.membership import UserStatus

ERASED = UserStatus.ERASED.value


class UserDirectory:
    """A :class:`huddle_shared.consumer.Projection` of ``identity.user.v1``."""

    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
        payload, at = event.payload, event.envelope.time
        match payload:
            case UserRegistered():
                stmt = insert(user_directory).values(
                    user_id=payload.user_id,
                    org_id=payload.org_id,
                    profession=payload.profession.value,
                    org_roles=sorted({r.value for r in payload.org_roles}),
                    status=UserStatus.ACTIVE.value,
                    updated_at=at,
                )
                await conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[user_directory.c.user_id],
                        set_={
                            "org_id": stmt.excluded.org_id,
                            "profession": stmt.excluded.profession,
                            "org_roles": stmt.excluded.org_roles,
                            "status": stmt.excluded.status,
                            "updated_at": stmt.excluded.updated_at,
                        },
                        where=user_directory.c.status != ERASED,
                    )
                )
            case UserProfileUpdated():
                changes = (
                    {} if payload.profession is None else {"profession": payload.profession.value}
                )
                await _update(conn, payload.user_id, at=at, **changes)
            case OrgRoleGranted():
                already = literal(payload.role.value, Text) == any_(user_directory.c.org_roles)
                granted = func.array_append(user_directory.c.org_roles, payload.role.value)
                await _update(
                    conn,
                    payload.user_id,
                    at=at,
                    org_roles=case((already, user_directory.c.org_roles), else_=granted),
                )
            case OrgRoleRevoked():
                await _update(
                    conn,
                    payload.user_id,
                    at=at,
                    org_roles=func.array_remove(user_directory.c.org_roles, payload.role.value),
                )
            case UserDeactivated():
                await _update(conn, payload.user_id, at=at, status=UserStatus.DEACTIVATED.value)
            case UserReactivated():
                await _update(conn, payload.user_id, at=at, status=UserStatus.ACTIVE.value)
            case UserErased():
                # Drop all we hold about the person; keep the id and that they are erased, so a
                # replayed registration cannot bring them back.
                stmt = insert(user_directory).values(
                    user_id=payload.user_id,
                    org_id=payload.org_id,
                    profession=None,
                    org_roles=[],
                    status=ERASED,
                    updated_at=at,
                )
                await conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[user_directory.c.user_id],
                        set_={
                            "profession": None,
                            "org_roles": [],
                            "status": ERASED,
                            "updated_at": at,
                        },
                    )
                )


async def _update(conn: AsyncConnection, user_id: str, *, at: datetime, **values: Any) -> None:
    result = await conn.execute(
        update(user_directory)
        .where(user_directory.c.user_id == user_id, user_directory.c.status != ERASED)
        .values(updated_at=at, **values)
    )
    if result.rowcount == 0 and not await _is_erased(conn, user_id):
        # Per-key order means the registration came first; without it we cannot know the
        # person's organisation, so set the event aside rather than guess.
        raise PoisonEvent(f"no registration seen for user {user_id}")


async def _is_erased(conn: AsyncConnection, user_id: str) -> bool:
    found = await conn.execute(
        select(user_directory.c.user_id).where(
            user_directory.c.user_id == user_id, user_directory.c.status == ERASED
        )
    )
    return found.first() is not None
