"""What a consumer group has applied, kept next to the read models it describes.

Three tables make the consumer's exactly-once effect: ``consumer_offsets`` (where each
partition resumes), ``applied_streams`` (the last version applied per stream, which drops
duplicates) and ``dead_letters`` (what could not be applied, and why). The runtime writes them
in the batch transaction; services only read them (a cache watermark, a catch-up check, an
operator's count) or forget a group before a rebuild. Keeping every statement on these tables
here means their layout can change in one place, and no service writes SQL against them.

The statements of the batch path are built once, as text: they run for every batch, and the
``unnest`` upsert records hundreds of streams in one round trip, which Core would not say more
plainly. The rest use the tables of :mod:`huddle_shared.db`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiokafka.structs import ConsumerRecord
from sqlalchemy import Row, bindparam, delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.db import applied_streams_table, consumer_offsets_table, dead_letters_table

_offsets = consumer_offsets_table.c
_streams = applied_streams_table.c
_dead = dead_letters_table.c

# ---- reads for services ----------------------------------------------------------------------

_WATERMARK = select(
    func.coalesce(func.sum(_offsets.next_offset), 0), func.max(_offsets.updated_at)
).where(_offsets.group_id == bindparam("g"))
_OFFSETS = select(_offsets.topic, _offsets.partition, _offsets.next_offset).where(
    _offsets.group_id == bindparam("g")
)
_COUNT_DEAD = (
    select(func.count()).select_from(dead_letters_table).where(_dead.group_id == bindparam("g"))
)


async def group_watermark(conn: AsyncConnection, *, group_id: str) -> tuple[int, datetime | None]:
    """The sum of the group's next offsets and its latest change, in one primary-key query.

    Every batch (and every dead-letter replay) moves one of the two, in the same transaction
    as its read-model writes, so a cache validated by this pair is never stale.
    """
    offsets, updated_at = (await conn.execute(_WATERMARK, {"g": group_id})).one()
    return int(offsets), updated_at


async def group_offsets(conn: AsyncConnection, *, group_id: str) -> dict[tuple[str, int], int]:
    """``(topic, partition) -> next offset`` as the group last recorded it."""
    rows = await conn.execute(_OFFSETS, {"g": group_id})
    return {(r.topic, r.partition): r.next_offset for r in rows}


async def forget_group(conn: AsyncConnection, *, group_id: str) -> None:
    """Drop the group's offsets and applied versions: it starts again from the beginning.

    Dead letters are kept; they remain what an operator looks at and replays.
    """
    await conn.execute(delete(consumer_offsets_table).where(_offsets.group_id == group_id))
    await conn.execute(delete(applied_streams_table).where(_streams.group_id == group_id))


async def count_dead_letters(conn: AsyncConnection, *, group_id: str) -> int:
    """How many records the group has set aside (published, replayed or not)."""
    return int((await conn.execute(_COUNT_DEAD, {"g": group_id})).scalar_one())


# ---- the batch transaction -------------------------------------------------------------------

_LOAD_VERSIONS = text(
    "SELECT stream_id, version FROM applied_streams WHERE group_id = :g AND stream_id = ANY(:ids)"
)
# One statement for all streams of a batch; the keys are distinct, so no row is updated twice.
_RECORD_VERSIONS = text(
    "INSERT INTO applied_streams (group_id, stream_id, version) "
    "SELECT CAST(:g AS text), s, v "
    "FROM unnest(CAST(:s AS text[]), CAST(:v AS integer[])) AS given(s, v) "
    "ON CONFLICT (group_id, stream_id) "
    "DO UPDATE SET version = GREATEST(applied_streams.version, EXCLUDED.version)"
)
_RECORD_OFFSETS = text(
    "INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) "
    "VALUES (:g, :t, :p, :o) ON CONFLICT (group_id, topic, partition) DO UPDATE "
    "SET next_offset = GREATEST(consumer_offsets.next_offset, EXCLUDED.next_offset),"
    " updated_at = now()"
)
_STORED_OFFSETS = text(
    "SELECT topic, partition, next_offset FROM consumer_offsets "
    "WHERE group_id = :g AND topic = ANY(:t)"
)
_ANALYZE_STREAMS = text("ANALYZE applied_streams")


async def applied_versions(
    conn: AsyncConnection, *, group_id: str, streams: Iterable[str]
) -> dict[str, int]:
    """The last version the group applied of each of ``streams`` that it has seen."""
    ids = list(streams)
    if not ids:
        return {}
    rows = await conn.execute(_LOAD_VERSIONS, {"g": group_id, "ids": ids})
    return {r.stream_id: r.version for r in rows}


async def record_progress(
    conn: AsyncConnection,
    *,
    group_id: str,
    versions: Mapping[str, int],
    next_offsets: Mapping[tuple[str, int], int],
) -> None:
    """Raise the recorded stream versions and next offsets (never lowers either)."""
    if versions:
        await conn.execute(
            _RECORD_VERSIONS, {"g": group_id, "s": list(versions), "v": list(versions.values())}
        )
    if next_offsets:
        await conn.execute(
            _RECORD_OFFSETS,
            [{"g": group_id, "t": t, "p": p, "o": o} for (t, p), o in next_offsets.items()],
        )


async def stored_offsets(
    conn: AsyncConnection, *, group_id: str, topics: Iterable[str]
) -> dict[tuple[str, int], int]:
    """The next offsets recorded for the group's partitions of ``topics``."""
    rows = await conn.execute(_STORED_OFFSETS, {"g": group_id, "t": list(set(topics))})
    return {(r.topic, r.partition): r.next_offset for r in rows}


