"""The webhook routes' bodies: subscriptions, their delivery log, rotations and replays."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from huddle_integrations.api import examples
from huddle_integrations.application import webhooks as webhooks_service
from huddle_integrations.domain.webhooks import DeliveryStatus, SubscriptionStatus

EventTypes = Annotated[
    list[Annotated[str, Field(max_length=200)]],
    Field(max_length=100, description="Integration event types to receive; empty for all"),
]


class SubscriptionIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [examples.SUBSCRIPTION_IN]}
    )

    url: str = Field(min_length=1, max_length=2000, description="https only")
    description: str = Field(default="", max_length=500)
    event_types: EventTypes = Field(default_factory=list)


class SubscriptionPatch(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"status": "paused"},
                {"event_types": [], "description": "Rhapsody: every Riverside event"},
            ]
        },
    )

    url: str | None = Field(default=None, min_length=1, max_length=2000)
    description: str | None = Field(default=None, max_length=500)
    event_types: EventTypes | None = None
    status: Literal["active", "paused"] | None = Field(
        default=None, description="Pause, resume, or re-enable a disabled subscription"
    )


class SubscriptionOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.SUBSCRIPTION]})

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
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {**examples.SUBSCRIPTION, "secret": examples.SECRET},
                {**examples.ROTATED_SUBSCRIPTION, "secret": examples.ROTATED_SECRET},
            ]
        }
    )

    secret: str = Field(
        description="The signing secret (whsec_…), shown only now: keep it to verify deliveries"
    )


class SubscriptionPage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"items": [examples.SUBSCRIPTION], "next_cursor": examples.SUBSCRIPTION_CURSOR}
            ]
        }
    )

    items: list[SubscriptionOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


class RotateIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [examples.ROTATE_IN, {"overlap_s": 0}]}
    )

    overlap_s: int = Field(
        default=86_400,
        ge=0,
        le=7 * 86_400,
        description="How long the previous secret also signs (both signatures are sent)",
    )


class AttemptOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.ATTEMPT]})

    at: datetime
    status_code: int | None
    error: str | None
    duration_ms: int
    response_excerpt: str | None = Field(description="At most 512 characters of the response")


class DeliveryOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [examples.DELIVERY, examples.PING_DELIVERY]}
    )

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
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"items": [examples.DELIVERY], "next_cursor": examples.DELIVERY_CURSOR}]
        }
    )

    items: list[DeliveryOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


class ReplayIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [examples.REPLAY_IN, {**examples.REPLAY_IN, "include_delivered": True}]
        },
    )

    since: datetime | None = Field(default=None, description="Only deliveries made from then on")
    include_delivered: bool = Field(
        default=False, description="Also send again those that were delivered"
    )


class ReplayOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"requeued": 12}]})

    requeued: int = Field(description="How many deliveries went back in the queue")


def subscription_out(s: webhooks_service.Subscription) -> SubscriptionOut:
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


def with_secret(s: webhooks_service.Subscription, secret: str) -> SubscriptionWithSecret:
    return SubscriptionWithSecret(**subscription_out(s).model_dump(), secret=secret)


def delivery_out(d: webhooks_service.Delivery) -> DeliveryOut:
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
