"""Dashboard routes: aggregates only, suppressed when too few responded.

The four dashboard routes are served through the per-process cache with a strong ``ETag`` and
``If-None-Match`` (see ``application/queries.py``); the access check runs on every request,
before anything (a body or a 304) is sent. Each route only turns HTTP into a query and back.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from huddle_insights.api.common import (
    DASHBOARD_RESPONSES,
    AsOf,
    IfNoneMatch,
    OrgId,
    TeamId,
    dashboard_response,
    holds,
    today,
)
from huddle_insights.api.deps import DashboardReader, Projector
from huddle_insights.application import queries
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.http import BadRequest
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["dashboards"], responses=PROBLEM_RESPONSES)
TRENDS_WINDOW = timedelta(days=730)


@router.get(
    "/orgs/{org_id}/dashboard", response_model=dict[str, Any], responses=DASHBOARD_RESPONSES
)
async def org_dashboard(
    org_id: OrgId,
    reader: DashboardReader,
    principal: CurrentPrincipal,
    as_of: AsOf = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Every team with its three indices, level, trend and participation."""
    dashboard = await queries.org_dashboard(
        reader,
        principal,
        org_id=str(org_id),
        as_of=today(as_of),
        held=partial(holds, if_none_match),
    )
    return dashboard_response(dashboard)


@router.get("/orgs/{org_id}/heatmap", response_model=dict[str, Any], responses=DASHBOARD_RESPONSES)
async def org_heatmap(
    org_id: OrgId,
    reader: DashboardReader,
    principal: CurrentPrincipal,
    as_of: AsOf = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Team by the four Relational Leadership competencies (latest self-check per team)."""
    dashboard = await queries.org_heatmap(
        reader,
        principal,
        org_id=str(org_id),
        as_of=today(as_of),
        held=partial(holds, if_none_match),
    )
    return dashboard_response(dashboard)


@router.get("/orgs/{org_id}/teams")
async def org_teams(
    org_id: OrgId, projector: Projector, principal: CurrentPrincipal
) -> dict[str, Any]:
    """The organisation's teams as insights sees them (eventually consistent)."""
    return await queries.org_teams(projector, principal, org_id=str(org_id))


@router.get(
    "/teams/{team_id}/dashboard", response_model=dict[str, Any], responses=DASHBOARD_RESPONSES
)
async def team_dashboard(
    team_id: TeamId,
    reader: DashboardReader,
    principal: CurrentPrincipal,
    as_of: AsOf = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Morale, collaboration and burnout risk with drivers, roster, role changes, charter."""
    dashboard = await queries.team_dashboard(
        reader,
        principal,
        team_id=str(team_id),
        as_of=today(as_of),
        held=partial(holds, if_none_match),
    )
    return dashboard_response(dashboard)


@router.get("/teams/{team_id}/trends", response_model=dict[str, Any], responses=DASHBOARD_RESPONSES)
async def team_trends(
    team_id: TeamId,
    reader: DashboardReader,
    principal: CurrentPrincipal,
    metric: Annotated[Literal["morale", "collaboration", "burnout_risk"], Query()] = "morale",
    from_: Annotated[date | None, Query(alias="from")] = None,
    to: Annotated[date | None, Query()] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """A time series by campaign, each point computed from what was known when it closed."""
    end = today(to)
    start = from_ or end - TRENDS_WINDOW
    if start > end:
        raise BadRequest("'from' must not be after 'to'")
    dashboard = await queries.team_trends(
        reader,
        principal,
        team_id=str(team_id),
        metric=metric,
        start=start,
        end=end,
        held=partial(holds, if_none_match),
    )
    return dashboard_response(dashboard)
