"""Reading what actually reached Kafka, for assertions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeAlias

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

# aiokafka ships no type information, so its records are Any to mypy.
Record: TypeAlias = Any


async def read_topic(
    bootstrap: str,
    topic: str,
    *,
    until: Callable[[list[Record]], bool],
    timeout_s: float = 30.0,
    settle_s: float = 0.0,
) -> list[Record]:
    """Read ``topic`` from the beginning (no group) until ``until(records)`` holds.

    With ``settle_s`` it keeps reading that long after the condition holds, to catch any
    extra (duplicate) records that would follow.
    """
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        group_id=None,
    )
    await consumer.start()
    records: list[Record] = []
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        settled_at: float | None = None
        while loop.time() < deadline:
            batch = await consumer.getmany(timeout_ms=200)
            for recs in batch.values():
                records.extend(recs)
            if settled_at is None and until(records):
                settled_at = loop.time() + settle_s
            if settled_at is not None and loop.time() >= settled_at:
                return records
        raise TimeoutError(f"{topic}: condition not met; saw {len(records)} record(s)")
    finally:
        await consumer.stop()


async def produce_raw(
    bootstrap: str,
    topic: str,
    value: bytes | None,
    *,
    key: bytes | None = None,
    headers: list[tuple[str, bytes]] | None = None,
) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, value=value, key=key, headers=headers or [])
    finally:
        await producer.stop()


async def eventually(
    check: Callable[[], object], *, timeout_s: float = 30.0, interval_s: float = 0.1
) -> None:
    """Poll an async or sync predicate until it returns truthy (no timing is asserted)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    last: object = None
    while loop.time() < deadline:
        last = check()
        if asyncio.iscoroutine(last):
            last = await last
        if last:
            return
        await asyncio.sleep(interval_s)
    raise TimeoutError(f"condition not met within {timeout_s}s (last: {last!r})")
