from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import MemberRoleChanged, RoleChangeCategory
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


def test_a_retired_type_is_known_and_read_as_its_successor() -> None:
    registry, thing_named = make_registry()
    assert registry.knows("huddle.demo.thing_named.v1")
    spec = registry.current_spec("huddle.demo.thing_named.v1")
    assert spec is not None and spec.model is thing_named
    assert registry.current_spec("huddle.demo.never_heard_of.v1") is None


def test_a_retired_type_cannot_be_current_nor_upcast_twice() -> None:
    registry, _ = make_registry()
    with pytest.raises(ValueError, match="retired"):
        registry.event(TOPIC, "huddle.demo.thing_named.v1")(type("Z", (DomainEvent,), {}))
    with pytest.raises(ValueError, match="twice"):
        registry.upcaster("huddle.demo.thing_named.v1", "huddle.demo.thing_named.v2")(dict)
    with pytest.raises(ValueError, match="current"):
        registry.upcaster("huddle.demo.thing_named.v2", "huddle.demo.thing_named.v3")(dict)


def test_a_retired_type_documented_as_published_is_listed_on_its_successors_topic() -> None:
    registry, _ = make_registry()

    class ThingNamedV1(BaseModel):
        thing_id: str
        name: str

    registry.upcaster(
        "huddle.demo.thing_renamed.v1", "huddle.demo.thing_named.v2", published_as=ThingNamedV1
    )(dict)
    assert [r.type_name for r in registry.retired_on(TOPIC.name)] == [
        "huddle.demo.thing_renamed.v1"
    ]
    assert registry.retired_on("demo.other.v1") == []


# ---- the real one: the role change's v2 --------------------------------------------------

V1_BEFORE_CATEGORY = {
    "team_id": "t",
    "user_id": "u",
    "from_role": "nurse",
    "to_role": "care_coordinator",
    "reason": "Covers the coordinator",
    "effective_date": "2026-11-02",
    "changed_by": "a",
}


def test_a_role_change_stored_as_v1_without_a_category_reads_as_v2_other() -> None:
    event = REGISTRY.decode("huddle.teams.member_role_changed.v1", V1_BEFORE_CATEGORY)
    assert isinstance(event, MemberRoleChanged)
    assert event.event_type == "huddle.teams.member_role_changed.v2"
    assert event.category is RoleChangeCategory.OTHER


def test_a_role_change_stored_as_v1_with_a_category_keeps_it() -> None:
    data = {**V1_BEFORE_CATEGORY, "category": "planned_rotation"}
    event = REGISTRY.decode("huddle.teams.member_role_changed.v1", data)
    assert isinstance(event, MemberRoleChanged)
    assert event.category is RoleChangeCategory.PLANNED_ROTATION
    assert data == {**V1_BEFORE_CATEGORY, "category": "planned_rotation"}, "left unchanged"


def test_v2_requires_the_category_and_a_broken_v1_stays_invalid() -> None:
    with pytest.raises(InvalidEventPayload):
        REGISTRY.decode("huddle.teams.member_role_changed.v2", V1_BEFORE_CATEGORY)
    with pytest.raises(InvalidEventPayload):
        REGISTRY.decode(
            "huddle.teams.member_role_changed.v1", {**V1_BEFORE_CATEGORY, "category": "fired"}
        )
    assert REGISTRY.knows("huddle.teams.member_role_changed.v1")
    assert "huddle.teams.member_role_changed.v1" not in REGISTRY.specs
