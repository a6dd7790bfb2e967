"""The outbox relay: publishes committed outbox rows to Kafka, deletes them once acknowledged.

Only one relay per service publishes at a time: it holds a PostgreSQL session-level advisory
lock (the lease) on the very connection it reads and deletes through, so losing that connection
loses the lease and the work together. Rows are read in id order; rows of one stream are always
committed in version order (a writer can only append v+1 after reading v), so publishing in id
order keeps per-aggregate order on Kafka. No high-water mark is kept: every poll reads whatever
is still in the table, so a row whose id committed late is simply picked up by a later poll.

Given the event registry, the relay publishes the current version of a retired event type: a
row the previous code wrote (say ``….v1``) goes out upcast, with the current ``ce_type``, so
from the moment the new code runs Kafka receives only current versions. Consumers still upcast
what they read, for the records published before.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaProducer
from opentelemetry import propagate, trace
from sqlalchemy import Row, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_shared import metrics, telemetry
from huddle_shared.aio import sleep_or_stop
from huddle_shared.events import EventRegistry, InvalidEventPayload, UnknownEventType
from huddle_shared.fastpath import passthrough_headers, w3c_propagation_only
from huddle_shared.kafka import KafkaOptions, producer_config
from huddle_shared.retry import Backoff
from huddle_shared.wire import TRACE_HEADERS

__all__ = [
    "KafkaOptions",
    "OutboxRelay",
    "OutboxStatus",
    "ProducerFactory",
    "default_producer_factory",
    "lease_key",
    "outbox_status",
    "sample_outbox_metrics",
]

logger = logging.getLogger("huddle.relay")

ProducerFactory = Callable[[], AIOKafkaProducer]
# Throughput settings of the relay's producer: small batches sent soon, a short timeout so a
# broker outage surfaces (and the relay retries) quickly.
_RELAY_PRODUCER = {
    "linger_ms": 5,
    "max_batch_size": 262_144,
    "request_timeout_ms": 10_000,
    "retry_backoff_ms": 200,
}


def lease_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for a name."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def default_producer_factory(
    bootstrap: str, options: KafkaOptions | None = None, **overrides: Any
) -> ProducerFactory:
    def make() -> AIOKafkaProducer:
        return AIOKafkaProducer(
            **producer_config(bootstrap, options, **{**_RELAY_PRODUCER, **overrides})
        )

    return make


@dataclass
class OutboxStatus:
    depth: int
    oldest_age_seconds: float


async def outbox_status(conn: AsyncConnection) -> OutboxStatus:
    row = (await conn.execute(text("SELECT count(*), min(created_at) FROM outbox"))).one()
    oldest: datetime | None = row[1]
    age = (datetime.now(UTC) - oldest).total_seconds() if oldest else 0.0
    return OutboxStatus(depth=int(row[0]), oldest_age_seconds=max(age, 0.0))


class OutboxRelay:
    def __init__(
        self,
        *,
        engine: AsyncEngine,
        service: str,
        producer_factory: ProducerFactory,
        batch_size: int = 500,
        poll_interval_s: float = 0.25,
        max_backoff_s: float = 5.0,
        registry: EventRegistry | None = None,
    ) -> None:
        self.engine = engine
        # Rows of a retired type are published upcast (see the module docstring).
        self.registry = registry if registry is not None and registry.upcasters else None
        self.service = service
        self.producer_factory = producer_factory
        self.batch_size = batch_size
        self.poll_interval_s = poll_interval_s
        self.max_backoff_s = max_backoff_s
        self.lease = lease_key(f"huddle-outbox-relay:{service}")
        self.is_leader = False
        self.published = 0
        self._wake = asyncio.Event()
        self._producer: AIOKafkaProducer | None = None

    def wake(self) -> None:
        """A hint that rows were committed; polling covers writers in other processes."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        backoff = Backoff(0.2, self.max_backoff_s)
        while not stop.is_set():
            try:
                await self._lead(stop)
                backoff.reset()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning("relay interrupted (%s: %s); retrying", type(exc).__name__, exc)
                await self._drop_producer()
                await backoff.wait(stop)
            finally:
                self._set_leader(False)
        await self._drop_producer()

    async def _lead(self, stop: asyncio.Event) -> None:
        async with self.engine.connect() as conn:
            while not stop.is_set():
                got = (
                    await conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self.lease})
                ).scalar_one()
                await conn.commit()
                if got:
                    break
                await sleep_or_stop(stop, 1.0)
            else:
                return
            self._set_leader(True)
            try:
                ahead: Sequence[Row[Any]] | None = None
                done: list[int] = []  # acknowledged, not yet deleted
                while not stop.is_set():
                    rows = ahead if ahead is not None else await self._fetch(conn, ())
                    if not rows:
                        done = await self._delete(conn, done)
                        await self._wait_for_work(stop)
                        ahead = None
                        continue
                    ahead, done = await self._publish(conn, rows, done)
                    if ahead is None:
                        done = await self._delete(conn, done)
                        if len(rows) < self.batch_size:
                            await self._wait_for_work(stop)
                await self._delete(conn, done)
            finally:
                with contextlib.suppress(Exception):
                    await conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.lease})
                    await conn.commit()

    async def _wait_for_work(self, stop: asyncio.Event) -> None:
        # The hint is cleared when rows are read (``_fetch``), not here: a commit that lands
        # while a batch is being published must end this wait at once, not at the next poll.
        waiters = [asyncio.ensure_future(self._wake.wait()), asyncio.ensure_future(stop.wait())]
        try:
            await asyncio.wait(waiters, timeout=self.poll_interval_s, return_when="FIRST_COMPLETED")
        finally:
            for w in waiters:
                w.cancel()

    async def _ensure_producer(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = self.producer_factory()
            try:
                await producer.start()
            except Exception:
                with contextlib.suppress(Exception):
                    await producer.stop()
                raise
            self._producer = producer
        return self._producer

    async def _drop_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(producer.stop(), timeout=15)

    async def _fetch(self, conn: AsyncConnection, skip: Sequence[int]) -> Sequence[Row[Any]]:
        """The next rows in id order, leaving out ``skip`` (a batch still in flight)."""
        # Whatever was committed before this point is in the rows read now; a later commit sets
        # the hint again and the loop reads once more instead of waiting for the poll.
        self._wake.clear()
        rows = (
            await conn.execute(
                _SELECT_BATCH,
                {"n": self.batch_size, "skip": list(skip)},
            )
        ).all()
        await conn.commit()
        return rows

    async def _delete(self, conn: AsyncConnection, ids: list[int]) -> list[int]:
        """Delete published rows; returns the empty list of rows still to delete."""
        if ids:
            await conn.execute(_DELETE_PUBLISHED, {"ids": ids})
            await conn.commit()
            self.published += len(ids)
            metrics.RELAY_PUBLISHED.add(len(ids))
        return []

    async def _publish(
        self, conn: AsyncConnection, rows: Sequence[Row[Any]], previous: list[int]
    ) -> tuple[Sequence[Row[Any]] | None, list[int]]:
        """Send ``rows`` and wait for their acknowledgements.

        While Kafka acknowledges them, the database does the rest of the work: it deletes
        ``previous`` (the batch acknowledged before) and, for a full batch, reads the next one
        without these rows. Nothing of the next batch is *sent* before this one is acknowledged,
        which keeps the per-stream order on Kafka whatever fails; a crash before a delete only
        sends those rows again (consumers drop duplicates by stream version). Returns the rows
        read ahead (or None) and the ids acknowledged now, to delete with the next batch.
        """
        producer = await self._ensure_producer()
        futures: list[asyncio.Future[Any]] = []
        send_error: BaseException | None = None
        tracer = telemetry.tracer()
        inject_ourselves = not telemetry.kafka_instrumented()
        # Without an SDK the producer span below is a no-op and extract+inject only copy the
        # stored trace context: do that copy directly (about half the relay's CPU per message).
        passthrough = inject_ourselves and not telemetry.recording() and w3c_propagation_only()
        for row in rows:
            stored_headers = _stored_headers(row)
            value: bytes = row.payload
            if self.registry is not None:
                value, stored_headers = current_version(self.registry, value, stored_headers)
            if passthrough and (headers := passthrough_headers(stored_headers)) is not None:
                try:
                    futures.append(
                        await producer.send(row.topic, value=value, key=row.key, headers=headers)
                    )
                except Exception as exc:
                    send_error = exc
                    break
                continue
            stored = {n: v for n, v in stored_headers if n in TRACE_HEADERS}
            headers = [
                (n, v.encode("latin-1")) for n, v in stored_headers if n not in TRACE_HEADERS
            ]
            cause = propagate.extract(stored)
            try:
                with tracer.start_as_current_span(
                    f"publish {row.topic}", context=cause, kind=trace.SpanKind.PRODUCER
                ):
                    if inject_ourselves:
                        carrier: dict[str, str] = {}
                        propagate.inject(carrier)
                        headers += [(n, v.encode("latin-1")) for n, v in carrier.items()]
                    futures.append(
                        await producer.send(row.topic, value=value, key=row.key, headers=headers)
                    )
            except Exception as exc:
                send_error = exc
                break
        read_ahead = send_error is None and len(rows) == self.batch_size
        ids = [row.id for row in rows]

        async def meanwhile() -> Sequence[Row[Any]] | None:
            await self._delete(conn, previous)
            return await self._fetch(conn, ids) if read_ahead else None

        database = asyncio.ensure_future(meanwhile())
        results = await asyncio.gather(*futures, return_exceptions=True)
        ahead = await database
        # Only the acknowledged prefix counts as published: anything after a failure is re-sent
        # later (a duplicate on Kafka at worst, which consumers drop by stream version).
        acked: list[int] = []
        for row, result in zip(rows, results, strict=False):
            if isinstance(result, BaseException):
                send_error = send_error or result
                break
            acked.append(row.id)
        if send_error is not None:
            await self._delete(conn, acked)
            metrics.RELAY_FAILURES.add(len(rows) - len(acked))
            # The broker's reason goes into the message: the relay's warning is what on-call reads.
            raise RuntimeError(
                f"publish failed after {len(acked)} of {len(rows)}: "
                f"{type(send_error).__name__}: {send_error}"
            ) from send_error
        return ahead, acked

    def _set_leader(self, value: bool) -> None:
        self.is_leader = value
        metrics.RELAY_LEADER.set(1 if value else 0)


# The stored headers come back as two text arrays, flattened by PostgreSQL: the driver decodes
# arrays natively, where a JSONB value would be parsed by ``json.loads`` row by row (about a
# quarter of the relay's CPU).
_DELETE_PUBLISHED = text("DELETE FROM outbox WHERE id = ANY(:ids)")
_SELECT_BATCH = text(
    "SELECT id, topic, key, payload, "
    "ARRAY(SELECT h ->> 0 FROM jsonb_array_elements(headers) WITH ORDINALITY AS e(h, n) "
    "ORDER BY n) AS header_names, "
    "ARRAY(SELECT h ->> 1 FROM jsonb_array_elements(headers) WITH ORDINALITY AS e(h, n) "
    "ORDER BY n) AS header_values "
    "FROM outbox WHERE NOT (id = ANY(:skip)) ORDER BY id LIMIT :n"
)


def _stored_headers(row: Row[Any]) -> list[tuple[str, str]]:
    return list(zip(row.header_names, row.header_values, strict=True))


def current_version(
    registry: EventRegistry, value: bytes, headers: list[tuple[str, str]]
) -> tuple[bytes, list[tuple[str, str]]]:
    """An outbox row's value and headers with its event upcast to the current version.

    Rows of a current type come back as they are. A row that does not decode is published
    unchanged: consumers dead-letter it with the reason, where it can be seen and replayed,
    instead of it blocking the outbox behind it.
    """
    at = next((i for i, (name, _) in enumerate(headers) if name == "ce_type"), None)
    if at is None or (type_name := headers[at][1]) not in registry.upcasters:
        return value, headers
    try:
        event = registry.decode(type_name, json.loads(value))
    except (ValueError, UnknownEventType, InvalidEventPayload) as exc:
        logger.warning("outbox row of %s not upcast, published as stored: %s", type_name, exc)
        return value, headers
    upcast = list(headers)
    upcast[at] = ("ce_type", event.event_type)
    # As the event store writes a value (``outbox_record``): the JSON of the data.
    return json.dumps(event.model_dump(mode="json")).encode(), upcast


async def sample_outbox_metrics(
    engine: AsyncEngine, service: str, stop: asyncio.Event, every_s: float = 5.0
) -> None:
    """Keeps the outbox depth and age gauges fresh without touching the relay's hot path."""
    while not stop.is_set():
        try:
            async with engine.connect() as conn:
                status = await outbox_status(conn)
            metrics.OUTBOX_DEPTH.set(status.depth)
            metrics.OUTBOX_OLDEST_AGE.set(status.oldest_age_seconds)
        except Exception as exc:
            logger.debug("outbox sampling failed: %s", exc)
        await sleep_or_stop(stop, every_s)
