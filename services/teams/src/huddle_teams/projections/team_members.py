"""The ``team_members`` read model: who is on which team now, in which role."""

from __future__ import annotations

from sqlalchemy import bindparam, delete, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.contracts.teams import MemberAdded, MemberRemoved, MemberRoleChanged
from huddle_shared.eventstore import RecordedEvent
from huddle_teams.adapters.tables import team_members

# Built once (bound parameters only), so SQLAlchemy compiles each of them a single time.
_ADD = insert(team_members)
_CHANGE_ROLE = (
    update(team_members)
    .where(team_members.c.team_id == bindparam("t"), team_members.c.user_id == bindparam("u"))
    .values(role=bindparam("new_role"), role_since=bindparam("since"), updated_at=bindparam("at"))
)
_REMOVE = delete(team_members).where(
    team_members.c.team_id == bindparam("t"), team_members.c.user_id == bindparam("u")
)


async def apply_to_team_members(conn: AsyncConnection, recorded: RecordedEvent) -> None:
    """Fold one team event into the table (events that do not touch membership are ignored)."""
    event, at = recorded.payload, recorded.recorded_at
    match event:
        case MemberAdded():
            await conn.execute(
                _ADD,
                {
                    "team_id": event.team_id,
                    "user_id": event.user_id,
                    "org_id": recorded.metadata["tenant_id"],
                    "role": event.role.value,
                    "role_since": event.effective_date,
                    "joined_on": event.effective_date,
                    "updated_at": at,
                },
            )
        case MemberRoleChanged():
            await conn.execute(
                _CHANGE_ROLE,
                {
                    "t": event.team_id,
                    "u": event.user_id,
                    "new_role": event.to_role.value,
                    "since": event.effective_date,
                    "at": at,
                },
            )
        case MemberRemoved():
            await conn.execute(_REMOVE, {"t": event.team_id, "u": event.user_id})