async def analyze_applied_streams(conn: AsyncConnection) -> None:
    """Refresh the planner's statistics of ``applied_streams`` (commits ``conn``)."""
    await conn.execute(_ANALYZE_STREAMS)
    await conn.commit()


async def touch_group(conn: AsyncConnection, *, group_id: str) -> None:
    """Move the group's watermark without moving an offset (a replay applied something)."""
    await conn.execute(
        update(consumer_offsets_table)
        .where(_offsets.group_id == group_id)
        .values(updated_at=func.clock_timestamp())
    )


# ---- dead letters ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DeadLetter:
    """A stored dead letter: the record as it came from Kafka, and why it was set aside."""

    id: int
    topic: str
    partition: int
    offset: int
    key: bytes | None
    headers: list[tuple[str, bytes]]
    payload: bytes | None
    reason: str

    def to_record(self) -> ConsumerRecord[bytes, bytes]:
        """The Kafka record again, as the consumer received it (for a replay)."""
        return ConsumerRecord(
            topic=self.topic,
            partition=self.partition,
            offset=self.offset,
            timestamp=0,
            timestamp_type=0,
            key=self.key,
            value=self.payload,
            checksum=None,
            serialized_key_size=len(self.key or b""),
            serialized_value_size=len(self.payload or b""),
            headers=tuple(self.headers),
        )


_DEAD_LETTER_COLUMNS = (
    _dead.id,
    _dead.topic,
    _dead.partition,
    _dead.offset,
    _dead.key,
    _dead.headers,
    _dead.payload,
    _dead.reason,
)
_INSERT_DEAD_LETTER = (
    insert(dead_letters_table)
    .values(
        group_id=bindparam("g"),
        topic=bindparam("t"),
        partition=bindparam("p"),
        offset=bindparam("o"),
        key=bindparam("k"),
        headers=bindparam("h"),
        payload=bindparam("v"),
        reason=bindparam("r"),
    )
    .on_conflict_do_nothing(
        index_elements=[_dead.group_id, _dead.topic, _dead.partition, _dead.offset]
    )
)


def _dead_letter(row: Row[*tuple[Any, ...]]) -> DeadLetter:
    return DeadLetter(
        id=row.id,
        topic=row.topic,
        partition=row.partition,
        offset=row.offset,
        key=row.key,
        # Stored as JSON text pairs; latin-1 maps each byte to one character and back.
        headers=[(name, value.encode("latin-1")) for name, value in row.headers],
        payload=row.payload,
        reason=row.reason,
    )


