"""The team's audit trail: every event, who caused it and when."""

from __future__ import annotations

from fastapi import APIRouter, Request

from huddle_shared.auth import CurrentPrincipal
from huddle_shared.deps import Runtime
from huddle_shared.http import BadRequest, Cursor, Limit, decode_cursor, encode_cursor
from huddle_shared.problems import PROBLEM_RESPONSES
from huddle_teams.api.common import TeamId
from huddle_teams.api.schemas import HistoryEntry, HistoryPage
from huddle_teams.application import queries

router = APIRouter(prefix="/v1/teams/{team_id}", tags=["history"], responses=PROBLEM_RESPONSES)


@router.get("/history", response_model=HistoryPage, summary="The team's history")
async def team_history(
    team_id: TeamId,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> HistoryPage:
    """Every event of the team, oldest first: what happened, who did it and when."""
    after = decode_cursor(cursor, 1)
    if after is not None and not isinstance(after[0], int):
        raise BadRequest("The cursor is not one this API issued")
    async with runtime.engine.connect() as conn:
        events, has_more = await queries.team_history(
            conn,
            store=runtime.store,
            team_id=str(team_id),
            principal=principal,
            after_version=after[0] if after else 0,
            limit=limit,
        )
    items = [
        HistoryEntry(
            version=e.version,
            event_id=str(e.event_id),
            type=e.payload.event_type,
            occurred_at=e.recorded_at,
            actor=e.metadata.get("actor"),
            data=e.payload.model_dump(mode="json"),
        )
        for e in events
    ]
    next_cursor = encode_cursor([events[-1].version]) if has_more else None
    return HistoryPage(items=items, next_cursor=next_cursor)
