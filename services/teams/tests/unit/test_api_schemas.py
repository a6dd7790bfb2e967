"""The API's bodies as the OpenAPI document shows them: each carries an example that it accepts
(as a model, and as the document renders it), and the history has an entry shape for every event
a team's stream can hold."""

from __future__ import annotations

import inspect
from types import ModuleType
from typing import Any, get_args

import pytest
from fastapi import FastAPI
from jsonschema import Draft202012Validator
from pydantic import BaseModel
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import TEAM_TOPIC
from huddle_teams.api import fhir_schemas, history_schemas, schemas
from huddle_teams.api.history_schemas import HistoryEntry, history_entry
from huddle_teams.api.routes import routers


def models_of(module: ModuleType) -> list[type[BaseModel]]:
    return [
        cls
        for name, cls in vars(module).items()
        if inspect.isclass(cls)
        and issubclass(cls, BaseModel)
        and cls.__module__ == module.__name__
        and not name.startswith("_")
    ]


BODIES = [m for module in (schemas, history_schemas, fhir_schemas) for m in models_of(module)]


@pytest.mark.parametrize("model", BODIES, ids=lambda m: m.__name__)
def test_every_body_has_an_example_that_it_accepts(model: type[BaseModel]) -> None:
    examples: list[dict[str, Any]] = model.model_json_schema().get("examples", [])
    assert examples, f"{model.__name__} has no example"
    for example in examples:
        model.model_validate(example)


def entry_models() -> dict[str, type[BaseModel]]:
    union = get_args(HistoryEntry)[0]
    return {get_args(m.model_fields["type"].annotation)[0]: m for m in get_args(union)}


def test_the_history_has_an_entry_shape_for_every_event_of_a_team() -> None:
    published = {spec.type_name for spec in REGISTRY.types_on(TEAM_TOPIC.name)}
    assert set(entry_models()) == published


@pytest.mark.parametrize("spec", REGISTRY.types_on(TEAM_TOPIC.name), ids=lambda s: s.type_name)
def test_each_entry_holds_exactly_what_its_event_recorded(spec: Any) -> None:
    data = entry_models()[spec.type_name].model_fields["data"].annotation
    assert isinstance(data, type) and issubclass(data, BaseModel)
    assert set(data.model_fields) == set(spec.model.model_fields)
    example = data.model_json_schema()["examples"][0]
    # The example is a valid event too, and an event's JSON is a valid entry's data.
    event = spec.model.model_validate(example)
    entry = history_entry.validate_python(
        {
            "version": 1,
            "event_id": "7d5f3b1a-9c8e-4d6b-a2f0-1e3c5a7b9d2e",
            "type": spec.type_name,
            "occurred_at": "2026-11-02T14:05:00Z",
            "actor": None,
            "data": event.model_dump(mode="json"),
        }
    )
    assert entry.data.model_dump(mode="json") == event.model_dump(mode="json")


def test_the_examples_as_the_document_carries_them_fit_its_schemas() -> None:
    """FastAPI leaves ``null`` out of the document's examples: what remains must still fit."""
    app = FastAPI()
    for router in routers:
        app.include_router(router)
    document = app.openapi()
    registry: Registry[Any] = Registry().with_resource(
        "urn:teams", DRAFT202012.create_resource(document)
    )
    misfits = []
    for name, schema in document["components"]["schemas"].items():
        check = Draft202012Validator(
            {"$ref": f"urn:teams#/components/schemas/{name}"},
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        for example in schema.get("examples", []):
            misfits += [f"{name}: {error.message}" for error in check.iter_errors(example)]
    assert misfits == []
