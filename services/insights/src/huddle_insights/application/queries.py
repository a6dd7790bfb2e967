"""Use cases that read: every dashboard, the organisation's teams, the projection's status.

Dashboards are answered from the active generation through the cache (``cache.py``). The
order of a dashboard read matters: the watermark first (so whatever is computed next is at
least as new as it), then the access check (on every request, before anything is sent, even
a 304), then "the client's copy is current", a cached body, or a fresh one.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import roster, teams
from huddle_insights.application import access, dashboards
from huddle_insights.application.access import TeamAccess
from huddle_insights.application.cache import (
    DashboardCache,
    Watermark,
    entity_tag,
    read_watermark,
    serialise,
)
from huddle_insights.application.projector import Projector
from huddle_shared import metrics
from huddle_shared.auth import Principal
from huddle_shared.consumer.bookkeeping import count_dead_letters
from huddle_shared.pagination import Page, fetch_page

Compute = Callable[[AsyncConnection], Awaitable[dict[str, Any]]]
Check = Callable[[AsyncConnection, Watermark], Awaitable[None]]
Held = Callable[[str], bool]  # whether the client already holds the representation of an ETag


@dataclass(frozen=True, slots=True)
class Dashboard:
    """A dashboard's ETag, and its JSON body unless the client's copy is current."""

    etag: str
    body: bytes | None


@dataclass(frozen=True, slots=True)
class Reader:
    """What a dashboard read needs: the generations and this process's cache."""

    projector: Projector
    cache: DashboardCache


async def read_dashboard(
    reader: Reader,
    *,
    endpoint: str,
    key: tuple[Hashable, ...],
    held: Held,
    compute: Compute,
    check: Check | None = None,
) -> Dashboard:
    """Watermark, then the access check, then 304 / a cached body / a fresh one."""
    projector = reader.projector
    generation = projector.generation or await projector.active_generation()
    async with projector.engine_for(generation).connect() as conn:
        # READ COMMITTED takes a snapshot per statement anyway; outside a transaction block the
        # request saves the BEGIN and ROLLBACK round trips (a hit is then one query).
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        # The watermark is read before any data: what is computed next is at least as new as
        # it (never older), and whatever commits later moves it, so a stale entry cannot match.
        watermark = await read_watermark(
            conn, generation=generation, group_id=projector.group_of(generation)
        )
        if check is not None:
            await check(conn, watermark)
        etag = entity_tag(watermark, (endpoint, *key))
        if held(etag):
            return Dashboard(etag, None)

        async def fresh() -> bytes:
            started = time.perf_counter()
            try:
                return serialise(await compute(conn))
            finally:
                metrics.DASHBOARD_QUERY_SECONDS.record(
                    time.perf_counter() - started, {"endpoint": endpoint}
                )

        body = await reader.cache.bodies.get_or_compute(
            (generation, endpoint, *key), watermark, endpoint=endpoint, compute=fresh
        )
    return Dashboard(etag, body)


async def org_dashboard(
    reader: Reader, principal: Principal, *, org_id: str, as_of: date, held: Held
) -> Dashboard:
    access.ensure_can_read_org_dashboards(principal, org_id)

    async def compute(conn: AsyncConnection) -> dict[str, Any]:
        return await dashboards.org_dashboard(conn, org_id=org_id, as_of=as_of)

    key = (org_id, as_of.isoformat())
    return await read_dashboard(
        reader, endpoint="org_dashboard", key=key, held=held, compute=compute
    )


async def org_heatmap(
    reader: Reader, principal: Principal, *, org_id: str, as_of: date, held: Held
) -> Dashboard:
    access.ensure_can_read_org_dashboards(principal, org_id)

    async def compute(conn: AsyncConnection) -> dict[str, Any]:
        return await dashboards.heatmap(conn, org_id=org_id, as_of=as_of)

    key = (org_id, as_of.isoformat())
    return await read_dashboard(reader, endpoint="heatmap", key=key, held=held, compute=compute)


async def team_dashboard(
    reader: Reader, principal: Principal, *, team_id: str, as_of: date, held: Held
) -> Dashboard:
    async def compute(conn: AsyncConnection) -> dict[str, Any]:
        return await dashboards.team_dashboard(conn, team_id=team_id, as_of=as_of)

    return await read_dashboard(
        reader,
        endpoint="team_dashboard",
        key=(team_id, as_of.isoformat()),
        held=held,
        compute=compute,
        check=_team_reader_check(reader.cache, principal, team_id),
    )


async def team_trends(
    reader: Reader,
    principal: Principal,
    *,
    team_id: str,
    metric: str,
    start: date,
    end: date,
    held: Held,
) -> Dashboard:
    async def compute(conn: AsyncConnection) -> dict[str, Any]:
        return await dashboards.trends(conn, team_id=team_id, metric=metric, start=start, end=end)

    return await read_dashboard(
        reader,
        endpoint="trends",
        key=(team_id, metric, start.isoformat(), end.isoformat()),
        held=held,
        compute=compute,
        check=_team_reader_check(reader.cache, principal, team_id),
    )


def _team_reader_check(cache: DashboardCache, principal: Principal, team_id: str) -> Check:
    async def check(conn: AsyncConnection, watermark: Watermark) -> None:
        access.ensure_can_read_team(principal, await team_access(cache, conn, watermark, team_id))

    return check


async def team_access(
    cache: DashboardCache, conn: AsyncConnection, watermark: Watermark, team_id: str
) -> TeamAccess:
    """The team's organisation and members, cached under the watermark they were read at."""
    key = (watermark.generation, team_id)
    found = cache.access.get(key, watermark, endpoint="team_access")
    if found is not None:
        return found
    org_id: str | None = (
        await conn.execute(select(teams.c.org_id).where(teams.c.team_id == team_id))
    ).scalar_one_or_none()
    members: frozenset[str] = frozenset()
    if org_id is not None:
        members = frozenset(
            (
                await conn.execute(select(roster.c.user_id).where(roster.c.team_id == team_id))
            ).scalars()
        )
    found = TeamAccess(org_id, members)
    cache.access.put(key, watermark, found)
    return found


async def org_teams(
    projector: Projector,
    principal: Principal,
    *,
    org_id: str,
    after: tuple[str, str] | None,
    limit: int,
) -> Page:
    """The organisation's teams as insights sees them (eventually consistent), by name then id;
    ``after`` is the last (name, team id) seen."""
    access.ensure_can_list_org_teams(principal, org_id)
    async with (await projector.read_engine()).connect() as conn:
        return await fetch_page(
            conn,
            select(teams.c.team_id, teams.c.name, teams.c.care_setting).where(
                teams.c.org_id == org_id
            ),
            order_by=[teams.c.name, teams.c.team_id],
            after_keys=after,
            limit=limit,
        )


async def projection_status(projector: Projector, principal: Principal) -> dict[str, Any]:
    """Per topic and partition of the live generation: lag, last event time; dead letters."""
    access.ensure_can_see_projection_status(principal)
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
        dead = await count_dead_letters(conn, group_id=live.group_id if live else "")
    return {
        "generation": projector.generation,
        "consumer_group": live.group_id if live else None,
        "connected": bool(live and live.is_running),
        "partitions": partitions,
        "dead_letters": dead,
    }
