"""The ``team_actions`` read model: one row per action, rewritten from its state by each change.

Written in the command's transaction, so the list never lags the stream. The row is the state's
projection as a whole (not a delta), so writing it again changes nothing.
"""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_teams.adapters.tables import team_actions
from huddle_teams.domain.action_plan import Action


def prompted_ref(action: Action) -> str | None:
    prompt = action.prompted_by
    if prompt.driver is not None:
        return prompt.driver.value
    return prompt.campaign_id or prompt.goal_id or prompt.meeting_id


async def write_action_row(conn: AsyncConnection, action: Action) -> None:
    last_check_in = max((c.checked_in_on for c in action.check_ins), default=None)
    row = {
        "action_id": action.id,
        "team_id": action.team_id,
        "org_id": action.org_id,
        "title": action.title,
        "status": action.status.value,
        "owners": list(action.owners),
        "due_date": action.due_date,
        "prompted_kind": action.prompted_by.kind.value,
        "prompted_ref": prompted_ref(action),
        "goal_ids": list(action.goal_ids),
        "check_in_count": len(action.check_ins),
        "last_check_in_on": last_check_in,
        "closed_on": action.closed_on,
        "version": action.version,
        "created_at": action.created_at,
        "updated_at": action.updated_at,
    }
    statement = insert(team_actions).values(row)
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=[team_actions.c.action_id],
            set_={k: statement.excluded[k] for k in row if k != "action_id"},
        )
    )
