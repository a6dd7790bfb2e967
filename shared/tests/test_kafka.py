"""Every Kafka client gets the same delivery settings; callers only add their own."""

from __future__ import annotations

from huddle_shared.kafka import consumer_config, producer_config


def test_producers_wait_for_all_replicas_and_are_idempotent() -> None:
    config = producer_config("b:9092", lambda: {"security_protocol": "SSL"}, linger_ms=5)
    assert config == {
        "bootstrap_servers": "b:9092",
        "acks": "all",
        "enable_idempotence": True,
        "security_protocol": "SSL",
        "linger_ms": 5,
    }
    assert producer_config("b:9092") == {
        "bootstrap_servers": "b:9092",
        "acks": "all",
        "enable_idempotence": True,
    }


def test_consumers_commit_by_hand_and_read_only_committed_records() -> None:
    config = consumer_config("b:9092", "g", None, max_poll_records=7)
    assert config == {
        "bootstrap_servers": "b:9092",
        "group_id": "g",
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "isolation_level": "read_committed",
        "max_poll_records": 7,
    }
