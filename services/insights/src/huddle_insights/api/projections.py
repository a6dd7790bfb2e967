"""Operations routes: the projection's status (org admins), rebuild and dead-letter replay
(operators, with the ``X-Operator-Key`` configured for the service).

The dead-letter replay here is the shared one (``huddle_shared.operations``, also mounted at
``/v1/dead-letters`` like in every consuming service); this path stays for existing callers.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from huddle_insights.api.deps import Projector
from huddle_insights.application import queries
from huddle_shared import operations
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1/projections", tags=["operations"], responses=PROBLEM_RESPONSES)


@router.get("/status")
async def projection_status(projector: Projector, principal: CurrentPrincipal) -> dict[str, Any]:
    """Per topic and partition: lag, last event time, dead letters (org admins)."""
    return await queries.projection_status(projector, principal)


@router.post("/rebuild", dependencies=[Depends(operations.require_operator)])
async def rebuild(projector: Projector) -> dict[str, Any]:
    """Rebuild every projection from the beginning of the topics and swap it in (operators)."""
    return (await projector.rebuild()).as_json()


@router.post(
    "/dead-letters/replay",
    dependencies=[Depends(operations.require_operator)],
    response_model=operations.ReplayResult,
)
async def replay_dead_letters(request: Request) -> operations.ReplayResult:
    """Re-drive the dead letters through the projection (after a fix is deployed; operators)."""
    return await operations.replay_dead_letters(operations.consumers_of(request.app.state.runtime))
