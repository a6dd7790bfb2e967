"""Operations routes: the projection's status (org admins), rebuild and dead-letter replay
(operators, with the ``X-Operator-Key`` configured for the service).

The dead-letter replay here is the shared one (``huddle_shared.operations``, also mounted at
``/v1/dead-letters`` like in every consuming service); this path stays for existing callers.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from huddle_insights.api.deps import Projector
from huddle_insights.api.schemas import ProjectionStatus, Rebuilt
from huddle_insights.application import queries
from huddle_shared import operations
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.openapi import problems

router = APIRouter(prefix="/v1/projections", tags=["operations"])
_OPERATOR_PROBLEMS = problems(
    403,
    404,
    _403=f"A valid {operations.OPERATOR_HEADER} is required",
    _404="No operator key is configured: the route does not exist",
)


@router.get(
    "/status",
    response_model=ProjectionStatus,
    operation_id="read_projection_status",
    summary="Read the projection's status",
    responses=problems(403, _403="Only org admins may read the projection's status"),
)
async def projection_status(projector: Projector, principal: CurrentPrincipal) -> ProjectionStatus:
    """The live generation's consumer: per topic and partition its lag and the time of the
    newest event applied, and how many records it set aside as dead letters. For org admins
    (of any organisation: it concerns the deployment, and holds no tenant's data)."""
    return ProjectionStatus.model_validate(await queries.projection_status(projector, principal))


@router.post(
    "/rebuild",
    dependencies=[Depends(operations.require_operator)],
    response_model=Rebuilt,
    operation_id="rebuild_projections",
    summary="Rebuild the projections",
    responses=_OPERATOR_PROBLEMS,
)
async def rebuild(projector: Projector) -> Rebuilt:
    """Rebuild every read model from the beginning of the topics into a new generation, then
    swap it in; the previous one keeps serving meanwhile. For operators (`X-Operator-Key`); it
    answers once the swap is done, which can take minutes."""
    return Rebuilt.model_validate((await projector.rebuild()).as_json())


@router.post(
    "/dead-letters/replay",
    dependencies=[Depends(operations.require_operator)],
    response_model=operations.ReplayResult,
    operation_id="replay_projection_dead_letters",
    summary="Replay the projection's dead letters",
    responses=_OPERATOR_PROBLEMS,
)
async def replay_dead_letters(request: Request) -> operations.ReplayResult:
    """Re-drive every dead letter not replayed yet through the projection, after a fix is
    deployed (the same as `POST /v1/dead-letters/replay` without ids). For operators
    (`X-Operator-Key`); a 503 while the consumers are not running yet."""
    return await operations.replay_dead_letters(operations.consumers_of(request.app.state.runtime))
