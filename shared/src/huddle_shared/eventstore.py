"""The PostgreSQL event store: append with optimistic concurrency, events and outbox together."""

from __future__ import annotations

import contextlib
import functools
import json
import weakref
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from opentelemetry.trace import SpanKind
from sqlalchemy import Connection, Engine, RowMapping, select
from sqlalchemy import event as sa_event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared import metrics, telemetry
from huddle_shared.db import events_table
from huddle_shared.errors import ConcurrencyConflict
from huddle_shared.events import DomainEvent, EventRegistry
from huddle_shared.fastpath import execute_in_transaction, outbox_record, shift_placeholders

__all__ = [
    "EventContext",
    "EventStore",
    "RecordedEvent",
    "Statement",
    "new_id",
    "outbox_record",
]


@dataclass(frozen=True)
class EventContext:
    """Who and what caused the events; stored as metadata and carried into the outbox."""

    tenant_id: str
    actor: str | None = None
    correlation_id: str | None = None
    causation_id: str | None = None
    trace_headers: dict[str, str] = field(default_factory=dict)

    def as_metadata(self) -> dict[str, Any]:
        meta: dict[str, Any] = {"tenant_id": self.tenant_id, "actor": self.actor}
        if self.correlation_id:
            meta["correlation_id"] = self.correlation_id
        if self.causation_id:
            meta["causation_id"] = self.causation_id
        if self.trace_headers:
            meta["trace"] = dict(self.trace_headers)
        return meta


@dataclass(frozen=True)
class RecordedEvent:
    stream_id: str
    version: int
    event_id: UUID
    type: str
    payload: DomainEvent
    metadata: dict[str, Any]
    recorded_at: datetime


# One round trip per command: the event rows and their outbox rows in one statement (a
# data-modifying CTE), the columns as arrays. Outbox ids are taken in event order (ORDER BY the
# ordinality), which the relay's id order relies on. Positional ($n) parameters: the store runs
# on asyncpg (``huddle_shared.config.to_asyncpg_url``).
_APPEND_EVENTS = """
WITH appended AS (
    INSERT INTO events
        (stream_id, version, event_id, stream_type, tenant_id, type, data, metadata, recorded_at)
    SELECT $1::text, e.version, e.event_id, $2::text, $3::text, e.type, e.data::jsonb,
           $4::jsonb, $5::timestamptz
    FROM unnest($6::int[], $7::uuid[], $8::text[], $9::text[]) AS e(version, event_id, type, data)
)"""
_APPEND_OUTBOX = """
INSERT INTO outbox (event_id, topic, key, headers, payload, created_at)
SELECT o.event_id, o.topic, o.key, o.headers::jsonb, o.payload, $5::timestamptz
FROM unnest($7::uuid[], $10::text[], $11::bytea[], $12::text[], $13::bytea[])
    WITH ORDINALITY AS o(event_id, topic, key, headers, payload, n)
ORDER BY o.n
"""
_APPEND_SQL = _APPEND_EVENTS + _APPEND_OUTBOX
_APPEND_PARAMS = 13


@dataclass(frozen=True)
class Statement:
    """One SQL statement with positional parameters (``$1``, ``$2``, …), as asyncpg takes them."""

    sql: str
    params: tuple[Any, ...]


@functools.lru_cache(maxsize=64)
def _append_with(sql: str) -> str:
    """The append statement with ``sql`` as its main statement, run in the same round trip.

    The events and outbox inserts become CTEs; ``sql``'s parameters follow the append's own.
    All parts succeed or fail together (a version clash still fails the whole statement).
    """
    shifted = shift_placeholders(sql, _APPEND_PARAMS)
    return f"{_APPEND_EVENTS},\noutboxed AS ({_APPEND_OUTBOX})\n{shifted}"


