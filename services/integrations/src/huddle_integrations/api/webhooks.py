"""``/v1/webhooks``: the organisation's webhook subscriptions (Standard Webhooks), their
delivery log, pings and replays. Org admins and clients with ``events:read``."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response

from huddle_integrations.api import examples
from huddle_integrations.api.common import INTEGRATOR_403, SUBSCRIPTION_404
from huddle_integrations.api.webhook_schemas import (
    DeliveryOut,
    DeliveryPage,
    ReplayIn,
    ReplayOut,
    RotateIn,
    SubscriptionIn,
    SubscriptionOut,
    SubscriptionPage,
    SubscriptionPatch,
    SubscriptionWithSecret,
    delivery_out,
    subscription_out,
    with_secret,
)
from huddle_integrations.application import webhooks as webhooks_service
from huddle_integrations.domain.webhooks import DeliveryStatus, SubscriptionStatus
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.http import Cursor, IfMatch, Limit, etag
from huddle_shared.openapi import ETAG, LOCATION, problems

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])

STALE_412 = "If-Match is not the subscription's current version (its ETag)"


def webhooks_of(request: Request) -> webhooks_service.WebhookSubscriptions:
    found: webhooks_service.WebhookSubscriptions = request.app.state.webhooks
    return found


Webhooks = Annotated[webhooks_service.WebhookSubscriptions, Depends(webhooks_of)]


def _versioned(
    response: Response, s: webhooks_service.Subscription, *, location: bool = False
) -> None:
    response.headers["ETag"] = etag(s.version)
    if location:
        response.headers["Location"] = f"/v1/webhooks/{s.id}"


@router.post(
    "",
    status_code=201,
    response_model=SubscriptionWithSecret,
    operation_id="create_webhook_subscription",
    summary="Subscribe a URL to the organisation's events",
    responses={
        201: {
            "description": "Subscribed: the subscription with its signing secret (shown once)",
            "headers": {**LOCATION, **ETAG},
        },
        **problems(
            403,
            409,
            422,
            _403=INTEGRATOR_403,
            _409="The organisation already has the most subscriptions it may have (50)",
            _422="Invalid body: a URL that may not receive webhooks (not https, or a private "
            "address), or an unknown event type",
        ),
    },
)
async def create_subscription(
    body: SubscriptionIn, principal: CurrentPrincipal, webhooks: Webhooks, response: Response
) -> SubscriptionWithSecret:
    """Org admins and clients with `events:read`: deliveries start with the next event of the
    types asked for (every type if none). The answer holds the signing secret, this once, with
    the new subscription's path in `Location` and its version in `ETag`."""
    found, secret = await webhooks.create(
        principal, url=body.url, description=body.description, event_types=body.event_types
    )
    _versioned(response, found, location=True)
    return with_secret(found, secret)


@router.get(
    "",
    response_model=SubscriptionPage,
    operation_id="list_webhook_subscriptions",
    summary="List the organisation's subscriptions",
    responses=problems(403, _403=INTEGRATOR_403),
)
async def list_subscriptions(
    principal: CurrentPrincipal, webhooks: Webhooks, limit: Limit = 50, cursor: Cursor = None
) -> SubscriptionPage:
    """Org admins and clients with `events:read`: the organisation's subscriptions (never their
    secrets), oldest first; pass `next_cursor` as `cursor` for the next page."""
    page = await webhooks.list_subscriptions(principal, limit=limit, cursor=cursor)
    return SubscriptionPage(
        items=[subscription_out(s) for s in page.items], next_cursor=page.next_cursor
    )


@router.get(
    "/{subscription_id}",
    response_model=SubscriptionOut,
    operation_id="read_webhook_subscription",
    summary="Read a subscription",
    responses={
        200: {"description": "The subscription, with its version", "headers": ETAG},
        **problems(403, 404, _403=INTEGRATOR_403, _404=SUBSCRIPTION_404),
    },
)
async def read_subscription(
    subscription_id: uuid.UUID, principal: CurrentPrincipal, webhooks: Webhooks, response: Response
) -> SubscriptionOut:
    """Org admins and clients with `events:read`: the subscription (never its secret), with its
    status and failure record, and its version as `ETag` (send it as `If-Match` to change it)."""
    found = await webhooks.get(principal, subscription_id)
    _versioned(response, found)
    return subscription_out(found)


@router.patch(
    "/{subscription_id}",
    response_model=SubscriptionOut,
    operation_id="update_webhook_subscription",
    summary="Change, pause, resume or re-enable a subscription",
    responses={
        200: {"description": "The subscription as changed, with its version", "headers": ETAG},
        **problems(
            403,
            404,
            412,
            422,
            _403=INTEGRATOR_403,
            _404=SUBSCRIPTION_404,
            _412=STALE_412,
            _422="Invalid body: a URL that may not receive webhooks, an unknown event type, or "
            "a status other than active or paused",
        ),
    },
)
async def change_subscription(
    subscription_id: uuid.UUID,
    body: SubscriptionPatch,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    response: Response,
    if_match: IfMatch = None,
) -> SubscriptionOut:
    """Org admins and clients with `events:read`: only the fields sent change. A paused
    subscription keeps its deliveries waiting; `status: active` resumes it, or re-enables one
    the service disabled. Answers the subscription with its new version as `ETag` (the same one
    when nothing changed)."""
    change = webhooks_service.Change(
        url=body.url,
        description=body.description,
        event_types=body.event_types,
        status=SubscriptionStatus(body.status) if body.status else None,
    )
    found = await webhooks.update(principal, subscription_id, change, if_match=if_match)
    _versioned(response, found)
    return subscription_out(found)


