"""Dashboards API of the insights service: aggregates only, suppressed when too few responded."""

from __future__ import annotations

import hmac
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query, Request
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import roster, teams
from huddle_insights.application import dashboards
from huddle_insights.application.projector import Projector
from huddle_insights.config import InsightsSettings
from huddle_shared import metrics
from huddle_shared.auth import CurrentPrincipal, Principal
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.errors import Forbidden, NotFound
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", responses=PROBLEM_RESPONSES)
OrgId = Annotated[uuid.UUID, Path(description="The organisation id")]
TeamId = Annotated[uuid.UUID, Path(description="The team id")]
AsOf = Annotated[date | None, Query(description="Compute as of this day (default: today, UTC)")]
ORG_WIDE = (OrgRole.ORG_ADMIN, OrgRole.ANALYST)


def _projector(request: Request) -> Projector:
    projector: Projector = request.app.state.projector
    return projector


def _timed(endpoint: str) -> Any:
    return metrics.DASHBOARD_QUERY_SECONDS.labels(endpoint).time()


def _today(as_of: date | None) -> date:
    return as_of or datetime.now(UTC).date()


def _require_org_wide(principal: Principal, org_id: str) -> None:
    """Org admins, analysts and clients with dashboards:read see the whole organisation."""
    principal.require_org(org_id)
    if principal.kind == "client":
        principal.require_scope("dashboards:read")
    elif not principal.has_any_role(*ORG_WIDE):
        raise Forbidden("Organisation dashboards are for org admins and analysts")


async def _require_team_reader(conn: AsyncConnection, principal: Principal, team_id: str) -> None:
    org_id = await dashboards.team_org(conn, team_id)
    if org_id is None or org_id != principal.org_id:
        raise NotFound("No such team")
    if principal.kind == "client":
        principal.require_scope("dashboards:read")
        return
    if principal.has_any_role(*ORG_WIDE):
        return
    member = await conn.execute(
        select(roster.c.user_id).where(
            roster.c.team_id == team_id, roster.c.user_id == principal.subject
        )
    )
    if member.first() is None:
        raise Forbidden("Team dashboards are for the team, org admins and analysts")


@router.get("/orgs/{org_id}/dashboard", tags=["dashboards"])
async def org_dashboard(
    org_id: OrgId, request: Request, principal: CurrentPrincipal, as_of: AsOf = None
) -> dict[str, Any]:
    """Every team with its three indices, level, trend and participation."""
    _require_org_wide(principal, str(org_id))
    async with (await _projector(request).read_engine()).connect() as conn:
        with _timed("org_dashboard"):
            return await dashboards.org_dashboard(conn, org_id=str(org_id), as_of=_today(as_of))


@router.get("/orgs/{org_id}/heatmap", tags=["dashboards"])
async def org_heatmap(
    org_id: OrgId, request: Request, principal: CurrentPrincipal, as_of: AsOf = None
) -> dict[str, Any]:
    """Team by the four Relational Leadership competencies (latest self-check per team)."""
    _require_org_wide(principal, str(org_id))
    async with (await _projector(request).read_engine()).connect() as conn:
        with _timed("heatmap"):
            return await dashboards.heatmap(conn, org_id=str(org_id), as_of=_today(as_of))


@router.get("/orgs/{org_id}/teams", tags=["dashboards"])
async def org_teams(org_id: OrgId, request: Request, principal: CurrentPrincipal) -> dict[str, Any]:
    """The organisation's teams as insights sees them (eventually consistent)."""
    principal.require_org(str(org_id))
    async with (await _projector(request).read_engine()).connect() as conn:
        rows = await conn.execute(
            select(teams.c.team_id, teams.c.name, teams.c.care_setting)
            .where(teams.c.org_id == str(org_id))
            .order_by(teams.c.name, teams.c.team_id)
        )
        found = [{"id": r.team_id, "name": r.name, "care_setting": r.care_setting} for r in rows]
    return {"org_id": str(org_id), "teams": found}