class EventStore:
    """Appends and loads streams on a connection the caller owns (its transaction, its commit).

    Taking the connection lets a handler update a synchronous read model in the same
    transaction as the append, and lets the caller decide the transaction boundary.
    """

    def __init__(
        self,
        *,
        registry: EventRegistry,
        source: str,
        physical_topic: Callable[[str], str],
        on_commit_hint: Callable[[], None] | None = None,
    ) -> None:
        self.registry = registry
        self.source = source
        self.physical_topic = physical_topic
        self.on_commit_hint = on_commit_hint

    async def append(
        self,
        conn: AsyncConnection,
        *,
        stream_id: str,
        stream_type: str,
        expected_version: int,
        events: Sequence[DomainEvent],
        context: EventContext,
        now: datetime,
        also: Statement | None = None,
    ) -> list[RecordedEvent]:
        """Write ``events`` at ``expected_version + 1 …`` plus one outbox row each.

        ``also`` is a statement of the caller's (typically a synchronous read model's upsert)
        sent in the same statement as the append, which saves a round trip; it is not run
        when there are no events. The events are recorded at ``now``.

        Raises :class:`ConcurrencyConflict` when another writer got there first; the caller's
        transaction is then unusable and must roll back, so nothing of the command is written.
        """
        if not events:
            return []
        metadata = context.as_metadata()
        recorded, columns = self._rows(stream_id, expected_version, events, context, metadata, now)
        with _append_span(stream_id, stream_type, expected_version, events, also):
            await self._execute(
                conn,
                stream_id,
                stream_type,
                expected_version,
                columns,
                metadata,
                context,
                now,
                also,
            )
        _count_when_committed(conn, events)
        return recorded

    async def _execute(
        self,
        conn: AsyncConnection,
        stream_id: str,
        stream_type: str,
        expected_version: int,
        columns: tuple[list[Any], ...],
        metadata: dict[str, Any],
        context: EventContext,
        now: datetime,
        also: Statement | None,
    ) -> None:
        try:
            # Straight to asyncpg when it can (the append is the command path's hot spot).
            await execute_in_transaction(
                conn,
                _APPEND_SQL if also is None else _append_with(also.sql),
                (
                    stream_id,
                    stream_type,
                    context.tenant_id,
                    json.dumps(metadata),
                    now,
                    *columns,
                    *(also.params if also is not None else ()),
                ),
            )
        except IntegrityError as exc:
            if _is_version_clash(exc):
                raise ConcurrencyConflict(
                    f"stream {stream_id} moved past version {expected_version}",
                    expected_version=expected_version,
                ) from exc
            raise

    def _rows(
        self,
        stream_id: str,
        expected_version: int,
        events: Sequence[DomainEvent],
        context: EventContext,
        metadata: dict[str, Any],
        now: datetime,
    ) -> tuple[list[RecordedEvent], tuple[list[Any], ...]]:
        """The recorded events, and the append's array parameters ``$6`` to ``$13``."""
        recorded: list[RecordedEvent] = []
        versions: list[int] = []
        event_ids: list[UUID] = []
        types: list[str] = []
        datas: list[str] = []
        topics: list[str] = []
        keys: list[bytes] = []
        header_lists: list[str] = []
        payloads: list[bytes] = []
        for offset, event in enumerate(events, start=1):
            version = expected_version + offset
            event_id = uuid4()
            event_type = event.event_type
            key, value, headers = outbox_record(
                event_id=event_id,
                event_type=event_type,
                source=self.source,
                subject=stream_id,
                time=now,
                tenant_id=context.tenant_id,
                stream_version=version,
                data=event.model_dump(mode="json"),
                trace_headers=context.trace_headers,
            )
            versions.append(version)
            event_ids.append(event_id)
            types.append(event_type)
            # The Kafka value is the JSON of the data (ASCII-only, as the SDK writes it), so
            # the stored data is the same text: one encoding instead of two.
            datas.append(value.decode())
            topics.append(self.physical_topic(event.topic))
            keys.append(key)
            header_lists.append(headers)
            payloads.append(value)
            recorded.append(
                RecordedEvent(stream_id, version, event_id, event_type, event, metadata, now)
            )
        columns = (versions, event_ids, types, datas, topics, keys, header_lists, payloads)
        return recorded, columns

    def committed(self) -> None:
        """Called after the caller commits: wakes the in-process relay without NOTIFY."""
        if self.on_commit_hint is not None:
            self.on_commit_hint()

    async def load(
        self, conn: AsyncConnection, stream_id: str, *, tenant_id: str | None = None
    ) -> list[RecordedEvent]:
        """Every event of a stream in version order, upcast to the current models.

        With ``tenant_id`` the stream of another tenant reads as empty: callers turn that
        into a 404, so a foreign id never confirms that it exists.
        """
        query = (
            select(events_table)
            .where(events_table.c.stream_id == stream_id)
            .order_by(events_table.c.version)
        )
        if tenant_id is not None:
            query = query.where(events_table.c.tenant_id == tenant_id)
        rows = (await conn.execute(query)).mappings().all()
        return [self.recorded(row) for row in rows]

    def recorded(self, row: RowMapping) -> RecordedEvent:
        """A stored ``events`` row, upcast: its type is the current one, like its payload."""
        payload = self.registry.decode(row["type"], row["data"])
        return RecordedEvent(
            stream_id=row["stream_id"],
            version=row["version"],
            event_id=row["event_id"],
            type=payload.event_type,
            payload=payload,
            metadata=row["metadata"],
            recorded_at=row["recorded_at"],
        )


