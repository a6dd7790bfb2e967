"""Events of the insights service for health-system IT: burnout-risk alerts, campaign results."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.registry import REGISTRY
from huddle_shared.events import DomainEvent, Topic

ALERTS_TOPIC = Topic(
    name="insights.alerts.v1",
    service="insights",
    aggregate="team_alerts",
    description="Alerts about teams, for health-system IT: a team's burnout-risk level rose, "
    "was lowered, or fell back to low (resolved). Raised only on evidence: a level resting on "
    "at least two survey-based drivers. Aggregates only; never about a person.",
    key_description="The team's alert stream id, `alerts-<team id>`.",
)


class DriverSummary(BaseModel):
    """One driver of the risk: its value, the points it adds and whether it had data."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    driver: str
    contribution: float
    value: float | None = None
    status: str = Field(default="ok", description="ok, insufficient_data or suppressed")


class _RiskChange(DomainEvent):
    team_id: str
    org_id: str
    from_level: str | None = Field(description="None when the team had no level before")
    to_level: str
    risk: float = Field(ge=0, le=100)
    as_of: date
    confidence: str | None = Field(
        default=None, description="moderate or high (None on events written before it existed)"
    )
    top_drivers: list[DriverSummary] = Field(description="The three largest contributions")
    drivers: list[DriverSummary] = Field(
        default_factory=list, description="Every driver, with its value and contribution"
    )


@REGISTRY.event(ALERTS_TOPIC, "huddle.insights.burnout_risk_rose.v1")
class BurnoutRiskRose(_RiskChange):
    """A team's burnout-risk level rose (e.g. moderate to high)."""


@REGISTRY.event(ALERTS_TOPIC, "huddle.insights.burnout_risk_lowered.v1")
class BurnoutRiskLowered(_RiskChange):
    """A team's burnout-risk level fell from high to moderate: better, still worth watching."""


@REGISTRY.event(ALERTS_TOPIC, "huddle.insights.burnout_risk_resolved.v1")
class BurnoutRiskResolved(_RiskChange):
    """A team whose risk had been raised is back to low: the alert is resolved."""


RESULTS_TOPIC = Topic(
    name="insights.results.v1",
    service="insights",
    aggregate="campaign_results",
    description="A closed campaign's team-level results, published once per campaign when it "
    "has closed and every response it counted has been projected. The scores are the ones the "
    "team dashboard shows for the campaign's instrument, under the same privacy rules: below "
    "the minimum group every score is withheld. Aggregates only: no breakdown, no individual "
    "answer, no comment, no respondent reference.",
    key_description="The campaign's results stream id, `results-<campaign id>`.",
)


@REGISTRY.event(RESULTS_TOPIC, "huddle.insights.campaign_results_published.v1")
class CampaignResultsPublished(DomainEvent):
    """A closed campaign's aggregate results for its team, as the dashboards would show them.

    Sent once per campaign. ``suppressed`` is true when fewer people responded than the
    campaign's minimum group size (never below 3): every score is then None and ``reason`` says
    why. Scores rest on each respondent's own score (the mean of respondents' means); there is
    no breakdown by respondent group, so nothing can be recovered by differencing.
    """

    campaign_id: str = Field(description="The campaign (assessments' campaign id)")
    team_id: str = Field(description="The team the campaign surveyed")
    org_id: str = Field(description="The organisation (tenant) of the team")
    instrument_kind: str = Field(
        description="The instrument's kind: team_pulse, psychological_safety, teamwork, "
        "burnout_single_item, relational_leadership or custom; it decides which scores there are"
    )
    closed_at: datetime = Field(description="When the campaign stopped taking responses")
    eligible_count: int = Field(default=0, ge=0, description="Team members invited to respond")
    responded_count: int = Field(
        default=0, ge=0, description="Responses the results rest on (all the campaign counted)"
    )
    participation_rate: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="responded_count / eligible_count, rounded to 3 decimals; None when no one "
        "was eligible",
    )
    min_group_size: int = Field(
        default=5,
        ge=3,
        description="The fewest respondents a score may rest on (the campaign's setting, never "
        "below 3)",
    )
    suppressed: bool = Field(
        default=False,
        description="True when fewer than min_group_size responded: every score is then None",
    )
    reason: str | None = Field(
        default=None, description="Why the scores are withheld; None when they are shown"
    )
    scores: dict[str, float | None] = Field(
        default_factory=dict,
        description="The team-level scores of the campaign's instrument, by name: morale "
        "(team_pulse, 0-100), psychological_safety (0-100), teamwork (0-100), burnout_share "
        "(burnout_single_item, the share 0-1 reporting symptoms) or the four Relational "
        "Leadership competencies managing_self, fostering_teamwork, coaching_mentoring and "
        "advocacy (1-5 means). None when withheld; empty for a custom instrument",
    )
    morale_level: str | None = Field(
        default=None,
        description="For a team_pulse campaign with a morale score: low (< 40), fair (40-69.9) "
        "or good (>= 70); otherwise None",
    )
