"""The ``team_list`` read model: one row per team, rewritten from the state after each command."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_teams.adapters.tables import team_list
from huddle_teams.domain.state import Team


async def save_team_list_entry(conn: AsyncConnection, team: Team) -> None:
    """Upsert the team's row; runs in the command's transaction, so it never lags the store."""
    row = {
        "team_id": team.id,
        "org_id": team.org_id,
        "name": team.name,
        "care_setting": team.care_setting.value,
        "description": team.description,
        "version": team.version,
        "created_at": team.created_at,
        "updated_at": team.updated_at,
        "status": team.status.value,
        "member_count": len(team.members),
        "review_cadence_days": team.review_cadence_days,
        "charter_revision": team.charter.revision if team.charter else 0,
        "next_review_due": team.next_review_due,
        "archived_at": team.archived_at,
    }
    stmt = insert(team_list).values(**row)
    await conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[team_list.c.team_id],
            set_={k: stmt.excluded[k] for k in row if k not in ("team_id", "created_at")},
        )
    )
