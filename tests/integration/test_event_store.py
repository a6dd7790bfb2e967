"""The event store against a real PostgreSQL: optimistic concurrency, atomic outbox."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from prometheus_client import REGISTRY as REGISTRY_METRICS
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from huddle_devtools.testing.databases import DatabaseFactory
from huddle_shared.config import to_asyncpg_url
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import CareSetting, TeamCreated, TeamRenamed
from huddle_shared.errors import ConcurrencyConflict
from huddle_shared.eventstore import EventContext, EventStore
from huddle_teams.bootstrap import MIGRATIONS

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
CTX = EventContext(tenant_id="org-1", actor="user-1", correlation_id="req-1")


@pytest.fixture
async def engine(databases: DatabaseFactory) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(to_asyncpg_url(databases.create("teams", MIGRATIONS)))
    yield engine
    await engine.dispose()


@pytest.fixture
def store() -> EventStore:
    return EventStore(registry=REGISTRY, source="huddle/teams", physical_topic=lambda t: t)


def created(team_id: str) -> TeamCreated:
    return TeamCreated(
        team_id=team_id,
        org_id="org-1",
        name="Team",
        care_setting=CareSetting.PRIMARY_CARE_CLINIC,
        created_by="user-1",
    )


def renamed(team_id: str, name: str) -> TeamRenamed:
    return TeamRenamed(team_id=team_id, name=name, renamed_by="user-1")


async def counts(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as conn:
        events = (await conn.execute(text("SELECT count(*) FROM events"))).scalar_one()
        outbox = (await conn.execute(text("SELECT count(*) FROM outbox"))).scalar_one()
    return events, outbox


async def test_append_writes_each_event_and_its_outbox_row_together(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())
    async with engine.begin() as conn:
        recorded = await store.append(
            conn,
            stream_id=stream,
            stream_type="team",
            expected_version=0,
            events=[created(stream), renamed(stream, "Team B")],
            context=CTX,
            now=NOW,
        )
    assert [r.version for r in recorded] == [1, 2]
    assert await counts(engine) == (2, 2)
    async with engine.connect() as conn:
        loaded = await store.load(conn, stream)
        row = (await conn.execute(text("SELECT topic, key, headers FROM outbox LIMIT 1"))).one()
    assert [e.payload for e in loaded] == [created(stream), renamed(stream, "Team B")]
    assert loaded[0].metadata == {
        "tenant_id": "org-1",
        "actor": "user-1",
        "correlation_id": "req-1",
    }
    assert row.topic == "teams.team.v1"
    assert row.key == stream.encode()
    assert dict(row.headers)["ce_streamversion"] in {"1", "2"}


async def test_a_stale_expected_version_is_refused_and_nothing_is_written(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())
    async with engine.begin() as conn:
        await store.append(
            conn,
            stream_id=stream,
            stream_type="team",
            expected_version=0,
            events=[created(stream), renamed(stream, "v2")],
            context=CTX,
            now=NOW,
        )
    before = await counts(engine)
    with pytest.raises(ConcurrencyConflict):
        async with engine.begin() as conn:
            # Stale: the writer read version 1, the stream is at 2. Two events so that the
            # second would not collide on its own: the whole command must still vanish.
            await store.append(
                conn,
                stream_id=stream,
                stream_type="team",
                expected_version=1,
                events=[renamed(stream, "late"), renamed(stream, "later")],
                context=CTX,
                now=NOW,
            )
    assert await counts(engine) == before
    async with engine.connect() as conn:
        names = [getattr(e.payload, "name", None) for e in await store.load(conn, stream)]
    assert names == ["Team", "v2"]


async def test_of_many_concurrent_writers_at_one_version_exactly_one_wins(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())
    async with engine.begin() as conn:
        await store.append(
            conn,
            stream_id=stream,
            stream_type="team",
            expected_version=0,
            events=[created(stream)],
            context=CTX,
            now=NOW,
        )

    async def writer(n: int) -> bool:
        try:
            async with engine.begin() as conn:
                await store.append(
                    conn,
                    stream_id=stream,
                    stream_type="team",
                    expected_version=1,
                    events=[renamed(stream, f"writer {n}")],
                    context=CTX,
                    now=NOW,
                )
            return True
        except ConcurrencyConflict:
            return False

    results = await asyncio.gather(*(writer(n) for n in range(10)))
    assert results.count(True) == 1
    assert await counts(engine) == (2, 2)


async def test_another_tenant_reads_a_stream_as_empty(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())
    async with engine.begin() as conn:
        await store.append(
            conn,
            stream_id=stream,
            stream_type="team",
            expected_version=0,
            events=[created(stream)],
            context=CTX,
            now=NOW,
        )
    async with engine.connect() as conn:
        assert len(await store.load(conn, stream, tenant_id="org-1")) == 1
        assert await store.load(conn, stream, tenant_id="org-2") == []


def appended(type_name: str) -> float:
    """The counter of appended events of one type, as /metrics shows it."""
    value = REGISTRY_METRICS.get_sample_value("huddle_events_appended_total", {"type": type_name})
    return value or 0.0


async def test_appended_events_are_counted_when_their_transaction_commits_only(
    engine: AsyncEngine, store: EventStore
) -> None:
    created_type = "huddle.teams.team_created.v1"
    before = appended(created_type)
    stream = str(uuid.uuid4())

    async def append(conn: Any, stream_id: str) -> None:
        await store.append(
            conn,
            stream_id=stream_id,
            stream_type="team",
            expected_version=0,
            events=[created(stream_id)],
            context=CTX,
            now=NOW,
        )

    # Rolled back: written, then undone; never counted, also not by a later commit.
    async with engine.connect() as conn:
        async with conn.begin() as transaction:
            await append(conn, stream)
            await transaction.rollback()
        async with conn.begin():
            await conn.execute(text("SELECT 1"))
    assert appended(created_type) == before
    # Committed: counted once.
    async with engine.begin() as conn:
        await append(conn, stream)
    assert appended(created_type) == before + 1
    # A single statement in autocommit mode is its own transaction: counted at once.
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await append(conn, str(uuid.uuid4()))
    assert appended(created_type) == before + 2
    # A lost race rolls back: not counted.
    with pytest.raises(ConcurrencyConflict):
        async with engine.begin() as conn:
            await append(conn, stream)
    assert appended(created_type) == before + 2
