"""The Kafka client settings every producer and consumer of Huddle shares.

Delivery guarantees are decided here once: producers wait for all in-sync replicas and are
idempotent (a retried send is never written twice), consumers commit by hand and read only
committed records. Callers add what is theirs (batching, group, timeouts) as overrides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Connection options (TLS, SASL) are built when a client is made, not when the app is wired:
# building them may read certificate files.
KafkaOptions = Callable[[], dict[str, Any]]


def producer_config(
    bootstrap: str, options: KafkaOptions | None = None, **overrides: Any
) -> dict[str, Any]:
    """Keyword arguments for an ``AIOKafkaProducer``: acks from all replicas, idempotent."""
    config: dict[str, Any] = {
        "bootstrap_servers": bootstrap,
        "acks": "all",
        "enable_idempotence": True,
    }
    config.update(options() if options else {})
    config.update(overrides)
    return config


def consumer_config(
    bootstrap: str, group_id: str, options: KafkaOptions | None = None, **overrides: Any
) -> dict[str, Any]:
    """Keyword arguments for an ``AIOKafkaConsumer`` whose offsets its owner commits.

    Only committed records are read (the relay's producer is idempotent, not transactional,
    but the setting keeps aborted writes of any other producer out), and a group without
    offsets starts at the beginning: the topics keep every event.
    """
    config: dict[str, Any] = {
        "bootstrap_servers": bootstrap,
        "group_id": group_id,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "isolation_level": "read_committed",
    }
    config.update(options() if options else {})
    config.update(overrides)
    return config
