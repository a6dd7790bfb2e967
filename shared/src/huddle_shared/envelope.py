"""CloudEvents binary-mode envelope for Kafka, built with the CloudEvents SDK.

The Kafka value is the JSON ``data``; attributes travel as ``ce_*`` headers. Two extension
attributes carry what consumers need to stay exactly-once and tenant-safe: ``ce_tenantid`` and
``ce_streamversion``. W3C ``traceparent``/``tracestate`` ride as plain headers, the way
OpenTelemetry's Kafka propagation expects them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from cloudevents.core.bindings.kafka import KafkaMessage, from_binary, to_binary
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

CONTENT_TYPE = "application/json"
TENANT_EXT = "tenantid"
VERSION_EXT = "streamversion"
TRACE_HEADERS = ("traceparent", "tracestate")
_FORMAT = JSONFormat()

Headers = list[tuple[str, bytes]]


class MalformedEnvelope(Exception):
    """A Kafka record that is not a valid Huddle CloudEvent."""


@dataclass(frozen=True)
class Envelope:
    id: str
    type: str
    source: str
    subject: str
    time: datetime
    tenant_id: str
    stream_version: int
    data: dict[str, Any]
    traceparent: str | None = None
    tracestate: str | None = None


def encode_data(data: dict[str, Any]) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def to_kafka(
    *,
    event_id: UUID | str,
    event_type: str,
    source: str,
    subject: str,
    time: datetime,
    tenant_id: str,
    stream_version: int,
    data: dict[str, Any],
    trace_headers: dict[str, str] | None = None,
) -> tuple[bytes, bytes, Headers]:
    """Build the Kafka key, value and headers for one event."""
    event = CloudEvent(
        attributes={
            "id": str(event_id),
            "source": source,
            "type": event_type,
            "subject": subject,
            "time": time.astimezone(UTC),
            "datacontenttype": CONTENT_TYPE,
            TENANT_EXT: tenant_id,
            VERSION_EXT: str(stream_version),
        },
        data=data,
    )
    message = to_binary(event, _FORMAT, key_mapper=lambda _e: subject)
    headers: Headers = sorted(message.headers.items())
    for name in TRACE_HEADERS:
        value = (trace_headers or {}).get(name)
        if value:
            headers.append((name, value.encode()))
    key = message.key.encode() if isinstance(message.key, str) else (message.key or b"")
    return key, message.value, headers


def from_kafka(key: bytes | None, value: bytes | None, headers: Headers) -> Envelope:
    """Parse and validate a Kafka record; raise :class:`MalformedEnvelope` with the reason.

    Records of the exact shape :func:`to_kafka` writes take a direct path (the SDK's generic
    parsing dominated the consumers' decode time); anything else, including every invalid
    record, goes through the SDK, which decides and explains. Both give equal envelopes.
    """
    if value is None:
        raise MalformedEnvelope("record has no value")
    header_map = dict(headers)
    fast = _direct(key, value, header_map)
    if fast is not None:
        return fast
    return _through_sdk(key, value, header_map)


_DIRECT_HEADERS = frozenset(
    {
        "ce_id",
        "ce_source",
        "ce_type",
        "ce_specversion",
        "ce_subject",
        "ce_time",
        "ce_" + TENANT_EXT,
        "ce_" + VERSION_EXT,
        "content-type",
        *TRACE_HEADERS,
    }
)


def _direct(key: bytes | None, value: bytes, header_map: dict[str, bytes]) -> Envelope | None:
    """The usual record decoded without the SDK, or None to let the SDK handle it."""
    if not header_map.keys() <= _DIRECT_HEADERS:
        return None
    try:
        text = {name: raw.decode("utf-8") for name, raw in header_map.items()}
        if key is not None:
            key.decode("utf-8")  # the SDK refuses a key that is not UTF-8
        if text["ce_specversion"] != "1.0" or text["content-type"] != CONTENT_TYPE:
            return None
        event_id, source, event_type = text["ce_id"], text["ce_source"], text["ce_type"]
        subject, tenant = text["ce_subject"], text["ce_" + TENANT_EXT]
        time = datetime.fromisoformat(text["ce_time"])
        version = int(text["ce_" + VERSION_EXT])
        data = json.loads(value.decode("utf-8"))  # as the SDK: UTF-8 only, no detection
    except (KeyError, ValueError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None
    if not (event_id and source and event_type and subject and tenant) or time.tzinfo is None:
        return None
    if not isinstance(data, dict):
        return None
    return Envelope(
        id=event_id,
        type=event_type,
        source=source,
        subject=subject,
        time=time,
        tenant_id=tenant,
        stream_version=version,
        data=data,
        traceparent=text.get("traceparent"),
        tracestate=text.get("tracestate"),
    )


def _through_sdk(key: bytes | None, value: bytes, header_map: dict[str, bytes]) -> Envelope:
    # The SDK would invent an id, a spec version and a time for a record without them: refuse it.
    present = {name.lower() for name in header_map}
    absent = [a for a in ("id", "specversion", "time") if "ce_" + a not in present]
    if absent:
        raise MalformedEnvelope("missing attribute(s): " + ", ".join(absent))
    try:
        event = from_binary(KafkaMessage(headers=header_map, key=key, value=value), _FORMAT)
    except Exception as exc:  # the SDK raises several types (JSON, validation, decode)
        raise MalformedEnvelope(f"not a CloudEvent: {type(exc).__name__}: {exc}") from exc
    attrs = event.get_attributes()
    missing = [a for a in ("subject", "time", TENANT_EXT, VERSION_EXT) if not attrs.get(a)]
    if missing:
        raise MalformedEnvelope("missing attribute(s): " + ", ".join(missing))
    data = event.get_data()
    if not isinstance(data, dict):
        raise MalformedEnvelope("data is not a JSON object")
    try:
        version = int(attrs[VERSION_EXT])
    except (TypeError, ValueError) as exc:
        raise MalformedEnvelope("streamversion is not an integer") from exc
    time = attrs["time"]
    if not isinstance(time, datetime):
        raise MalformedEnvelope("time is not a timestamp")
    trace = {n: header_map[n].decode("latin-1") for n in TRACE_HEADERS if n in header_map}
    return Envelope(
        id=str(attrs["id"]),
        type=str(attrs["type"]),
        source=str(attrs["source"]),
        subject=str(attrs["subject"]),
        time=time,
        tenant_id=str(attrs[TENANT_EXT]),
        stream_version=version,
        data=data,
        traceparent=trace.get("traceparent"),
        tracestate=trace.get("tracestate"),
    )
