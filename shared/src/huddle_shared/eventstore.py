"""The PostgreSQL event store: append with optimistic concurrency, events and outbox together."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared import metrics
from huddle_shared.db import events_table
from huddle_shared.envelope import to_kafka
from huddle_shared.errors import ConcurrencyConflict
from huddle_shared.events import DomainEvent, EventRegistry


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
_APPEND_SQL = """
WITH appended AS (
    INSERT INTO events
        (stream_id, version, event_id, stream_type, tenant_id, type, data, metadata, recorded_at)
    SELECT $1::text, e.version, e.event_id, $2::text, $3::text, e.type, e.data::jsonb,
           $4::jsonb, $5::timestamptz
    FROM unnest($6::int[], $7::uuid[], $8::text[], $9::text[]) AS e(version, event_id, type, data)
)
INSERT INTO outbox (event_id, topic, key, headers, payload, created_at)
SELECT o.event_id, o.topic, o.key, o.headers::jsonb, o.payload, $5::timestamptz
FROM unnest($7::uuid[], $10::text[], $11::bytea[], $12::text[], $13::bytea[])
    WITH ORDINALITY AS o(event_id, topic, key, headers, payload, n)
ORDER BY o.n
"""


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
    ) -> list[RecordedEvent]:
        """Write ``events`` at ``expected_version + 1 …`` plus one outbox row each.

        Raises :class:`ConcurrencyConflict` when another writer got there first; the caller's
        transaction is then unusable and must roll back, so nothing of the command is written.
        """
        if not events:
            return []
        metadata = context.as_metadata()
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
            data = event.model_dump(mode="json")
            versions.append(version)
            event_ids.append(event_id)
            types.append(event.event_type)
            datas.append(json.dumps(data))
            key, value, headers = to_kafka(
                event_id=event_id,
                event_type=event.event_type,
                source=self.source,
                subject=stream_id,
                time=now,
                tenant_id=context.tenant_id,
                stream_version=version,
                data=data,
                trace_headers=context.trace_headers,
            )
            topics.append(self.physical_topic(event.topic))
            keys.append(key)
            header_lists.append(json.dumps([[n, raw.decode("latin-1")] for n, raw in headers]))
            payloads.append(value)
            recorded.append(
                RecordedEvent(stream_id, version, event_id, event.event_type, event, metadata, now)
            )
        try:
            await conn.exec_driver_sql(
                _APPEND_SQL,
                (
                    stream_id,
                    stream_type,
                    context.tenant_id,
                    json.dumps(metadata),
                    now,
                    versions,
                    event_ids,
                    types,
                    datas,
                    topics,
                    keys,
                    header_lists,
                    payloads,
                ),
            )
        except IntegrityError as exc:
            if _is_version_clash(exc):
                raise ConcurrencyConflict(
                    f"stream {stream_id} moved past version {expected_version}",
                    expected_version=expected_version,
                ) from exc
            raise
        for event in events:
            metrics.EVENTS_APPENDED.labels(
                self.source.removeprefix("huddle/"), event.event_type
            ).inc()
        return recorded

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
        return [
            RecordedEvent(
                stream_id=row["stream_id"],
                version=row["version"],
                event_id=row["event_id"],
                type=row["type"],
                payload=self.registry.decode(row["type"], row["data"]),
                metadata=row["metadata"],
                recorded_at=row["recorded_at"],
            )
            for row in rows
        ]


def _is_version_clash(exc: IntegrityError) -> bool:
    cause = getattr(exc.orig, "__cause__", None)
    constraint = getattr(cause, "constraint_name", None)
    return constraint == "pk_events"


def new_id() -> str:
    return str(uuid4())
