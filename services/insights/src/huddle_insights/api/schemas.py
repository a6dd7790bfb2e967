"""The insights API's response bodies: the dashboards, the organisation's teams, the projection.

``application/dashboards.py`` builds the dashboards as plain JSON, and the cache serves those
bytes as they are; the models here describe them for the OpenAPI document and are not used to
build them. The integration tests hold real answers to these models (``extra="forbid"``, every
field required), so the two cannot drift apart unnoticed.

Suppression is part of the contract. A figure resting on fewer respondents than the campaign's
minimum group size (never below 3), or on none, is never a number: its ``value`` is null,
``suppressed`` is true and ``reason`` says why ("no responses", "suppressed: too few responses
(fewer than 5)", "no campaign yet"). Figures built from several inputs leave a withheld input
out and say so (collaboration's ``notes``, a driver's ``status``); burnout risk is null with a
``reason`` until a survey-based driver has enough responses. A breakdown is shown only when no
group in it could be uncovered by subtraction; otherwise it is withheld as a whole.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from huddle_insights.api import examples as ex
from huddle_shared.contracts.teams import CareSetting, TeamRole
from huddle_shared.openapi import example_config

Level = Literal["low", "fair", "good"]
RiskLevel = Literal["low", "moderate", "high"]
Confidence = Literal["none", "low", "moderate", "high"]
DriverName = Literal[
    "burnout_share",
    "morale_level",
    "morale_decline",
    "psychological_safety",
    "role_churn",
    "stale_charter",
    "falling_participation",
]
Competency = Literal["managing_self", "fostering_teamwork", "coaching_mentoring", "advocacy"]
ChangeKind = Literal["joined", "role_changed", "planned_role_change", "left"]

Suppressed = Annotated[
    bool,
    Field(
        description="True when the value is withheld: fewer respondents than the campaign's "
        "minimum group size (never below 3), or no campaign or response at all"
    ),
]
Reason = Annotated[
    str | None,
    Field(description="Why the value is withheld, in plain English; null when it is shown"),
]
Respondents = Annotated[
    int, Field(ge=0, description="How many respondents the value rests on (also when withheld)")
]
AsOfDay = Annotated[dt.date, Field(description="The day the figures are computed as of (UTC)")]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- the parts the dashboards share -------------------------------------------------------


class Measured(_Out):
    """A mean over respondents, or the reason it is withheld."""

    value: float | None = Field(description="The mean; null when suppressed")
    respondents: Respondents
    suppressed: Suppressed
    reason: Reason


class MoraleIndex(_Out):
    """The team-pulse index (0-100) of the latest closed pulse campaign."""

    value: float | None = Field(
        description="0-100, the mean of respondents' indices; null when suppressed or before "
        "the first pulse campaign"
    )
    respondents: Respondents
    suppressed: Suppressed
    reason: Reason
    level: Level | None = Field(description="low under 40, fair under 70, good; null with value")
    trend: float | None = Field(
        description="Points since the previous pulse; null unless both campaigns are shown"
    )
    campaign_id: uuid.UUID | None = Field(
        description="The pulse campaign it comes from; null before the first one closed"
    )


class Participation(_Out):
    """Who answered the team's latest closed campaign (of any instrument)."""

    campaign_id: uuid.UUID
    eligible: int = Field(ge=0, description="Members invited when the campaign closed")
    responded: int = Field(ge=0)
    rate: float | None = Field(description="responded / eligible (0-1); null without eligible")
    warning: str | None = Field(description="Set when the rate is below 60 %")


class CollaborationSummary(_Out):
    value: float = Field(description="0-100; never suppressed (see the team dashboard)")
    level: Level


class BurnoutRiskSummary(_Out):
    value: float | None = Field(
        description="0-100; null (unavailable) until a survey-based driver has enough responses"
    )
    level: RiskLevel | None = Field(description="low under 35, moderate under 60, high")
    confidence: Confidence = Field(
        description="How many of the three survey-based drivers have data: none, one (low), "
        "two (moderate) or all three (high)"
    )
    reason: Reason


class Competencies(_Out):
    """Relational Leadership competency means (1-5) from the latest closed self-check; each
    withheld with "no campaign yet" before the first one."""

    managing_self: Measured
    fostering_teamwork: Measured
    coaching_mentoring: Measured
    advocacy: Measured


# ---- the organisation dashboard ---------------------------------------------------------------


class TeamSummary(_Out):
    team_id: uuid.UUID
    name: str
    morale: MoraleIndex
    collaboration: CollaborationSummary
    burnout_risk: BurnoutRiskSummary
    participation: Participation | None = Field(description="Null before any closed campaign")


