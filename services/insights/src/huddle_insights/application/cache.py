"""A per-process cache of dashboard responses, validated against the projection watermark.

Read models change only when the projection commits a batch (or replays a dead letter), and
every such transaction also writes the group's ``consumer_offsets`` rows. The *watermark* -
the sum of the group's next offsets and their latest ``updated_at`` - is read once per request
(one indexed query); an entry is served only if it was computed under the very same
watermark, so replicas each keep their own cache and still never serve a stale dashboard.

What is cached is the *data*: serialised response bodies, and for team routes the facts the
access check needs (the team's organisation and its roster). The principal is evaluated
against them on every request; nothing here decides who may see what.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.application.access import TeamAccess
from huddle_shared import metrics
from huddle_shared.consumer.bookkeeping import group_watermark

V = TypeVar("V")
_BODY = TypeAdapter(dict[str, Any])


@dataclass(frozen=True, slots=True)
class Watermark:
    """Where the read models of one generation stand: moves with every applied transaction."""

    generation: int
    offsets: int
    updated_at: datetime | None

    @property
    def token(self) -> str:
        stamp = self.updated_at.isoformat() if self.updated_at else "-"
        return f"g{self.generation}:{self.offsets}:{stamp}"


async def read_watermark(conn: AsyncConnection, *, generation: int, group_id: str) -> Watermark:
    """One query on the primary key of ``consumer_offsets``; read before the data it guards."""
    offsets, updated_at = await group_watermark(conn, group_id=group_id)
    return Watermark(generation, offsets, updated_at)


def entity_tag(watermark: Watermark, key: tuple[Hashable, ...]) -> str:
    """A strong ETag: the same route, parameters and watermark always give the same body."""
    material = json.dumps([watermark.token, [str(part) for part in key]], separators=(",", ":"))
    return '"' + hashlib.sha256(material.encode()).hexdigest()[:32] + '"'


def serialise(content: dict[str, Any]) -> bytes:
    """Exactly the bytes FastAPI would send for ``response_model=dict[str, Any]``."""
    return json.dumps(
        _BODY.dump_python(content, mode="json"),
        ensure_ascii=False,
        allow_nan=False,
        indent=None,
        separators=(",", ":"),
    ).encode("utf-8")


class WatermarkedLru(Generic[V]):
    """A bounded LRU map whose entries are only valid under the watermark they were made in."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[Watermark, V]] = OrderedDict()
        self._flights: dict[tuple[Hashable, Watermark], asyncio.Future[V | None]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable, watermark: Watermark, *, endpoint: str) -> V | None:
        found = self._entries.get(key)
        if found is None or found[0] != watermark:
            metrics.DASHBOARD_CACHE.add(1, {"endpoint": endpoint, "result": "miss"})
            return None
        self._entries.move_to_end(key)
        metrics.DASHBOARD_CACHE.add(1, {"endpoint": endpoint, "result": "hit"})
        return found[1]

    def put(self, key: Hashable, watermark: Watermark, value: V) -> None:
        if self.size <= 0:
            return
        self._entries[key] = (watermark, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()

    async def get_or_compute(
        self,
        key: Hashable,
        watermark: Watermark,
        *,
        endpoint: str,
        compute: Callable[[], Awaitable[V]],
    ) -> V:
        """The cached value, or one computation shared by every request that missed it.

        Polling clients all miss at once right after a batch is applied; without sharing,
        each of them would compute the same dashboard concurrently.
        """
        if self.size <= 0:
            return await compute()
        found = self.get(key, watermark, endpoint=endpoint)
        if found is not None:
            return found
        flight = (key, watermark)
        leader = self._flights.get(flight)
        if leader is not None:
            shared = await asyncio.shield(leader)
            # None: the leader failed (or was cancelled); this request computes on its own.
            return shared if shared is not None else await compute()
        future: asyncio.Future[V | None] = asyncio.get_running_loop().create_future()
        self._flights[flight] = future
        value: V | None = None
        try:
            value = await compute()
            self.put(key, watermark, value)
            return value
        finally:
            del self._flights[flight]
            future.set_result(value)


class DashboardCache:
    """The insights API's caches: response bodies and team access facts, one size each."""

    def __init__(self, size: int) -> None:
        self.size = size
        # Serialised JSON bodies: a hit is sent as it is, with no recomputation or encoding.
        self.bodies: WatermarkedLru[bytes] = WatermarkedLru(size)
        self.access: WatermarkedLru[TeamAccess] = WatermarkedLru(size)
