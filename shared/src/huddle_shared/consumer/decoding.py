"""A Kafka record turned into a :class:`ReceivedEvent`, or into the reason it cannot be one.

A record of a retired type (published before its successor existed) is upcast here, and its
envelope then carries the current type and data: past this point a projection, the tracing
span and the metrics see only current versions. A retired type is known (it has an upcaster),
so it is never dead-lettered as unknown.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from aiokafka.structs import ConsumerRecord

from huddle_shared.consumer.projection import ReceivedEvent
from huddle_shared.envelope import MalformedEnvelope, from_kafka
from huddle_shared.events import EventRegistry, InvalidEventPayload, UnknownEventType


@dataclass
class Item:
    """One record of a batch. ``reason`` is set once the record is bound for the dead letters."""

    record: ConsumerRecord[bytes, bytes]
    event: ReceivedEvent | None
    reason: str | None


def decode(registry: EventRegistry, record: ConsumerRecord[bytes, bytes]) -> Item:
    try:
        envelope = from_kafka(record.key, record.value, list(record.headers))
        payload = registry.decode(envelope.type, envelope.data)
    except (MalformedEnvelope, UnknownEventType, InvalidEventPayload) as exc:
        return Item(record, None, f"{type(exc).__name__}: {exc}")
    if payload.event_type != envelope.type:
        envelope = dataclasses.replace(
            envelope, type=payload.event_type, data=payload.model_dump(mode="json")
        )
    event = ReceivedEvent(envelope, payload, record.topic, record.partition, record.offset)
    return Item(record, event, None)
