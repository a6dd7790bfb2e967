"""Each organisation's Kafka topic, created the first time the organisation has an event.

The topics cannot be declared ahead like the services' own (organisations come and go), so the
service creates them, and remembers which exist in ``org_topics``. A broker that cannot be
reached is a transient failure (``ConnectionError``): the consumer retries its batch rather
than dead-lettering an event for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.contracts.integration import org_topic
from huddle_shared.topics import ensure_topics


class KafkaOrgTopics:
    def __init__(
        self,
        *,
        bootstrap: str,
        physical: Callable[[str], str],
        partitions: int,
        replication_factor: int,
        create: bool,
        client_options: Callable[[], dict[str, Any]],
    ) -> None:
        self.bootstrap = bootstrap
        self.physical = physical
        self.partitions = partitions
        self.replication_factor = replication_factor
        self.create = create
        self.client_options = client_options
        self._known: set[str] = set()

    async def ensure(self, conn: AsyncConnection, org_id: str) -> str:
        """The physical topic of ``org_id``, created first if it is new."""
        topic = self.physical(org_topic(org_id))
        if org_id in self._known:
            return topic
        seen = await conn.scalar(
            text("SELECT 1 FROM org_topics WHERE org_id = :org"), {"org": org_id}
        )
        if seen is None:
            if self.create:
                try:
                    await ensure_topics(
                        self.bootstrap,
                        [topic],
                        partitions=self.partitions,
                        replication_factor=self.replication_factor,
                        client_options=self.client_options(),
                    )
                except Exception as exc:
                    raise ConnectionError(f"cannot create {topic}: {type(exc).__name__}") from exc
            await conn.execute(
                text(
                    "INSERT INTO org_topics (org_id, topic) VALUES (:org, :topic) "
                    "ON CONFLICT (org_id) DO NOTHING"
                ),
                {"org": org_id, "topic": topic},
            )
        self._known.add(org_id)
        return topic
