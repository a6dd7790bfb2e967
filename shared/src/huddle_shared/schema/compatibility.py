"""Is an event's current JSON Schema still able to read what an earlier one let be published?

The store and the topics keep every event for good, and the current code reads them all again
(an aggregate's load, a projection rebuilt from the first offset, a consumer catching up). So
the rule is *backward compatibility for readers*: every payload the old schema accepted must be
accepted by the new one. Within one ``v<n>`` that allows only additions that loosen: a new
optional property, a new enum value, a wider type, a looser constraint, a property made
optional. Anything else needs a new type ``v<n+1>`` and an upcaster. A change breaks when:

- a property is removed (payloads carry it, and the models refuse unknown fields);
- a property becomes required (old payloads may lack it);
- a type changes or narrows (``number`` to ``integer``, a nullable field no longer nullable);
- an enum value or a const changes or goes (old payloads hold it);
- a constraint narrows: a smaller ``maxLength``/``maxItems``/``maximum``, a larger ``minLength``
  /``minItems``/``minimum``, a new or changed ``pattern``, ``format`` or ``multipleOf``,
  ``uniqueItems`` added, ``additionalProperties`` closed or narrowed;
- an optional property's ``default`` changes (an old payload without it would change meaning);
- a keyword this checker does not model changes (it cannot tell, so it says so).

The other direction (an old reader meeting a new event, during a rolling deploy) is not a rule:
it would forbid even the additive changes. A reader still on the old code refuses a property or
an enum value it does not know; that event goes to its dead letters, and a replay after the
reader's upgrade applies it. Deploy readers before writers to avoid that.

Two assumptions, both true of the schemas pydantic generates here: a writer emits only declared
properties (an absent ``additionalProperties`` does not mean old payloads held others), and
``oneOf`` alternatives are compared like ``anyOf``'s.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

Schema = Any  # a JSON Schema: a mapping, or True/False


class Rule(StrEnum):
    TYPE_REMOVED = "type-removed"
    TOPIC_CHANGED = "topic-changed"
    PROPERTY_REMOVED = "property-removed"
    REQUIRED_ADDED = "required-added"
    TYPE_NARROWED = "type-narrowed"
    ENUM_NARROWED = "enum-narrowed"
    CONSTRAINT_NARROWED = "constraint-narrowed"
    DEFAULT_CHANGED = "default-changed"
    UNCHECKED_KEYWORD = "unchecked-keyword"


@dataclass(frozen=True)
class Break:
    """One way a new schema refuses what an old one accepted, at ``path`` in the payload."""

    rule: Rule
    path: str
    detail: str
    event_type: str = ""

    def __str__(self) -> str:
        where = f"{self.event_type} " if self.event_type else ""
        return f"{where}{self.path or '(payload)'}: {self.detail} [{self.rule}]"


# Keywords that do not change what validates.
_ANNOTATIONS = frozenset(
    {"title", "description", "examples", "deprecated", "readOnly", "writeOnly", "$comment"}
    | {"discriminator", "$schema", "$id", "$defs", "definitions"}
)
_MODELLED = frozenset(
    {"$ref", "type", "enum", "const", "anyOf", "oneOf", "allOf", "default"}
    | {"properties", "required", "additionalProperties", "items", "prefixItems"}
    | {"minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"}
    | {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
    | {"pattern", "format", "multipleOf", "uniqueItems"}
)
_LOWER_COUNTS = ("minLength", "minItems", "minProperties")
_UPPER_COUNTS = ("maxLength", "maxItems", "maxProperties")
_EXACT = ("pattern", "format")
_BOUND_KEYWORDS = {
    "lower": ("minimum", "exclusiveMinimum"),
    "upper": ("maximum", "exclusiveMaximum"),
}
_ALL_TYPES = frozenset({"string", "number", "integer", "boolean", "object", "array", "null"})


def schema_breaks(
    old: Schema,
    new: Schema,
    *,
    old_defs: Mapping[str, Schema] | None = None,
    new_defs: Mapping[str, Schema] | None = None,
) -> list[Break]:
    """Every way ``new`` refuses a payload ``old`` accepted; empty when it is compatible.

    ``$ref`` targets are looked up by their last segment in ``old_defs``/``new_defs`` (an
    AsyncAPI document's ``components.schemas``); without them, in each schema's own ``$defs``.
    """
    if old_defs is None:
        old_defs = old.get("$defs", {}) if isinstance(old, dict) else {}
    if new_defs is None:
        new_defs = new.get("$defs", {}) if isinstance(new, dict) else {}
    return _Comparison(old_defs, new_defs).breaks(old, new, "")


class _Comparison:
    def __init__(self, old_defs: Mapping[str, Schema], new_defs: Mapping[str, Schema]) -> None:
        self.old_defs = old_defs
        self.new_defs = new_defs
        self._comparing: set[tuple[str, str]] = set()

    def breaks(self, old: Schema, new: Schema, path: str) -> list[Break]:
        refs = (_ref(old), _ref(new))
        if refs[0] and refs[1]:
            if refs in self._comparing:  # a recursive model: assume compatible below here
                return []
            self._comparing.add(refs)
        try:
            return self._compare(_resolve(old, self.old_defs), _resolve(new, self.new_defs), path)
        finally:
            self._comparing.discard(refs)

    def _compare(self, old: Schema, new: Schema, path: str) -> list[Break]:
        if old is False or new is True or new == {}:
            return []
        if new is False:
            return [Break(Rule.TYPE_NARROWED, path, "accepts nothing any more")]
        if old is True:
            old = {}
        if _alternatives(old) or _alternatives(new):
            return self._union(old, new, path)
        found = self._unmodelled(old, new, path)
        found += _types(old, new, path)
        if found:  # the rest would only repeat the same change in other words
            return found
        found += _values(old, new, path)
        found += _bounds(old, new, path)
        found += self._object(old, new, path)
        found += self._array(old, new, path)
        return found

    def _union(self, old: Schema, new: Schema, path: str) -> list[Break]:
        """Each old alternative must fit into one new alternative."""
        old_options = [_merge(old, o) for o in _alternatives(old) or [old]]
        new_options = [_merge(new, n) for n in _alternatives(new) or [new]]
        found: list[Break] = []
        for option in old_options:
            tries = [self.breaks(option, candidate, path) for candidate in new_options]
            if all(tries):
                if len(tries) == 1:
                    found += tries[0]
                else:
                    found.append(
                        Break(
                            Rule.TYPE_NARROWED,
                            path,
                            f"no alternative accepts the old {_describe(option)}",
                        )
                    )
        return found

    def _unmodelled(self, old: Schema, new: Schema, path: str) -> list[Break]:
        found = []
        for keyword in sorted((set(old) | set(new)) - _MODELLED - _ANNOTATIONS):
            if keyword.startswith("x-") or old.get(keyword) == new.get(keyword):
                continue
            found.append(
                Break(Rule.UNCHECKED_KEYWORD, path, f"{keyword} changed; cannot tell if it is safe")
            )
        old_all, new_all = old.get("allOf", []), new.get("allOf", [])
        if len(old_all) == len(new_all):  # every part must hold: compare them part by part
            for old_part, new_part in zip(old_all, new_all, strict=True):
                found += self.breaks(old_part, new_part, path)
        else:
            found.append(Break(Rule.UNCHECKED_KEYWORD, path, "allOf changed; cannot tell"))
        return found

    def _object(self, old: Schema, new: Schema, path: str) -> list[Break]:
        old_props: dict[str, Schema] = old.get("properties", {})
        new_props: dict[str, Schema] = new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        old_extra, new_extra = old.get("additionalProperties"), new.get("additionalProperties")
        found: list[Break] = []
        for name, old_prop in old_props.items():
            at = _join(path, name)
            if name not in new_props:
                found.append(Break(Rule.PROPERTY_REMOVED, at, "removed; old payloads carry it"))
                continue
            found += self.breaks(old_prop, new_props[name], at)
            if name not in new_required:
                found += self._default(old_prop, new_props[name], at)
        for name in sorted(new_required - old_required):
            was = "new" if name not in old_props else "optional before"
            found.append(
                Break(Rule.REQUIRED_ADDED, _join(path, name), f"required ({was}); old may lack it")
            )
        if isinstance(old_extra, dict):  # old payloads may hold any other key, of that schema
            for name in sorted(set(new_props) - set(old_props)):
                found += self.breaks(old_extra, new_props[name], _join(path, name))
        if new_extra is False and old_extra not in (None, False):
            found.append(
                Break(Rule.CONSTRAINT_NARROWED, path, "additionalProperties closed; old had some")
            )
        elif isinstance(new_extra, dict) and old_extra is not None and old_extra is not False:
            found += self.breaks(old_extra, new_extra, _join(path, "*"))
        return found

    def _default(self, old: Schema, new: Schema, path: str) -> list[Break]:
        old, new = _resolve(old, self.old_defs), _resolve(new, self.new_defs)
        if not isinstance(old, dict) or "default" not in old:
            return []
        if not isinstance(new, dict) or new.get("default") != old["default"]:
            was, now = json.dumps(old["default"]), json.dumps(new.get("default"))
            return [
                Break(Rule.DEFAULT_CHANGED, path, f"default {was} -> {now}: old payloads lack it")
            ]
        return []

    def _array(self, old: Schema, new: Schema, path: str) -> list[Break]:
        found: list[Break] = []
        if "items" in new:
            found += self.breaks(old.get("items", True), new["items"], path + "[]")
        old_prefix, new_prefix = old.get("prefixItems", []), new.get("prefixItems", [])
        for i, item in enumerate(new_prefix):
            previous = old_prefix[i] if i < len(old_prefix) else old.get("items", True)
            found += self.breaks(previous, item, f"{path}[{i}]")
        if new.get("uniqueItems") and not old.get("uniqueItems"):
            found.append(Break(Rule.CONSTRAINT_NARROWED, path, "uniqueItems added"))
        return found


def _ref(schema: Schema) -> str:
    return schema.get("$ref", "") if isinstance(schema, dict) else ""


def _resolve(schema: Schema, defs: Mapping[str, Schema]) -> Schema:
    """The schema with its ``$ref`` replaced by the target (sibling keywords kept on top)."""
    seen = set()
    while isinstance(schema, dict) and "$ref" in schema:
        ref = schema["$ref"]
        if ref in seen:
            raise ValueError(f"a $ref that only points at itself: {ref}")
        seen.add(ref)
        name = ref.rsplit("/", 1)[-1]
        if name not in defs:
            raise ValueError(f"unresolvable $ref: {ref}")
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        target = defs[name]
        schema = {**target, **siblings} if isinstance(target, dict) else target
    if isinstance(schema, dict) and len(schema.get("allOf", [])) == 1:  # pydantic's old wrapping
        rest = {k: v for k, v in schema.items() if k != "allOf"}
        return _resolve({**schema["allOf"][0], **rest}, defs)
    return schema


def _alternatives(schema: Schema) -> list[Schema]:
    return list(schema.get("anyOf") or schema.get("oneOf") or [])


def _merge(parent: Schema, option: Schema) -> Schema:
    """An alternative with the union's own keywords (pydantic puts ``default`` beside anyOf)."""
    if option is parent:
        return option
    shared = {k: v for k, v in parent.items() if k not in ("anyOf", "oneOf")}
    return {**shared, **option} if isinstance(option, dict) else option


def _type_set(schema: Schema) -> frozenset[str]:
    declared = schema.get("type")
    if declared is not None:
        return frozenset([declared] if isinstance(declared, str) else declared)
    values = _enum(schema)
    if values is not None:
        return frozenset(_json_type(v) for v in values)
    return _ALL_TYPES


def _types(old: Schema, new: Schema, path: str) -> list[Break]:
    old_types, new_types = _type_set(old), _type_set(new)
    lost = {t for t in old_types if t not in new_types and not _widened(t, new_types)}
    if not lost:
        return []
    was, now = "/".join(sorted(old_types)), "/".join(sorted(new_types))
    return [Break(Rule.TYPE_NARROWED, path, f"type {was} -> {now}")]


def _widened(old_type: str, new_types: frozenset[str]) -> bool:
    return old_type == "integer" and "number" in new_types


def _enum(schema: Schema) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    values = schema.get("enum")
    return list(values) if values is not None else None


def _values(old: Schema, new: Schema, path: str) -> list[Break]:
    new_values = _enum(new)
    if new_values is None:
        return []
    old_values = _enum(old)
    if old_values is None:
        return [Break(Rule.ENUM_NARROWED, path, "now limited to listed values")]
    allowed = {json.dumps(v, sort_keys=True) for v in new_values}
    gone = [v for v in old_values if json.dumps(v, sort_keys=True) not in allowed]
    if not gone:
        return []
    listed = ", ".join(json.dumps(v) for v in gone)
    return [Break(Rule.ENUM_NARROWED, path, f"value(s) no longer accepted: {listed}")]


def _bounds(old: Schema, new: Schema, path: str) -> list[Break]:
    found = []
    for keyword in _LOWER_COUNTS:
        if keyword in new and new[keyword] > old.get(keyword, 0):
            found.append(_narrowed(path, keyword, old.get(keyword), new[keyword]))
    for keyword in _UPPER_COUNTS:
        if keyword in new and (keyword not in old or new[keyword] < old[keyword]):
            found.append(_narrowed(path, keyword, old.get(keyword), new[keyword]))
    for keyword in _EXACT:
        if keyword in new and new[keyword] != old.get(keyword):
            found.append(_narrowed(path, keyword, old.get(keyword), new[keyword]))
    if "multipleOf" in new:
        step = old.get("multipleOf")
        if step is None or (step / new["multipleOf"]) % 1 != 0:
            found.append(_narrowed(path, "multipleOf", step, new["multipleOf"]))
    for side in ("lower", "upper"):
        old_bound, new_bound = _bound(old, side), _bound(new, side)
        if new_bound is not None and _tighter(old_bound, new_bound, side):
            found.append(_narrowed(path, f"{side} bound", old_bound, new_bound))
    return found


def _bound(schema: Schema, side: str) -> tuple[float, bool] | None:
    """The effective (value, exclusive) bound of ``minimum``/``exclusiveMinimum`` (or max)."""
    inclusive, exclusive = _BOUND_KEYWORDS[side]
    candidates = []
    if inclusive in schema:
        candidates.append((float(schema[inclusive]), False))
    if exclusive in schema:
        candidates.append((float(schema[exclusive]), True))
    if not candidates:
        return None
    if side == "lower":  # the highest lower bound wins; exclusive is tighter at equal values
        return max(candidates, key=lambda b: (b[0], b[1]))
    return min(candidates, key=lambda b: (b[0], not b[1]))


def _tighter(old: tuple[float, bool] | None, new: tuple[float, bool], side: str) -> bool:
    if old is None:
        return True
    if new[0] == old[0]:
        return new[1] and not old[1]
    return new[0] > old[0] if side == "lower" else new[0] < old[0]


def _narrowed(path: str, what: str, was: object, now: object) -> Break:
    return Break(Rule.CONSTRAINT_NARROWED, path, f"{what} {json.dumps(was)} -> {json.dumps(now)}")


def _describe(schema: Schema) -> str:
    if not isinstance(schema, dict):
        return json.dumps(schema)
    return "/".join(sorted(_type_set(schema))) if "type" in schema else "alternative"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


# ---- whole documents -----------------------------------------------------------------------


def document_breaks(old_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> list[Break]:
    """Every event type of ``old_doc`` (an AsyncAPI document) that ``new_doc`` cannot read.

    A type must stay listed (a retired one too: the topics keep its events), on the same
    channel, with a payload schema that accepts everything its old one did.
    """
    old_messages, new_messages = _messages(old_doc), _messages(new_doc)
    old_channels, new_channels = _channel_of(old_doc), _channel_of(new_doc)
    old_defs = old_doc.get("components", {}).get("schemas", {})
    new_defs = new_doc.get("components", {}).get("schemas", {})
    found: list[Break] = []
    for type_name, old_message in sorted(old_messages.items()):
        new_message = new_messages.get(type_name)
        if new_message is None:
            detail = "no longer listed; a retired type keeps an upcaster and stays documented"
            found.append(Break(Rule.TYPE_REMOVED, "", detail, type_name))
            continue
        if old_channels.get(type_name) != new_channels.get(type_name):
            moved = f"moved from {old_channels.get(type_name)} to {new_channels.get(type_name)}"
            found.append(Break(Rule.TOPIC_CHANGED, "", moved, type_name))
        comparison = _Comparison(old_defs, new_defs)
        for found_break in comparison.breaks(old_message["payload"], new_message["payload"], ""):
            found.append(Break(found_break.rule, found_break.path, found_break.detail, type_name))
    return found


def _messages(doc: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    messages = doc.get("components", {}).get("messages", {})
    return {m["name"]: m for m in messages.values()}


def _channel_of(doc: Mapping[str, Any]) -> dict[str, str]:
    """Each message's type name -> the address of the channel that lists it."""
    messages = doc.get("components", {}).get("messages", {})
    found = {}
    for channel in doc.get("channels", {}).values():
        for ref in channel.get("messages", {}).values():
            key = ref["$ref"].rsplit("/", 1)[-1]
            if key in messages:
                found[messages[key]["name"]] = channel["address"]
    return found
