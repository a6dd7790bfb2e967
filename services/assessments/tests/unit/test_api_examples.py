"""The examples the OpenAPI document shows are bodies the API really accepts or sends."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from pydantic import BaseModel

from huddle_assessments.api import schemas
from huddle_assessments.domain.instruments import definition_problems
from huddle_shared.contracts.assessments import InstrumentDefinition

MODELS = [
    model
    for _, model in inspect.getmembers(schemas, inspect.isclass)
    if issubclass(model, BaseModel) and model.__module__ == schemas.__name__
]


def examples(model: type[BaseModel]) -> list[Any]:
    extra = model.model_config.get("json_schema_extra")
    assert isinstance(extra, dict), f"{model.__name__} has no examples"
    found = extra.get("examples")
    assert isinstance(found, list) and found, f"{model.__name__} has no examples"
    return found


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_example_is_valid_for_its_model(model: type[BaseModel]) -> None:
    for example in examples(model):
        model.model_validate(example)


def test_the_published_instrument_example_would_be_published() -> None:
    definition = InstrumentDefinition.model_validate(schemas.HANDOVER_CHECK)
    assert definition_problems(definition) == []
    assert not definition.key.startswith("huddle.")
