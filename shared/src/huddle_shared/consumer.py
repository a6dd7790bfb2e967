"""The consumer runtime: Kafka batches applied to read models with an exactly-once effect.

For each ``getmany`` batch, one database transaction applies the events *and* records what was
applied: the next offset per partition and the last version per stream. Kafka offsets are
committed only after that transaction, and on (re)assignment the consumer seeks to the offsets
stored in the database, which are the source of truth. A crash anywhere replays at most one
batch, and the replay changes nothing: events at or below a stream's recorded version are
skipped, which also drops the duplicates a relay re-sends after a crash.

A record that cannot be parsed or applied is recorded as a dead letter in the same transaction
(with the reason), published to the dead-letter topic afterwards, and the consumer moves on.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from aiokafka.structs import ConsumerRecord
from opentelemetry import propagate, trace
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_shared import metrics, telemetry
from huddle_shared.aio import sleep_or_stop
from huddle_shared.envelope import Envelope, MalformedEnvelope, from_kafka
from huddle_shared.events import DomainEvent, EventRegistry, InvalidEventPayload, UnknownEventType

logger = logging.getLogger("huddle.consumer")
# After a batch without dead letters of its own, the consumer still looks for unpublished ones
# (another replica's, or left by a crash) at most this often instead of after every batch.
DEAD_LETTER_RECHECK_S = 2.0
# Refresh applied_streams' planner statistics after at least this many new streams.
ANALYZE_EVERY_STREAMS = 10_000


@dataclass(frozen=True)
class ReceivedEvent:
    """A decoded event with where it came from."""

    envelope: Envelope
    payload: DomainEvent
    topic: str
    partition: int
    offset: int


class Projection(Protocol):
    """Folds events into read-model tables. ``apply`` runs inside the batch transaction."""

    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None: ...


class BatchProjection(Protocol):
    """A projection that can apply a whole batch at once (with a handful of statements).

    ``apply_batch(conn, events)`` must leave the read models exactly as ``apply`` for each event
    in order would. When it fails, the consumer applies the events one by one with ``apply`` to
    find the poison ones, so ``apply`` stays required.
    """

    async def apply_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None: ...


class BatchAware(Protocol):
    """A projection that also wants to act once per batch, in the batch's transaction."""

    async def after_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None: ...


class PoisonEvent(Exception):
    """Raised by a projection for an event it can never apply (it goes to the dead letters)."""


@dataclass
class _Item:
    record: ConsumerRecord[bytes, bytes]
    event: ReceivedEvent | None
    reason: str | None


def _span_context_of(envelope: Envelope) -> trace.SpanContext | None:
    if not envelope.traceparent:
        return None
    context = trace.get_current_span(
        propagate.extract({"traceparent": envelope.traceparent})
    ).get_span_context()
    return context if context.is_valid else None


def _is_transient(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError | InterfaceError | ConnectionError | TimeoutError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated
    )


class _SeekToStoredOffsets(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, runtime: ConsumerRuntime) -> None:
        self.runtime = runtime

    async def on_partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None:
        return None

    async def on_partitions_assigned(self, assigned: Iterable[TopicPartition]) -> None:
        await self.runtime._seek_to_stored(list(assigned))


