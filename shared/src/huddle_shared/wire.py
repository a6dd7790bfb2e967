"""The vocabulary of Huddle's Kafka records: CloudEvents header names and the decoded envelope.

It has its own module so that both ways of reading and writing records can share it without
importing each other: :mod:`huddle_shared.envelope` (through the CloudEvents SDK, the
reference) and :mod:`huddle_shared.fastpath` (the same bytes built and parsed directly).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

CONTENT_TYPE = "application/json"
TENANT_EXT = "tenantid"
VERSION_EXT = "streamversion"
TRACE_HEADERS = ("traceparent", "tracestate")
SPECVERSION = "1.0"

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
