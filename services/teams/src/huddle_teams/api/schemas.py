"""Request and response bodies of the teams API (separate from events and tables on purpose)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.teams import (
    CareSetting,
    GoalStatus,
    ReviewOutcome,
    RoleChangeCategory,
    TeamRole,
)
from huddle_teams.domain.state import (
    DEFAULT_REVIEW_CADENCE_DAYS,
    MAX_REVIEW_CADENCE_DAYS,
    MIN_REVIEW_CADENCE_DAYS,
    TeamStatus,
)

Cadence = Annotated[
    int,
    Field(
        ge=MIN_REVIEW_CADENCE_DAYS,
        le=MAX_REVIEW_CADENCE_DAYS,
        description="Days between charter reviews",
    ),
]
Line = Annotated[str, Field(min_length=1, max_length=1000)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# ---- teams ---------------------------------------------------------------------------------


class TeamCreate(_In):
    name: str = Field(min_length=1, max_length=200, examples=["Riverside Family Practice Team A"])
    care_setting: CareSetting = CareSetting.PRIMARY_CARE_CLINIC
    description: str = Field(default="", max_length=4000)
    review_cadence_days: Cadence = DEFAULT_REVIEW_CADENCE_DAYS


class TeamUpdate(_In):
    """Only the fields present change."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=4000)
    review_cadence_days: Cadence | None = None


class TeamArchive(_In):
    reason: str = Field(default="", max_length=1000)


class TeamOut(BaseModel):
    id: str
    org_id: str
    name: str
    care_setting: CareSetting
    description: str
    status: TeamStatus
    review_cadence_days: int
    next_review_due: date | None = Field(description="When the charter is next due for review")
    member_count: int
    charter_revision: int = Field(description="0 while the team has no charter")
    version: int = Field(description="The stream version; also the ETag")
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None = None


class TeamPage(BaseModel):
    items: list[TeamOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


# ---- membership ----------------------------------------------------------------------------


class MemberAdd(_In):
    user_id: uuid.UUID = Field(description="A person of the caller's organisation")
    role: TeamRole
    effective_date: date | None = Field(default=None, description="Today when absent")


class MemberRoleChange(_In):
    role: TeamRole
    reason: str = Field(min_length=1, max_length=1000)
    effective_date: date = Field(description="The day the old role ends and the new one begins")
    category: RoleChangeCategory = Field(
        default=RoleChangeCategory.OTHER,
        description="promotion and planned_rotation are not counted as churn in burnout risk",
    )


class MemberOut(BaseModel):
    user_id: str
    role: TeamRole
    role_since: date
    joined_on: date
    profession: str | None = Field(description="From identity; absent once the person is erased")
    user_status: str | None = Field(description="active, deactivated or erased")


class MemberPage(BaseModel):
    items: list[MemberOut]
    next_cursor: str | None


# ---- the charter ---------------------------------------------------------------------------


class GoalIn(_In):
    id: str | None = Field(
        default=None, max_length=100, description="Keep a goal of the current charter"
    )
    title: str = Field(min_length=1, max_length=500)
    measure: str = Field(min_length=1, max_length=1000, description="How the team will know")
    due_date: date


class CharterRoleIn(_In):
    role: TeamRole
    responsibilities: list[Line] = Field(default_factory=list, max_length=30)


class CharterIn(_In):
    vision: str = Field(default="", max_length=4000)
    goals: list[GoalIn] = Field(default_factory=list, max_length=50)
    norms: list[Line] = Field(default_factory=list, max_length=50)
    roles: list[CharterRoleIn] = Field(default_factory=list, max_length=30)


class ReviewIn(_In):
    outcome: ReviewOutcome
    notes: str = Field(default="", max_length=4000)
    reviewed_on: date | None = Field(default=None, description="Today when absent")


class GoalStatusIn(_In):
    status: GoalStatus
    note: str = Field(default="", max_length=1000)


class GoalOut(BaseModel):
    id: str
    title: str
    measure: str
    due_date: date
    status: GoalStatus


class CharterRoleOut(BaseModel):
    role: TeamRole
    responsibilities: list[str]


class ReviewOut(BaseModel):
    revision: int
    outcome: ReviewOutcome
    notes: str
    reviewed_on: date
    reviewed_by: str


class CharterOut(BaseModel):
    team_id: str
    revision: int = Field(description="0 while the team has no charter")
    vision: str
    goals: list[GoalOut]
    norms: list[str]
    roles: list[CharterRoleOut]
    revised_on: date | None
    revised_by: str | None
    review_cadence_days: int
    last_review: ReviewOut | None
    last_revisited_on: date | None = Field(description="The last revision or review")
    next_review_due: date | None
    review_overdue: bool
    version: int = Field(description="The team's stream version; also the ETag")


# ---- history -------------------------------------------------------------------------------


class HistoryEntry(BaseModel):
    version: int
    event_id: str
    type: str = Field(examples=["huddle.teams.member_role_changed.v2"])
    occurred_at: datetime
    actor: str | None
    data: dict[str, Any]


class HistoryPage(BaseModel):
    items: list[HistoryEntry]
    next_cursor: str | None
