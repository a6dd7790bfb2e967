"""Projection generations: the live consumer, rebuilds into a fresh schema, and the swap.

Generation N's read models live in schema ``insights_g<N>`` and are fed by consumer group
``<group>-g<N>`` (its offsets and stream versions are recorded in the same transactions). A
rebuild creates generation N+1, replays every topic from the beginning into it while N keeps
serving, and once it has caught up with the end offsets taken when it started, moves the
``projection_meta`` pointer. The live loop notices the move and continues with N+1 from the
offsets N+1 recorded, so nothing is skipped and nothing is applied twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from sqlalchemy import select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_insights.adapters.tables import READ_SCHEMA, projection_meta, read_models
from huddle_insights.application.alerts import AlertPublisher
from huddle_insights.projections.insights import InsightsProjection
from huddle_shared.aio import sleep_or_stop
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.contracts import REGISTRY
from huddle_shared.eventstore import EventStore
from huddle_shared.relay import lease_key

logger = logging.getLogger("huddle.insights.projector")
META = "insights"
_REBUILD_LOCK = lease_key("huddle-insights-rebuild")
_SCHEMA_LOCK = lease_key("huddle-insights-schema")


def schema_of(generation: int) -> str:
    return f"insights_g{generation}"


@dataclass
class RebuildResult:
    generation: int
    events_applied: int
    seconds: float

    def as_json(self) -> dict[str, Any]:
        return {
            "generation": self.generation,
            "events_applied": self.events_applied,
            "seconds": round(self.seconds, 3),
        }


class Projector:
    def __init__(
        self,
        *,
        engine: AsyncEngine,
        store: EventStore,
        bootstrap: str,
        topics: list[str],
        dead_letter_topic: str,
        group_prefix: str,
        batch_size: int,
        client_options: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        self.engine = engine
        self.store = store
        self.bootstrap = bootstrap
        self.topics = topics
        self.dead_letter_topic = dead_letter_topic
        self.group_prefix = group_prefix
        self.batch_size = batch_size
        self.client_options = client_options or dict
        self.generation: int | None = None
        self.live: ConsumerRuntime | None = None
        self.alerts = AlertPublisher(store=store)
        self._engines: dict[int, AsyncEngine] = {}

    def engine_for(self, generation: int) -> AsyncEngine:
        if generation not in self._engines:
            self._engines[generation] = self.engine.execution_options(
                schema_translate_map={READ_SCHEMA: schema_of(generation)}
            )
        return self._engines[generation]

    async def read_engine(self) -> AsyncEngine:
        """The engine of the generation the API should read now."""
        generation = self.generation or await self.active_generation()
        return self.engine_for(generation)

    async def active_generation(self) -> int:
        async with self.engine.begin() as conn:
            current = (
                await conn.execute(
                    select(projection_meta.c.active_generation).where(
                        projection_meta.c.name == META
                    )
                )
            ).scalar_one_or_none()
            if current is not None:
                return int(current)
        # First start: the schema and the pointer appear in one transaction, so whoever sees
        # the pointer (an API request, another replica) also finds the tables.
        async with self.engine_for(1).begin() as conn:
            await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK})
            await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema_of(1)}"'))
            await conn.run_sync(read_models.create_all)
            await conn.execute(
                insert(projection_meta)
                .values(name=META, active_generation=1, updated_at=datetime.now(UTC))
                .on_conflict_do_nothing()
            )
        return await self.active_generation()

    async def ensure_schema(self, generation: int) -> None:
        async with self.engine_for(generation).begin() as conn:
            # Replicas (and the API's first request) may race to create the same schema.
            await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK})
            await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema_of(generation)}"'))
            await conn.run_sync(read_models.create_all)

    def consumer_for(self, generation: int, *, alerts: bool) -> ConsumerRuntime:
        return ConsumerRuntime(
            engine=self.engine_for(generation),
            registry=REGISTRY,
            projection=InsightsProjection(alerts=self.alerts if alerts else None),
            group_id=f"{self.group_prefix}-g{generation}",
            topics=self.topics,
            bootstrap=self.bootstrap,
            dead_letter_topic=self.dead_letter_topic,
            batch_size=self.batch_size,
            client_options=self.client_options,
        )

    # ---- the live consumer ---------------------------------------------------------------

    async def run(self, stop: asyncio.Event, *, ready: asyncio.Event | None = None) -> None:
        """Keep the consumer of the active generation running; follow the pointer when it moves."""
        while not stop.is_set():
            try:
                generation = await self.active_generation()
                await self.ensure_schema(generation)
            except Exception as exc:
                logger.warning("projector cannot read its generation (%s)", type(exc).__name__)
                await sleep_or_stop(stop, 2.0)
                continue
            if ready is not None:
                await ready.wait()
            self.generation = generation
            consumer = self.consumer_for(generation, alerts=True)
            self.live = consumer
            own_stop = asyncio.Event()
            task = asyncio.create_task(consumer.run(own_stop), name=f"insights-g{generation}")
            try:
                while not stop.is_set():
                    await sleep_or_stop(stop, 1.0)
                    with contextlib.suppress(Exception):
                        if await self.active_generation() != generation:
                            break
            finally:
                own_stop.set()
                await task

    # ---- rebuild ---------------------------------------------------------------------------

    async def rebuild(self, *, timeout_s: float = 600.0) -> RebuildResult:
        """Rebuild every read model from the beginning of the topics, then swap it in."""
        started = time.monotonic()
        async with self.engine.connect() as lock_conn:
            got = (
                await lock_conn.execute(
                    text("SELECT pg_try_advisory_lock(:k)"), {"k": _REBUILD_LOCK}
                )
            ).scalar_one()
            await lock_conn.commit()
            if not got:
                raise RuntimeError("a rebuild is already running")
            try:
                return await self._rebuild(started, timeout_s)
            finally:
                await lock_conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _REBUILD_LOCK})
                await lock_conn.commit()

    async def _rebuild(self, started: float, timeout_s: float) -> RebuildResult:
        current = await self.active_generation()
        target = current + 1
        async with self.engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema_of(target)}" CASCADE'))
            await conn.execute(
                text("DELETE FROM consumer_offsets WHERE group_id = :g"),
                {"g": f"{self.group_prefix}-g{target}"},
            )
            await conn.execute(
                text("DELETE FROM applied_streams WHERE group_id = :g"),
                {"g": f"{self.group_prefix}-g{target}"},
            )
            await conn.execute(
                update(projection_meta)
                .where(projection_meta.c.name == META)
                .values(rebuilding_generation=target, updated_at=datetime.now(UTC))
            )
        await self.ensure_schema(target)
        ends = await self._end_offsets()
        consumer = self.consumer_for(target, alerts=False)
        stop = asyncio.Event()
        task = asyncio.create_task(consumer.run(stop), name=f"insights-rebuild-g{target}")
        try:
            deadline = time.monotonic() + timeout_s
            while not await self._caught_up(consumer.group_id, ends):
                if task.done() or time.monotonic() > deadline:
                    raise TimeoutError(f"rebuild of generation {target} did not catch up")
                await asyncio.sleep(0.2)
        finally:
            stop.set()
            await task
        async with self.engine.begin() as conn:
            await conn.execute(
                update(projection_meta)
                .where(projection_meta.c.name == META)
                .values(
                    active_generation=target,
                    rebuilding_generation=None,
                    updated_at=datetime.now(UTC),
                )
            )
            # Keep the previous generation for requests still reading it; drop older ones.
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema_of(current - 1)}" CASCADE'))
        self.generation = target
        return RebuildResult(target, consumer.applied_total, time.monotonic() - started)

    async def _end_offsets(self) -> dict[tuple[str, int], int]:
        admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, **self.client_options())
        await admin.start()
        try:
            described = await admin.describe_topics(self.topics)
        finally:
            await admin.close()
        partitions = [
            TopicPartition(t["topic"], p["partition"])
            for t in described
            for p in t.get("partitions", [])
        ]
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, enable_auto_commit=False, **self.client_options()
        )
        await consumer.start()
        try:
            ends = await consumer.end_offsets(partitions) if partitions else {}
        finally:
            await consumer.stop()
        return {(tp.topic, tp.partition): int(o) for tp, o in ends.items() if o > 0}

    async def _caught_up(self, group_id: str, ends: dict[tuple[str, int], int]) -> bool:
        if not ends:
            return True
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT topic, partition, next_offset FROM consumer_offsets WHERE group_id = :g"
                ),
                {"g": group_id},
            )
            done = {(r.topic, r.partition): r.next_offset for r in rows}
        return all(done.get(tp, 0) >= end for tp, end in ends.items())
