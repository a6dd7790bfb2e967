from __future__ import annotations

from typing import Any

import pytest

from huddle_shared.events import (
    DomainEvent,
    EventRegistry,
    InvalidEventPayload,
    Topic,
    UnknownEventType,
)

TOPIC = Topic("demo.thing.v1", "demo", "thing", "Things", "thing id")


def make_registry() -> tuple[EventRegistry, type[DomainEvent]]:
    registry = EventRegistry()

    @registry.event(TOPIC, "huddle.demo.thing_named.v2")
    class ThingNamed(DomainEvent):
        """A thing got a name."""

        thing_id: str
        first_name: str
        last_name: str

    @registry.upcaster("huddle.demo.thing_named.v1", "huddle.demo.thing_named.v2")
    def split_name(data: dict[str, Any]) -> dict[str, Any]:
        first, _, last = data.pop("name").partition(" ")
        return {**data, "first_name": first, "last_name": last}

    return registry, ThingNamed


def test_an_event_class_carries_its_stable_type_and_topic() -> None:
    _, thing_named = make_registry()
    assert thing_named.event_type == "huddle.demo.thing_named.v2"
    assert thing_named.topic == "demo.thing.v1"


def test_events_are_immutable_and_refuse_unknown_fields() -> None:
    registry, _ = make_registry()
    event = registry.decode(
        "huddle.demo.thing_named.v2", {"thing_id": "t", "first_name": "A", "last_name": "B"}
    )
    with pytest.raises(Exception, match="frozen"):
        event.thing_id = "other"  # type: ignore[attr-defined]
    with pytest.raises(InvalidEventPayload):
        registry.decode("huddle.demo.thing_named.v2", {"thing_id": "t", "surprise": 1})


def test_an_old_stored_version_is_upcast_when_read() -> None:
    registry, thing_named = make_registry()
    event = registry.decode("huddle.demo.thing_named.v1", {"thing_id": "t", "name": "Ada Lovelace"})
    assert isinstance(event, thing_named)
    assert event.model_dump() == {"thing_id": "t", "first_name": "Ada", "last_name": "Lovelace"}


def test_an_unknown_type_is_reported_as_such() -> None:
    registry, _ = make_registry()
    with pytest.raises(UnknownEventType):
        registry.decode("huddle.demo.never_heard_of.v1", {})


def test_a_type_name_must_be_versioned_and_unique() -> None:
    registry, _ = make_registry()
    with pytest.raises(ValueError, match=r"\.v<n>"):
        registry.event(TOPIC, "huddle.demo.unversioned")(type("X", (DomainEvent,), {}))
    with pytest.raises(ValueError, match="twice"):
        registry.event(TOPIC, "huddle.demo.thing_named.v2")(type("Y", (DomainEvent,), {}))


def test_every_registered_type_exports_a_json_schema() -> None:
    registry, _ = make_registry()
    schemas = registry.json_schemas()
    assert set(schemas) == {"huddle.demo.thing_named.v2"}
    assert schemas["huddle.demo.thing_named.v2"]["required"] == [
        "thing_id",
        "first_name",
        "last_name",
    ]
