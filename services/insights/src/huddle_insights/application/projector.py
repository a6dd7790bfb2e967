"""Projection generations: the live consumer, rebuilds into a fresh generation, and the swap.

Generation N's read models are fed by consumer group ``<group>-g<N>`` (its offsets and stream
versions are recorded in the same transactions). A rebuild creates generation N+1, replays
every topic from the beginning into it while N keeps serving, and once it has caught up with
the end offsets taken when it started, moves the pointer. The live loop notices the move and
continues with N+1 from the offsets N+1 recorded, so nothing is skipped and nothing is applied
twice.

This module decides what happens when; the schemas, the pointer and the locks are PostgreSQL
mechanics in ``adapters/generations.py``, the consumers come from ``consumers/`` and the end
offsets from ``adapters/kafka.py``, all handed in by ``bootstrap.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_insights.adapters import generations
from huddle_shared.aio import sleep_or_stop
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.consumer.bookkeeping import forget_group, group_offsets
from huddle_shared.errors import ServiceUnavailable

logger = logging.getLogger("huddle.insights.projector")


class TopicEnds(Protocol):
    """Where the topics end now: (topic, partition) → the offset after its last record."""

    async def end_offsets(self, topics: Sequence[str]) -> dict[tuple[str, int], int]: ...


class GenerationConsumers(Protocol):
    """Builds the consumer that feeds one generation (alerts and results: the live one only)."""

    @property
    def topics(self) -> Sequence[str]: ...

    def build(self, *, engine: AsyncEngine, group_id: str, alerts: bool) -> ConsumerRuntime: ...


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
        group_prefix: str,
        consumers: GenerationConsumers,
        topic_ends: TopicEnds,
    ) -> None:
        self.engine = engine
        self.group_prefix = group_prefix
        self.consumers = consumers
        self.topic_ends = topic_ends
        self.generation: int | None = None
        self.live: ConsumerRuntime | None = None
        self._engines: dict[int, AsyncEngine] = {}

    def group_of(self, generation: int) -> str:
        return f"{self.group_prefix}-g{generation}"

    def engine_for(self, generation: int) -> AsyncEngine:
        if generation not in self._engines:
            self._engines[generation] = generations.generation_engine(self.engine, generation)
        return self._engines[generation]

    async def read_engine(self) -> AsyncEngine:
        """The engine of the generation the API should read now."""
        generation = self.generation or await self.active_generation()
        return self.engine_for(generation)

    async def active_generation(self) -> int:
        async with self.engine.begin() as conn:
            current = await generations.read_active_generation(conn)
        if current is not None:
            return current
        # First start: the schema and the pointer appear in one transaction, so whoever sees
        # the pointer (an API request, another replica) also finds the tables.
        async with self.engine_for(1).begin() as conn:
            await generations.create_first_generation(conn)
        return await self.active_generation()

    async def ensure_schema(self, generation: int) -> None:
        async with self.engine_for(generation).begin() as conn:
            await generations.create_schema(conn, generation)

    def consumer_for(self, generation: int, *, alerts: bool) -> ConsumerRuntime:
        return self.consumers.build(
            engine=self.engine_for(generation), group_id=self.group_of(generation), alerts=alerts
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

    async def replay_dead_letters(self) -> tuple[int, int]:
        """Re-drive the live generation's dead letters: (applied now, still failing)."""
        if self.live is None:
            raise ServiceUnavailable("The projection is not running yet")
        return await self.live.replay_dead_letters()

    # ---- rebuild ---------------------------------------------------------------------------

    async def rebuild(self, *, timeout_s: float = 600.0) -> RebuildResult:
        """Rebuild every read model from the beginning of the topics, then swap it in."""
        started = time.monotonic()
        async with generations.exclusive_rebuild(self.engine):
            return await self._rebuild(started, timeout_s)

    async def _rebuild(self, started: float, timeout_s: float) -> RebuildResult:
        current = await self.active_generation()
        target = current + 1
        async with self.engine.begin() as conn:
            # Whatever an earlier, abandoned rebuild of the same generation left goes first.
            await generations.drop_schema(conn, target)
            await forget_group(conn, group_id=self.group_of(target))
            await generations.mark_rebuilding(conn, target)
        await self.ensure_schema(target)
        ends = await self.topic_ends.end_offsets(self.consumers.topics)
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
            await generations.activate(conn, target)
            # Keep the previous generation for requests still reading it; drop older ones.
            await generations.drop_schema(conn, current - 1)
        self.generation = target
        return RebuildResult(target, consumer.applied_total, time.monotonic() - started)

    async def _caught_up(self, group_id: str, ends: dict[tuple[str, int], int]) -> bool:
        if not ends:
            return True
        async with self.engine.connect() as conn:
            done = await group_offsets(conn, group_id=group_id)
        return all(done.get(tp, 0) >= end for tp, end in ends.items())
