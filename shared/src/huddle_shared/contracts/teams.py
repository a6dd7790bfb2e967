"""Events of the teams service, on ``teams.team.v1`` keyed by team id."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.registry import REGISTRY
from huddle_shared.events import DomainEvent, Topic

TEAM_TOPIC = Topic(
    name="teams.team.v1",
    service="teams",
    aggregate="team",
    description="Every change to a care team: creation, membership, roles, charter, archival.",
    key_description="The team id (UUID); all events of one team share a partition, in order.",
)

MAX_GOAL_OWNERS = 5


class OwnersChangeReason(StrEnum):
    """Why the owners of a charter goal or an action changed."""

    ASSIGNED = "assigned"  # a lead or org admin chose the owners
    LEFT_TEAM = "left_team"  # an owner left the team and was taken off


class CareSetting(StrEnum):
    PRIMARY_CARE_CLINIC = "primary_care_clinic"
    AMBULATORY_CARE = "ambulatory_care"
    COMMUNITY_HEALTH = "community_health"
    HOME_CARE = "home_care"
    URGENT_CARE = "urgent_care"
    OTHER = "other"


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.team_created.v1")
class TeamCreated(DomainEvent):
    """A care team was created in an organisation."""

    team_id: str
    org_id: str
    name: str = Field(min_length=1, max_length=200)
    care_setting: CareSetting
    description: str = Field(default="", max_length=4000)
    created_by: str


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.team_renamed.v1")
class TeamRenamed(DomainEvent):
    """A team's name or description changed."""

    team_id: str
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=4000)
    renamed_by: str


# ---- vocabularies of the events below ------------------------------------------------------


class TeamRole(StrEnum):
    """The part a person plays on one team; distinct from their profession (identity's)."""

    CLINICAL_LEAD = "clinical_lead"
    CARE_COORDINATOR = "care_coordinator"
    CLINICAL_PHARMACIST = "clinical_pharmacist"
    SOCIAL_WORKER = "social_worker"
    BEHAVIORAL_HEALTH = "behavioral_health"
    NURSE = "nurse"
    MEDICAL_ASSISTANT = "medical_assistant"
    FRONT_DESK = "front_desk"
    PATIENT_PARTNER = "patient_partner"
    PHYSICIAN = "physician"
    NURSE_PRACTITIONER = "nurse_practitioner"
    PHYSICIAN_ASSISTANT = "physician_assistant"
    DIETITIAN = "dietitian"
    COMMUNITY_HEALTH_WORKER = "community_health_worker"
    OTHER = "other"


