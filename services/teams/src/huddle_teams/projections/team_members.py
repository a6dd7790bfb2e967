"""The ``team_members`` read model: who is on which team now, in which role."""

from __future__ import annotations

from sqlalchemy import delete, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.contracts.teams import MemberAdded, MemberRemoved, MemberRoleChanged
from huddle_shared.eventstore import RecordedEvent
from huddle_teams.adapters.tables import team_members


async def apply_to_team_members(conn: AsyncConnection, recorded: RecordedEvent) -> None:
    """Fold one team event into the table (events that do not touch membership are ignored)."""
    event, at = recorded.payload, recorded.recorded_at
    match event:
        case MemberAdded():
            await conn.execute(
                insert(team_members).values(
                    team_id=event.team_id,
                    user_id=event.user_id,
                    org_id=recorded.metadata["tenant_id"],
                    role=event.role.value,
                    role_since=event.effective_date,
                    joined_on=event.effective_date,
                    updated_at=at,
                )
            )
        case MemberRoleChanged():
            await conn.execute(
                update(team_members)
                .where(
                    team_members.c.team_id == event.team_id,
                    team_members.c.user_id == event.user_id,
                )
                .values(role=event.to_role.value, role_since=event.effective_date, updated_at=at)
            )
        case MemberRemoved():
            await conn.execute(
                delete(team_members).where(
                    team_members.c.team_id == event.team_id,
                    team_members.c.user_id == event.user_id,
                )
            )
