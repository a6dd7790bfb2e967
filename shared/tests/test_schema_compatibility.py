"""The compatibility rule for event schemas: each incompatible change is caught, with a payload
the old schema accepted and the new one refuses (checked by a JSON Schema validator), and each
compatible change passes, with payloads of the old schema that the new one still accepts."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from huddle_shared.contracts.teams import MemberRoleChanged, MemberRoleChangedV1
from huddle_shared.schema.compatibility import Rule, schema_breaks


def obj(properties: dict[str, Any], *required: str, **more: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
        **more,
    }


STRING = {"type": "string"}
ROLE = {"type": "string", "enum": ["nurse", "physician"]}

# (what changed, old schema, new schema, the rule that catches it, an old payload new refuses)
BREAKING: list[tuple[str, Any, Any, Rule, Any]] = [
    (
        "a property removed",
        obj({"id": STRING, "note": STRING}, "id"),
        obj({"id": STRING}, "id"),
        Rule.PROPERTY_REMOVED,
        {"id": "a", "note": "kept"},
    ),
    (
        "a new required property",
        obj({"id": STRING}, "id"),
        obj({"id": STRING, "category": STRING}, "id", "category"),
        Rule.REQUIRED_ADDED,
        {"id": "a"},
    ),
    (
        "an optional property made required",
        obj({"id": STRING, "note": STRING}, "id"),
        obj({"id": STRING, "note": STRING}, "id", "note"),
        Rule.REQUIRED_ADDED,
        {"id": "a"},
    ),
    (
        "a type changed",
        obj({"n": {"type": "string"}}, "n"),
        obj({"n": {"type": "integer"}}, "n"),
        Rule.TYPE_NARROWED,
        {"n": "3"},
    ),
    (
        "number narrowed to integer",
        obj({"n": {"type": "number"}}, "n"),
        obj({"n": {"type": "integer"}}, "n"),
        Rule.TYPE_NARROWED,
        {"n": 2.5},
    ),
    (
        "a nullable field no longer nullable",
        obj({"n": {"anyOf": [STRING, {"type": "null"}]}}, "n"),
        obj({"n": STRING}, "n"),
        Rule.TYPE_NARROWED,
        {"n": None},
    ),
    (
        "an enum value removed",
        obj({"role": ROLE}, "role"),
        obj({"role": {"type": "string", "enum": ["nurse"]}}, "role"),
        Rule.ENUM_NARROWED,
        {"role": "physician"},
    ),
    (
        "a free string limited to an enum",
        obj({"role": STRING}, "role"),
        obj({"role": ROLE}, "role"),
        Rule.ENUM_NARROWED,
        {"role": "pharmacist"},
    ),
    (
        "a const changed",
        obj({"v": {"const": 1}}, "v"),
        obj({"v": {"const": 2}}, "v"),
        Rule.ENUM_NARROWED,
        {"v": 1},
    ),
    (
        "a smaller maxLength",
        obj({"s": {"type": "string", "maxLength": 200}}, "s"),
        obj({"s": {"type": "string", "maxLength": 100}}, "s"),
        Rule.CONSTRAINT_NARROWED,
        {"s": "x" * 150},
    ),
    (
        "a new maxLength",
        obj({"s": STRING}, "s"),
        obj({"s": {"type": "string", "maxLength": 10}}, "s"),
        Rule.CONSTRAINT_NARROWED,
        {"s": "x" * 11},
    ),
    (
        "a larger minLength",
        obj({"s": {"type": "string", "minLength": 1}}, "s"),
        obj({"s": {"type": "string", "minLength": 3}}, "s"),
        Rule.CONSTRAINT_NARROWED,
        {"s": "ab"},
    ),
    (
        "a larger minimum",
        obj({"n": {"type": "integer", "minimum": 0}}, "n"),
        obj({"n": {"type": "integer", "minimum": 1}}, "n"),
        Rule.CONSTRAINT_NARROWED,
        {"n": 0},
    ),
    (
        "a minimum made exclusive",
        obj({"n": {"type": "number", "minimum": 0}}, "n"),
        obj({"n": {"type": "number", "exclusiveMinimum": 0}}, "n"),
        Rule.CONSTRAINT_NARROWED,
        {"n": 0},
    ),
    (
        "a smaller maximum",
        obj({"n": {"type": "integer", "maximum": 730}}, "n"),
        obj({"n": {"type": "integer", "maximum": 365}}, "n"),
        Rule.CONSTRAINT_NARROWED,
        {"n": 400},
    ),
    (
        "fewer items allowed",
        obj({"a": {"type": "array", "items": STRING, "maxItems": 5}}, "a"),
        obj({"a": {"type": "array", "items": STRING, "maxItems": 2}}, "a"),
        Rule.CONSTRAINT_NARROWED,
        {"a": ["1", "2", "3"]},
    ),
    (
        "more items required",
        obj({"a": {"type": "array", "items": STRING}}, "a"),
        obj({"a": {"type": "array", "items": STRING, "minItems": 1}}, "a"),
        Rule.CONSTRAINT_NARROWED,
        {"a": []},
    ),
    (
        "unique items required",
        obj({"a": {"type": "array", "items": STRING}}, "a"),
        obj({"a": {"type": "array", "items": STRING, "uniqueItems": True}}, "a"),
        Rule.CONSTRAINT_NARROWED,
        {"a": ["x", "x"]},
    ),
    (
        "a new pattern",
        obj({"s": STRING}, "s"),
        obj({"s": {"type": "string", "pattern": "^[a-z]+$"}}, "s"),
        Rule.CONSTRAINT_NARROWED,
        {"s": "ABC"},
    ),
    (
        "a new multipleOf",
        obj({"n": {"type": "integer"}}, "n"),
        obj({"n": {"type": "integer", "multipleOf": 5}}, "n"),
        Rule.CONSTRAINT_NARROWED,
        {"n": 3},
    ),
    (
        "the items of an array narrowed",
        obj({"a": {"type": "array", "items": ROLE}}, "a"),
        obj({"a": {"type": "array", "items": {"type": "string", "enum": ["nurse"]}}}, "a"),
        Rule.ENUM_NARROWED,
        {"a": ["physician"]},
    ),
    (
        "a nested model's new required property",
        obj({"goal": obj({"title": STRING}, "title")}, "goal"),
        obj({"goal": obj({"title": STRING, "due": STRING}, "title", "due")}, "goal"),
        Rule.REQUIRED_ADDED,
        {"goal": {"title": "t"}},
    ),
    (
        "a map's values narrowed",
        obj({"m": {"type": "object", "additionalProperties": {"type": "number"}}}, "m"),
        obj({"m": {"type": "object", "additionalProperties": {"type": "integer"}}}, "m"),
        Rule.TYPE_NARROWED,
        {"m": {"a": 1.5}},
    ),
    (
        "a map closed",
        obj({"m": {"type": "object", "additionalProperties": {"type": "number"}}}, "m"),
        obj({"m": {"type": "object", "additionalProperties": False}}, "m"),
        Rule.CONSTRAINT_NARROWED,
        {"m": {"a": 1}},
    ),
]

# (what changed, old schema, new schema, payloads the old accepted)
COMPATIBLE: list[tuple[str, Any, Any, list[Any]]] = [
    ("nothing", obj({"id": STRING}, "id"), obj({"id": STRING}, "id"), [{"id": "a"}]),
    (
        "a new optional property",
        obj({"id": STRING}, "id"),
        obj({"id": STRING, "note": {"type": "string", "default": ""}}, "id"),
        [{"id": "a"}],
    ),
    (
        "a required property made optional",
        obj({"id": STRING, "note": STRING}, "id", "note"),
        obj({"id": STRING, "note": {"type": "string", "default": ""}}, "id"),
        [{"id": "a", "note": "n"}],
    ),
    (
        "a new enum value",
        obj({"role": ROLE}, "role"),
        obj({"role": {"type": "string", "enum": ["nurse", "physician", "pharmacist"]}}, "role"),
        [{"role": "nurse"}, {"role": "physician"}],
    ),
    (
        "integer widened to number",
        obj({"n": {"type": "integer"}}, "n"),
        obj({"n": {"type": "number"}}, "n"),
        [{"n": 3}],
    ),
    (
        "made nullable",
        obj({"n": STRING}, "n"),
        obj({"n": {"anyOf": [STRING, {"type": "null"}]}}, "n"),
        [{"n": "x"}],
    ),
    (
        "looser constraints",
        obj({"s": {"type": "string", "minLength": 2, "maxLength": 10, "pattern": "^a"}}, "s"),
        obj({"s": {"type": "string", "minLength": 1, "maxLength": 20}}, "s"),
        [{"s": "ab"}, {"s": "a" * 10}],
    ),
    (
        "an exclusive minimum made inclusive",
        obj({"n": {"type": "number", "exclusiveMinimum": 0, "maximum": 5}}, "n"),
        obj({"n": {"type": "number", "minimum": 0, "exclusiveMaximum": 6}}, "n"),
        [{"n": 0.5}, {"n": 5}],
    ),
    (
        "an enum value widened to its type",
        obj({"role": ROLE}, "role"),
        obj({"role": STRING}, "role"),
        [{"role": "nurse"}],
    ),
    (
        "a multipleOf relaxed to a divisor",
        obj({"n": {"type": "integer", "multipleOf": 10}}, "n"),
        obj({"n": {"type": "integer", "multipleOf": 5}}, "n"),
        [{"n": 20}],
    ),
    (
        "only the words changed",
        obj({"id": {"type": "string", "title": "Id", "description": "old"}}, "id"),
        obj({"id": {"type": "string", "title": "The id", "description": "new"}}, "id"),
        [{"id": "a"}],
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "rule", "payload"),
    [pytest.param(*case[1:], id=case[0]) for case in BREAKING],
)
def test_an_incompatible_change_is_caught(old: Any, new: Any, rule: Rule, payload: Any) -> None:
    jsonschema.validate(payload, old)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, new)  # the change really refuses an old payload
    found = schema_breaks(old, new)
    assert rule in {b.rule for b in found}, [str(b) for b in found]


@pytest.mark.parametrize(
    ("old", "new", "payloads"), [pytest.param(*case[1:], id=case[0]) for case in COMPATIBLE]
)
def test_a_compatible_change_passes(old: Any, new: Any, payloads: list[Any]) -> None:
    for payload in payloads:
        jsonschema.validate(payload, old)
        jsonschema.validate(payload, new)
    assert schema_breaks(old, new) == []


def test_a_changed_default_breaks_old_payloads_that_lack_the_property() -> None:
    old = obj({"id": STRING, "category": {"type": "string", "default": "other"}}, "id")
    new = obj({"id": STRING, "category": {"type": "string", "default": "promotion"}}, "id")
    # Both schemas accept {"id": "a"}, but the event it reads as changed meaning.
    assert [b.rule for b in schema_breaks(old, new)] == [Rule.DEFAULT_CHANGED]


def test_a_keyword_the_checker_does_not_model_is_reported_when_it_changes() -> None:
    old = obj({"s": {"type": "string", "not": {"const": "a"}}}, "s")
    new = obj({"s": {"type": "string", "not": {"const": "b"}}}, "s")
    assert [b.rule for b in schema_breaks(old, new)] == [Rule.UNCHECKED_KEYWORD]
    assert schema_breaks(old, old) == []


def test_references_are_followed_into_the_definitions_of_each_side() -> None:
    old = {"$ref": "#/components/schemas/Thing"}
    new = {"$ref": "#/components/schemas/Thing"}
    old_defs = {"Thing": obj({"role": {"$ref": "#/components/schemas/Role"}}, "role"), "Role": ROLE}
    new_defs = {**old_defs, "Role": {"type": "string", "enum": ["nurse"]}}
    found = schema_breaks(old, new, old_defs=old_defs, new_defs=new_defs)
    assert [(b.rule, b.path) for b in found] == [(Rule.ENUM_NARROWED, "role")]


def test_a_recursive_model_is_compared_without_looping() -> None:
    node = obj({"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}, "children")
    schema = {"$ref": "#/$defs/Node", "$defs": {"Node": node}}
    assert schema_breaks(schema, schema) == []


def test_the_real_v2_of_the_role_change_could_not_have_been_v1() -> None:
    """Requiring ``category`` in v1 itself would refuse the v1 events stored without it."""
    found = schema_breaks(
        MemberRoleChangedV1.model_json_schema(), MemberRoleChanged.model_json_schema()
    )
    assert [(b.rule, b.path) for b in found] == [(Rule.REQUIRED_ADDED, "category")]
    # The reverse (adding category, optional, to v1 in place) was compatible.
    without = MemberRoleChangedV1.model_json_schema()
    del without["properties"]["category"]
    assert schema_breaks(without, MemberRoleChangedV1.model_json_schema()) == []