@router.get("/teams/{team_id}/dashboard", tags=["dashboards"])
async def team_dashboard(
    team_id: TeamId, request: Request, principal: CurrentPrincipal, as_of: AsOf = None
) -> dict[str, Any]:
    """Morale, collaboration and burnout risk with drivers, roster, role changes, charter."""
    async with (await _projector(request).read_engine()).connect() as conn:
        await _require_team_reader(conn, principal, str(team_id))
        with _timed("team_dashboard"):
            return await dashboards.team_dashboard(conn, team_id=str(team_id), as_of=_today(as_of))


@router.get("/teams/{team_id}/trends", tags=["dashboards"])
async def team_trends(
    team_id: TeamId,
    request: Request,
    principal: CurrentPrincipal,
    metric: Annotated[Literal["morale", "collaboration", "burnout_risk"], Query()] = "morale",
    from_: Annotated[date | None, Query(alias="from")] = None,
    to: Annotated[date | None, Query()] = None,
) -> dict[str, Any]:
    """A time series by campaign, each point computed from what was known when it closed."""
    end = _today(to)
    start = from_ or end - timedelta(days=730)
    if start > end:
        from huddle_shared.http import BadRequest

        raise BadRequest("'from' must not be after 'to'")
    async with (await _projector(request).read_engine()).connect() as conn:
        await _require_team_reader(conn, principal, str(team_id))
        with _timed("trends"):
            return await dashboards.trends(
                conn, team_id=str(team_id), metric=metric, start=start, end=end
            )


@router.get("/projections/status", tags=["operations"])
async def projection_status(request: Request, principal: CurrentPrincipal) -> dict[str, Any]:
    """Per topic and partition: lag, last event time, dead letters (org admins)."""
    principal.require_role(OrgRole.ORG_ADMIN)
    projector = _projector(request)
    live = projector.live
    partitions = []
    if live is not None:
        for (topic, partition), lag in sorted(
            ((tp.topic, tp.partition), lag) for tp, lag in live.lag.items()
        ):
            last = live.last_event_time.get((topic, partition))
            partitions.append(
                {
                    "topic": topic,
                    "partition": partition,
                    "lag": lag,
                    "last_event_time": last.isoformat() if last else None,
                }
            )
    async with projector.engine.connect() as conn:
        dead = (
            await conn.execute(
                text("SELECT count(*) FROM dead_letters WHERE group_id = :g"),
                {"g": live.group_id if live else ""},
            )
        ).scalar_one()
    return {
        "generation": projector.generation,
        "consumer_group": live.group_id if live else None,
        "connected": bool(live and live.is_running),
        "partitions": partitions,
        "dead_letters": int(dead),
    }


OperatorKey = Annotated[str | None, Header(alias="X-Operator-Key", max_length=512)]


def _require_operator(request: Request, operator_key: str | None) -> None:
    settings: InsightsSettings = request.app.state.runtime.settings
    configured = settings.operator_key.get_secret_value() if settings.operator_key else None
    if configured is None:
        raise NotFound("Not found")
    if operator_key is None or not hmac.compare_digest(operator_key, configured):
        raise Forbidden("A valid X-Operator-Key is required")


@router.post("/projections/rebuild", tags=["operations"])
async def rebuild(request: Request, operator_key: OperatorKey = None) -> dict[str, Any]:
    """Rebuild every projection from the beginning of the topics and swap it in (operators)."""
    _require_operator(request, operator_key)
    result = await _projector(request).rebuild()
    return result.as_json()


@router.post("/projections/dead-letters/replay", tags=["operations"])
async def replay_dead_letters(request: Request, operator_key: OperatorKey = None) -> dict[str, Any]:
    """Re-drive the dead letters through the projection (after a fix is deployed; operators)."""
    _require_operator(request, operator_key)
    live = _projector(request).live
    if live is None:
        from huddle_shared.errors import ServiceUnavailable

        raise ServiceUnavailable("The projection is not running yet")
    applied, failing = await live.replay_dead_letters()
    return {"replayed": applied, "still_failing": failing}
