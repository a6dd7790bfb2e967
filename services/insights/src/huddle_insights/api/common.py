"""What the insights routes share: path, query and header parameters, and the caching headers
the dashboard routes document (their bodies are described by ``schemas.py``)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import Header, Path, Query, Response

from huddle_insights.application.queries import Dashboard

OrgId = Annotated[uuid.UUID, Path(description="The organisation id")]
TeamId = Annotated[uuid.UUID, Path(description="The team id")]
AsOf = Annotated[date | None, Query(description="Compute as of this day (default: today, UTC)")]
IfNoneMatch = Annotated[
    str | None,
    Header(
        alias="If-None-Match",
        max_length=2048,
        description="ETags of representations the client holds; a match answers 304",
    ),
]

CACHE_CONTROL = "private, no-cache"
_CACHING_HEADERS = {
    "ETag": {
        "description": "Strong validator of this representation (send it in If-None-Match)",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "private, no-cache: keep it, but revalidate before each use",
        "schema": {"type": "string"},
    },
}
DASHBOARD_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The dashboard, with its validator (the same bytes until it changes)",
        "headers": _CACHING_HEADERS,
    },
    304: {
        "description": "Not modified: the If-None-Match ETag is still current (no body)",
        "headers": _CACHING_HEADERS,
        "content": {},
    },
}


def today(as_of: date | None) -> date:
    return as_of or datetime.now(UTC).date()


def holds(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 If-None-Match: weak comparison against a list of tags, or ``*``."""
    if if_none_match is None:
        return False
    for candidate in if_none_match.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def dashboard_response(dashboard: Dashboard) -> Response:
    """200 with the JSON body, or 304 when the client's copy is current; both with the ETag."""
    headers = {"ETag": dashboard.etag, "Cache-Control": CACHE_CONTROL}
    if dashboard.body is None:
        return Response(status_code=304, headers=headers)
    return Response(dashboard.body, media_type="application/json", headers=headers)
