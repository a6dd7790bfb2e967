"""Explicit topic creation (the brokers never auto-create topics)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

EVENT_TOPIC_CONFIG = {"retention.ms": "-1", "cleanup.policy": "delete"}


async def ensure_topics(
    bootstrap: str,
    names: Iterable[str],
    *,
    partitions: int = 3,
    replication_factor: int = 1,
    timeout_s: float = 30.0,
    client_options: dict[str, Any] | None = None,
) -> None:
    """Create the missing topics (event topics keep their whole history) and wait for them."""
    wanted = sorted(set(names))
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap, request_timeout_ms=10_000, **(client_options or {})
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [n for n in wanted if n not in existing]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(
                    [
                        NewTopic(
                            name=n,
                            num_partitions=partitions,
                            replication_factor=replication_factor,
                            topic_configs=dict(EVENT_TOPIC_CONFIG),
                        )
                        for n in missing
                    ]
                )
        deadline = asyncio.get_running_loop().time() + timeout_s
        while True:
            described = await admin.describe_topics(wanted)
            ready = {
                t["topic"] for t in described if t.get("error_code", 0) == 0 and t.get("partitions")
            }
            if ready >= set(wanted):
                return
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"topics not ready: {sorted(set(wanted) - ready)}")
            await asyncio.sleep(0.1)
    finally:
        await admin.close()
