"""The consumer runtime: Kafka batches applied to read models with an exactly-once effect.

For each ``getmany`` batch, one database transaction applies the events *and* records what was
applied: the next offset per partition and the last version per stream. Kafka offsets are
committed only after that transaction, and on (re)assignment the consumer seeks to the offsets
stored in the database, which are the source of truth. A crash anywhere replays at most one
batch, and the replay changes nothing: events at or below a stream's recorded version are
skipped, which also drops the duplicates a relay re-sends after a crash.

A record that cannot be parsed or applied is recorded as a dead letter in the same transaction
(with the reason), published to the dead-letter topic afterwards, and the consumer moves on.

The package's other modules hold the parts: the tables' statements (``bookkeeping``), dead
letters (``deadletters``), decoding (``decoding``), spans (``tracing``) and what projections
implement (``projection``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from aiokafka.structs import ConsumerRecord
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_shared import metrics
from huddle_shared.aio import sleep_or_stop
from huddle_shared.consumer import bookkeeping, deadletters
from huddle_shared.consumer.decoding import Item, decode
from huddle_shared.consumer.projection import (
    BatchAware,
    BatchProjection,
    Projection,
    ReceivedEvent,
)
from huddle_shared.consumer.tracing import ConsumerSpans
from huddle_shared.events import EventRegistry
from huddle_shared.kafka import KafkaOptions, consumer_config, producer_config
from huddle_shared.retry import Backoff

logger = logging.getLogger("huddle.consumer")
# Refresh applied_streams' planner statistics after at least this many new streams.
ANALYZE_EVERY_STREAMS = 10_000

Batch = dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]]


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
        client_options: KafkaOptions | None = None,
        gates_readiness: bool = True,
    ) -> None:
        self.engine = engine
        self.registry = registry
        self.projection = projection
        # The optional abilities, looked up once (see ``consumer.projection``).
        self.batch_projection = projection if isinstance(projection, BatchProjection) else None
        self.batch_aware = projection if isinstance(projection, BatchAware) else None
        self.group_id = group_id
        self.topics = list(topics)
        self.bootstrap = bootstrap
        self.dead_letter_topic = dead_letter_topic
        self.batch_size = batch_size
        self.client_options: KafkaOptions = client_options or dict
        # False for a consumer that only keeps a side read model fresh: the service still does
        # its work without it, so a Kafka outage must not take the service out of rotation.
        self.gates_readiness = gates_readiness
        self.dead_letters = deadletters.DeadLetterPublisher(
            engine=engine,
            group_id=group_id,
            topic=dead_letter_topic,
            producer_factory=producer_factory
            or (lambda: AIOKafkaProducer(**producer_config(bootstrap, self.client_options))),
        )
        self._consumer: AIOKafkaConsumer | None = None
        self.assigned: set[TopicPartition] = set()
        self.applied_total = 0
        self.last_batch_at: float | None = None
        self.lag: dict[TopicPartition, int] = {}
        self.last_event_time: dict[tuple[str, int], datetime] = {}
        self._spans = ConsumerSpans(group_id)
        self._streams_recorded = 0  # streams this runtime added to applied_streams
        self._streams_at_last_analyze = 0

    # ---- lifecycle -------------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self._consumer is not None

    async def run(self, stop: asyncio.Event) -> None:
        backoff = Backoff(0.2, 5.0)
        while not stop.is_set():
            try:
                await self._consume(stop)
                backoff.reset()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning(
                    "consumer %s interrupted (%s: %s); retrying",
                    self.group_id,
                    type(exc).__name__,
                    exc,
                )
                await backoff.wait(stop)

    async def _consume(self, stop: asyncio.Event) -> None:
        consumer = AIOKafkaConsumer(
            **consumer_config(
                self.bootstrap,
                self.group_id,
                self.client_options,
                max_poll_records=self.batch_size,
                metadata_max_age_ms=30_000,
            )
        )
        consumer.subscribe(self.topics, listener=_SeekToStoredOffsets(self))
        await consumer.start()
        self._consumer = consumer
        try:
            await self.dead_letters.publish_pending()
            while not stop.is_set():
                self.assigned = set(consumer.assignment())
                batch = await consumer.getmany(timeout_ms=200, max_records=self.batch_size)
                await self._update_lag(consumer)
                if not any(batch.values()):
                    continue
                if (
                    await self._process_then_commit(consumer, batch, stop)
                    and self.dead_letters.due()
                ):
                    await self.dead_letters.publish_pending()
        finally:
            self._consumer = None
            self.assigned = set()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(consumer.stop(), timeout=10)

    async def _process_then_commit(
        self, consumer: AIOKafkaConsumer, batch: Batch, stop: asyncio.Event
    ) -> bool:
        """Apply the batch, then commit its offsets to Kafka; False if it is to be retried."""
        try:
            await self.process([r for records in batch.values() for r in records])
        except Exception as exc:
            # Nothing of the batch was committed: go back to the stored offsets.
            logger.warning("batch failed (%s); it will be retried", type(exc).__name__)
            await self._seek_to_stored(list(batch.keys()), first_offsets=batch)
            await sleep_or_stop(stop, 0.5 if _is_transient(exc) else 1.0)
            return False
        with contextlib.suppress(CommitFailedError, KafkaError):
            await consumer.commit({tp: recs[-1].offset + 1 for tp, recs in batch.items() if recs})
        return True

    # ---- the exactly-once batch ------------------------------------------------------------

    def decode(self, record: ConsumerRecord[bytes, bytes]) -> Item:
        return decode(self.registry, record)

    async def process(self, records: Sequence[ConsumerRecord[bytes, bytes]]) -> int:
        """Apply one batch in one transaction. Returns how many events took effect."""
        started = time.perf_counter()
        items = [self.decode(r) for r in records]
        events = (i.event for i in items if i.event is not None)
        with self._spans.batch(events, len(records)):
            return await self._process(records, items, started)

    async def _process(
        self,
        records: Sequence[ConsumerRecord[bytes, bytes]],
        items: list[Item],
        started: float,
    ) -> int:
        async with self.engine.begin() as conn:
            versions = await bookkeeping.applied_versions(
                conn,
                group_id=self.group_id,
                streams={i.event.envelope.subject for i in items if i.event},
            )
            applied = await self._apply_all(conn, self._new_events(items, versions))
            events = [i.event for i in applied if i.event is not None]
            if self.batch_aware is not None and applied:
                await self.batch_aware.after_batch(conn, events)
            dead = [(i.record, i.reason or "unknown") for i in items if i.reason is not None]
            await bookkeeping.record_dead_letters(conn, group_id=self.group_id, dead=dead)
            await bookkeeping.record_progress(
                conn,
                group_id=self.group_id,
                versions=_latest_versions(events),
                next_offsets=_next_offsets(records),
            )
        if dead:
            self.dead_letters.recorded()
            metrics.DEAD_LETTERS.add(len(dead), {"group": self.group_id})
        for type_name, n in Counter(event.envelope.type for event in events).items():
            metrics.CONSUMER_APPLIED.add(n, {"group": self.group_id, "type": type_name})
        metrics.BATCH_SECONDS.record(time.perf_counter() - started, {"group": self.group_id})
        self.applied_total += len(applied)
        self.last_batch_at = time.time()
        self._streams_recorded += len({e.envelope.subject for e in events} - versions.keys())
        await self._keep_statistics_current()
        for event in events:
            key = (event.topic, event.partition)
            when = event.envelope.time
            if key not in self.last_event_time or self.last_event_time[key] < when:
                self.last_event_time[key] = when
        return len(applied)

    def _new_events(self, items: list[Item], versions: dict[str, int]) -> list[Item]:
        """The decoded items above their stream's recorded version (in order, each once)."""
        todo: list[Item] = []
        planned = dict(versions)
        for item in items:
            if item.event is None:
                continue
            subject, version = item.event.envelope.subject, item.event.envelope.stream_version
            if version <= planned.get(subject, 0):
                metrics.CONSUMER_DUPLICATES.add(1, {"group": self.group_id})
                continue
            planned[subject] = version
            todo.append(item)
        return todo

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
                await bookkeeping.analyze_applied_streams(conn)
        except DBAPIError as exc:  # only an optimisation: the next batch works without it
            logger.info("could not analyze applied_streams (%s)", type(exc).__name__)

    async def _apply_all(self, conn: AsyncConnection, todo: list[Item]) -> list[Item]:
        # Fast path: one savepoint for the batch, and one call for all of it when the
        # projection can apply a batch at once. Only if something fails do we pay for a
        # savepoint (and an ``apply``) per event to find and set aside the poison ones.
        try:
            async with conn.begin_nested():
                if self.batch_projection is not None and todo:
                    events = [item.event for item in todo if item.event is not None]
                    await self._spans.apply_batch(self.batch_projection, conn, events)
                else:
                    for item in todo:
                        assert item.event is not None
                        await self._spans.apply(self.projection, conn, item.event)
            return todo
        except Exception as exc:
            if _is_transient(exc):
                raise
            if self.batch_projection is not None:
                logger.info(
                    "batch of %d failed as a whole (%s); applying it event by event",
                    len(todo),
                    type(exc).__name__,
                )
        return [item for item in todo if await self._apply_or_set_aside(conn, item)]

    async def _apply_or_set_aside(self, conn: AsyncConnection, item: Item) -> bool:
        """Apply one event in its own savepoint; on failure give it a dead-letter reason."""
        assert item.event is not None
        try:
            async with conn.begin_nested():
                await self._spans.apply(self.projection, conn, item.event)
            return True
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
            return False

    # ---- offsets, dead letters, lag --------------------------------------------------------

    async def _seek_to_stored(
        self, partitions: list[TopicPartition], first_offsets: Batch | None = None
    ) -> None:
        consumer = self._consumer
        if consumer is None or not partitions:
            return
        async with self.engine.connect() as conn:
            stored = await bookkeeping.stored_offsets(
                conn, group_id=self.group_id, topics=(tp.topic for tp in partitions)
            )
        for tp in partitions:
            offset = stored.get((tp.topic, tp.partition))
            if offset is not None:
                consumer.seek(tp, offset)
            elif first_offsets and first_offsets.get(tp):
                consumer.seek(tp, first_offsets[tp][0].offset)
            else:
                await consumer.seek_to_beginning(tp)

    async def replay_dead_letters(self, ids: Sequence[int] | None = None) -> tuple[int, int]:
        """Re-drive dead letters through the projection (e.g. after a fix is deployed).

        Returns (applied, still failing). Applied ones are marked replayed, so each is applied
        at most once; the ones still failing stay for the next replay.
        """

        async def apply(conn: AsyncConnection, event: ReceivedEvent) -> None:
            await self._spans.apply(self.projection, conn, event)

        return await deadletters.replay(
            self.engine, group_id=self.group_id, decode=self.decode, apply=apply, ids=ids
        )

    async def _update_lag(self, consumer: AIOKafkaConsumer) -> None:
        lags: dict[TopicPartition, int] = {}
        for tp in consumer.assignment():
            highwater = consumer.highwater(tp)
            if highwater is None:
                continue
            with contextlib.suppress(Exception):
                lags[tp] = max(highwater - await consumer.position(tp), 0)
                metrics.CONSUMER_LAG.set(
                    lags[tp],
                    {"group": self.group_id, "topic": tp.topic, "partition": str(tp.partition)},
                )
        self.lag = lags


def _latest_versions(events: Iterable[ReceivedEvent]) -> dict[str, int]:
    latest: dict[str, int] = {}
    for event in events:
        env = event.envelope
        latest[env.subject] = max(latest.get(env.subject, 0), env.stream_version)
    return latest


def _next_offsets(records: Iterable[ConsumerRecord[bytes, bytes]]) -> dict[tuple[str, int], int]:
    offsets: dict[tuple[str, int], int] = {}
    for r in records:
        key = (r.topic, r.partition)
        offsets[key] = max(offsets.get(key, 0), r.offset + 1)
    return offsets
