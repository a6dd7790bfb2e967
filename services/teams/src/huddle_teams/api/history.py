"""The team's audit trail: every event, who caused it and when."""

from __future__ import annotations

from fastapi import APIRouter, Request

from huddle_shared.auth import CurrentPrincipal
from huddle_shared.deps import Runtime
from huddle_shared.http import BAD_CURSOR, BadRequest, Cursor, Limit, decode_cursor, encode_cursor
from huddle_shared.openapi import problems
from huddle_teams.api.common import PAGE_422, READ_403, TEAM_404, TeamId
from huddle_teams.api.history_schemas import HistoryPage, history_entry
from huddle_teams.application import queries

router = APIRouter(prefix="/v1/teams/{team_id}", tags=["history"])


@router.get(
    "/history",
    response_model=HistoryPage,
    operation_id="list_team_history",
    summary="List the team's history",
    responses=problems(
        403,
        404,
        422,
        _403=READ_403,
        _404=TEAM_404,
        _422=PAGE_422,
    ),
)
async def team_history(
    team_id: TeamId,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> HistoryPage:
    """Every event of the team, oldest first by version, a page at a time: what happened
    (`type`, and `data` shaped by it), who did it and when. The team's members, org admins and
    analysts may read it."""
    after = decode_cursor(cursor, 1)
    if after is not None and not isinstance(after[0], int):
        raise BadRequest(BAD_CURSOR)
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
        history_entry.validate_python(
            {
                "version": e.version,
                "event_id": str(e.event_id),
                "type": e.payload.event_type,
                "occurred_at": e.recorded_at,
                "actor": e.metadata.get("actor"),
                "data": e.payload.model_dump(mode="json"),
            }
        )
        for e in events
    ]
    next_cursor = encode_cursor([events[-1].version]) if has_more else None
    return HistoryPage(items=items, next_cursor=next_cursor)
