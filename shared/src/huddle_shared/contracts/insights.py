"""Events of the insights service: burnout-risk alerts for health-system IT."""

from __future__ import annotations

from datetime import date

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
