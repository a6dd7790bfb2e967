"""Events of the insights service: alerts for health-system IT."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.registry import REGISTRY
from huddle_shared.events import DomainEvent, Topic

ALERTS_TOPIC = Topic(
    name="insights.alerts.v1",
    service="insights",
    aggregate="team_alerts",
    description="Alerts about teams, for health-system IT: published once when a team's "
    "burnout-risk level rises. Aggregates only; never about a person.",
    key_description="The team id.",
)


class DriverSummary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    driver: str
    contribution: float


@REGISTRY.event(ALERTS_TOPIC, "huddle.insights.burnout_risk_rose.v1")
class BurnoutRiskRose(DomainEvent):
    """A team's burnout-risk level rose (e.g. moderate to high)."""

    team_id: str
    org_id: str
    from_level: str | None = Field(description="None when the team had no level before")
    to_level: str
    risk: float = Field(ge=0, le=100)
    as_of: date
    top_drivers: list[DriverSummary]