async def record_dead_letters(
    conn: AsyncConnection,
    *,
    group_id: str,
    dead: Sequence[tuple[ConsumerRecord[bytes, bytes], str]],
) -> None:
    """Store records with the reason each was set aside; a record stored before is left as is."""
    if not dead:
        return
    await conn.execute(
        _INSERT_DEAD_LETTER,
        [
            {
                "g": group_id,
                "t": record.topic,
                "p": record.partition,
                "o": record.offset,
                "k": record.key,
                "h": [[n, v.decode("latin-1")] for n, v in record.headers],
                "v": record.value,
                "r": reason,
            }
            for record, reason in dead
        ],
    )


async def unpublished_dead_letters(
    conn: AsyncConnection, *, group_id: str, limit: int
) -> list[DeadLetter]:
    """The oldest dead letters not yet published to the dead-letter topic."""
    query = (
        select(*_DEAD_LETTER_COLUMNS)
        .where(_dead.group_id == group_id, _dead.published_at.is_(None))
        .order_by(_dead.id)
        .limit(limit)
    )
    return [_dead_letter(row) for row in await conn.execute(query)]


async def mark_published(conn: AsyncConnection, ids: Sequence[int]) -> None:
    await conn.execute(
        update(dead_letters_table).where(_dead.id.in_(ids)).values(published_at=func.now())
    )


async def dead_letters_to_replay(
    conn: AsyncConnection, *, group_id: str, ids: Sequence[int] | None = None
) -> list[DeadLetter]:
    """The dead letters a replay has not applied yet (only ``ids`` when given), oldest first."""
    query = select(*_DEAD_LETTER_COLUMNS).where(
        _dead.group_id == group_id, _dead.replayed_at.is_(None)
    )
    if ids is not None:
        query = query.where(_dead.id.in_(list(ids)))
    return [_dead_letter(row) for row in await conn.execute(query.order_by(_dead.id))]


async def mark_replayed(conn: AsyncConnection, dead_letter_id: int) -> None:
    await conn.execute(
        update(dead_letters_table).where(_dead.id == dead_letter_id).values(replayed_at=func.now())
    )


async def claim_for_replay(conn: AsyncConnection, dead_letter_id: int) -> bool:
    """Mark the dead letter replayed, in the replay's transaction; False if it already was.

    The update locks the row, so a concurrent replay (another replica, the operator command
    next to the route) waits for this transaction and then finds it taken: applied once.
    """
    claimed = await conn.execute(
        update(dead_letters_table)
        .where(_dead.id == dead_letter_id, _dead.replayed_at.is_(None))
        .values(replayed_at=func.now())
        .returning(_dead.id)
    )
    return claimed.first() is not None


@dataclass(frozen=True)
class DeadLetterSummary:
    """What an operator sees of a dead letter (the payload stays in the table)."""

    id: int
    group_id: str
    topic: str
    partition: int
    offset: int
    headers: dict[str, str]
    reason: str
    created_at: datetime
    published_at: datetime | None
    replayed_at: datetime | None


async def list_dead_letters(
    conn: AsyncConnection,
    *,
    group_ids: Sequence[str],
    after_id: int | None = None,
    replayed: bool | None = None,
    limit: int = 100,
) -> tuple[list[DeadLetterSummary], bool]:
    """The groups' dead letters in id order after ``after_id``; and whether more follow."""
    query = select(
        _dead.id,
        _dead.group_id,
        _dead.topic,
        _dead.partition,
        _dead.offset,
        _dead.headers,
        _dead.reason,
        _dead.created_at,
        _dead.published_at,
        _dead.replayed_at,
    ).where(_dead.group_id.in_(list(group_ids)))
    if after_id is not None:
        query = query.where(_dead.id > after_id)
    if replayed is not None:
        query = query.where(
            _dead.replayed_at.is_not(None) if replayed else _dead.replayed_at.is_(None)
        )
    rows = (await conn.execute(query.order_by(_dead.id).limit(limit + 1))).all()
    letters = [
        DeadLetterSummary(
            id=row.id,
            group_id=row.group_id,
            topic=row.topic,
            partition=row.partition,
            offset=row.offset,
            headers=dict(row.headers),
            reason=row.reason,
            created_at=row.created_at,
            published_at=row.published_at,
            replayed_at=row.replayed_at,
        )
        for row in rows[:limit]
    ]
    return letters, len(rows) > limit
