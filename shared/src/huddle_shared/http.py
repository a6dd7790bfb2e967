"""HTTP helpers every API uses: ETags from stream versions, If-Match, cursors, event context."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import Header, Query, Request
from opentelemetry import propagate

from huddle_shared.auth import Principal
from huddle_shared.errors import DomainRuleViolated, HuddleError, PreconditionFailed
from huddle_shared.eventstore import EventContext
from huddle_shared.logs import request_id_var


class BadRequest(HuddleError):
    status = 400
    code = "bad-request"
    title = "Bad request"


def etag(version: int) -> str:
    return f'"{version}"'


def check_if_match(if_match: str | None, current_version: int) -> None:
    """412 when the client's ETag is not the current stream version (``*`` matches any)."""
    if if_match is None or if_match.strip() == "*":
        return
    wanted = [tag.strip().removeprefix("W/") for tag in if_match.split(",")]
    if etag(current_version) not in wanted:
        raise PreconditionFailed(
            f"The resource is at version {current_version}; reload it and try again",
            current_etag=etag(current_version),
        )


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="The ETag you read; the write is refused with 412 if it is stale.",
        max_length=200,
    ),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="Any unique string (a UUID); a retried request with the same key "
        "returns the first response instead of acting twice.",
        min_length=8,
        max_length=200,
    ),
]
BAD_CURSOR = "The cursor is not one this API issued"
Limit = Annotated[int, Query(ge=1, le=200, description="Page size")]
Cursor = Annotated[
    str | None, Query(max_length=500, description="The `next_cursor` of the previous page")
]


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, default=str).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> list[Any] | None:
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise BadRequest(BAD_CURSOR) from exc
    if not isinstance(values, list) or len(values) != size:
        raise BadRequest(BAD_CURSOR)
    return values


def parse_cursor_time(value: Any) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise BadRequest(BAD_CURSOR) from exc
    if parsed.tzinfo is None:
        raise BadRequest(BAD_CURSOR)
    return parsed


def event_context(request: Request, principal: Principal) -> EventContext:
    """Who acts, for which tenant, and the request id that correlates the resulting events."""
    request_id = request_id_var.get() or request.headers.get("x-request-id") or str(uuid.uuid4())
    if len(request_id) > 200:
        raise DomainRuleViolated("X-Request-ID is too long")
    # The current span is the request's server span when tracing is on; without an SDK the
    # caller's own traceparent passes through, so the chain is never cut.
    trace: dict[str, str] = {}
    propagate.inject(trace)
    if not trace:
        trace = {
            name: value
            for name in ("traceparent", "tracestate")
            if (value := request.headers.get(name))
        }
    return EventContext(
        tenant_id=principal.org_id,
        actor=principal.subject,
        correlation_id=request_id,
        trace_headers=trace,
    )