class OrganisationFigures(_Out):
    teams: int = Field(ge=0, description="Active teams in the organisation")
    morale_mean_of_shown_teams: float | None = Field(
        description="The mean of the shown teams' morale only: a suppressed team's figure "
        "cannot be recovered by subtraction; null when no team's morale is shown"
    )
    teams_by_burnout_risk: dict[Literal["low", "moderate", "high", "unknown"], int] = Field(
        description="Teams per burnout-risk level (unknown: unavailable); levels with no team "
        "are left out"
    )


class OrgDashboard(_Out):
    """Every active team of the organisation with its three indices, and the organisation's
    figures."""

    model_config = example_config(ex.ORG_DASHBOARD)

    org_id: uuid.UUID
    as_of: AsOfDay
    teams: list[TeamSummary] = Field(description="By name, then id")
    organisation: OrganisationFigures


# ---- the heatmap ------------------------------------------------------------------------------


class HeatmapRow(_Out):
    team_id: uuid.UUID
    name: str
    cells: Competencies


class OrgHeatmap(_Out):
    """Each active team by the four Relational Leadership competencies."""

    model_config = example_config(ex.ORG_HEATMAP)

    org_id: uuid.UUID
    as_of: AsOfDay
    competencies: list[Competency] = Field(description="The columns, in display order")
    teams: list[HeatmapRow] = Field(description="The rows, by team name, then id")


# ---- the team dashboard -----------------------------------------------------------------------


class MoraleBreakdown(_Out):
    """Morale by respondent group of the latest pulse, only when no group can be uncovered."""

    suppressed: bool = Field(
        description="True when there is no pulse yet, or when a breakdown would expose a "
        "group smaller than the minimum even after merging the smallest groups"
    )
    reason: Reason
    groups: dict[str, Measured] | None = Field(
        description="Per group (merged groups are named 'a + b'); null when suppressed"
    )


class CollaborationStructure(_Out):
    """The team's structure, each part 0-100 (never suppressed: no survey behind it)."""

    interprofessional_mix: float = Field(description="Four or more professions is 100")
    charter_completeness: float
    charter_freshness: float = Field(description="100 within the review cadence, 0 at twice it")
    membership_stability: float = Field(description="Less role churn in 90 days is higher")
    score: float = Field(description="The mean of the four parts")


class CollaborationComponents(_Out):
    psychological_safety: Measured | None = Field(
        description="Rescaled to 0-100; null before the first campaign"
    )
    teamwork: Measured | None = Field(description="Rescaled to 0-100; null before the first one")
    structure: CollaborationStructure


class Collaboration(_Out):
    """35 % psychological safety, 35 % teamwork, 30 % structure. A survey part that is
    suppressed or missing is left out and the rest re-weighted, so the value is always shown."""

    value: float = Field(description="0-100")
    level: Level
    components: CollaborationComponents
    structure_only: bool = Field(description="True when neither survey part could be used")
    notes: list[str] = Field(description="Each survey part left out, and why")


class Driver(_Out):
    """One burnout-risk driver: its points out of its weight, or why it has none."""

    driver: DriverName
    weight: float = Field(description="Points out of 100 when every driver has data")
    value: float | None = Field(description="The measured input; null unless status is ok")
    contribution: float | None = Field(description="Points it adds; null unless status is ok")
    status: Literal["ok", "insufficient_data", "suppressed"] = Field(
        description="suppressed: too few respondents; insufficient_data: no campaign or "
        "history yet. Either way the driver is left out and the rest re-weighted"
    )
    detail: str = Field(description="How it is scored, or why it is left out")


class BurnoutRisk(_Out):
    value: float | None = Field(
        description="0-100, the drivers' points over the weight of the drivers with data; null "
        "(unavailable) until a survey-based driver has enough responses"
    )
    level: RiskLevel | None = Field(description="low under 35, moderate under 60, high")
    confidence: Confidence = Field(
        description="How many of the three survey-based drivers have data: none, one (low), "
        "two (moderate) or all three (high)"
    )
    reason: Reason
    drivers: list[Driver] = Field(description="All seven, always in the same order")


class Roster(_Out):
    members: int = Field(ge=0)
    by_profession: dict[str, int] = Field(
        description="Members per profession (identity's; 'unknown' when not projected yet)"
    )
    by_team_role: dict[str, int] = Field(description="Members per role on the team")
    professions: int = Field(ge=0, description="Distinct known professions")


class RoleChange(_Out):
    user_id: uuid.UUID
    change: ChangeKind = Field(
        description="planned_role_change: a promotion or planned rotation (not churn)"
    )
    from_role: TeamRole | None = Field(description="Null when the person joined")
    to_role: TeamRole | None = Field(description="Null when the person left")
    effective_date: dt.date
    reason: str | None


