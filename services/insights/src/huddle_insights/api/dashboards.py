"""Dashboard routes: aggregates only, suppressed when too few responded.

The four dashboard routes are served through the per-process cache with a strong ``ETag`` and
``If-None-Match`` (see ``application/queries.py``); the access check runs on every request,
before anything (a body or a 304) is sent. Each route only turns HTTP into a query and back.
Their bodies are the cache's bytes, sent as they are: ``response_model`` describes them for the
OpenAPI document only (``schemas.py``; the integration tests hold real answers to it).
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
from huddle_insights.api.schemas import (
    OrgDashboard,
    OrgHeatmap,
    OrgTeam,
    OrgTeamPage,
    TeamDashboard,
    TeamTrends,
)
from huddle_insights.application import queries
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.contracts.teams import CareSetting
from huddle_shared.http import BAD_CURSOR, BadRequest, Cursor, Limit, decode_cursor
from huddle_shared.openapi import problems

router = APIRouter(prefix="/v1", tags=["dashboards"])
TRENDS_WINDOW = timedelta(days=730)

_ORG_DASHBOARD_PROBLEMS = problems(
    403,
    404,
    _403="Organisation dashboards are for org admins, analysts and clients with dashboards:read",
    _404="No such organisation (another organisation's is reported as absent)",
)
_TEAM_DASHBOARD_PROBLEMS: dict[int | str, dict[str, Any]] = problems(
    403,
    404,
    _403="Team dashboards are for the team, org admins, analysts and clients with dashboards:read",
    _404="No such team (another organisation's is reported as absent)",
)


@router.get(
    "/orgs/{org_id}/dashboard",
    response_model=OrgDashboard,
    operation_id="read_org_dashboard",
    summary="Read the organisation dashboard",
    responses={**DASHBOARD_RESPONSES, **_ORG_DASHBOARD_PROBLEMS},
)
async def org_dashboard(
    org_id: OrgId,
    reader: DashboardReader,
    principal: CurrentPrincipal,
    as_of: AsOf = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Every active team of the organisation by name, with morale, collaboration, burnout risk
    and participation, and the organisation's own figures. For org admins, analysts and clients
    with `dashboards:read`. A figure resting on too few respondents is null, with `suppressed`
    and a `reason`; send the ETag back in If-None-Match to get a 304 while nothing changed."""
    dashboard = await queries.org_dashboard(
        reader,
        principal,
        org_id=str(org_id),
        as_of=today(as_of),
        held=partial(holds, if_none_match),
    )
    return dashboard_response(dashboard)


@router.get(
    "/orgs/{org_id}/heatmap",
    response_model=OrgHeatmap,
    operation_id="read_org_heatmap",
    summary="Read the competency heatmap",
    responses={**DASHBOARD_RESPONSES, **_ORG_DASHBOARD_PROBLEMS},
)
async def org_heatmap(
    org_id: OrgId,
    reader: DashboardReader,
    principal: CurrentPrincipal,
    as_of: AsOf = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Each active team by name against the four Relational Leadership competencies, from its
    latest closed self-check (means from 1 to 5). Same callers as the organisation dashboard;
    a cell resting on too few respondents is null, with `suppressed` and a `reason`. Answers
    304 to a current If-None-Match."""
    dashboard = await queries.org_heatmap(
        reader,
        principal,
        org_id=str(org_id),
        as_of=today(as_of),
        held=partial(holds, if_none_match),
    )
    return dashboard_response(dashboard)


@router.get(
    "/orgs/{org_id}/teams",
    response_model=OrgTeamPage,
    operation_id="list_org_teams",
    summary="List the organisation's teams",
    responses=problems(
        400,
        403,
        404,
        _400=BAD_CURSOR,
        _403="This client lacks the scope 'dashboards:read'",
        _404="No such organisation (another organisation's is reported as absent)",
    ),
)
async def org_teams(
    org_id: OrgId,
    projector: Projector,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> OrgTeamPage:
    """The organisation's teams as insights has projected them, archived ones included, by name
    then id, with cursor pagination (eventually consistent: a team just created appears within
    moments). For any person of the organisation, and clients with `dashboards:read`."""
    after = decode_cursor(cursor, 2)
    if after is not None and not all(isinstance(key, str) for key in after):
        raise BadRequest(BAD_CURSOR)
    page = await queries.org_teams(
        projector,
        principal,
        org_id=str(org_id),
        after=(after[0], after[1]) if after else None,
        limit=limit,
    )
    items = [
        OrgTeam(id=r["team_id"], name=r["name"], care_setting=CareSetting(r["care_setting"]))
        for r in page.rows
    ]
    return OrgTeamPage(
        items=items, next_cursor=page.next_cursor(lambda r: [r["name"], r["team_id"]])
    )


@router.get(
    "/teams/{team_id}/dashboard",
    response_model=TeamDashboard,
    operation_id="read_team_dashboard",
    summary="Read a team dashboard",
    responses={**DASHBOARD_RESPONSES, **_TEAM_DASHBOARD_PROBLEMS},
)
async def team_dashboard(
    team_id: TeamId,
    reader: DashboardReader,
    principal: CurrentPrincipal,
    as_of: AsOf = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Morale, collaboration and burnout risk with their drivers, the roster, the last year's
    role changes, the charter's health and the competencies. For the team's members, org admins,
    analysts and clients with `dashboards:read`; others of the organisation get a 403. Suppressed
    figures are null with a `reason`; answers 304 to a current If-None-Match."""
    dashboard = await queries.team_dashboard(
        reader,
        principal,
        team_id=str(team_id),
        as_of=today(as_of),
        held=partial(holds, if_none_match),
    )
    return dashboard_response(dashboard)


@router.get(
    "/teams/{team_id}/trends",
    response_model=TeamTrends,
    operation_id="read_team_trends",
    summary="Read a team's trend",
    responses={
        **DASHBOARD_RESPONSES,
        **problems(400, _400="'from' must not be after 'to'"),
        **_TEAM_DASHBOARD_PROBLEMS,
    },
)
async def team_trends(
    team_id: TeamId,
    reader: DashboardReader,
    principal: CurrentPrincipal,
    metric: Annotated[
        Literal["morale", "collaboration", "burnout_risk"],
        Query(description="The index to follow; the points' shape depends on it"),
    ] = "morale",
    from_: Annotated[
        date | None, Query(alias="from", description="First day (default: two years before 'to')")
    ] = None,
    to: Annotated[date | None, Query(description="Last day (default: today, UTC)")] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """One point per campaign closed in the window, oldest first, each computed from what was
    known when it closed (morale follows pulse campaigns only). Same callers as the team
    dashboard; a 400 when `from` is after `to`. Answers 304 to a current If-None-Match."""
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
