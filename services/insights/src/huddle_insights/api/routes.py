"""Dashboards API of the insights service: aggregates only, suppressed when too few responded.

The four dashboard routes serve responses from a per-process cache (``application/cache.py``)
validated by the projection watermark, with a strong ``ETag`` and ``If-None-Match``. The access
check runs on every request, before anything (a body or a 304) is sent.
"""

from __future__ import annotations

import hmac
import uuid
from collections.abc import Awaitable, Callable, Hashable
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query, Request, Response
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import teams
from huddle_insights.application import dashboards
from huddle_insights.application.cache import (
    DashboardCache,
    TeamAccess,
    Watermark,
    entity_tag,
    read_watermark,
    serialise,
)
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
IfNoneMatch = Annotated[
    str | None,
    Header(
        alias="If-None-Match",
        max_length=2048,
        description="ETags of representations the client holds; a match answers 304",
    ),
]
ORG_WIDE = (OrgRole.ORG_ADMIN, OrgRole.ANALYST)
CACHE_CONTROL = "private, no-cache"
_CACHING_HEADERS = {
    "ETag": {
        "description": "Strong validator of this representation (send it in If-None-Match)",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "private, no-cache: keep it, but revalidate before each use",
        "schema": {"type": "string"},
    },
}
DASHBOARD_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"headers": _CACHING_HEADERS},
    304: {
        "description": "Not modified: the If-None-Match ETag is still current (no body)",
        "headers": _CACHING_HEADERS,
        "content": {},
    },
}


def _projector(request: Request) -> Projector:
    projector: Projector = request.app.state.projector
    return projector


def _cache(request: Request) -> DashboardCache:
    cache: DashboardCache = request.app.state.dashboard_cache
    return cache


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


def _require_team_reader(access: TeamAccess, principal: Principal) -> None:
    """The team, org admins, analysts and clients with dashboards:read (same organisation)."""
    if access.org_id is None or access.org_id != principal.org_id:
        raise NotFound("No such team")
    if principal.kind == "client":
        principal.require_scope("dashboards:read")
        return
    if principal.has_any_role(*ORG_WIDE):
        return
    if principal.subject not in access.members:
        raise Forbidden("Team dashboards are for the team, org admins and analysts")


def _matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 If-None-Match: weak comparison against a list of tags, or ``*``."""
    if if_none_match is None:
        return False
    for candidate in if_none_match.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


Compute = Callable[[AsyncConnection], Awaitable[dict[str, Any]]]
Check = Callable[[AsyncConnection, Watermark], Awaitable[None]]


async def _cached_dashboard(
    request: Request,
    *,
    endpoint: str,
    key: tuple[Hashable, ...],
    if_none_match: str | None,
    compute: Compute,
    check: Check | None = None,
) -> Response:
    """Watermark, then the access check, then 304 / a cached body / a fresh one."""
    projector = _projector(request)
    cache = _cache(request)
    generation = projector.generation or await projector.active_generation()
    async with projector.engine_for(generation).connect() as conn:
        # READ COMMITTED takes a snapshot per statement anyway; outside a transaction block the
        # request saves the BEGIN and ROLLBACK round trips (a hit is then one query).
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        # The watermark is read before any data: what is computed next is at least as new as
        # it (never older), and whatever commits later moves it, so a stale entry cannot match.
        watermark = await read_watermark(
            conn, generation=generation, group_id=f"{projector.group_prefix}-g{generation}"
        )
        if check is not None:
            await check(conn, watermark)
        cache_key = (generation, endpoint, *key)
        etag = entity_tag(watermark, (endpoint, *key))
        headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
        if _matches(if_none_match, etag):
            return Response(status_code=304, headers=headers)

        async def fresh() -> bytes:
            with _timed(endpoint):
                return serialise(await compute(conn))

        body = await cache.bodies.get_or_compute(
            cache_key, watermark, endpoint=endpoint, compute=fresh
        )
    return Response(body, media_type="application/json", headers=headers)


def _team_check(request: Request, principal: Principal, team_id: str) -> Check:
    async def check(conn: AsyncConnection, watermark: Watermark) -> None:
        access = await _cache(request).team_access(conn, watermark, team_id)
        _require_team_reader(access, principal)

    return check


@router.get(
    "/orgs/{org_id}/dashboard",
    tags=["dashboards"],
    response_model=dict[str, Any],
    responses=DASHBOARD_RESPONSES,
)
async def org_dashboard(
    org_id: OrgId,
    request: Request,
    principal: CurrentPrincipal,
    as_of: AsOf = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Every team with its three indices, level, trend and participation."""
    _require_org_wide(principal, str(org_id))
    day = _today(as_of)

    async def compute(conn: AsyncConnection) -> dict[str, Any]:
        return await dashboards.org_dashboard(conn, org_id=str(org_id), as_of=day)

    return await _cached_dashboard(
        request,
        endpoint="org_dashboard",
        key=(str(org_id), day.isoformat()),
        if_none_match=if_none_match,
        compute=compute,
    )


