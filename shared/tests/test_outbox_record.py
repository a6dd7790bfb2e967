"""The event store builds outbox rows without the CloudEvents SDK: the bytes must be the SDK's."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from huddle_shared.envelope import from_kafka, to_kafka
from huddle_shared.fastpath import outbox_record

TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


@pytest.mark.parametrize(
    ("time", "trace", "data", "subject"),
    [
        (datetime(2026, 3, 1, 12, 0, tzinfo=UTC), {"traceparent": TRACEPARENT}, {"a": 1}, "s-1"),
        (
            datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2))),
            {"traceparent": TRACEPARENT, "tracestate": "vendor=1"},
            {"name": "Équipe de soins", "tags": ["a", "ü"], "n": None, "ok": True},
            str(uuid.uuid4()),
        ),
        (datetime(2026, 3, 1, tzinfo=UTC), {}, {}, "Straße"),
        (datetime(2026, 3, 1, tzinfo=UTC), {"traceparent": "", "other": "x"}, {"x": 1.5}, "s"),
    ],
)
def test_outbox_record_is_what_the_sdk_builds(
    time: datetime, trace: dict[str, str], data: dict[str, Any], subject: str
) -> None:
    event_id = uuid.uuid4()
    fields: dict[str, Any] = {
        "event_id": event_id,
        "event_type": "huddle.teams.team_created.v1",
        "source": "huddle/teams",
        "subject": subject,
        "time": time,
        "tenant_id": "tenant-ü" if subject == "Straße" else str(uuid.uuid4()),
        "stream_version": 7,
        "data": data,
        "trace_headers": trace,
    }
    key, value, headers = to_kafka(**fields)
    fast_key, fast_value, fast_headers = outbox_record(**fields)

    assert fast_key == key
    assert fast_value == value
    assert fast_headers == json.dumps([[n, raw.decode("latin-1")] for n, raw in headers])
    # And it reads back as the same event.
    stored = [(n, text.encode("latin-1")) for n, text in json.loads(fast_headers)]
    assert from_kafka(fast_key, fast_value, stored) == from_kafka(key, value, headers)
