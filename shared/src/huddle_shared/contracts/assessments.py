"""Events of the assessments service.

Privacy is part of the contract: no event carries a user id (who acted is kept in the event
store's metadata, which never goes on the bus), and no event names a respondent. A response
carries a reference that is random per response (so it cannot be joined across campaigns), the
scores, and a respondent group that is the person's profession only when at least
``min_group_size`` eligible people share it in the team, else ``other``. Comments and item
answers never leave the service.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.registry import REGISTRY
from huddle_shared.events import DomainEvent, Topic

INSTRUMENT_TOPIC = Topic(
    name="assessments.instrument.v1",
    service="assessments",
    aggregate="instrument",
    description="Published instrument versions (items, scale, subscales, scoring, bands).",
    key_description="The instrument version id.",
)
CAMPAIGN_TOPIC = Topic(
    name="assessments.campaign.v1",
    service="assessments",
    aggregate="campaign",
    description="Survey campaigns of a team: opened, settings changed, closed.",
    key_description="The campaign id (UUID).",
)
RESPONSE_TOPIC = Topic(
    name="assessments.response.v1",
    service="assessments",
    aggregate="response",
    description="Scored responses, without respondent identity, answers or comments. Internal: "
    "consumed by insights; health-system IT should read aggregates from insights instead.",
    key_description="The response id (UUID, random per response).",
)


class InstrumentKind(StrEnum):
    BURNOUT_SINGLE_ITEM = "burnout_single_item"
    TEAM_PULSE = "team_pulse"
    PSYCHOLOGICAL_SAFETY = "psychological_safety"
    TEAMWORK = "teamwork"
    RELATIONAL_LEADERSHIP = "relational_leadership"
    CUSTOM = "custom"


class ScoringRule(StrEnum):
    MEAN = "mean"  # the mean of the (reverse-adjusted) items, and of each subscale
    INDEX_0_100 = "index_0_100"  # the mean rescaled from the scale to 0-100
    THRESHOLD = "threshold"  # a single ordered item; at or above the threshold flags it


class Anonymity(StrEnum):
    ANONYMOUS = "anonymous"
    CONFIDENTIAL = "confidential"


class ScaleOption(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    value: int
    label: str = Field(min_length=1, max_length=300)


class Scale(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    min: int
    max: int
    options: list[ScaleOption] = Field(default_factory=list, description="Labels, if any")


class Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")
    text: str = Field(min_length=1, max_length=1000)
    reverse_scored: bool = False
    required: bool = True


class Subscale(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")
    title: str = Field(min_length=1, max_length=200)
    items: list[str] = Field(min_length=1)


class Band(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    min: float
    max: float
    label: str = Field(min_length=1, max_length=100)


class InstrumentDefinition(BaseModel):
    """An instrument version as data; once published it never changes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_.-]{1,99}$")
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=4000)
    kind: InstrumentKind
    scale: Scale
    items: list[Item] = Field(min_length=1, max_length=200)
    subscales: list[Subscale] = Field(default_factory=list, max_length=50)
    scoring: ScoringRule
    threshold: int | None = Field(default=None, description="For the threshold rule")
    bands: list[Band] = Field(default_factory=list, max_length=20)
    license: str = Field(default="huddle-original", max_length=200)


class ResponseScores(BaseModel):
    """One respondent's scores: overall, per subscale, and flags (e.g. burnout symptoms)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    overall: float | None = None
    index: float | None = Field(default=None, description="0-100, for the index rule")
    subscales: dict[str, float] = Field(default_factory=dict)
    flags: dict[str, bool] = Field(default_factory=dict)


@REGISTRY.event(INSTRUMENT_TOPIC, "huddle.assessments.instrument_published.v1")
class InstrumentPublished(DomainEvent):
    """A version of an instrument was published (seeded by Huddle or added by an organisation)."""

    instrument_id: str
    version: int = Field(ge=1)
    org_id: str | None = Field(description="None for Huddle's own instruments")
    definition: InstrumentDefinition


@REGISTRY.event(CAMPAIGN_TOPIC, "huddle.assessments.campaign_opened.v1")
class CampaignOpened(DomainEvent):
    """A team was invited to answer an instrument within a window."""

    campaign_id: str
    org_id: str
    team_id: str
    instrument_id: str
    instrument_kind: InstrumentKind
    title: str = Field(min_length=1, max_length=200)
    opens_at: datetime
    closes_at: datetime
    anonymity: Anonymity
    min_group_size: int = Field(ge=3)
    eligible_count: int = Field(ge=0)


@REGISTRY.event(CAMPAIGN_TOPIC, "huddle.assessments.campaign_settings_changed.v1")
class CampaignSettingsChanged(DomainEvent):
    """Anonymity settings changed (only possible before the first response)."""

    campaign_id: str
    anonymity: Anonymity
    min_group_size: int = Field(ge=3)


@REGISTRY.event(CAMPAIGN_TOPIC, "huddle.assessments.campaign_closed.v1")
class CampaignClosed(DomainEvent):
    """The campaign stopped taking responses (closed early or at the end of its window)."""

    campaign_id: str
    team_id: str
    closed_at: datetime
    reason: str = Field(description="closed_early or window_ended")
    eligible_count: int = Field(ge=0)
    responded_count: int = Field(ge=0)


@REGISTRY.event(RESPONSE_TOPIC, "huddle.assessments.response_recorded.v1")
class ResponseRecorded(DomainEvent):
    """A scored response; it names no one and carries no answers or comments."""

    response_id: str
    campaign_id: str
    team_id: str
    org_id: str
    instrument_id: str
    instrument_kind: InstrumentKind
    respondent_ref: str = Field(description="Random per response; unlinkable across campaigns")
    respondent_group: str = Field(
        description="Profession if at least min_group_size eligible people share it, else other"
    )
    scores: ResponseScores
    recorded_at: datetime