class ConsumerRuntime:
    def __init__(
        self,
        *,
        engine: AsyncEngine,
        registry: EventRegistry,
        projection: Projection,
        group_id: str,
        topics: Sequence[str],
        bootstrap: str,
        dead_letter_topic: str,
        batch_size: int = 500,
        producer_factory: Callable[[], AIOKafkaProducer] | None = None,
        client_options: Callable[[], dict[str, Any]] | None = None,
        gates_readiness: bool = True,
    ) -> None:
        self.engine = engine
        self.registry = registry
        self.projection = projection
        self.group_id = group_id
        self.topics = list(topics)
        self.bootstrap = bootstrap
        self.dead_letter_topic = dead_letter_topic
        self.batch_size = batch_size
        self.client_options = client_options or dict
        # False for a consumer that only keeps a side read model fresh: the service still does
        # its work without it, so a Kafka outage must not take the service out of rotation.
        self.gates_readiness = gates_readiness
        self._producer_factory = producer_factory or (
            lambda: AIOKafkaProducer(
                bootstrap_servers=bootstrap,
                acks="all",
                enable_idempotence=True,
                **self.client_options(),
            )
        )
        self._consumer: AIOKafkaConsumer | None = None
        self.assigned: set[TopicPartition] = set()
        self.applied_total = 0
        self.last_batch_at: float | None = None
        self.lag: dict[TopicPartition, int] = {}
        self.last_event_time: dict[tuple[str, int], datetime] = {}
        self._tracer = telemetry.tracer()
        self._dead_letters_waiting = True
        self._dead_letters_checked_at = 0.0
        self._streams_recorded = 0  # streams this runtime added to applied_streams
        self._streams_at_last_analyze = 0

    # ---- lifecycle -------------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self._consumer is not None

    async def run(self, stop: asyncio.Event) -> None:
        backoff = 0.2
        while not stop.is_set():
            try:
                await self._consume(stop)
                backoff = 0.2
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning(
                    "consumer %s interrupted (%s: %s); retrying",
                    self.group_id,
                    type(exc).__name__,
                    exc,
                )
                await sleep_or_stop(stop, backoff)
                backoff = min(backoff * 2, 5.0)

    async def _consume(self, stop: asyncio.Event) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap,
            group_id=self.group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_records=self.batch_size,
            isolation_level="read_committed",
            metadata_max_age_ms=30_000,
            **self.client_options(),
        )
        consumer.subscribe(self.topics, listener=_SeekToStoredOffsets(self))
        await consumer.start()
        self._consumer = consumer
        try:
            await self._publish_pending_dead_letters()
            while not stop.is_set():
                self.assigned = set(consumer.assignment())
                batch = await consumer.getmany(timeout_ms=200, max_records=self.batch_size)
                records = [r for tp_records in batch.values() for r in tp_records]
                await self._update_lag(consumer)
                if not records:
                    continue
                try:
                    await self.process(records)
                except Exception as exc:
                    # Nothing of the batch was committed: go back to the stored offsets.
                    logger.warning("batch failed (%s); it will be retried", type(exc).__name__)
                    await self._seek_to_stored(list(batch.keys()), first_offsets=batch)
                    await sleep_or_stop(stop, 0.5 if _is_transient(exc) else 1.0)
                    continue
                with contextlib.suppress(CommitFailedError, KafkaError):
                    await consumer.commit(
                        {tp: recs[-1].offset + 1 for tp, recs in batch.items() if recs}
                    )
                if (
                    self._dead_letters_waiting
                    or time.monotonic() - self._dead_letters_checked_at >= DEAD_LETTER_RECHECK_S
                ):
                    await self._publish_pending_dead_letters()
        finally:
            self._consumer = None
            self.assigned = set()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(consumer.stop(), timeout=10)

    # ---- the exactly-once batch ------------------------------------------------------------

    def decode(self, record: ConsumerRecord[bytes, bytes]) -> _Item:
        try:
            envelope = from_kafka(record.key, record.value, list(record.headers))
            payload = self.registry.decode(envelope.type, envelope.data)
        except (MalformedEnvelope, UnknownEventType, InvalidEventPayload) as exc:
            return _Item(record, None, f"{type(exc).__name__}: {exc}")
        event = ReceivedEvent(envelope, payload, record.topic, record.partition, record.offset)
        return _Item(record, event, None)

    async def process(self, records: Sequence[ConsumerRecord[bytes, bytes]]) -> int:
        """Apply one batch in one transaction. Returns how many events took effect."""
        started = time.perf_counter()
        items = [self.decode(r) for r in records]
        # Links only matter to a recording span; without an SDK skip parsing every traceparent.
        links = (
            [
                trace.Link(span_context)
                for item in items
                if item.event is not None
                and (span_context := _span_context_of(item.event.envelope)) is not None
            ]
            if telemetry.recording()
            else []
        )
        with self._tracer.start_as_current_span(
            f"apply batch {self.group_id}",
            kind=trace.SpanKind.CONSUMER,
            links=links,
            attributes={"messaging.batch.message_count": len(records)},
        ):
            return await self._process(records, items, started)

    async def _process(
        self,
        records: Sequence[ConsumerRecord[bytes, bytes]],
        items: list[_Item],
        started: float,
    ) -> int:
        async with self.engine.begin() as conn:
            versions = await self._load_versions(
                conn, {i.event.envelope.subject for i in items if i.event}
            )
            todo: list[_Item] = []
            planned = dict(versions)
            for item in items:
                if item.event is None:
                    continue
                subject, version = item.event.envelope.subject, item.event.envelope.stream_version
                if version <= planned.get(subject, 0):
                    metrics.CONSUMER_DUPLICATES.labels(self.group_id).inc()
                    continue
                planned[subject] = version
                todo.append(item)
            applied = await self._apply_all(conn, todo)
            after_batch = getattr(self.projection, "after_batch", None)
            if after_batch is not None and applied:
                await after_batch(conn, [i.event for i in applied if i.event is not None])
            dead = [i for i in items if i.reason is not None]
            await self._record_dead_letters(conn, dead)
            await self._store_progress(conn, records, applied, versions)
        if dead:
            self._dead_letters_waiting = True
        for item in applied:
            assert item.event is not None
            metrics.CONSUMER_APPLIED.labels(self.group_id, item.event.envelope.type).inc()
        if dead:
            metrics.DEAD_LETTERS.labels(self.group_id).inc(len(dead))
        metrics.BATCH_SECONDS.labels(self.group_id).observe(time.perf_counter() - started)
        self.applied_total += len(applied)
        self.last_batch_at = time.time()
        self._streams_recorded += len(
            {i.event.envelope.subject for i in applied if i.event is not None} - versions.keys()
        )
        await self._keep_statistics_current()
        for item in applied:
            assert item.event is not None
            key = (item.event.topic, item.event.partition)
            when = item.event.envelope.time
            if key not in self.last_event_time or self.last_event_time[key] < when:
                self.last_event_time[key] = when
        return len(applied)

    async def _keep_statistics_current(self) -> None:
        """ANALYZE ``applied_streams`` while a catch-up (or a rebuild) makes it grow fast.

        Each batch looks up its streams' versions by ``stream_id = ANY(...)``. With statistics
        from when the table was small, PostgreSQL scans every row of the group instead of using
        the primary key for the ids, and a rebuild slows down as it goes (quadratic in the
        history). Autovacuum's analyze comes at most once a minute; this refreshes the
        statistics each time the table has grown by a fifth (at least 10,000 streams).
        """
        grown = self._streams_recorded - self._streams_at_last_analyze
        if grown < max(ANALYZE_EVERY_STREAMS, self._streams_at_last_analyze // 5):
            return
        self._streams_at_last_analyze = self._streams_recorded
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("ANALYZE applied_streams"))
                await conn.commit()
        except DBAPIError as exc:  # only an optimisation: the next batch works without it
            logger.info("could not analyze applied_streams (%s)", type(exc).__name__)

    def _event_span(self, event: ReceivedEvent, batch_size: int | None = None) -> trace.Span:
        """A span for one event that continues the trace of the request that caused it."""
        cause = propagate.extract(
            {k: v for k in ("traceparent", "tracestate") if (v := getattr(event.envelope, k))}
        )
        attributes: dict[str, str | int] = {
            "messaging.destination.name": event.topic,
            "messaging.kafka.destination.partition": event.partition,
            "messaging.kafka.message.offset": event.offset,
            "messaging.consumer.group.name": self.group_id,
        }
        if batch_size is not None:
            attributes["messaging.batch.message_count"] = batch_size
        return self._tracer.start_span(
            f"apply {event.envelope.type}",
            context=cause,
            kind=trace.SpanKind.CONSUMER,
            attributes=attributes,
        )

    async def _apply_traced(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
        if not telemetry.recording():
            # No SDK: the span would be a no-op, so skip it and the parsing of its parent.
            await self.projection.apply(conn, event)
            return
        with trace.use_span(self._event_span(event), end_on_exit=True):
            await self.projection.apply(conn, event)

    def _event_spans(self, events: Sequence[ReceivedEvent]) -> list[trace.Span]:
        """One span per event, each continuing the trace of the request that caused it.

        They are started before and ended after the batch is applied: with a batch projection
        the events have no work of their own to time, but each trace still reaches the
        projection.
        """
        return [self._event_span(event, len(events)) for event in events]

    async def _apply_batch(
        self,
        conn: AsyncConnection,
        apply_batch: Callable[[AsyncConnection, Sequence[ReceivedEvent]], Awaitable[None]],
        events: list[ReceivedEvent],
    ) -> None:
        spans = self._event_spans(events) if telemetry.recording() else []
        try:
            await apply_batch(conn, events)
        except BaseException as exc:
            for span in spans:
                span.record_exception(exc)
                span.set_status(trace.Status(trace.StatusCode.ERROR, type(exc).__name__))
            raise
        finally:
            for span in spans:
                span.end()

    async def _apply_all(self, conn: AsyncConnection, todo: list[_Item]) -> list[_Item]:
        # Fast path: one savepoint for the batch, and one call for all of it when the
        # projection can apply a batch at once. Only if something fails do we pay for a
        # savepoint (and an ``apply``) per event to find and set aside the poison ones.
        apply_batch = getattr(self.projection, "apply_batch", None)
        try:
            async with conn.begin_nested():
                if apply_batch is not None and todo:
                    events = [item.event for item in todo if item.event is not None]
                    await self._apply_batch(conn, apply_batch, events)
                else:
                    for item in todo:
                        assert item.event is not None
                        await self._apply_traced(conn, item.event)
            return todo
        except Exception as exc:
            if _is_transient(exc):
                raise
            if apply_batch is not None:
                logger.info(
                    "batch of %d failed as a whole (%s); applying it event by event",
                    len(todo),
                    type(exc).__name__,
                )
        applied: list[_Item] = []
        for item in todo:
            assert item.event is not None
            try:
                async with conn.begin_nested():
                    await self._apply_traced(conn, item.event)
                applied.append(item)
            except Exception as exc:
                if _is_transient(exc):
                    raise
                item.reason = f"apply failed: {type(exc).__name__}: {exc}"[:2000]
                logger.warning(
                    "dead-lettering %s@%s/%s: %s",
                    item.record.topic,
                    item.record.partition,
                    item.record.offset,
                    item.reason,
                )
        return applied

    async def _load_versions(self, conn: AsyncConnection, subjects: set[str]) -> dict[str, int]:
        if not subjects:
            return {}
        rows = await conn.execute(
            text(
                "SELECT stream_id, version FROM applied_streams "
                "WHERE group_id = :g AND stream_id = ANY(:ids)"
            ),
            {"g": self.group_id, "ids": list(subjects)},
        )
        return {r.stream_id: r.version for r in rows}

    async def _store_progress(
        self,
        conn: AsyncConnection,
        records: Sequence[ConsumerRecord[bytes, bytes]],
        applied: list[_Item],
        before: dict[str, int],
    ) -> None:
        latest: dict[str, int] = {}
        for item in applied:
            assert item.event is not None
            env = item.event.envelope
            latest[env.subject] = max(latest.get(env.subject, 0), env.stream_version)
        if latest:
            # One statement for all streams (a batch of responses is hundreds of streams); the
            # keys are distinct, so no row is updated twice by it.
            await conn.execute(
                text(
                    "INSERT INTO applied_streams (group_id, stream_id, version) "
                    "SELECT CAST(:g AS text), s, v "
                    "FROM unnest(CAST(:s AS text[]), CAST(:v AS integer[])) AS given(s, v) "
                    "ON CONFLICT (group_id, stream_id) "
                    "DO UPDATE SET version = GREATEST(applied_streams.version, EXCLUDED.version)"
                ),
                {"g": self.group_id, "s": list(latest), "v": list(latest.values())},
            )
        next_offsets: dict[tuple[str, int], int] = {}
        for r in records:
            key = (r.topic, r.partition)
            next_offsets[key] = max(next_offsets.get(key, 0), r.offset + 1)
        if not next_offsets:
            return
        await conn.execute(
            text(
                "INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) "
                "VALUES (:g, :t, :p, :o) ON CONFLICT (group_id, topic, partition) DO UPDATE "
                "SET next_offset = GREATEST(consumer_offsets.next_offset, EXCLUDED.next_offset),"
                " updated_at = now()"
            ),
            [{"g": self.group_id, "t": t, "p": p, "o": o} for (t, p), o in next_offsets.items()],
        )

    async def _record_dead_letters(self, conn: AsyncConnection, dead: list[_Item]) -> None:
        if not dead:
            return
        await conn.execute(
            text(
                "INSERT INTO dead_letters "
                '(group_id, topic, partition, "offset", key, headers, payload, reason) '
                "VALUES (:g, :t, :p, :o, :k, CAST(:h AS jsonb), :v, :r) "
                'ON CONFLICT (group_id, topic, partition, "offset") DO NOTHING'
            ),
            [
                {
                    "g": self.group_id,
                    "t": i.record.topic,
                    "p": i.record.partition,
                    "o": i.record.offset,
                    "k": i.record.key,
                    "h": json.dumps([[n, v.decode("latin-1")] for n, v in i.record.headers]),
                    "v": i.record.value,
                    "r": i.reason or "unknown",
                }
                for i in dead
            ],
        )

    # ---- offsets, dead letters, lag --------------------------------------------------------

    async def _seek_to_stored(
        self,
        partitions: list[TopicPartition],
        first_offsets: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]] | None = None,
    ) -> None:
        consumer = self._consumer
        if consumer is None or not partitions:
            return
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT topic, partition, next_offset FROM consumer_offsets "
                    "WHERE group_id = :g AND topic = ANY(:t)"
                ),
                {"g": self.group_id, "t": list({tp.topic for tp in partitions})},
            )
            stored = {(r.topic, r.partition): r.next_offset for r in rows}
        for tp in partitions:
            offset = stored.get((tp.topic, tp.partition))
            if offset is not None:
                consumer.seek(tp, offset)
            elif first_offsets and first_offsets.get(tp):
                consumer.seek(tp, first_offsets[tp][0].offset)
            else:
                await consumer.seek_to_beginning(tp)

    async def _publish_pending_dead_letters(self) -> None:
        self._dead_letters_checked_at = time.monotonic()
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    text(
                        'SELECT id, topic, partition, "offset", key, headers, payload, reason '
                        "FROM dead_letters WHERE group_id = :g AND published_at IS NULL "
                        "ORDER BY id LIMIT 1000"
                    ),
                    {"g": self.group_id},
                )
            ).all()
            if not rows:
                self._dead_letters_waiting = False
                return
            producer = self._producer_factory()
            await producer.start()
            try:
                futures = []
                for r in rows:
                    headers = [(n, v.encode("latin-1")) for n, v in r.headers]
                    headers += [
                        ("dlq_reason", r.reason.encode()),
                        ("dlq_source_topic", r.topic.encode()),
                        ("dlq_source_partition", str(r.partition).encode()),
                        ("dlq_source_offset", str(r.offset).encode()),
                        ("dlq_consumer_group", self.group_id.encode()),
                    ]
                    futures.append(
                        await producer.send(
                            self.dead_letter_topic, value=r.payload, key=r.key, headers=headers
                        )
                    )
                await asyncio.gather(*futures)
            finally:
                await producer.stop()
            await conn.execute(
                text("UPDATE dead_letters SET published_at = now() WHERE id = ANY(:ids)"),
                {"ids": [r.id for r in rows]},
            )
            await conn.commit()
            self._dead_letters_waiting = len(rows) == 1000

    async def replay_dead_letters(self, ids: Sequence[int] | None = None) -> tuple[int, int]:
        """Re-drive dead letters through the projection (e.g. after a fix is deployed).

        Returns (applied, still failing). Applied ones are marked replayed, so each is applied
        at most once; the ones still failing stay for the next replay.
        """
        async with self.engine.connect() as conn:
            query = (
                'SELECT id, topic, partition, "offset", key, headers, payload, reason '
                "FROM dead_letters WHERE group_id = :g AND replayed_at IS NULL"
            )
            params: dict[str, Any] = {"g": self.group_id}
            if ids is not None:
                query += " AND id = ANY(:ids)"
                params["ids"] = list(ids)
            rows = (await conn.execute(text(query + " ORDER BY id"), params)).all()
        ok = failed = 0
        for r in rows:
            record = ConsumerRecord(
                topic=r.topic,
                partition=r.partition,
                offset=r.offset,
                timestamp=0,
                timestamp_type=0,
                key=r.key,
                value=r.payload,
                checksum=None,
                serialized_key_size=len(r.key or b""),
                serialized_value_size=len(r.payload or b""),
                headers=tuple((n, v.encode("latin-1")) for n, v in r.headers),
            )
            item = self.decode(record)
            if item.event is None:
                failed += 1
                continue
            async with self.engine.begin() as conn:
                # A dead letter was never applied, so it is applied now even if later events
                # of its stream were (replayed events arrive out of order; the projections'
                # upserts tolerate that). ``replayed_at`` makes this happen at most once.
                try:
                    async with conn.begin_nested():
                        await self._apply_traced(conn, item.event)
                except Exception:
                    failed += 1
                    continue
                versions = await self._load_versions(conn, {item.event.envelope.subject})
                await self._store_progress(conn, [], [item], versions)
                await conn.execute(
                    text("UPDATE dead_letters SET replayed_at = now() WHERE id = :id"),
                    {"id": r.id},
                )
                # A replay moves no offset; touching the group's rows still moves the
                # watermark that read-model caches (insights dashboards) are validated by.
                await conn.execute(
                    text(
                        "UPDATE consumer_offsets SET updated_at = clock_timestamp() "
                        "WHERE group_id = :g"
                    ),
                    {"g": self.group_id},
                )
            ok += 1
        return ok, failed

    async def _update_lag(self, consumer: AIOKafkaConsumer) -> None:
        lags: dict[TopicPartition, int] = {}
        for tp in consumer.assignment():
            highwater = consumer.highwater(tp)
            if highwater is None:
                continue
            with contextlib.suppress(Exception):
                lags[tp] = max(highwater - await consumer.position(tp), 0)
                metrics.CONSUMER_LAG.labels(self.group_id, tp.topic, str(tp.partition)).set(
                    lags[tp]
                )
        self.lag = lags
