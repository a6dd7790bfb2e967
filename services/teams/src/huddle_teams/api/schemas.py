"""Request and response bodies of the teams API (separate from events and tables on purpose)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.teams import (
    MAX_GOAL_OWNERS,
    CareSetting,
    GoalStatus,
    ReviewOutcome,
    RoleChangeCategory,
    TeamRole,
)
from huddle_shared.openapi import example_config
from huddle_teams.api import examples as ex
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


TEAM_EXAMPLE: dict[str, Any] = {
    "id": ex.TEAM_ID,
    "org_id": ex.ORG_ID,
    "name": ex.TEAM_NAME,
    "care_setting": "primary_care_clinic",
    "description": ex.TEAM_DESCRIPTION,
    "status": "active",
    "review_cadence_days": 90,
    "next_review_due": ex.NEXT_REVIEW_DUE,
    "member_count": 5,
    "charter_revision": 1,
    "version": 9,
    "created_at": ex.CREATED_AT,
    "updated_at": ex.UPDATED_AT,
}
MEMBER_EXAMPLE: dict[str, Any] = {
    "user_id": ex.NURSE_PRACTITIONER_ID,
    "role": "nurse_practitioner",
    "role_since": ex.NP_JOINED_ON,
    "joined_on": ex.NP_JOINED_ON,
    "profession": "nurse_practitioner",
    "user_status": "active",
}
GOAL_EXAMPLE: dict[str, Any] = {
    "id": ex.GOAL_ID,
    "title": "Reduce missed appointments",
    "measure": "No-show rate below 8% for three consecutive months",
    "due_date": "2027-03-31",
    "status": "on_track",
    "owners": [ex.NURSE_PRACTITIONER_ID],
}
CHARTER_ROLE_EXAMPLE: dict[str, Any] = {
    "role": "care_coordinator",
    "responsibilities": ["Runs the morning huddle", "Follows up missed appointments"],
}
REVIEW_EXAMPLE: dict[str, Any] = {
    "revision": 1,
    "outcome": "reaffirmed",
    "notes": "Goals still right; the front desk now joins the huddle",
    "reviewed_on": ex.REVIEWED_ON,
    "reviewed_by": ex.LEAD_ID,
    "meeting_id": None,
}


# ---- teams ---------------------------------------------------------------------------------


class TeamCreate(_In):
    model_config = example_config(
        {
            "name": ex.TEAM_NAME,
            "care_setting": "primary_care_clinic",
            "description": ex.TEAM_DESCRIPTION,
            "review_cadence_days": 90,
        }
    )

    name: str = Field(min_length=1, max_length=200, examples=["Riverside Family Practice Team A"])
    care_setting: CareSetting = CareSetting.PRIMARY_CARE_CLINIC
    description: str = Field(default="", max_length=4000)
    review_cadence_days: Cadence = DEFAULT_REVIEW_CADENCE_DAYS


class TeamUpdate(_In):
    """Only the fields present change."""

    model_config = example_config(
        {"description": "Panel of 4,200 patients; Saturday clinic from January"},
        {"review_cadence_days": 60},
    )

    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=4000)
    review_cadence_days: Cadence | None = None


class TeamArchive(_In):
    model_config = example_config({"reason": "Merged into Riverside Family Practice North"})

    reason: str = Field(default="", max_length=1000)


class TeamOut(BaseModel):
    model_config = example_config(TEAM_EXAMPLE)

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
    model_config = example_config({"items": [TEAM_EXAMPLE], "next_cursor": ex.TEAMS_CURSOR})

    items: list[TeamOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


# ---- membership ----------------------------------------------------------------------------


class MemberAdd(_In):
    model_config = example_config(
        {
            "user_id": ex.NURSE_PRACTITIONER_ID,
            "role": "nurse_practitioner",
            "effective_date": ex.NP_JOINED_ON,
        }
    )

    user_id: uuid.UUID = Field(description="A person of the caller's organisation")
    role: TeamRole
    effective_date: date | None = Field(default=None, description="Today when absent")


class MemberRoleChange(_In):
    model_config = example_config(
        {
            "role": "clinical_lead",
            "reason": "Takes over as clinical lead when Dr Okafor retires",
            "effective_date": "2026-12-01",
            "category": "promotion",
        }
    )

    role: TeamRole
    reason: str = Field(min_length=1, max_length=1000)
    effective_date: date = Field(description="The day the old role ends and the new one begins")
    category: RoleChangeCategory = Field(
        default=RoleChangeCategory.OTHER,
        description="promotion and planned_rotation are not counted as churn in burnout risk",
    )


class MemberOut(BaseModel):
    model_config = example_config(MEMBER_EXAMPLE)

    user_id: str
    role: TeamRole
    role_since: date
    joined_on: date
    profession: str | None = Field(description="From identity; absent once the person is erased")
    user_status: str | None = Field(description="active, deactivated or erased")


class MemberPage(BaseModel):
    model_config = example_config({"items": [MEMBER_EXAMPLE], "next_cursor": ex.MEMBERS_CURSOR})

    items: list[MemberOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


# ---- the charter ---------------------------------------------------------------------------


class GoalIn(_In):
    model_config = example_config(
        {k: v for k, v in GOAL_EXAMPLE.items() if k not in ("status", "owners")},
        {
            "title": "Close diabetes care gaps",
            "measure": "HbA1c recorded in the last 6 months for 90% of patients",
            "due_date": "2027-06-30",
        },
    )

    id: str | None = Field(
        default=None, max_length=100, description="Keep a goal of the current charter"
    )
    title: str = Field(min_length=1, max_length=500)
    measure: str = Field(min_length=1, max_length=1000, description="How the team will know")
    due_date: date


class CharterRoleIn(_In):
    model_config = example_config(CHARTER_ROLE_EXAMPLE)

    role: TeamRole
    responsibilities: list[Line] = Field(default_factory=list, max_length=30)


class CharterIn(_In):
    model_config = example_config(
        {
            "vision": "Every patient knows who to call, and gets an answer the same day",
            "goals": [{k: v for k, v in GOAL_EXAMPLE.items() if k not in ("status", "owners")}],
            "norms": ["Huddles start on time", "Anyone can stop the line"],
            "roles": [CHARTER_ROLE_EXAMPLE],
        }
    )

    vision: str = Field(default="", max_length=4000)
    goals: list[GoalIn] = Field(default_factory=list, max_length=50)
    norms: list[Line] = Field(default_factory=list, max_length=50)
    roles: list[CharterRoleIn] = Field(default_factory=list, max_length=30)


class ReviewIn(_In):
    model_config = example_config(
        {
            "outcome": "reaffirmed",
            "notes": "Goals still right; the front desk now joins the huddle",
            "reviewed_on": ex.REVIEWED_ON,
        }
    )

    outcome: ReviewOutcome
    notes: str = Field(default="", max_length=4000)
    reviewed_on: date | None = Field(default=None, description="Today when absent")


class GoalStatusIn(_In):
    model_config = example_config(
        {"status": "at_risk", "note": "Two medical assistants on leave until January"}
    )

    status: GoalStatus
    note: str = Field(default="", max_length=1000)


class GoalOwnersIn(_In):
    model_config = example_config({"owners": [ex.NURSE_PRACTITIONER_ID, ex.LEAD_ID]})

    owners: list[uuid.UUID] = Field(
        max_length=MAX_GOAL_OWNERS,
        description="Members of the team (user ids); an empty list leaves the goal unowned",
    )


class GoalOut(BaseModel):
    model_config = example_config(GOAL_EXAMPLE)

    id: str
    title: str
    measure: str
    due_date: date
    status: GoalStatus
    owners: list[str] = Field(description="Members who own the goal (user ids)")


class CharterRoleOut(BaseModel):
    model_config = example_config(CHARTER_ROLE_EXAMPLE)

    role: TeamRole
    responsibilities: list[str]


class ReviewOut(BaseModel):
    model_config = example_config(REVIEW_EXAMPLE)

    revision: int
    outcome: ReviewOutcome
    notes: str
    reviewed_on: date
    reviewed_by: str
    meeting_id: str | None = Field(
        default=None, description="The meeting (retrospective or charter review) it was held at"
    )


class CharterOut(BaseModel):
    model_config = example_config(
        {
            "team_id": ex.TEAM_ID,
            "revision": 1,
            "vision": "Every patient knows who to call, and gets an answer the same day",
            "goals": [GOAL_EXAMPLE],
            "norms": ["Huddles start on time", "Anyone can stop the line"],
            "roles": [CHARTER_ROLE_EXAMPLE],
            "revised_on": ex.REVISED_ON,
            "revised_by": ex.LEAD_ID,
            "review_cadence_days": 90,
            "last_review": REVIEW_EXAMPLE,
            "last_revisited_on": ex.REVIEWED_ON,
            "next_review_due": ex.NEXT_REVIEW_DUE,
            "review_overdue": False,
            "version": 9,
        }
    )

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
