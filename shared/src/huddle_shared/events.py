"""Event contracts: frozen payload models, a registry of stable type names, upcasting.

An event's ``type`` string (``huddle.<service>.<name>.v<n>``) is its contract name; it never
depends on the Python class path, so classes can move or be renamed without breaking history.

A breaking change is a new ``v<n+1>`` type; the old one is *retired*: never written again, but
still in the store and on the topics (they keep their history), so it stays readable through an
upcaster that turns its payload into the next version's. Every reader (the store's load, the
relay, each consumer) goes through :meth:`EventRegistry.decode`, so code past it sees only
current versions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

E = TypeVar("E", bound="DomainEvent")
Upcaster = Callable[[dict[str, Any]], dict[str, Any]]


class DomainEvent(BaseModel):
    """The payload of one event. Immutable; unknown fields refused on the write side."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_type: ClassVar[str]
    topic: ClassVar[str]


@dataclass(frozen=True)
class Topic:
    """A Kafka topic of domain events: ``<service>.<aggregate>.v<n>``, keyed by aggregate id."""

    name: str
    service: str
    aggregate: str
    description: str
    key_description: str


@dataclass(frozen=True)
class EventSpec:
    type_name: str
    topic: Topic
    model: type[DomainEvent]
    summary: str


@dataclass(frozen=True)
class RetiredSpec:
    """A type no longer written, read as ``successor``; ``published_as`` is its payload as it
    was published (the AsyncAPI document still lists it: the topics keep such events)."""

    type_name: str
    successor: str
    published_as: type[BaseModel]


class UnknownEventType(Exception):
    pass


class InvalidEventPayload(Exception):
    pass


@dataclass
class EventRegistry:
    """Every event type the system knows, the topic it travels on, and how to upcast old ones."""

    specs: dict[str, EventSpec] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    upcasters: dict[str, tuple[str, Upcaster]] = field(default_factory=dict)
    retired: dict[str, RetiredSpec] = field(default_factory=dict)

    def event(self, topic: Topic, type_name: str) -> Callable[[type[E]], type[E]]:
        """Class decorator: register ``cls`` as the payload of ``type_name`` on ``topic``."""

        def register(cls: type[E]) -> type[E]:
            if type_name in self.specs:
                raise ValueError(f"event type registered twice: {type_name}")
            if type_name in self.upcasters:
                raise ValueError(f"a retired type cannot be current again: {type_name}")
            if not type_name.endswith(tuple(f".v{n}" for n in range(1, 100))):
                raise ValueError(f"event type must end in .v<n>: {type_name}")
            cls.event_type = type_name
            cls.topic = topic.name
            summary = (cls.__doc__ or type_name).strip().splitlines()[0]
            self.specs[type_name] = EventSpec(type_name, topic, cls, summary)
            self.topics.setdefault(topic.name, topic)
            return cls

        return register

    def upcaster(
        self, old_type: str, new_type: str, *, published_as: type[BaseModel] | None = None
    ) -> Callable[[Upcaster], Upcaster]:
        """Register a function turning a stored ``old_type`` payload into a ``new_type`` one.

        ``published_as`` (the old payload's model, kept frozen) documents the retired type.
        """

        def register(fn: Upcaster) -> Upcaster:
            if old_type in self.specs:
                raise ValueError(f"a current type cannot be upcast (retire it first): {old_type}")
            if old_type in self.upcasters:
                raise ValueError(f"a retired type cannot be upcast twice: {old_type}")
            self.upcasters[old_type] = (new_type, fn)
            if published_as is not None:
                self.retired[old_type] = RetiredSpec(old_type, new_type, published_as)
            return fn

        return register

    def upcast(self, type_name: str, data: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        payload = dict(data)
        seen = set()
        while type_name in self.upcasters:
            if type_name in seen:
                raise ValueError(f"upcaster cycle at {type_name}")
            seen.add(type_name)
            type_name, fn = self.upcasters[type_name]
            payload = fn(payload)
        return type_name, payload

    def current_spec(self, type_name: str) -> EventSpec | None:
        """The current contract that ``type_name`` is read as (itself, or where it upcasts to)."""
        while type_name in self.upcasters:
            type_name = self.upcasters[type_name][0]
        return self.specs.get(type_name)

    def decode(self, type_name: str, data: Mapping[str, Any]) -> DomainEvent:
        """Upcast then validate a stored or received payload into its current model.

        The result's ``event_type`` is the current type: callers that report a type name
        (history, envelopes after decoding) take it from there, not from the stored name.
        """
        type_name, payload = self.upcast(type_name, data)
        spec = self.specs.get(type_name)
        if spec is None:
            raise UnknownEventType(type_name)
        try:
            return spec.model.model_validate(payload)
        except ValidationError as exc:
            raise InvalidEventPayload(f"{type_name}: {exc.error_count()} invalid field(s)") from exc

    def knows(self, type_name: str) -> bool:
        return type_name in self.specs or type_name in self.upcasters

    def types_on(self, topic_name: str) -> list[EventSpec]:
        return [s for s in self.specs.values() if s.topic.name == topic_name]

    def retired_on(self, topic_name: str) -> list[RetiredSpec]:
        """Retired types still found on ``topic_name`` (the topic of what they are read as)."""
        found = []
        for retired in self.retired.values():
            spec = self.current_spec(retired.type_name)
            if spec is not None and spec.topic.name == topic_name:
                found.append(retired)
        return found

    def topic_names(self, services: Iterable[str] | None = None) -> list[str]:
        wanted = set(services) if services is not None else None
        return sorted(t.name for t in self.topics.values() if wanted is None or t.service in wanted)

    def json_schemas(self) -> dict[str, dict[str, Any]]:
        return {name: spec.model.model_json_schema() for name, spec in sorted(self.specs.items())}
