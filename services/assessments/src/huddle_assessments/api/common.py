"""What the assessments routes share: path parameters and how resources are rendered."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import Path

from huddle_assessments.api.schemas import CampaignOut, InstrumentOut, OwnResponse, Participation
from huddle_assessments.application.queries import CampaignView
from huddle_shared.contracts.assessments import InstrumentDefinition

CampaignId = Annotated[uuid.UUID, Path(description="The campaign id")]
LOW_PARTICIPATION = 0.6


def instrument_out(row: Any) -> InstrumentOut:
    return InstrumentOut(
        id=row.instrument_id,
        key=row.key,
        version=row.version,
        owner=row.scope,
        kind=row.kind,
        title=row.title,
        definition=InstrumentDefinition.model_validate(row.definition),
        published_at=row.published_at,
    )


def campaign_out(campaign: CampaignView, now: datetime) -> dict[str, Any]:
    """The campaign with its status at ``now`` and its participation; never an answer."""
    status = (
        "closed"
        if campaign.closed_at is not None or now >= campaign.closes_at
        else ("scheduled" if now < campaign.opens_at else "open")
    )
    eligible, responded = campaign.eligible_count, campaign.responded_count
    rate = responded / eligible if eligible else None
    warning = (
        "Participation is below 60 %: results may not represent the team"
        if rate is not None and rate < LOW_PARTICIPATION and status == "closed"
        else None
    )
    return CampaignOut(
        id=campaign.id,
        team_id=campaign.team_id,
        instrument_id=campaign.instrument_id,
        instrument_kind=campaign.instrument_kind,
        title=campaign.title,
        opens_at=campaign.opens_at,
        closes_at=campaign.closes_at,
        status=status,
        anonymity=campaign.anonymity,
        min_group_size=campaign.min_group_size,
        settings_locked=responded > 0,
        participation=Participation(
            eligible=eligible,
            responded=responded,
            rate=round(rate, 4) if rate is not None else None,
            warning=warning,
        ),
        closed_at=campaign.closed_at,
        version=campaign.version,
    ).model_dump(mode="json")


def own_response_out(row: Any) -> OwnResponse:
    return OwnResponse(
        response_id=row.response_id,
        answers=row.answers,
        scores=row.scores,
        comment=row.comment,
        recorded_at=row.recorded_at,
    )
