"""CloudEvents binary-mode envelope for Kafka, built with the CloudEvents SDK.

The Kafka value is the JSON ``data``; attributes travel as ``ce_*`` headers. Two extension
attributes carry what consumers need to stay exactly-once and tenant-safe: ``ce_tenantid`` and
``ce_streamversion``. W3C ``traceparent``/``tracestate`` ride as plain headers, the way
OpenTelemetry's Kafka propagation expects them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from cloudevents.core.bindings.kafka import KafkaMessage, from_binary, to_binary
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

from huddle_shared.fastpath import decode_direct
from huddle_shared.wire import (
    CONTENT_TYPE,
    TENANT_EXT,
    TRACE_HEADERS,
    VERSION_EXT,
    Envelope,
    Headers,
    MalformedEnvelope,
)

__all__ = [
    "CONTENT_TYPE",
    "TENANT_EXT",
    "TRACE_HEADERS",
    "VERSION_EXT",
    "Envelope",
    "Headers",
    "MalformedEnvelope",
    "encode_data",
    "from_kafka",
    "to_kafka",
]

_FORMAT = JSONFormat()


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

    Records of the exact shape :func:`to_kafka` writes take a direct path
    (:func:`huddle_shared.fastpath.decode_direct`: the SDK's generic parsing dominated the
    consumers' decode time); anything else, including every invalid record, goes through the
    SDK, which decides and explains. Both give equal envelopes.
    """
    if value is None:
        raise MalformedEnvelope("record has no value")
    header_map = dict(headers)
    fast = decode_direct(key, value, header_map)
    if fast is not None:
        return fast
    return _through_sdk(key, value, header_map)


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
