"""The consumer bookkeeping API against a real PostgreSQL (the shared tables only)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiokafka.structs import ConsumerRecord
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from huddle_devtools.testing.databases import DatabaseFactory
from huddle_shared.config import to_asyncpg_url
from huddle_shared.consumer import bookkeeping
from huddle_shared.db import shared_metadata


@pytest.fixture
async def engine(databases: DatabaseFactory) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(to_asyncpg_url(databases.empty()))
    async with engine.begin() as conn:
        await conn.run_sync(shared_metadata.create_all)
    yield engine
    await engine.dispose()


def record(topic: str, partition: int, offset: int) -> ConsumerRecord[bytes, bytes]:
    return ConsumerRecord(
        topic=topic,
        partition=partition,
        offset=offset,
        timestamp=0,
        timestamp_type=0,
        key=b"k\xff",
        value=b"not json",
        checksum=None,
        serialized_key_size=2,
        serialized_value_size=8,
        headers=(("ce_id", b"1"), ("odd", b"\xff\xfe")),
    )


async def test_progress_is_read_back_and_only_ever_raised(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        assert await bookkeeping.group_watermark(conn, group_id="g") == (0, None)
        assert await bookkeeping.group_offsets(conn, group_id="g") == {}
        await bookkeeping.record_progress(
            conn, group_id="g", versions={"s1": 3, "s2": 1}, next_offsets={("t", 0): 5}
        )
        await bookkeeping.record_progress(
            conn, group_id="g", versions={"s1": 2}, next_offsets={("t", 0): 4, ("t", 1): 2}
        )
        await bookkeeping.record_progress(
            conn, group_id="other", versions={"s1": 9}, next_offsets={("t", 0): 100}
        )
    async with engine.connect() as conn:
        offsets, updated_at = await bookkeeping.group_watermark(conn, group_id="g")
        assert (offsets, updated_at is not None) == (7, True)
        assert await bookkeeping.group_offsets(conn, group_id="g") == {("t", 0): 5, ("t", 1): 2}
        assert await bookkeeping.stored_offsets(conn, group_id="g", topics=["t", "u"]) == {
            ("t", 0): 5,
            ("t", 1): 2,
        }
        assert await bookkeeping.applied_versions(
            conn, group_id="g", streams=["s1", "s2", "s3"]
        ) == {"s1": 3, "s2": 1}
        assert await bookkeeping.applied_versions(conn, group_id="g", streams=[]) == {}


async def test_touching_a_group_moves_its_watermark_but_no_offset(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await bookkeeping.record_progress(
            conn, group_id="g", versions={}, next_offsets={("t", 0): 5}
        )
    async with engine.begin() as conn:
        before = await bookkeeping.group_watermark(conn, group_id="g")
    async with engine.begin() as conn:
        await bookkeeping.touch_group(conn, group_id="g")
    async with engine.connect() as conn:
        after = await bookkeeping.group_watermark(conn, group_id="g")
    assert after[0] == before[0] == 5
    assert before[1] is not None and after[1] is not None and after[1] > before[1]


async def test_forgetting_a_group_leaves_other_groups_and_dead_letters(
    engine: AsyncEngine,
) -> None:
    async with engine.begin() as conn:
        for group in ("g", "other"):
            await bookkeeping.record_progress(
                conn, group_id=group, versions={"s": 1}, next_offsets={("t", 0): 1}
            )
        await bookkeeping.record_dead_letters(conn, group_id="g", dead=[(record("t", 0, 0), "x")])
        await bookkeeping.forget_group(conn, group_id="g")
    async with engine.connect() as conn:
        assert await bookkeeping.group_offsets(conn, group_id="g") == {}
        assert await bookkeeping.applied_versions(conn, group_id="g", streams=["s"]) == {}
        assert await bookkeeping.group_offsets(conn, group_id="other") == {("t", 0): 1}
        assert await bookkeeping.count_dead_letters(conn, group_id="g") == 1


async def test_dead_letters_round_trip_and_are_marked_once(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        dead = [(record("t", 0, 1), "bad json"), (record("t", 2, 7), "unknown type")]
        await bookkeeping.record_dead_letters(conn, group_id="g", dead=dead)
        # The same source record again (a replayed batch) is not stored twice.
        await bookkeeping.record_dead_letters(conn, group_id="g", dead=dead[:1])
        await bookkeeping.record_dead_letters(conn, group_id="g", dead=[])
    async with engine.begin() as conn:
        assert await bookkeeping.count_dead_letters(conn, group_id="g") == 2
        assert await bookkeeping.count_dead_letters(conn, group_id="other") == 0
        pending = await bookkeeping.unpublished_dead_letters(conn, group_id="g", limit=1)
        assert [(d.topic, d.partition, d.offset, d.reason) for d in pending] == [
            ("t", 0, 1, "bad json")
        ]
        again = pending[0].to_record()
        original = dead[0][0]
        assert (again.key, again.value, again.headers) == (
            original.key,
            original.value,
            original.headers,
        )
        await bookkeeping.mark_published(conn, [pending[0].id])
        rest = await bookkeeping.unpublished_dead_letters(conn, group_id="g", limit=10)
        assert [d.offset for d in rest] == [7]
    async with engine.begin() as conn:
        everything = await bookkeeping.dead_letters_to_replay(conn, group_id="g")
        assert [d.offset for d in everything] == [1, 7]
        chosen = await bookkeeping.dead_letters_to_replay(
            conn, group_id="g", ids=[everything[1].id]
        )
        assert [d.offset for d in chosen] == [7]
        await bookkeeping.mark_replayed(conn, everything[0].id)
        assert [d.offset for d in await bookkeeping.dead_letters_to_replay(conn, group_id="g")] == [
            7
        ]