class CharterHealth(_Out):
    completeness: float = Field(description="0-100: vision, goals, norms and roles present")
    freshness: float = Field(description="100 within the review cadence, 0 at twice it")
    days_since_last_review: int = Field(description="Since the last revision or review")
    review_cadence_days: int
    overdue: bool
    goals_by_status: dict[str, int] = Field(description="Goals per status (on_track, …)")


class TeamDashboard(_Out):
    """One team's indices with their drivers, its roster, role changes and charter."""

    model_config = example_config(ex.TEAM_DASHBOARD)

    team_id: uuid.UUID
    name: str
    as_of: AsOfDay
    morale: MoraleIndex
    morale_by_group: MoraleBreakdown
    collaboration: Collaboration
    burnout_risk: BurnoutRisk
    participation: Participation | None = Field(description="Null before any closed campaign")
    roster: Roster
    role_changes: list[RoleChange] = Field(
        description="The last 365 days up to as_of, oldest first"
    )
    charter: CharterHealth | None = Field(description="Null before the first charter")
    competencies: Competencies


# ---- trends -----------------------------------------------------------------------------------


class MoralePoint(_Out):
    """One closed pulse campaign's morale (0-100)."""

    campaign_id: uuid.UUID
    date: dt.date = Field(description="The day the campaign closed")
    value: float | None = Field(description="Null when suppressed")
    respondents: Respondents
    suppressed: Suppressed
    reason: Reason


class CollaborationPoint(_Out):
    """Collaboration (0-100) when a campaign closed, from what was known then."""

    campaign_id: uuid.UUID
    date: dt.date = Field(description="The day the campaign closed")
    value: float
    suppressed: bool = Field(description="Always false: collaboration is never withheld")
    reason: str | None = Field(description="Always null")


class BurnoutRiskPoint(_Out):
    """Burnout risk (0-100) when a campaign closed, from what was known then."""

    campaign_id: uuid.UUID
    date: dt.date = Field(description="The day the campaign closed")
    value: float | None = Field(description="Null when unavailable (suppressed is then true)")
    level: RiskLevel | None
    suppressed: bool = Field(description="True when no survey-based driver had enough data")
    reason: Reason


class MoraleTrends(_Out):
    team_id: uuid.UUID
    metric: Literal["morale"]
    points: list[MoralePoint] = Field(description="One per closed pulse campaign, oldest first")


class CollaborationTrends(_Out):
    team_id: uuid.UUID
    metric: Literal["collaboration"]
    points: list[CollaborationPoint] = Field(description="One per closed campaign, oldest first")


class BurnoutRiskTrends(_Out):
    team_id: uuid.UUID
    metric: Literal["burnout_risk"]
    points: list[BurnoutRiskPoint] = Field(description="One per closed campaign, oldest first")


class TeamTrends(
    RootModel[
        Annotated[
            MoraleTrends | CollaborationTrends | BurnoutRiskTrends,
            Field(discriminator="metric"),
        ]
    ]
):
    """A time series by campaign in the requested window; the points' shape follows `metric`."""

    model_config = example_config(ex.MORALE_TRENDS, ex.COLLABORATION_TRENDS, ex.BURNOUT_RISK_TRENDS)


# ---- the organisation's teams -----------------------------------------------------------------


class OrgTeam(_Out):
    id: uuid.UUID
    name: str
    care_setting: CareSetting


class OrgTeamPage(_Out):
    """The organisation's teams as insights has projected them, archived ones included."""

    model_config = example_config(ex.ORG_TEAMS)

    items: list[OrgTeam]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


# ---- the projection ---------------------------------------------------------------------------


class PartitionStatus(_Out):
    topic: str
    partition: int
    lag: int = Field(description="Records not applied yet")
    last_event_time: dt.datetime | None = Field(
        description="The time of the newest event applied from it; null before the first"
    )


class ProjectionStatus(_Out):
    """The live generation's consumer, per topic and partition."""

    model_config = example_config(ex.PROJECTION_STATUS)

    generation: int | None = Field(description="The generation the API reads; null at start-up")
    consumer_group: str | None = Field(description="Null until the live consumer runs")
    connected: bool
    partitions: list[PartitionStatus] = Field(description="By topic, then partition")
    dead_letters: int = Field(description="Records the live consumer set aside, replayed or not")


class Rebuilt(_Out):
    """The generation a rebuild built and swapped in."""

    model_config = example_config(ex.REBUILT)

    generation: int = Field(description="The generation now read")
    events_applied: int
    seconds: float
