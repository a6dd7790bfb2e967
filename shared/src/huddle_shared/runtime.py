"""A service's running parts: engine, event store, relay, consumers, token verifier.

Built by each service's ``bootstrap.py`` (its composition root); started and stopped by the
app's lifespan. Nothing here connects anywhere until :meth:`ServiceRuntime.start`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_shared.auth import JwksKeySource, TokenVerifier
from huddle_shared.config import ServiceSettings
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.db import create_engine
from huddle_shared.events import EventRegistry
from huddle_shared.eventstore import EventStore
from huddle_shared.migrations import current_revision, head_revision, known_revisions
from huddle_shared.relay import OutboxRelay, default_producer_factory, sample_outbox_metrics
from huddle_shared.retry import Backoff
from huddle_shared.topics import ensure_topics

logger = logging.getLogger("huddle.runtime")


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceRuntime:
    settings: ServiceSettings
    engine: AsyncEngine
    store: EventStore
    verifier: TokenVerifier
    migrations: Path
    relay: OutboxRelay | None = None
    consumers: list[ConsumerRuntime] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    clock: Callable[[], datetime] = utc_now
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task[Any]] = field(default_factory=list)
    _head: str | None = None
    topics_ready: asyncio.Event = field(default_factory=asyncio.Event)
    background: list[tuple[str, Callable[[asyncio.Event], Awaitable[None]]]] = field(
        default_factory=list
    )
    # Consumers that some other part manages (e.g. insights' projection generations); None
    # stands for one that should exist but does not yet.
    live_consumers: Callable[[], list[ConsumerRuntime | None]] | None = None

    @classmethod
    def build(
        cls,
        settings: ServiceSettings,
        *,
        registry: EventRegistry,
        migrations: Path,
        engine: AsyncEngine | None = None,
    ) -> ServiceRuntime:
        """The parts every service has; services then add their consumers."""
        engine = engine or create_engine(settings)
        relay = (
            OutboxRelay(
                engine=engine,
                service=settings.service_name,
                producer_factory=default_producer_factory(
                    settings.kafka_bootstrap, settings.kafka_options
                ),
                batch_size=settings.relay_batch_size,
                poll_interval_s=settings.relay_poll_interval_s,
                registry=registry,
            )
            if settings.relay_enabled
            else None
        )
        store = EventStore(
            registry=registry,
            source=f"huddle/{settings.service_name}",
            physical_topic=settings.topic,
            on_commit_hint=relay.wake if relay else None,
        )
        verifier = TokenVerifier(
            keys=JwksKeySource(settings.jwks_url, cache_seconds=settings.jwks_cache_seconds),
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
        )
        own_topics = [
            settings.topic(t) for t in registry.topic_names(services=[settings.service_name])
        ]
        return cls(
            settings=settings,
            engine=engine,
            store=store,
            verifier=verifier,
            migrations=migrations,
            relay=relay,
            topics=own_topics,
        )

    def add_task(self, name: str, loop: Callable[[asyncio.Event], Awaitable[None]]) -> None:
        """A service-specific background loop; it gets the stop event and must honour it."""
        self.background.append((name, loop))

    def add_consumer(self, consumer: ConsumerRuntime) -> None:
        self.consumers.append(consumer)
        self.topics.extend([*consumer.topics, consumer.dead_letter_topic])

    async def start(self) -> None:
        self._stop.clear()
        self._head = head_revision(self.migrations)
        self._spawn(self._prepare_kafka_then_consume(), "kafka")
        if self.relay is not None:
            self._spawn(self.relay.run(self._stop), "relay")
            self._spawn(
                sample_outbox_metrics(self.engine, self.settings.service_name, self._stop),
                "outbox-metrics",
            )
        for name, loop in self.background:
            self._spawn(loop(self._stop), name)

    def _spawn(self, coro: Any, name: str) -> None:
        self._tasks.append(asyncio.create_task(coro, name=f"{self.settings.service_name}-{name}"))

    async def _prepare_kafka_then_consume(self) -> None:
        # Topics first: a consumer subscribed to a missing topic would only notice it at the
        # next metadata refresh. Kafka may be down at start-up; keep trying without blocking.
        backoff = Backoff(0.5, 5.0)
        while self.settings.create_topics and not self._stop.is_set():
            try:
                await ensure_topics(
                    self.settings.kafka_bootstrap,
                    self.topics,
                    partitions=self.settings.topic_partitions,
                    client_options=self.settings.kafka_options(),
                )
                break
            except Exception as exc:
                logger.warning("cannot ensure topics yet (%s); retrying", type(exc).__name__)
                await backoff.wait(self._stop)
        self.topics_ready.set()
        if self.settings.consumers_enabled:
            for consumer in self.consumers:
                self._spawn(consumer.run(self._stop), f"consumer-{consumer.group_id}")

    async def stop(self, timeout_s: float = 20.0) -> None:
        """Graceful: loops finish their batch, the producer flushes, then the pool closes."""
        self._stop.set()
        if self._tasks:
            _, pending = await asyncio.wait(self._tasks, timeout=timeout_s)
            for task in pending:
                task.cancel()
            with contextlib.suppress(Exception):
                await asyncio.gather(*pending, return_exceptions=True)
        self._tasks.clear()
        await self.engine.dispose()

    def _migration_state(self, revision: str | None) -> str:
        if revision == self._head:
            return "ok"
        # A revision this code does not know is a newer one: during a rollout the migration
        # job runs first, and the old pods keep serving until the new ones are ready.
        if revision is not None and revision not in known_revisions(self.migrations):
            return "ok"
        return f"at {revision}, expected {self._head}"

    async def readiness(self) -> dict[str, Any]:
        checks: dict[str, Any] = {}
        try:
            async with asyncio.timeout(2.0), self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
                revision = await current_revision(conn)
            checks["database"] = "ok"
            checks["migrations"] = self._migration_state(revision)
        except Exception as exc:
            checks["database"] = f"unreachable ({type(exc).__name__})"
        expected: list[ConsumerRuntime | None] = [c for c in self.consumers if c.gates_readiness]
        if self.live_consumers is not None:
            expected += self.live_consumers()
        if expected and self.settings.consumers_enabled:
            running = [c for c in expected if c is not None and c.is_running]
            checks["consumers"] = (
                "ok" if len(running) == len(expected) else "not connected to Kafka"
            )
        return checks