@router.delete(
    "/{subscription_id}",
    status_code=204,
    operation_id="delete_webhook_subscription",
    summary="Delete a subscription",
    responses=problems(403, 404, 412, _403=INTEGRATOR_403, _404=SUBSCRIPTION_404, _412=STALE_412),
)
async def delete_subscription(
    subscription_id: uuid.UUID,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    if_match: IfMatch = None,
) -> Response:
    """Org admins and clients with `events:read`: removes the subscription with its pending
    deliveries and its delivery log (its history stays on record). No body."""
    await webhooks.delete(principal, subscription_id, if_match=if_match)
    return Response(status_code=204)


@router.post(
    "/{subscription_id}/rotate-secret",
    response_model=SubscriptionWithSecret,
    operation_id="rotate_webhook_secret",
    summary="Rotate the signing secret",
    responses={
        200: {
            "description": "The subscription with its new secret (shown once) and version",
            "headers": ETAG,
        },
        **problems(403, 404, 412, _403=INTEGRATOR_403, _404=SUBSCRIPTION_404, _412=STALE_412),
    },
)
async def rotate_secret(
    subscription_id: uuid.UUID,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    response: Response,
    body: Annotated[RotateIn | None, Body(examples=[examples.ROTATE_IN])] = None,
    if_match: IfMatch = None,
) -> SubscriptionWithSecret:
    """Org admins and clients with `events:read`: a new secret, shown once. Until `overlap_s`
    (default 24 h) has passed, deliveries carry a signature by each secret in
    `webhook-signature`, so receivers can switch at their pace."""
    overlap = timedelta(seconds=(body or RotateIn()).overlap_s)
    found, secret = await webhooks.rotate_secret(
        principal, subscription_id, overlap=overlap, if_match=if_match
    )
    _versioned(response, found)
    return with_secret(found, secret)


@router.post(
    "/{subscription_id}/ping",
    status_code=202,
    response_model=DeliveryOut,
    operation_id="ping_webhook_subscription",
    summary="Send a test event to the subscription",
    responses=problems(403, 404, _403=INTEGRATOR_403, _404=SUBSCRIPTION_404),
)
async def ping(
    subscription_id: uuid.UUID, principal: CurrentPrincipal, webhooks: Webhooks
) -> DeliveryOut:
    """Org admins and clients with `events:read`: queues a `huddle.integration.webhook.ping.v1`
    event to this subscription only (even paused or disabled: to check a receiver before
    resuming) and answers its delivery; follow it in the delivery log."""
    return delivery_out(await webhooks.ping(principal, subscription_id))


@router.get(
    "/{subscription_id}/deliveries",
    response_model=DeliveryPage,
    operation_id="list_webhook_deliveries",
    summary="List the subscription's deliveries",
    responses=problems(403, 404, _403=INTEGRATOR_403, _404=SUBSCRIPTION_404),
)
async def list_deliveries(
    subscription_id: uuid.UUID,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[DeliveryStatus | None, Query(description="Only these")] = None,
) -> DeliveryPage:
    """Org admins and clients with `events:read`: the delivery log, newest first, a page at a
    time, each delivery with its latest attempts (status code, error, time taken, and at most
    512 characters of the response)."""
    page = await webhooks.deliveries(
        principal, subscription_id, limit=limit, cursor=cursor, status=status
    )
    return DeliveryPage(items=[delivery_out(d) for d in page.items], next_cursor=page.next_cursor)


@router.post(
    "/{subscription_id}/deliveries/{delivery_id}/replay",
    status_code=202,
    response_model=DeliveryOut,
    operation_id="replay_webhook_delivery",
    summary="Send one delivery again",
    responses=problems(
        403,
        404,
        409,
        _403=INTEGRATOR_403,
        _404="No such subscription, or no such delivery of it",
        _409="This delivery is still pending",
    ),
)
async def replay_delivery(
    subscription_id: uuid.UUID,
    delivery_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    principal: CurrentPrincipal,
    webhooks: Webhooks,
) -> DeliveryOut:
    """Org admins and clients with `events:read`: a dead (or delivered) delivery goes back in
    the queue with a fresh retry budget; answers the delivery, pending again. One still
    pending is a 409."""
    return delivery_out(await webhooks.replay_delivery(principal, subscription_id, delivery_id))


@router.post(
    "/{subscription_id}/replay",
    status_code=202,
    response_model=ReplayOut,
    operation_id="replay_webhook_deliveries",
    summary="Send dead deliveries again",
    responses=problems(403, 404, _403=INTEGRATOR_403, _404=SUBSCRIPTION_404),
)
async def replay(
    subscription_id: uuid.UUID,
    principal: CurrentPrincipal,
    webhooks: Webhooks,
    body: Annotated[ReplayIn | None, Body(examples=[examples.REPLAY_IN])] = None,
) -> ReplayOut:
    """Org admins and clients with `events:read`: every dead delivery (optionally only those
    made from `since`, and the delivered ones too) goes back in the queue, in its original
    order; answers how many."""
    wanted = body or ReplayIn()
    count = await webhooks.replay(
        principal,
        subscription_id,
        since=wanted.since,
        include_delivered=wanted.include_delivered,
    )
    return ReplayOut(requeued=count)