class GoalStatus(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class ReviewOutcome(StrEnum):
    REAFFIRMED = "reaffirmed"
    NEEDS_REVISION = "needs_revision"
    REVISED = "revised"


class CharterGoal(BaseModel):
    """One goal of a charter revision, with its status when the revision was agreed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    goal_id: str
    title: str = Field(min_length=1, max_length=500)
    measure: str = Field(min_length=1, max_length=1000)
    due_date: date
    status: GoalStatus = GoalStatus.ON_TRACK
    owners: list[str] = Field(
        default_factory=list,
        max_length=MAX_GOAL_OWNERS,
        description="Members who own the goal (kept across revisions; none on a new goal)",
    )


class CharterRole(BaseModel):
    """A team role as the charter describes it, with what its holder is responsible for."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: TeamRole
    responsibilities: list[str] = Field(default_factory=list)


# ---- membership ----------------------------------------------------------------------------


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.member_added.v1")
class MemberAdded(DomainEvent):
    """A person joined a team in a team role, from the effective date."""

    team_id: str
    user_id: str
    role: TeamRole
    effective_date: date
    added_by: str


class RoleChangeCategory(StrEnum):
    """Why a role changed, in kind: promotions and planned rotations are not churn."""

    PROMOTION = "promotion"
    PLANNED_ROTATION = "planned_rotation"
    COVERAGE = "coverage"
    RESTRUCTURE = "restructure"
    OTHER = "other"


PLANNED_ROLE_CHANGES = frozenset(
    {RoleChangeCategory.PROMOTION, RoleChangeCategory.PLANNED_ROTATION}
)


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.member_role_changed.v2")
class MemberRoleChanged(DomainEvent):
    """A member's team role changed: one role ends and the next begins on the effective date."""

    team_id: str
    user_id: str
    from_role: TeamRole
    to_role: TeamRole
    reason: str = Field(min_length=1, max_length=1000)
    effective_date: date
    changed_by: str
    category: RoleChangeCategory = Field(
        description="The kind of change; promotion and planned_rotation do not count as churn",
    )


# v1 as it was last published, kept frozen for the AsyncAPI document (the topic keeps v1
# events). Not an event class: nothing writes it, readers get v2 through the upcaster below.
# Its fields are written out rather than shared with v2 on purpose: v2 may evolve, v1 may not.
class MemberRoleChangedV1(BaseModel):
    """A member's team role changed (v1, retired: no longer published, read as v2).

    ``category`` came to v1 later, optional, so v1 events exist with and without it; one
    without it reads as ``other``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra={"deprecated": True})

    team_id: str
    user_id: str
    from_role: TeamRole
    to_role: TeamRole
    reason: str = Field(min_length=1, max_length=1000)
    effective_date: date
    changed_by: str
    category: RoleChangeCategory = Field(
        default=RoleChangeCategory.OTHER,
        description="The kind of change; promotion and planned_rotation do not count as churn",
    )


@REGISTRY.upcaster(
    "huddle.teams.member_role_changed.v1",
    "huddle.teams.member_role_changed.v2",
    published_as=MemberRoleChangedV1,
)
def _member_role_changed_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    # A v1 event written before ``category`` existed meant what v1's default said: other.
    return {"category": RoleChangeCategory.OTHER.value, **payload}


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.member_removed.v1")
class MemberRemoved(DomainEvent):
    """A person left a team; their last role ends on the effective date."""

    team_id: str
    user_id: str
    role: TeamRole
    effective_date: date
    removed_by: str


# ---- the charter ---------------------------------------------------------------------------


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.charter_revised.v1")
class CharterRevised(DomainEvent):
    """The team agreed a new revision of its charter: vision, goals, norms and roles."""

    team_id: str
    revision: int = Field(ge=1)
    vision: str = Field(max_length=4000)
    goals: list[CharterGoal]
    norms: list[str]
    roles: list[CharterRole]
    next_review_due: date
    revised_by: str


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.charter_reviewed.v1")
class CharterReviewed(DomainEvent):
    """The team revisited its charter; the next review falls one cadence later."""

    team_id: str
    revision: int = Field(ge=1)
    outcome: ReviewOutcome
    notes: str = Field(default="", max_length=4000)
    reviewed_on: date
    next_review_due: date
    reviewed_by: str
    meeting_id: str | None = Field(
        default=None, description="The meeting (retrospective or charter review) it was held at"
    )


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.goal_status_changed.v1")
class GoalStatusChanged(DomainEvent):
    """A charter goal moved to another status (on track, at risk, achieved, dropped)."""

    team_id: str
    goal_id: str
    from_status: GoalStatus
    to_status: GoalStatus
    note: str = Field(default="", max_length=1000)
    changed_by: str


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.goal_owners_changed.v1")
class GoalOwnersChanged(DomainEvent):
    """A charter goal's owners changed; ``left_team`` when an owner left the team and was taken
    off (then possibly none are left)."""

    team_id: str
    goal_id: str
    owners: list[str] = Field(max_length=MAX_GOAL_OWNERS)
    reason: OwnersChangeReason
    changed_by: str


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.review_cadence_changed.v1")
class ReviewCadenceChanged(DomainEvent):
    """How often the team revisits its charter changed (``next_review_due`` moves with it)."""

    team_id: str
    review_cadence_days: int = Field(ge=1, le=730)
    next_review_due: date | None = None
    changed_by: str


# ---- the end -------------------------------------------------------------------------------


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.team_archived.v1")
class TeamArchived(DomainEvent):
    """A team was archived: it keeps its history and refuses every further change."""

    team_id: str
    reason: str = Field(default="", max_length=1000)
    archived_by: str
