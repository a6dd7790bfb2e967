"""Operations routes: the projection's status (org admins), rebuild and dead-letter replay
(operators, with the ``X-Operator-Key`` configured for the service)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from huddle_insights.api.common import OperatorKey
from huddle_insights.api.deps import Projector, Settings
from huddle_insights.application import access, queries
from huddle_insights.config import InsightsSettings
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1/projections", tags=["operations"], responses=PROBLEM_RESPONSES)


def _ensure_operator(settings: InsightsSettings, operator_key: str | None) -> None:
    configured = settings.operator_key.get_secret_value() if settings.operator_key else None
    access.ensure_operator(configured=configured, given=operator_key)


@router.get("/status")
async def projection_status(projector: Projector, principal: CurrentPrincipal) -> dict[str, Any]:
    """Per topic and partition: lag, last event time, dead letters (org admins)."""
    return await queries.projection_status(projector, principal)


@router.post("/rebuild")
async def rebuild(
    projector: Projector, settings: Settings, operator_key: OperatorKey = None
) -> dict[str, Any]:
    """Rebuild every projection from the beginning of the topics and swap it in (operators)."""
    _ensure_operator(settings, operator_key)
    return (await projector.rebuild()).as_json()


@router.post("/dead-letters/replay")
async def replay_dead_letters(
    projector: Projector, settings: Settings, operator_key: OperatorKey = None
) -> dict[str, Any]:
    """Re-drive the dead letters through the projection (after a fix is deployed; operators)."""
    _ensure_operator(settings, operator_key)
    applied, failing = await projector.replay_dead_letters()
    return {"replayed": applied, "still_failing": failing}
