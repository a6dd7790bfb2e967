"""The event feed's bodies: a CloudEvent as integrators receive it, and the list of types."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from huddle_integrations.api import examples
from huddle_shared.contracts.integration import (
    ActionCreated,
    ActionOwnersChanged,
    ActionStatusChanged,
    CampaignClosed,
    CampaignOpened,
    CharterReviewDue,
    CharterReviewed,
    CharterReviewOverdue,
    CharterRevised,
    MemberJoined,
    MemberLeft,
    MemberRoleChanged,
    ResultsPublished,
    RiskLowered,
    RiskRaised,
    RiskResolved,
    TeamArchived,
    TeamCreated,
    TeamRenamed,
    WebhookDisabled,
    WebhookPing,
)

# Every payload of INTEGRATION_REGISTRY (a unit test keeps the two equal); `type` says which.
EventData = (
    TeamCreated
    | TeamRenamed
    | TeamArchived
    | MemberJoined
    | MemberRoleChanged
    | MemberLeft
    | CharterRevised
    | CharterReviewed
    | CharterReviewDue
    | CharterReviewOverdue
    | ActionCreated
    | ActionStatusChanged
    | ActionOwnersChanged
    | CampaignOpened
    | CampaignClosed
    | ResultsPublished
    | RiskRaised
    | RiskLowered
    | RiskResolved
    | WebhookDisabled
    | WebhookPing
)


class CloudEvent(BaseModel):
    """One integration event as the feed returns it: CloudEvents 1.0 in structured JSON (a
    webhook delivery's body is the same document)."""

    model_config = ConfigDict(json_schema_extra={"examples": [examples.ROLE_CHANGED_EVENT]})

    specversion: Literal["1.0"]
    id: uuid.UUID = Field(description="The event's id, the same on every channel")
    source: Literal["huddle/integrations"]
    type: str = Field(description="One of `GET /v1/events/types`; it decides the shape of `data`")
    subject: str = Field(
        description="The team; the organisation for a notice about the integration itself"
    )
    time: datetime
    tenantid: str = Field(description="The organisation")
    sequence: str = Field(description="The organisation's events numbered 1, 2, 3… in order")
    datacontenttype: Literal["application/json"]
    data: EventData = Field(description="The payload of `type` (schemas in the AsyncAPI document)")


class EventTypePage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        "huddle.integration.campaign.closed.v1",
                        "huddle.integration.campaign.opened.v1",
                    ],
                    "next_cursor": examples.TYPE_CURSOR,
                }
            ]
        }
    )

    items: list[str] = Field(description="Integration event types, in alphabetical order")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")
