"""``/v1/webhooks``: the organisation's webhook subscriptions (Standard Webhooks), their
delivery log, pings and replays. Org admins and clients with ``events:read``."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from huddle_integrations.application import webhooks as webhooks_service
from huddle_integrations.domain.webhooks import DeliveryStatus, SubscriptionStatus
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.http import Cursor, IfMatch, Limit, etag
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"], responses=PROBLEM_RESPONSES)


def webhooks_of(request: Request) -> webhooks_service.WebhookSubscriptions:
    found: webhooks_service.WebhookSubscriptions = request.app.state.webhooks
    return found


Webhooks = Annotated[webhooks_service.WebhookSubscriptions, Depends(webhooks_of)]
EventTypes = Annotated[
    list[Annotated[str, Field(max_length=200)]],
    Field(max_length=100, description="Integration event types to receive; empty for all"),
]


class SubscriptionIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "url": "https://integration.example-health.org/huddle/webhooks",
                    "description": "Rhapsody: team changes",
                    "event_types": ["huddle.integration.team.member_role_changed.v1"],
                }
            ]
        },
    )

    url: str = Field(min_length=1, max_length=2000, description="https only")
    description: str = Field(default="", max_length=500)
    event_types: EventTypes = Field(default_factory=list)


class SubscriptionPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(default=None, min_length=1, max_length=2000)
    description: str | None = Field(default=None, max_length=500)
    event_types: EventTypes | None = None
    status: Literal["active", "paused"] | None = Field(
        default=None, description="Pause, resume, or re-enable a disabled subscription"
    )


class SubscriptionOut(BaseModel):
    id: uuid.UUID
    version: int = Field(description="The subscription's version (also its ETag)")
    url: str
    description: str
    event_types: list[str] = Field(description="Empty: every event type")
    status: SubscriptionStatus
    disabled_reason: str | None
    previous_secret_valid_until: datetime | None = Field(
        description="After a rotation: until when the previous secret still signs"
    )
    consecutive_failures: int
    failing_since: datetime | None
    created_at: datetime
    updated_at: datetime
    created_by: str | None


class SubscriptionWithSecret(SubscriptionOut):
    secret: str = Field(
        description="The signing secret (whsec_…), shown only now: keep it to verify deliveries"
    )


class SubscriptionPage(BaseModel):
    items: list[SubscriptionOut]
    next_cursor: str | None


class RotateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    overlap_s: int = Field(
        default=86_400,
        ge=0,
        le=7 * 86_400,
        description="How long the previous secret also signs (both signatures are sent)",
    )


class AttemptOut(BaseModel):
    at: datetime
    status_code: int | None
    error: str | None
    duration_ms: int
    response_excerpt: str | None = Field(description="At most 512 characters of the response")


class DeliveryOut(BaseModel):
    id: int
    event_id: uuid.UUID = Field(description="The webhook-id header and the CloudEvent id")
    event_type: str
    subject: str = Field(description="The aggregate; deliveries of one subject go in order")
    sequence: int | None = Field(description="The feed's sequence number; null for a ping")
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status: int | None
    last_error: str | None
    response_excerpt: str | None
    created_at: datetime
    delivered_at: datetime | None
    attempt_log: list[AttemptOut] = Field(description="The latest attempts, oldest first")


class DeliveryPage(BaseModel):
    items: list[DeliveryOut]
    next_cursor: str | None


class ReplayIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    since: datetime | None = Field(default=None, description="Only deliveries made from then on")
    include_delivered: bool = Field(
        default=False, description="Also send again those that were delivered"
    )


class ReplayOut(BaseModel):
    requeued: int


def _out(s: webhooks_service.Subscription) -> SubscriptionOut:
    return SubscriptionOut(
        id=s.id,
        version=s.version,
        url=s.url,
        description=s.description,
        event_types=s.event_types,
        status=s.status,
        disabled_reason=s.disabled_reason,
        previous_secret_valid_until=s.previous_secret_expires_at,
        consecutive_failures=s.consecutive_failures,
        failing_since=s.failing_since,
        created_at=s.created_at,
        updated_at=s.updated_at,
        created_by=s.created_by,
    )


def _versioned(
    response: Response, s: webhooks_service.Subscription, *, location: bool = False
) -> None:
    response.headers["ETag"] = etag(s.version)
    if location:
        response.headers["Location"] = f"/v1/webhooks/{s.id}"


def _with_secret(s: webhooks_service.Subscription, secret: str) -> SubscriptionWithSecret:
    return SubscriptionWithSecret(**_out(s).model_dump(), secret=secret)


def _delivery(d: webhooks_service.Delivery) -> DeliveryOut:
    return DeliveryOut(
        id=d.id,
        event_id=d.event_id,
        event_type=d.event_type,
        subject=d.ordering_key,
        sequence=d.feed_seq,
        status=d.status,
        attempts=d.attempts,
        next_attempt_at=d.next_attempt_at,
        last_attempt_at=d.last_attempt_at,
        last_status=d.last_status,
        last_error=d.last_error,
        response_excerpt=d.response_excerpt,
        created_at=d.created_at,
        delivered_at=d.delivered_at,
        attempt_log=[
            AttemptOut(
                at=a.at,
                status_code=a.status_code,
                error=a.error,
                duration_ms=a.duration_ms,
                response_excerpt=a.excerpt,
            )
            for a in d.attempt_log
        ],
    )


@router.post("", status_code=201, summary="Subscribe a URL to the organisation's events")
async def create_subscription(
    body: SubscriptionIn, principal: CurrentPrincipal, webhooks: Webhooks, response: Response
) -> SubscriptionWithSecret:
    """Deliveries start with the next event. The response holds the signing secret, once."""
    found, secret = await webhooks.create(
        principal, url=body.url, description=body.description, event_types=body.event_types
    )
    _versioned(response, found, location=True)
    return _with_secret(found, secret)


@router.get("", summary="List the organisation's subscriptions")
async def list_subscriptions(
    principal: CurrentPrincipal, webhooks: Webhooks, limit: Limit = 50, cursor: Cursor = None
) -> SubscriptionPage:
    """Oldest first; pass `next_cursor` as `cursor` for the next page."""
    page = await webhooks.list_subscriptions(principal, limit=limit, cursor=cursor)
    return SubscriptionPage(items=[_out(s) for s in page.items], next_cursor=page.next_cursor)


@router.get("/{subscription_id}", summary="Read a subscription")
async def read_subscription(
    subscription_id: uuid.UUID, principal: CurrentPrincipal, webhooks: Webhooks, response: Response
) -> SubscriptionOut:
    """The subscription (never its secret), with its version as `ETag`."""
    found = await webhooks.get(principal, subscription_id)
    _versioned(response, found)
    return _out(found)


@router.patch("/{subscription_id}", summary="Change, pause, resume or re-enable a subscription")
async def change_subscription(
    subscription_id: uuid.UUID,
    body: SubscriptionPatch,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    response: Response,
    if_match: IfMatch = None,
) -> SubscriptionOut:
    """Only the fields sent change. A paused subscription keeps its deliveries waiting;
    `status: active` resumes it, or re-enables one the service disabled."""
    change = webhooks_service.Change(
        url=body.url,
        description=body.description,
        event_types=body.event_types,
        status=SubscriptionStatus(body.status) if body.status else None,
    )
    found = await webhooks.update(principal, subscription_id, change, if_match=if_match)
    _versioned(response, found)
    return _out(found)


@router.delete("/{subscription_id}", status_code=204, summary="Delete a subscription")
async def delete_subscription(
    subscription_id: uuid.UUID,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    if_match: IfMatch = None,
) -> Response:
    """With its pending deliveries and its delivery log."""
    await webhooks.delete(principal, subscription_id, if_match=if_match)
    return Response(status_code=204)


@router.post("/{subscription_id}/rotate-secret", summary="Rotate the signing secret")
async def rotate_secret(
    subscription_id: uuid.UUID,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    response: Response,
    body: RotateIn | None = None,
    if_match: IfMatch = None,
) -> SubscriptionWithSecret:
    """A new secret, shown once. Until `overlap_s` (default 24 h) has passed, deliveries carry
    a signature by each secret in `webhook-signature`, so receivers can switch at their pace."""
    overlap = timedelta(seconds=(body or RotateIn()).overlap_s)
    found, secret = await webhooks.rotate_secret(
        principal, subscription_id, overlap=overlap, if_match=if_match
    )
    _versioned(response, found)
    return _with_secret(found, secret)


@router.post(
    "/{subscription_id}/ping", status_code=202, summary="Send a test event to the subscription"
)
async def ping(
    subscription_id: uuid.UUID, principal: CurrentPrincipal, webhooks: Webhooks
) -> DeliveryOut:
    """A `huddle.integration.webhook.ping.v1` event to this subscription only (even paused or
    disabled: to check a receiver before resuming); follow it in the delivery log."""
    return _delivery(await webhooks.ping(principal, subscription_id))


@router.get("/{subscription_id}/deliveries", summary="The subscription's delivery log")
async def list_deliveries(
    subscription_id: uuid.UUID,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[DeliveryStatus | None, Query(description="Only these")] = None,
) -> DeliveryPage:
    """Newest first, each delivery with its latest attempts (status code, error, time taken,
    and at most 512 characters of the response)."""
    page = await webhooks.deliveries(
        principal, subscription_id, limit=limit, cursor=cursor, status=status
    )
    return DeliveryPage(items=[_delivery(d) for d in page.items], next_cursor=page.next_cursor)


@router.post(
    "/{subscription_id}/deliveries/{delivery_id}/replay",
    status_code=202,
    summary="Send one delivery again",
)
async def replay_delivery(
    subscription_id: uuid.UUID,
    delivery_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    principal: CurrentPrincipal,
    webhooks: Webhooks,
) -> DeliveryOut:
    """A dead (or delivered) delivery goes back in the queue with a fresh retry budget."""
    return _delivery(await webhooks.replay_delivery(principal, subscription_id, delivery_id))


@router.post("/{subscription_id}/replay", status_code=202, summary="Send dead deliveries again")
async def replay(
    subscription_id: uuid.UUID,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    body: ReplayIn | None = None,
) -> ReplayOut:
    """Every dead delivery (optionally only from `since`, and the delivered ones too) goes
    back in the queue, in its original order."""
    wanted = body or ReplayIn()
    count = await webhooks.replay(
        principal,
        subscription_id,
        since=wanted.since,
        include_delivered=wanted.include_delivered,
    )
    return ReplayOut(requeued=count)
