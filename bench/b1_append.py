"""B1: appending events through the event store, against a raw insert and the eventsourcing library.

One operation is one command's transaction: the event store writes the event row and its outbox
row (with the CloudEvents headers and payload prepared for Kafka) and commits. Each worker
appends to its own streams, a new stream every ``PER_STREAM`` events, so the mix holds creations
(version 1) and later versions, as in the relay test.

Baselines, measured at the same concurrency on the same server in the same run:

- raw: one asyncpg ``INSERT`` of an equivalent event row in its own transaction (no ORM, no
  outbox, no envelope), on an asyncpg pool;
- library: the ``eventsourcing`` library's PostgreSQL application saving an aggregate with the
  same event payloads (its sync API, one thread per worker, a psycopg pool of that size).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import asyncpg
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from bench.harness import Context, checkpoint, log, run_async
from bench.measure import Op, Rate, closed_loop, median_rate, threaded_closed_loop
from bench.report import Row, Section
from huddle_shared.config import ServiceSettings
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import CareSetting, TeamCreated, TeamRenamed
from huddle_shared.db import create_engine
from huddle_shared.eventstore import EventContext, EventStore
from huddle_teams.bootstrap import MIGRATIONS as TEAMS_MIGRATIONS

PER_STREAM = 20
ORG = str(uuid.uuid4())
ACTOR = str(uuid.uuid4())
DESCRIPTION = "Primary-care team of the north clinic: physicians, nurses, a pharmacist."
TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


@dataclass
class _Cursor:
    """A worker's current stream and the version it has reached."""

    stream: str = ""
    version: int = PER_STREAM

    def advance(self) -> tuple[str, int]:
        if self.version >= PER_STREAM:
            self.stream, self.version = str(uuid.uuid4()), 0
        return self.stream, self.version


def _context() -> EventContext:
    return EventContext(
        tenant_id=ORG,
        actor=ACTOR,
        correlation_id=str(uuid.uuid4()),
        trace_headers={"traceparent": TRACEPARENT},
    )


# ---- the event store ---------------------------------------------------------------------------


async def measure_store(url: str, *, concurrency: int, warmup_s: float, window_s: float) -> Rate:
    engine = create_engine(
        ServiceSettings(service_name="teams", database_url=url, database_pool_size=concurrency)
    )
    store = EventStore(
        registry=REGISTRY,
        source="huddle/teams",
        physical_topic=lambda t: "bench." + t,
        on_commit_hint=lambda: None,
    )

    def make(_: int) -> Op:
        cursor = _Cursor()

        async def op() -> None:
            stream, version = cursor.advance()
            payload = (
                TeamCreated(
                    team_id=stream,
                    org_id=ORG,
                    name="North clinic",
                    care_setting=CareSetting.PRIMARY_CARE_CLINIC,
                    description=DESCRIPTION,
                    created_by=ACTOR,
                )
                if version == 0
                else TeamRenamed(
                    team_id=stream,
                    name=f"North clinic {version}",
                    description=DESCRIPTION,
                    renamed_by=ACTOR,
                )
            )
            async with engine.begin() as conn:
                await store.append(
                    conn,
                    stream_id=stream,
                    stream_type="team",
                    expected_version=version,
                    events=[payload],
                    context=_context(),
                    now=datetime.now(UTC),
                )
            store.committed()
            cursor.version = version + 1

        return op

    try:
        return await closed_loop(
            make, concurrency=concurrency, warmup_s=warmup_s, window_s=window_s
        )
    finally:
        await engine.dispose()


# ---- raw asyncpg -------------------------------------------------------------------------------

RAW_INSERT = (
    "INSERT INTO raw_events (stream_id, version, event_id, stream_type, tenant_id, type, data, "
    "metadata, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
)


async def measure_raw(url: str, *, concurrency: int, warmup_s: float, window_s: float) -> Rate:
    pool = await asyncpg.create_pool(url, min_size=concurrency, max_size=concurrency)
    assert pool is not None
    async with pool.acquire() as conn:
        await conn.execute("CREATE TABLE IF NOT EXISTS raw_events (LIKE events INCLUDING ALL)")

    def make(_: int) -> Op:
        cursor = _Cursor()

        async def op() -> None:
            stream, version = cursor.advance()
            version += 1
            data: dict[str, Any] = {"team_id": stream, "name": f"North clinic {version}"}
            data |= {"description": DESCRIPTION, "renamed_by": ACTOR}
            metadata = {"tenant_id": ORG, "actor": ACTOR, "correlation_id": str(uuid.uuid4())}
            async with pool.acquire() as conn, conn.transaction():
                await conn.execute(
                    RAW_INSERT,
                    stream,
                    version,
                    uuid.uuid4(),
                    "team",
                    ORG,
                    TeamRenamed.event_type,
                    json.dumps(data),
                    json.dumps(metadata),
                    datetime.now(UTC),
                )
            cursor.version = version

        return op

    try:
        return await closed_loop(
            make, concurrency=concurrency, warmup_s=warmup_s, window_s=window_s
        )
    finally:
        await pool.close()


