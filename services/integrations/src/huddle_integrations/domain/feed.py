"""A published integration event as integrators receive it: CloudEvents 1.0, structured JSON.

The same document is a feed entry, a webhook body, and (its ``data``) the value of the record on
the organisation's Kafka topic; one id for all three. ``sequence`` (the CloudEvents sequence
extension, a string) numbers one organisation's events in order, by itself (``seq`` is the
service-wide number, never shown); the feed's cursors are built from it.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

SOURCE = "huddle/integrations"
BATCH_CONTENT_TYPE = "application/cloudevents-batch+json"
EVENT_CONTENT_TYPE = "application/cloudevents+json"


@dataclass(frozen=True)
class FeedEntry:
    seq: int
    event_id: uuid.UUID
    org_id: str
    type: str
    subject: str
    time: datetime
    data: dict[str, Any]
    org_seq: int
    trace: dict[str, str] = field(default_factory=dict)

    def cloudevent(self) -> dict[str, Any]:
        return {
            "specversion": "1.0",
            "id": str(self.event_id),
            "source": SOURCE,
            "type": self.type,
            "subject": self.subject,
            "time": timestamp(self.time),
            "tenantid": self.org_id,
            "sequence": str(self.org_seq),
            "datacontenttype": "application/json",
            "data": self.data,
        }


def timestamp(moment: datetime) -> str:
    stamp = moment.astimezone(UTC).isoformat()
    return stamp[:-6] + "Z" if stamp.endswith("+00:00") else stamp


class InvalidCursor(ValueError):
    pass


_CURSOR_PREFIX = "f1:"


def cursor_after(seq: int) -> str:
    """The opaque cursor resuming after the event numbered ``seq``."""
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{seq}".encode()).decode().rstrip("=")


def read_cursor(cursor: str) -> int:
    """The sequence number a cursor resumes after; :class:`InvalidCursor` if it is not one."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidCursor("not a cursor of this feed") from exc
    if not text.startswith(_CURSOR_PREFIX) or not text[len(_CURSOR_PREFIX) :].isdigit():
        raise InvalidCursor("not a cursor of this feed")
    return int(text[len(_CURSOR_PREFIX) :])
