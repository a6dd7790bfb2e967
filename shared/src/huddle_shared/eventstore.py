"""The PostgreSQL event store: append with optimistic concurrency, events and outbox together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared import metrics
from huddle_shared.db import events_table, outbox_table
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
        event_rows: list[dict[str, Any]] = []
        outbox_rows: list[dict[str, Any]] = []
        for offset, event in enumerate(events, start=1):
            version = expected_version + offset
            event_id = uuid4()
            data = event.model_dump(mode="json")
            event_rows.append(
                {
                    "stream_id": stream_id,
                    "version": version,
                    "event_id": event_id,
                    "stream_type": stream_type,
                    "tenant_id": context.tenant_id,
                    "type": event.event_type,
                    "data": data,
                    "metadata": metadata,
                    "recorded_at": now,
                }
            )
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
            outbox_rows.append(
                {
                    "event_id": event_id,
                    "topic": self.physical_topic(event.topic),
                    "key": key,
                    "headers": [[name, raw.decode("latin-1")] for name, raw in headers],
                    "payload": value,
                    "created_at": now,
                }
            )
            recorded.append(
                RecordedEvent(stream_id, version, event_id, event.event_type, event, metadata, now)
            )
        try:
            await conn.execute(insert(events_table), event_rows)
        except IntegrityError as exc:
            if _is_version_clash(exc):
                raise ConcurrencyConflict(
                    f"stream {stream_id} moved past version {expected_version}",
                    expected_version=expected_version,
                ) from exc
            raise
        await conn.execute(insert(outbox_table), outbox_rows)
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
