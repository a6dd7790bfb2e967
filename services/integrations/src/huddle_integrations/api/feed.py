"""``GET /v1/events``: the organisation's integration events as a CloudEvents JSON batch; and
``GET /v1/events/types``, the types it can carry."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from huddle_integrations.api import examples
from huddle_integrations.api.common import INTEGRATOR_403
from huddle_integrations.api.deps import Engine, Settings
from huddle_integrations.api.feed_schemas import CloudEvent, EventTypePage
from huddle_integrations.application import feed
from huddle_integrations.application.access import ensure_integrator
from huddle_integrations.domain.feed import BATCH_CONTENT_TYPE
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.http import BAD_CURSOR, BadRequest, Cursor, Limit, decode_cursor, encode_cursor
from huddle_shared.openapi import problems

router = APIRouter(prefix="/v1", tags=["event feed"])


# The batch's schema, under its own media type (FastAPI would file problems under it too).
_BATCH_SCHEMA = {"type": "array", "items": {"$ref": "#/components/schemas/CloudEvent"}}


@router.get(
    "/events",
    response_class=Response,
    response_model=list[CloudEvent],
    operation_id="list_integration_events",
    summary="Read the organisation's integration events",
    responses={
        200: {
            "description": "A CloudEvents JSON batch (possibly empty), oldest first. "
            "`Next-Cursor` (and `Link: rel=next`) is where to resume.",
            "content": {
                BATCH_CONTENT_TYPE: {
                    "schema": _BATCH_SCHEMA,
                    "example": [examples.ROLE_CHANGED_EVENT],
                }
            },
            "headers": {
                "Next-Cursor": {
                    "description": "Pass as `after` to read on (also when the batch is empty)",
                    "schema": {"type": "string"},
                    "example": examples.FEED_CURSOR,
                },
                "Link": {
                    "description": 'The next batch\'s URL, as `<…&after=…>; rel="next"`',
                    "schema": {"type": "string"},
                },
            },
        },
        **problems(
            403,
            422,
            _403=INTEGRATOR_403,
            _422="The cursor is not one this feed gave out, an event type is unknown, or a "
            "parameter is out of range",
        ),
    },
)
async def list_integration_events(
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
    """Org admins and clients with `events:read`: the organisation's events after `after` (or
    from the first, or from `since`), oldest first, as `application/cloudevents-batch+json`;
    the same events, with the same ids, as the webhooks and the organisation's Kafka topic.
    Resume from `Next-Cursor`, which never expires; with `wait`, an empty answer waits up to
    that long for the next event. An unknown cursor or type is a 422."""
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


@router.get(
    "/events/types",
    response_model=EventTypePage,
    operation_id="list_event_types",
    summary="List the integration event types",
    responses=problems(403, _403=INTEGRATOR_403),
)
async def list_event_types(
    principal: CurrentPrincipal, limit: Limit = 100, cursor: Cursor = None
) -> EventTypePage:
    """Org admins and clients with `events:read`: every type the feed and the webhooks can
    carry, in alphabetical order, a page at a time (their schemas are in the AsyncAPI
    document)."""
    ensure_integrator(principal)
    after = decode_cursor(cursor, 1)
    if after is not None and not isinstance(after[0], str):
        raise BadRequest(BAD_CURSOR)
    types = [t for t in feed.feed_types() if after is None or t > after[0]]
    items = types[:limit]
    more = len(types) > limit
    return EventTypePage(items=items, next_cursor=encode_cursor([items[-1]]) if more else None)
