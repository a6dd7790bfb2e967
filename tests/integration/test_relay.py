"""The outbox relay against real PostgreSQL and Kafka: exactly once, in order, one leader."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any, cast

from aiokafka import AIOKafkaProducer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import read_topic
from huddle_shared.config import to_asyncpg_url
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import CareSetting, TeamCreated, TeamRenamed
from huddle_shared.eventstore import EventContext, EventStore
from huddle_shared.relay import OutboxRelay, default_producer_factory
from huddle_shared.topics import ensure_topics
from huddle_teams.bootstrap import MIGRATIONS

STREAMS = 50
PER_STREAM = 20
CE_HEADERS = {
    "ce_specversion",
    "ce_id",
    "ce_source",
    "ce_type",
    "ce_time",
    "ce_subject",
    "ce_tenantid",
    "ce_streamversion",
    "content-type",
    "traceparent",
}


async def test_a_thousand_events_reach_kafka_exactly_once_in_stream_order(
    infra: Infrastructure, databases: DatabaseFactory, topic_prefix: str
) -> None:
    topic = f"{topic_prefix}teams.team.v1"
    await ensure_topics(infra.kafka_bootstrap, [topic], partitions=3)
    engine = create_async_engine(to_asyncpg_url(databases.create("teams", MIGRATIONS)))
    relays = [
        OutboxRelay(
            engine=engine,
            service="teams",
            producer_factory=default_producer_factory(infra.kafka_bootstrap),
            batch_size=100,
            poll_interval_s=0.05,
        )
        for _ in range(2)
    ]

    def wake_relays() -> None:
        for relay in relays:
            relay.wake()

    store = EventStore(
        registry=REGISTRY,
        source="huddle/teams",
        physical_topic=lambda t: topic_prefix + t,
        on_commit_hint=wake_relays,
    )
    context = EventContext(
        tenant_id="org-1",
        actor="user-1",
        trace_headers={"traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},
    )
    streams = [str(uuid.uuid4()) for _ in range(STREAMS)]
    stop = asyncio.Event()
    # Two relays share one database: the advisory-lock lease must let only one publish.
    relay_tasks = [asyncio.create_task(r.run(stop)) for r in relays]
    leaders_seen: set[int] = set()

    async def watch_leaders() -> None:
        while not stop.is_set():
            leaders = [i for i, r in enumerate(relays) if r.is_leader]
            assert len(leaders) <= 1, "two relays published at once"
            leaders_seen.update(leaders)
            await asyncio.sleep(0.01)

    watcher = asyncio.create_task(watch_leaders())

    async def append(stream: str, version: int) -> None:
        event = (
            TeamCreated(
                team_id=stream,
                org_id="org-1",
                name="v1",
                care_setting=CareSetting.PRIMARY_CARE_CLINIC,
                created_by="user-1",
            )
            if version == 1
            else TeamRenamed(team_id=stream, name=f"v{version}", renamed_by="user-1")
        )
        async with engine.begin() as conn:
            await store.append(
                conn,
                stream_id=stream,
                stream_type="team",
                expected_version=version - 1,
                events=[event],
                context=context,
                now=datetime.now(UTC),
            )
        store.committed()

    try:
        # The relays run while writers commit concurrently, so outbox ids commit out of order.
        for version in range(1, PER_STREAM + 1):
            await asyncio.gather(*(append(s, version) for s in streams))
        records = await read_topic(
            infra.kafka_bootstrap,
            topic,
            until=lambda recs: len(recs) >= STREAMS * PER_STREAM,
            timeout_s=60,
            settle_s=2.0,
        )
    finally:
        stop.set()
        await asyncio.gather(*relay_tasks, watcher)

    assert len(records) == STREAMS * PER_STREAM, "every event exactly once"
    ids = {dict(r.headers)["ce_id"] for r in records}
    assert len(ids) == STREAMS * PER_STREAM
    by_stream: dict[bytes, list[int]] = defaultdict(list)
    partitions: dict[bytes, set[int]] = defaultdict(set)
    for record in sorted(records, key=lambda r: (r.partition, r.offset)):
        headers = dict(record.headers)
        assert set(headers) == CE_HEADERS
        assert headers["ce_subject"] == record.key
        assert headers["ce_tenantid"] == b"org-1"
        assert record.key is not None
        by_stream[record.key].append(int(headers["ce_streamversion"]))
        partitions[record.key].add(record.partition)
    assert set(by_stream) == {s.encode() for s in streams}
    for versions in by_stream.values():
        assert versions == list(range(1, PER_STREAM + 1))
    assert all(len(p) == 1 for p in partitions.values()), "one aggregate, one partition"
    assert len(leaders_seen) >= 1
    async with engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM outbox"))).scalar_one() == 0
    await engine.dispose()


async def test_a_commit_while_a_batch_is_published_is_not_left_for_the_next_poll(
    infra: Infrastructure, databases: DatabaseFactory, topic_prefix: str
) -> None:
    # The wake-up hint of a commit that lands while the relay publishes must survive until the
    # relay waits again; with an hour-long poll, a lost hint would leave the row in the outbox.
    topic = f"{topic_prefix}teams.team.v1"
    await ensure_topics(infra.kafka_bootstrap, [topic], partitions=1)
    engine = create_async_engine(to_asyncpg_url(databases.create("teams", MIGRATIONS)))
    relay: OutboxRelay | None = None
    store = EventStore(
        registry=REGISTRY,
        source="huddle/teams",
        physical_topic=lambda t: topic_prefix + t,
        on_commit_hint=lambda: relay.wake() if relay else None,
    )
    context = EventContext(tenant_id="org-1", actor="user-1")

    async def create_team(team_id: str) -> None:
        async with engine.begin() as conn:
            await store.append(
                conn,
                stream_id=team_id,
                stream_type="team",
                expected_version=0,
                events=[
                    TeamCreated(
                        team_id=team_id,
                        org_id="org-1",
                        name="Team",
                        care_setting=CareSetting.PRIMARY_CARE_CLINIC,
                        created_by="user-1",
                    )
                ],
                context=context,
                now=datetime.now(UTC),
            )
        store.committed()

    second = str(uuid.uuid4())
    make_producer = default_producer_factory(infra.kafka_bootstrap)

    class CommitDuringFirstSend:
        """The real producer; its first send lets another writer commit first."""

        def __init__(self) -> None:
            self.inner = make_producer()
            self.pending = True

        async def start(self) -> None:
            await self.inner.start()

        async def stop(self) -> None:
            await self.inner.stop()

        async def send(self, *args: Any, **kwargs: Any) -> Any:
            if self.pending:
                self.pending = False
                await create_team(second)
            return await self.inner.send(*args, **kwargs)

    relay = OutboxRelay(
        engine=engine,
        service="teams",
        producer_factory=lambda: cast(AIOKafkaProducer, CommitDuringFirstSend()),
        batch_size=100,
        poll_interval_s=3600,
    )
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))
    try:
        await create_team(str(uuid.uuid4()))
        records = await read_topic(
            infra.kafka_bootstrap, topic, until=lambda recs: len(recs) >= 2, timeout_s=30
        )
    finally:
        stop.set()
        await task
        await engine.dispose()
    assert second.encode() in {r.key for r in records}
