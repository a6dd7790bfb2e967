"""The integrations API's bodies: every example is valid against its model, a response example
names every field (none missing, none more), and the feed's CloudEvent covers every type."""

from __future__ import annotations

import typing
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import BaseModel

from huddle_integrations.api import examples, feed_schemas, sharing, webhook_schemas
from huddle_integrations.api.feed_schemas import CloudEvent, EventTypePage
from huddle_integrations.domain.feed import FeedEntry, read_cursor
from huddle_shared.contracts.integration import INTEGRATION_REGISTRY, MemberRoleChanged
from huddle_shared.http import decode_cursor

RESPONSE_MODELS: list[type[BaseModel]] = [
    CloudEvent,
    EventTypePage,
    sharing.SharingOut,
    webhook_schemas.SubscriptionOut,
    webhook_schemas.SubscriptionWithSecret,
    webhook_schemas.SubscriptionPage,
    webhook_schemas.AttemptOut,
    webhook_schemas.DeliveryOut,
    webhook_schemas.DeliveryPage,
    webhook_schemas.ReplayOut,
]
REQUEST_MODELS: list[type[BaseModel]] = [
    sharing.SharingIn,
    webhook_schemas.SubscriptionIn,
    webhook_schemas.SubscriptionPatch,
    webhook_schemas.RotateIn,
    webhook_schemas.ReplayIn,
]


def examples_of(model: type[BaseModel]) -> list[dict[str, Any]]:
    extra = model.model_config.get("json_schema_extra")
    assert isinstance(extra, dict), f"{model.__name__} has no example"
    found = extra["examples"]
    assert isinstance(found, list) and found, f"{model.__name__} has no example"
    assert all(isinstance(example, dict) for example in found), model.__name__
    return [dict(example) for example in found if isinstance(example, dict)]


@pytest.mark.parametrize("model", RESPONSE_MODELS, ids=lambda m: m.__name__)
def test_every_response_example_is_valid_and_names_every_field(model: type[BaseModel]) -> None:
    for example in examples_of(model):
        model.model_validate(example)
        assert set(example) == set(model.model_fields), model.__name__


@pytest.mark.parametrize("model", REQUEST_MODELS, ids=lambda m: m.__name__)
def test_every_request_example_is_valid(model: type[BaseModel]) -> None:
    for example in examples_of(model):
        model.model_validate(example)


def test_the_optional_bodies_examples_are_valid() -> None:
    webhook_schemas.RotateIn.model_validate(examples.ROTATE_IN)
    webhook_schemas.ReplayIn.model_validate(examples.REPLAY_IN)


def test_the_example_cursors_are_cursors_of_their_lists() -> None:
    assert decode_cursor(examples.SUBSCRIPTION_CURSOR, 2) == [
        "2026-11-20T09:00:00+00:00",
        examples.SUBSCRIPTION_ID,
    ]
    assert decode_cursor(examples.DELIVERY_CURSOR, 1) == [examples.DELIVERY["id"]]
    assert decode_cursor(examples.TYPE_CURSOR, 1) == ["huddle.integration.campaign.opened.v1"]
    assert read_cursor(examples.FEED_CURSOR) == int(examples.ROLE_CHANGED_EVENT["sequence"])


def test_the_cloud_event_data_is_one_of_every_integration_event_and_only_those() -> None:
    payloads = set(typing.get_args(feed_schemas.EventData))
    assert payloads == {spec.model for spec in INTEGRATION_REGISTRY.specs.values()}


def test_a_feed_entry_as_the_feed_builds_it_is_a_cloud_event() -> None:
    data = examples.ROLE_CHANGED_EVENT["data"]
    entry = FeedEntry(
        seq=90_210,
        event_id=uuid.UUID(examples.EVENT_ID),
        org_id=examples.ORG_ID,
        type=examples.ROLE_CHANGED,
        subject=examples.TEAM_ID,
        time=datetime(2026, 12, 3, 9, 15, 2, tzinfo=UTC),
        data=MemberRoleChanged.model_validate(data).model_dump(mode="json"),
        org_seq=1042,
    )
    event = CloudEvent.model_validate(entry.cloudevent())
    assert isinstance(event.data, MemberRoleChanged)
    assert event.sequence == "1042"