# Appended events wait in the connection's ``info`` until its transaction ends: counted when it
# commits, dropped when it rolls back (a lost race, a refused command, a failed batch).
_UNCOUNTED = "huddle_events_uncounted"


def _append_span(
    stream_id: str,
    stream_type: str,
    expected_version: int,
    events: Sequence[DomainEvent],
    also: Statement | None,
) -> contextlib.AbstractContextManager[Any]:
    """The append's database span (it goes to asyncpg directly, past SQLAlchemy's spans)."""
    if not telemetry.recording():
        return contextlib.nullcontext()
    return telemetry.tracer().start_as_current_span(
        "INSERT events",
        kind=SpanKind.CLIENT,
        attributes={
            "db.system.name": "postgresql",
            "db.operation.name": "INSERT",
            "db.collection.name": "events",
            "db.operation.batch.size": len(events),
            "huddle.stream.id": stream_id,
            "huddle.stream.type": stream_type,
            "huddle.stream.expected_version": expected_version,
            "huddle.event.types": [event.event_type for event in events],
            "huddle.append.with_statement": also is not None,
        },
    )


# Engines whose commit and rollback already count the appends (looked up on every append).
_counting_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def _count_when_committed(conn: AsyncConnection, events: Sequence[DomainEvent]) -> None:
    sync = conn.sync_connection
    assert sync is not None
    autocommit = sync.get_execution_options().get("isolation_level") == "AUTOCOMMIT"
    if autocommit or not sync.in_transaction():
        for event in events:  # the statement was its own transaction, and it succeeded
            metrics.EVENTS_APPENDED.add(1, {"type": event.event_type})
        return
    engine = sync.engine
    if engine not in _counting_engines:
        sa_event.listen(engine, "commit", _count_committed)
        sa_event.listen(engine, "rollback", _drop_uncounted)
        _counting_engines.add(engine)
    uncounted: Counter[str] = sync.info.setdefault(_UNCOUNTED, Counter())
    uncounted.update(event.event_type for event in events)


def _count_committed(conn: Connection) -> None:
    for type_name, n in conn.info.pop(_UNCOUNTED, Counter()).items():
        metrics.EVENTS_APPENDED.add(n, {"type": type_name})


def _drop_uncounted(conn: Connection) -> None:
    conn.info.pop(_UNCOUNTED, None)


def _is_version_clash(exc: IntegrityError) -> bool:
    cause = getattr(exc.orig, "__cause__", None)
    constraint = getattr(cause, "constraint_name", None)
    return constraint == "pk_events"


def new_id() -> str:
    return str(uuid4())
