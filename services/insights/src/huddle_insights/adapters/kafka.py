"""Where Kafka's topics end right now: what a rebuild must reach before it may swap.

The projector only needs a number per partition; how they are read (an admin client to list
the partitions, a consumer without a group to ask for their end offsets, both closed again) is
this adapter's business, so the application layer builds no Kafka clients of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient


class KafkaTopicEnds:
    """End offsets of every partition of some topics, read with short-lived clients."""

    def __init__(
        self, *, bootstrap: str, client_options: Callable[[], dict[str, Any]] | None = None
    ) -> None:
        self.bootstrap = bootstrap
        self.client_options = client_options or dict

    async def end_offsets(self, topics: Sequence[str]) -> dict[tuple[str, int], int]:
        """Each (topic, partition) that holds anything, with the offset after its last record."""
        partitions = await self._partitions(topics)
        if not partitions:
            return {}
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, enable_auto_commit=False, **self.client_options()
        )
        await consumer.start()
        try:
            ends = await consumer.end_offsets(partitions)
        finally:
            await consumer.stop()
        return {(tp.topic, tp.partition): int(o) for tp, o in ends.items() if o > 0}

    async def _partitions(self, topics: Sequence[str]) -> list[TopicPartition]:
        admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, **self.client_options())
        await admin.start()
        try:
            described = await admin.describe_topics(list(topics))
        finally:
            await admin.close()
        return [
            TopicPartition(t["topic"], p["partition"])
            for t in described
            for p in t.get("partitions", [])
        ]