# ---- the eventsourcing library ----------------------------------------------------------------


class LibraryTeam(Aggregate):
    """The same team events as an aggregate of the eventsourcing library."""

    @event("Created")
    def __init__(
        self, org_id: str, name: str, care_setting: str, description: str, created_by: str
    ) -> None:
        self.org_id = org_id
        self.name = name
        self.care_setting = care_setting
        self.description = description
        self.created_by = created_by

    @event("Renamed")
    def rename(self, name: str, description: str, renamed_by: str) -> None:
        self.name = name
        self.description = description


def library_env(url: str, pool_size: int) -> dict[str, str]:
    parts = urlsplit(url)
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": parts.path.lstrip("/"),
        "POSTGRES_HOST": parts.hostname or "127.0.0.1",
        "POSTGRES_PORT": str(parts.port or 5432),
        "POSTGRES_USER": parts.username or "postgres",
        "POSTGRES_PASSWORD": parts.password or "",
        "POSTGRES_POOL_SIZE": str(pool_size),
        "POSTGRES_MAX_OVERFLOW": "0",
        "POSTGRES_CONNECT_TIMEOUT": "10",
        "CREATE_TABLE": "yes",
    }


def measure_library(url: str, *, concurrency: int, warmup_s: float, window_s: float) -> Rate:
    app: Application[Any] = Application(env=library_env(url, concurrency))

    def make(_: int) -> Callable[[], None]:
        state: dict[str, Any] = {"team": None, "version": PER_STREAM}

        def op() -> None:
            if state["version"] >= PER_STREAM:
                state["team"] = LibraryTeam(
                    org_id=ORG,
                    name="North clinic",
                    care_setting=CareSetting.PRIMARY_CARE_CLINIC.value,
                    description=DESCRIPTION,
                    created_by=ACTOR,
                )
                state["version"] = 0
            else:
                state["team"].rename(
                    name=f"North clinic {state['version']}",
                    description=DESCRIPTION,
                    renamed_by=ACTOR,
                )
            app.save(state["team"])
            state["version"] += 1

        return op

    try:
        return threaded_closed_loop(
            make, concurrency=concurrency, warmup_s=warmup_s, window_s=window_s
        )
    finally:
        app.close()


# ---- the benchmark -----------------------------------------------------------------------------


def run(ctx: Context) -> Section:
    cfg = ctx.config
    section = Section("B1", "event append")
    store_url = ctx.database("teams", TEAMS_MIGRATIONS)
    library_url = ctx.empty_database()
    timing = {"warmup_s": cfg.warmup_s, "window_s": cfg.window_s}
    results: dict[int, dict[str, list[Rate]]] = {}
    for concurrency in cfg.b1_concurrency:
        runs: dict[str, list[Rate]] = {"raw": [], "store": [], "library": []}
        for repeat in range(cfg.repeats):
            # Interleaved, so that a noisy neighbour hurts all three alike.
            runs["raw"].append(run_async(measure_raw(store_url, concurrency=concurrency, **timing)))
            runs["store"].append(
                run_async(measure_store(store_url, concurrency=concurrency, **timing))
            )
            runs["library"].append(measure_library(library_url, concurrency=concurrency, **timing))
            log(
                f"B1 c={concurrency} #{repeat + 1}: "
                + ", ".join(f"{k} {v[-1].per_second:,.0f}/s" for k, v in runs.items())
            )
        results[concurrency] = runs
        run_async(checkpoint(ctx.infra.database_url))
    for concurrency, runs in results.items():
        raw, store, library = (median_rate(runs[k]) for k in ("raw", "store", "library"))
        section.rows.append(
            Row(
                "B1",
                f"append, c={concurrency}: event store (events+outbox) vs raw asyncpg insert",
                store.per_second,
                "tx/s",
                "raw",
                raw.per_second,
                goal=0.7,
                comparison="ratio>=",
                note=f"p99 {store.latency.p99_ms:.1f} ms vs raw {raw.latency.p99_ms:.1f} ms",
            )
        )
        section.rows.append(
            Row(
                "B1",
                f"append, c={concurrency}: event store vs eventsourcing library",
                store.per_second,
                "tx/s",
                "library",
                library.per_second,
                goal=2.0,
                comparison="ratio>=",
                note=f"library p99 {library.latency.p99_ms:.1f} ms",
            )
        )
        section.details[f"c{concurrency}"] = {
            name: [r.as_json() for r in rates] for name, rates in runs.items()
        }
    section.notes.append(
        "One operation = one transaction with one event (+ its outbox row for the store); "
        f"median of {cfg.repeats} interleaved {cfg.window_s:g} s windows per variant."
    )
    return section
