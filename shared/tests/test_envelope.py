from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest

from huddle_shared.envelope import MalformedEnvelope, from_kafka, to_kafka

WHEN = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)


def encode() -> tuple[bytes, bytes, list[tuple[str, bytes]]]:
    return to_kafka(
        event_id=uuid.UUID(int=7),
        event_type="huddle.teams.team_created.v1",
        source="huddle/teams",
        subject="team-1",
        time=WHEN,
        tenant_id="org-1",
        stream_version=3,
        data={"team_id": "team-1", "name": "Ärzte & Pflege"},
        trace_headers={"traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},
    )


def test_binary_mode_puts_attributes_in_ce_headers_and_data_in_the_value() -> None:
    key, value, headers = encode()
    names = dict(headers)
    assert key == b"team-1"
    assert json.loads(value) == {"team_id": "team-1", "name": "Ärzte & Pflege"}
    assert names["ce_specversion"] == b"1.0"
    assert names["ce_id"] == str(uuid.UUID(int=7)).encode()
    assert names["ce_source"] == b"huddle/teams"
    assert names["ce_type"] == b"huddle.teams.team_created.v1"
    assert names["ce_subject"] == b"team-1"
    assert names["ce_time"] == b"2026-11-25T10:30:00Z"
    assert names["ce_tenantid"] == b"org-1"
    assert names["ce_streamversion"] == b"3"
    assert names["content-type"] == b"application/json"
    assert names["traceparent"].startswith(b"00-0af7")


def test_a_record_round_trips_to_the_same_envelope() -> None:
    key, value, headers = encode()
    envelope = from_kafka(key, value, headers)
    assert envelope.type == "huddle.teams.team_created.v1"
    assert envelope.subject == "team-1"
    assert envelope.tenant_id == "org-1"
    assert envelope.stream_version == 3
    assert envelope.time == WHEN
    assert envelope.data == {"team_id": "team-1", "name": "Ärzte & Pflege"}
    assert envelope.traceparent is not None


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda h, v: (h, b"{not json"), "not a CloudEvent|not a JSON object"),
        (lambda h, v: (h, None), "no value"),
        (lambda h, v: ([x for x in h if x[0] != "ce_type"], v), "not a CloudEvent"),
        (lambda h, v: ([x for x in h if x[0] != "ce_tenantid"], v), "tenantid"),
        (lambda h, v: ([x for x in h if x[0] != "ce_streamversion"], v), "streamversion"),
        (
            lambda h, v: (
                [*(x for x in h if x[0] != "ce_streamversion"), ("ce_streamversion", b"x")],
                v,
            ),
            "not an integer",
        ),
        (lambda h, v: (h, b"[1, 2]"), "not a JSON object"),
    ],
)
def test_a_malformed_record_is_refused_with_a_reason(mutate: object, reason: str) -> None:
    key, value, headers = encode()
    bad_headers, bad_value = mutate(headers, value)  # type: ignore[operator]
    with pytest.raises(MalformedEnvelope, match=reason):
        from_kafka(key, bad_value, bad_headers)
