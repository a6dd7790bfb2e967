"""``GET /v1/events``: the organisation's integration events as a CloudEvents JSON batch."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from huddle_integrations.api.deps import Engine, Settings
from huddle_integrations.application import feed
from huddle_integrations.application.access import ensure_integrator
from huddle_integrations.domain.feed import BATCH_CONTENT_TYPE
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["event feed"], responses=PROBLEM_RESPONSES)

_EXAMPLE = [
    {
        "specversion": "1.0",
        "id": "0b3f5a52-8f6c-5a0e-9d1e-3c2b1a0f9e8d",
        "source": "huddle/integrations",
        "type": "huddle.integration.team.member_role_changed.v1",
        "subject": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "time": "2026-12-03T09:15:02.114Z",
        "tenantid": "3f2b8c1e-5d4a-4b6f-9e8d-7a6b5c4d3e2f",
        "sequence": "1042",
        "datacontenttype": "application/json",
        "data": {
            "org_id": "3f2b8c1e-5d4a-4b6f-9e8d-7a6b5c4d3e2f",
            "team_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "member": {"user_id": "9b2e…", "external_id": None},
            "from_role": "nurse",
            "to_role": "clinical_lead",
            "effective_date": "2026-12-01",
            "category": "promotion",
            "reason": None,
        },
    }
]


@router.get(
    "/events",
    summary="Read the organisation's integration events",
    response_class=Response,
    responses={
        200: {
            "description": "A CloudEvents JSON batch (possibly empty), oldest first. "
            "`Next-Cursor` (and `Link: rel=next`) is where to resume.",
            "content": {BATCH_CONTENT_TYPE: {"example": _EXAMPLE}},
            "headers": {
                "Next-Cursor": {
                    "description": "Pass as `after` to read on",
                    "schema": {"type": "string"},
                }
            },
        }
    },
)
async def read_events(
    request: Request,
    principal: CurrentPrincipal,
    engine: Engine,
    settings: Settings,
    after: Annotated[
        str | None,
        Query(description="A cursor from Next-Cursor: events after it", max_length=200),
    ] = None,
    since: Annotated[
        datetime | None, Query(description="Only events at or after this time (RFC 3339)")
    ] = None,
    types: Annotated[
        list[str] | None,
        Query(description="Only these event types (repeat, or separate with commas)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many events")] = 100,
    wait: Annotated[
        float,
        Query(ge=0, le=120, description="Seconds to wait for an event when there is none yet"),
    ] = 0,
) -> Response:
    """Events of the caller's organisation after ``after`` (or from the start, or ``since``),
    as `application/cloudevents-batch+json`. The same events, with the same ids, as the
    webhooks and the organisation's Kafka topic. Cursors stay valid for good. Org admins and
    clients with `events:read`."""
    wanted = [t for value in types or [] for t in value.split(",") if t.strip()]
    page = await feed.read_feed(
        engine,
        principal,
        after=after,
        since=since,
        types=[t.strip() for t in wanted] or None,
        limit=limit,
        wait_s=min(wait, settings.feed_max_wait_s),
        poll_s=settings.feed_poll_interval_s,
    )
    body: list[dict[str, Any]] = [entry.cloudevent() for entry in page.entries]
    next_url = request.url.include_query_params(after=page.next_cursor)
    return Response(
        content=json.dumps(body, separators=(",", ":")),
        media_type=BATCH_CONTENT_TYPE,
        headers={
            "Next-Cursor": page.next_cursor,
            "Link": f'<{next_url.path}?{next_url.query}>; rel="next"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/events/types", summary="The integration event types")
async def event_types(principal: CurrentPrincipal) -> dict[str, list[str]]:
    """Every type the feed and webhooks can carry (their schemas are in the AsyncAPI document)."""
    ensure_integrator(principal)
    return {"types": feed.feed_types()}
