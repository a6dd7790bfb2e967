"""The consumer runtime against real Kafka and PostgreSQL: exactly-once effect, dead letters."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually, produce_raw, read_topic
from huddle_insights.adapters.tables import READ_SCHEMA, read_models
from huddle_insights.bootstrap import MIGRATIONS
from huddle_insights.projections.insights import InsightsProjection
from huddle_shared.config import to_asyncpg_url
from huddle_shared.consumer import ConsumerRuntime, ReceivedEvent
from huddle_shared.contracts import REGISTRY
from huddle_shared.envelope import to_kafka
from huddle_shared.topics import ensure_topics


class CountingDirectory(InsightsProjection):
    """The real projection, plus a log row per application so double effects are visible."""

    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
        await super().apply(conn, event)
        await conn.execute(
            text("INSERT INTO applied_log (event_id) VALUES (:id)"), {"id": event.envelope.id}
        )


def team_event(
    team_id: str, version: int, type_name: str, data: dict[str, Any], *, event_id: str | None = None
) -> tuple[bytes, bytes, list[tuple[str, bytes]]]:
    return to_kafka(
        event_id=event_id or str(uuid.uuid4()),
        event_type=type_name,
        source="huddle/teams",
        subject=team_id,
        time=datetime.now(UTC),
        tenant_id="org-1",
        stream_version=version,
        data=data,
    )


def created(team_id: str, name: str = "Team") -> dict[str, Any]:
    return {
        "team_id": team_id,
        "org_id": "org-1",
        "name": name,
        "care_setting": "primary_care_clinic",
        "description": "",
        "created_by": "u",
    }


@pytest.fixture
async def engine(databases: DatabaseFactory) -> AsyncIterator[AsyncEngine]:
    base = create_async_engine(to_asyncpg_url(databases.create("insights", MIGRATIONS)))
    # The read models of one projection generation, as the insights service lays them out.
    engine = base.execution_options(schema_translate_map={READ_SCHEMA: "insights_g1"})
    async with engine.begin() as conn:
        await conn.execute(text("CREATE SCHEMA insights_g1"))
        await conn.run_sync(read_models.create_all)
        await conn.execute(text("CREATE TABLE applied_log (event_id text NOT NULL)"))
    yield engine
    await base.dispose()


@pytest.fixture
async def topics(infra: Infrastructure, topic_prefix: str) -> tuple[str, str]:
    source, dlq = f"{topic_prefix}teams.team.v1", f"{topic_prefix}insights.deadletter.v1"
    await ensure_topics(infra.kafka_bootstrap, [source, dlq], partitions=3)
    return source, dlq


def runtime(
    engine: AsyncEngine, infra: Infrastructure, topics: tuple[str, str], group: str
) -> ConsumerRuntime:
    return ConsumerRuntime(
        engine=engine,
        registry=REGISTRY,
        projection=CountingDirectory(),
        group_id=group,
        topics=[topics[0]],
        bootstrap=infra.kafka_bootstrap,
        dead_letter_topic=topics[1],
        batch_size=50,
    )


async def scalar(engine: AsyncEngine, sql: str) -> Any:
    async with engine.connect() as conn:
        return (await conn.execute(text(sql))).scalar_one()


async def test_poison_messages_are_dead_lettered_and_the_consumer_carries_on(
    engine: AsyncEngine, infra: Infrastructure, topics: tuple[str, str]
) -> None:
    source, dlq = topics
    team = str(uuid.uuid4())
    key = team.encode()
    k, v, h = team_event(team, 1, "huddle.teams.team_created.v1", created(team, "Before"))
    await produce_raw(infra.kafka_bootstrap, source, v, key=k, headers=h)
    # Not JSON; an unknown event type; a payload that fails its schema; a projection that
    # cannot apply (renaming a team that never existed is fine, so use a bad enum instead).
    _, _, good_headers = team_event(team, 2, "huddle.teams.team_renamed.v1", {})
    await produce_raw(infra.kafka_bootstrap, source, b"{not json", key=key, headers=good_headers)
    k, v, h = team_event(team, 3, "huddle.teams.team_exploded.v1", {"team_id": team})
    await produce_raw(infra.kafka_bootstrap, source, v, key=k, headers=h)
    k, v, h = team_event(team, 4, "huddle.teams.team_renamed.v1", {"team_id": team})
    await produce_raw(infra.kafka_bootstrap, source, v, key=k, headers=h)
    other = str(uuid.uuid4())
    k, v, h = team_event(other, 1, "huddle.teams.team_created.v1", created(other, "After"))
    await produce_raw(infra.kafka_bootstrap, source, v, key=key, headers=h)

    consumer = runtime(engine, infra, topics, "insights-dlq-test")
    stop = asyncio.Event()
    task = asyncio.create_task(consumer.run(stop))
    try:
        await eventually(
            lambda: scalar(engine, "SELECT count(*) = 2 FROM insights_g1.teams"), timeout_s=60
        )
        dead = await read_topic(infra.kafka_bootstrap, dlq, until=lambda r: len(r) >= 3)
    finally:
        stop.set()
        await task

    reasons = sorted(dict(r.headers)["dlq_reason"].decode() for r in dead)
    assert len(dead) == 3
    assert any("not a CloudEvent" in r or "not a JSON object" in r for r in reasons)
    assert any("UnknownEventType" in r for r in reasons)
    assert any("InvalidEventPayload" in r for r in reasons)
    assert all(dict(r.headers)["dlq_source_topic"] == source.encode() for r in dead)
    assert await scalar(engine, "SELECT count(*) FROM dead_letters") == 3
    assert await scalar(engine, "SELECT count(*) FROM applied_log") == 2


async def test_duplicates_and_replayed_batches_change_nothing(
    engine: AsyncEngine, infra: Infrastructure, topics: tuple[str, str]
) -> None:
    source, _ = topics
    team = str(uuid.uuid4())
    first = team_event(team, 1, "huddle.teams.team_created.v1", created(team, "Original"))
    second = team_event(
        team,
        2,
        "huddle.teams.team_renamed.v1",
        {"team_id": team, "name": "Renamed", "description": "", "renamed_by": "u"},
    )
    # A relay that crashed after publishing re-sends: the same events arrive again, later.
    for key, value, headers in (first, second, first, second, second):
        await produce_raw(infra.kafka_bootstrap, source, value, key=key, headers=headers)

    consumer = runtime(engine, infra, topics, "insights-dup-test")
    stop = asyncio.Event()
    task = asyncio.create_task(consumer.run(stop))
    try:
        await eventually(
            lambda: scalar(engine, "SELECT count(*) FROM consumer_offsets WHERE next_offset > 0"),
            timeout_s=60,
        )
        await eventually(lambda: consumer.applied_total >= 2, timeout_s=30)
        await asyncio.sleep(1.0)  # let any (wrong) extra application happen
    finally:
        stop.set()
        await task

    assert await scalar(engine, "SELECT count(*) FROM applied_log") == 2
    assert await scalar(engine, "SELECT name FROM insights_g1.teams") == "Renamed"

    # Replaying the very same batch (a crash after the database commit but before the Kafka
    # commit) must be a no-op: offsets and stream versions were stored with the effects.
    records = await read_topic(infra.kafka_bootstrap, source, until=lambda r: len(r) >= 5)
    assert await consumer.process(records) == 0
    assert await scalar(engine, "SELECT count(*) FROM applied_log") == 2


async def test_a_restarted_consumer_resumes_from_the_offsets_in_the_database(
    engine: AsyncEngine, infra: Infrastructure, topics: tuple[str, str]
) -> None:
    source, _ = topics
    teams = [str(uuid.uuid4()) for _ in range(30)]
    for team in teams[:15]:
        k, v, h = team_event(team, 1, "huddle.teams.team_created.v1", created(team))
        await produce_raw(infra.kafka_bootstrap, source, v, key=k, headers=h)
    for round_ in range(2):
        consumer = runtime(engine, infra, topics, "insights-restart-test")
        stop = asyncio.Event()
        task = asyncio.create_task(consumer.run(stop))
        try:
            expected = 15 * (round_ + 1)

            async def caught_up(n: int = expected) -> bool:
                return bool(await scalar(engine, f"SELECT count(*) >= {n} FROM applied_log"))

            await eventually(caught_up, timeout_s=60)
        finally:
            stop.set()
            await task
        if round_ == 0:
            for team in teams[15:]:
                k, v, h = team_event(team, 1, "huddle.teams.team_created.v1", created(team))
                await produce_raw(infra.kafka_bootstrap, source, v, key=k, headers=h)
    assert await scalar(engine, "SELECT count(*) FROM applied_log") == 30
    assert await scalar(engine, "SELECT count(DISTINCT event_id) FROM applied_log") == 30


async def test_statistics_of_applied_streams_are_refreshed_as_a_catch_up_makes_it_grow(
    engine: AsyncEngine,
    infra: Infrastructure,
    topics: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Stale statistics made each batch's version lookup scan the whole group (a rebuild got
    # slower as it went); the runtime now runs ANALYZE as the table grows. A low threshold here
    # stands in for the production one (10,000 new streams).
    from huddle_shared.consumer import runtime as consumer_module

    monkeypatch.setattr(consumer_module, "ANALYZE_EVERY_STREAMS", 40)
    source, _ = topics
    manual_analyses = (
        "SELECT analyze_count FROM pg_stat_user_tables "
        "WHERE schemaname = 'public' AND relname = 'applied_streams'"
    )
    before = await scalar(engine, manual_analyses)
    for _ in range(120):
        team = str(uuid.uuid4())
        k, v, h = team_event(team, 1, "huddle.teams.team_created.v1", created(team))
        await produce_raw(infra.kafka_bootstrap, source, v, key=k, headers=h)

    consumer = runtime(engine, infra, topics, "insights-analyze-test")
    stop = asyncio.Event()
    task = asyncio.create_task(consumer.run(stop))
    try:
        await eventually(
            lambda: scalar(engine, "SELECT count(*) = 120 FROM insights_g1.teams"), timeout_s=60
        )
    finally:
        stop.set()
        await task
    # 120 new streams at a threshold of 40 (then a fifth more each time): at least two runs.
    # The statistics collector reports asynchronously, hence the wait.
    await eventually(lambda: _at_least(engine, manual_analyses, before + 2), timeout_s=30)


async def _at_least(engine: AsyncEngine, sql: str, expected: int) -> bool:
    return int(await scalar(engine, sql)) >= expected
