"""The role change's v1 through the two readers that do not go through the store: the relay
(an outbox row the old code wrote) and a consumer's decoding (a record an old relay sent).
Against real servers in tests/integration/test_schema_evolution.py; here the pure parts."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from aiokafka.structs import ConsumerRecord

from huddle_shared.consumer.decoding import decode
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import MemberRoleChanged, RoleChangeCategory
from huddle_shared.envelope import from_kafka, to_kafka
from huddle_shared.fastpath import outbox_record
from huddle_shared.relay import current_version

V1 = "huddle.teams.member_role_changed.v1"
V2 = "huddle.teams.member_role_changed.v2"
TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
# The CloudEvent attributes of every record here but its id, type and data.
ATTRIBUTES: dict[str, Any] = {
    "source": "huddle/teams",
    "subject": "team-1",
    "time": datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
    "tenant_id": "org-1",
    "stream_version": 4,
}
BEFORE_CATEGORY = {
    "team_id": "team-1",
    "user_id": "user-1",
    "from_role": "nurse",
    "to_role": "care_coordinator",
    "reason": "Covers the coordinator",
    "effective_date": "2026-11-02",
    "changed_by": "lead-1",
}


def stored_row(event_type: str, data: dict[str, Any]) -> tuple[bytes, list[tuple[str, str]]]:
    """An outbox row's value and headers, as the event store writes them."""
    _key, value, headers = outbox_record(
        event_id=uuid.uuid4(),
        event_type=event_type,
        data=data,
        trace_headers={"traceparent": TRACEPARENT},
        **ATTRIBUTES,
    )
    return value, [(name, text) for name, text in json.loads(headers)]


def test_the_relay_publishes_a_stored_v1_row_as_v2() -> None:
    value, headers = stored_row(V1, BEFORE_CATEGORY)
    new_value, new_headers = current_version(REGISTRY, value, headers)
    assert dict(new_headers)["ce_type"] == V2
    assert [h for h in new_headers if h[0] != "ce_type"] == [
        h for h in headers if h[0] != "ce_type"
    ]
    assert json.loads(new_value) == {**BEFORE_CATEGORY, "category": "other"}
    # The very bytes the new code would have written for the same event.
    event = MemberRoleChanged.model_validate({**BEFORE_CATEGORY, "category": "other"})
    assert new_value == stored_row(V2, event.model_dump(mode="json"))[0]


def test_the_relay_leaves_current_rows_alone() -> None:
    value, headers = stored_row(V2, {**BEFORE_CATEGORY, "category": "promotion"})
    assert current_version(REGISTRY, value, headers) == (value, headers)


def test_the_relay_publishes_a_v1_row_it_cannot_read_as_stored_for_the_dead_letters() -> None:
    value, headers = stored_row(V1, {**BEFORE_CATEGORY, "to_role": "astronaut"})
    assert current_version(REGISTRY, value, headers) == (value, headers)


def record(event_type: str, data: dict[str, Any]) -> ConsumerRecord[bytes, bytes]:
    key, value, headers = to_kafka(
        event_id=uuid.uuid4(), event_type=event_type, data=data, **ATTRIBUTES
    )
    return ConsumerRecord(
        topic="teams.team.v1",
        partition=0,
        offset=7,
        timestamp=0,
        timestamp_type=0,
        key=key,
        value=value,
        checksum=None,
        serialized_key_size=len(key),
        serialized_value_size=len(value),
        headers=tuple(headers),
    )


def test_a_consumer_reads_a_v1_record_as_v2_envelope_and_all() -> None:
    item = decode(REGISTRY, record(V1, {**BEFORE_CATEGORY, "category": "promotion"}))
    assert item.reason is None and item.event is not None
    assert isinstance(item.event.payload, MemberRoleChanged)
    assert item.event.payload.category is RoleChangeCategory.PROMOTION
    assert item.event.envelope.type == V2
    assert item.event.envelope.data == {**BEFORE_CATEGORY, "category": "promotion"}
    # Everything else of the envelope is the record's own.
    original = from_kafka(item.record.key, item.record.value, list(item.record.headers))
    assert (item.event.envelope.id, item.event.envelope.stream_version) == (original.id, 4)


def test_a_consumer_dead_letters_what_no_version_explains_but_never_a_v1() -> None:
    assert decode(REGISTRY, record(V1, BEFORE_CATEGORY)).reason is None
    unknown = decode(REGISTRY, record("huddle.teams.member_role_changed.v9", BEFORE_CATEGORY))
    assert unknown.reason is not None and unknown.reason.startswith("UnknownEventType")
    broken = decode(REGISTRY, record(V1, {**BEFORE_CATEGORY, "category": "fired"}))
    assert broken.reason is not None and broken.reason.startswith("InvalidEventPayload")
