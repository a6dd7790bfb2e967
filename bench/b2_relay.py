"""B2: the outbox relay draining a backlog to Kafka, against a raw aiokafka producer.

A backlog of events is appended through the event store in one transaction while the relay
already runs (its lease taken, its producer connected by a warm-up message); the clock starts at
that commit and stops when the relay has published and deleted every row. The raw baseline sends
the very same keys, values and headers (read from the outbox inside the filling transaction)
with the relay's producer settings (``default_producer_factory``: idempotent, ``acks=all``,
``linger_ms``, ``max_batch_size``) and the relay's batching: ``batch_size`` sends, then wait for
all their acknowledgements, then the next batch.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.harness import Context, log, run_async
from bench.report import Row, Section
from huddle_shared.config import ServiceSettings
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import CareSetting, TeamCreated, TeamRenamed
from huddle_shared.db import create_engine
from huddle_shared.eventstore import EventContext, EventStore
from huddle_shared.relay import OutboxRelay, default_producer_factory
from huddle_shared.topics import ensure_topics
from huddle_teams.bootstrap import MIGRATIONS as TEAMS_MIGRATIONS

PER_STREAM = 20
ORG = str(uuid.uuid4())
ACTOR = str(uuid.uuid4())
TOPIC = "teams.team.v1"
DESCRIPTION = "Primary-care team of the north clinic: physicians, nurses, a pharmacist."
Message = tuple[str, bytes, bytes, list[tuple[str, bytes]]]


def _events(stream: str) -> list[TeamCreated | TeamRenamed]:
    first = TeamCreated(
        team_id=stream,
        org_id=ORG,
        name="North clinic",
        care_setting=CareSetting.PRIMARY_CARE_CLINIC,
        description=DESCRIPTION,
        created_by=ACTOR,
    )
    rest = [
        TeamRenamed(
            team_id=stream, name=f"North clinic {v}", description=DESCRIPTION, renamed_by=ACTOR
        )
        for v in range(2, PER_STREAM + 1)
    ]
    return [first, *rest]


async def _append(store: EventStore, engine: AsyncEngine, count: int) -> list[Message] | None:
    """Append ``count`` events in one transaction; return the outbox rows it wrote."""
    context = EventContext(
        tenant_id=ORG,
        actor=ACTOR,
        correlation_id=str(uuid.uuid4()),
        trace_headers={"traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},
    )
    async with engine.begin() as conn:
        written = 0
        while written < count:
            stream = str(uuid.uuid4())
            events = _events(stream)[: count - written]
            await store.append(
                conn,
                stream_id=stream,
                stream_type="team",
                expected_version=0,
                events=events,
                context=context,
                now=datetime.now(UTC),
            )
            written += len(events)
        rows = (
            await conn.execute(text("SELECT topic, key, payload, headers FROM outbox ORDER BY id"))
        ).all()
    return [
        (r.topic, bytes(r.key), bytes(r.payload), [(n, v.encode("latin-1")) for n, v in r.headers])
        for r in rows
    ]


async def measure_relay(ctx: Context, url: str, prefix: str, count: int) -> dict[str, Any]:
    settings = ServiceSettings(service_name="teams", database_url=url)
    engine = create_engine(settings)
    store = EventStore(
        registry=REGISTRY, source="huddle/teams", physical_topic=lambda t: prefix + t
    )
    relay = OutboxRelay(
        engine=engine,
        service="teams",
        producer_factory=default_producer_factory(ctx.infra.kafka_bootstrap),
        batch_size=settings.relay_batch_size,
        poll_interval_s=settings.relay_poll_interval_s,
    )
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))
    try:
        await _append(store, engine, 1)  # the warm-up: lease taken, producer connected
        relay.wake()
        await _until(lambda: relay.published >= 1, 30)
        began = time.perf_counter()
        fill = await _append(store, engine, count)
        committed = time.perf_counter()
        relay.wake()
        await _until(lambda: relay.published >= count + 1, 300)
        drained = time.perf_counter()
    finally:
        stop.set()
        await task
        await engine.dispose()
    seconds = drained - committed
    return {
        "messages": count,
        "fill_seconds": round(committed - began, 3),
        "seconds": round(seconds, 3),
        "per_second": count / seconds,
        "payloads": fill,
    }


async def measure_raw(
    ctx: Context, messages: list[Message], topic: str, batch_size: int
) -> dict[str, Any]:
    producer = default_producer_factory(ctx.infra.kafka_bootstrap)()
    await producer.start()
    try:
        await producer.send_and_wait(topic, value=b"{}", key=b"warm-up")
        began = time.perf_counter()
        for start in range(0, len(messages), batch_size):
            futures = [
                await producer.send(topic, value=value, key=key, headers=headers)
                for _, key, value, headers in messages[start : start + batch_size]
            ]
            await asyncio.gather(*futures)
        seconds = time.perf_counter() - began
    finally:
        await producer.stop()
    return {
        "messages": len(messages),
        "seconds": round(seconds, 3),
        "per_second": len(messages) / seconds,
    }


async def _until(check: Any, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("the relay did not publish the backlog in time")
        await asyncio.sleep(0.002)


async def _run(ctx: Context) -> Section:
    cfg = ctx.config
    section = Section("B2", "outbox relay")
    prefix = ctx.topic_prefix("b2")
    raw_topic = prefix + "raw." + TOPIC
    await ensure_topics(ctx.infra.kafka_bootstrap, [prefix + TOPIC, raw_topic], partitions=3)
    batch_size = ServiceSettings().relay_batch_size
    relay_runs: list[dict[str, Any]] = []
    raw_runs: list[dict[str, Any]] = []
    for repeat in range(cfg.repeats):
        url = ctx.database("teams", TEAMS_MIGRATIONS)
        relay_run = await measure_relay(ctx, url, prefix, cfg.b2_messages)
        payloads = relay_run.pop("payloads")
        raw_run = await measure_raw(ctx, payloads, raw_topic, batch_size)
        relay_runs.append(relay_run)
        raw_runs.append(raw_run)
        log(
            f"B2 #{repeat + 1}: relay {relay_run['per_second']:,.0f}/s, "
            f"raw producer {raw_run['per_second']:,.0f}/s"
        )

    def median(runs: list[dict[str, Any]]) -> float:
        values = sorted(r["per_second"] for r in runs)
        return float(values[(len(values) - 1) // 2])

    section.rows.append(
        Row(
            "B2",
            f"relay to Kafka, {cfg.b2_messages:,} messages, batches of {batch_size}",
            median(relay_runs),
            "msg/s",
            "raw producer",
            median(raw_runs),
            goal=0.7,
            comparison="ratio>=",
        )
    )
    section.details = {"relay": relay_runs, "raw": raw_runs, "batch_size": batch_size}
    section.notes.append(
        "Relay: from the commit of the backlog to the last row deleted (select, send, await "
        "acks, delete, per batch). Raw: the same messages, same producer settings and batching."
    )
    return section


def run(ctx: Context) -> Section:
    return run_async(_run(ctx))