@router.get(
    "/orgs/{org_id}/heatmap",
    tags=["dashboards"],
    response_model=dict[str, Any],
    responses=DASHBOARD_RESPONSES,
)
async def org_heatmap(
    org_id: OrgId,
    request: Request,
    principal: CurrentPrincipal,
    as_of: AsOf = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Team by the four Relational Leadership competencies (latest self-check per team)."""
    _require_org_wide(principal, str(org_id))
    day = _today(as_of)

    async def compute(conn: AsyncConnection) -> dict[str, Any]:
        return await dashboards.heatmap(conn, org_id=str(org_id), as_of=day)

    return await _cached_dashboard(
        request,
        endpoint="heatmap",
        key=(str(org_id), day.isoformat()),
        if_none_match=if_none_match,
        compute=compute,
    )


@router.get("/orgs/{org_id}/teams", tags=["dashboards"])
async def org_teams(org_id: OrgId, request: Request, principal: CurrentPrincipal) -> dict[str, Any]:
    """The organisation's teams as insights sees them (eventually consistent)."""
    principal.require_org(str(org_id))
    if principal.kind == "client":
        principal.require_scope("dashboards:read")
    async with (await _projector(request).read_engine()).connect() as conn:
        rows = await conn.execute(
            select(teams.c.team_id, teams.c.name, teams.c.care_setting)
            .where(teams.c.org_id == str(org_id))
            .order_by(teams.c.name, teams.c.team_id)
        )
        found = [{"id": r.team_id, "name": r.name, "care_setting": r.care_setting} for r in rows]
    return {"org_id": str(org_id), "teams": found}


@router.get(
    "/teams/{team_id}/dashboard",
    tags=["dashboards"],
    response_model=dict[str, Any],
    responses=DASHBOARD_RESPONSES,
)
async def team_dashboard(
    team_id: TeamId,
    request: Request,
    principal: CurrentPrincipal,
    as_of: AsOf = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Morale, collaboration and burnout risk with drivers, roster, role changes, charter."""
    day = _today(as_of)

    async def compute(conn: AsyncConnection) -> dict[str, Any]:
        return await dashboards.team_dashboard(conn, team_id=str(team_id), as_of=day)

    return await _cached_dashboard(
        request,
        endpoint="team_dashboard",
        key=(str(team_id), day.isoformat()),
        if_none_match=if_none_match,
        compute=compute,
        check=_team_check(request, principal, str(team_id)),
    )


@router.get(
    "/teams/{team_id}/trends",
    tags=["dashboards"],
    response_model=dict[str, Any],
    responses=DASHBOARD_RESPONSES,
)
async def team_trends(
    team_id: TeamId,
    request: Request,
    principal: CurrentPrincipal,
    metric: Annotated[Literal["morale", "collaboration", "burnout_risk"], Query()] = "morale",
    from_: Annotated[date | None, Query(alias="from")] = None,
    to: Annotated[date | None, Query()] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """A time series by campaign, each point computed from what was known when it closed."""
    end = _today(to)
    start = from_ or end - timedelta(days=730)
    if start > end:
        from huddle_shared.http import BadRequest

        raise BadRequest("'from' must not be after 'to'")

    async def compute(conn: AsyncConnection) -> dict[str, Any]:
        return await dashboards.trends(
            conn, team_id=str(team_id), metric=metric, start=start, end=end
        )

    return await _cached_dashboard(
        request,
        endpoint="trends",
        key=(str(team_id), metric, start.isoformat(), end.isoformat()),
        if_none_match=if_none_match,
        compute=compute,
        check=_team_check(request, principal, str(team_id)),
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
