"""The bodies of the team's history: one entry shape per kind of event, told apart by ``type``.

An entry's ``data`` is what the event recorded, field for field (as the AsyncAPI document of
``teams.team.v1`` describes it, upcast to the event's current version). The models here are the
API's own, not the event contracts, so that the contracts can stay what they are; a unit test
holds the two to the same fields.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from huddle_shared.contracts.teams import (
    CareSetting,
    GoalStatus,
    OwnersChangeReason,
    ReviewOutcome,
    RoleChangeCategory,
    TeamRole,
)
from huddle_shared.openapi import example_config
from huddle_teams.api import examples as ex


def _entry(version: int, event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": version,
        "event_id": ex.EVENT_ID,
        "type": event_type,
        "occurred_at": ex.UPDATED_AT,
        "actor": next(value for key, value in data.items() if key.endswith("_by")),
        "data": data,
    }


def _entry_example(version: int, event_type: str, data: dict[str, Any]) -> ConfigDict:
    return example_config(_entry(version, event_type, data))


# ---- what each event recorded --------------------------------------------------------------

TEAM_CREATED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "org_id": ex.ORG_ID,
    "name": ex.TEAM_NAME,
    "care_setting": "primary_care_clinic",
    "description": ex.TEAM_DESCRIPTION,
    "created_by": ex.ADMIN_ID,
}
TEAM_RENAMED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "name": "Riverside Family Practice East",
    "description": ex.TEAM_DESCRIPTION,
    "renamed_by": ex.LEAD_ID,
}
REVIEW_CADENCE_CHANGED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "review_cadence_days": 60,
    "next_review_due": "2027-01-01",
    "changed_by": ex.LEAD_ID,
}
TEAM_ARCHIVED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "reason": "Merged into Riverside Family Practice North",
    "archived_by": ex.ADMIN_ID,
}
MEMBER_ADDED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "user_id": ex.NURSE_PRACTITIONER_ID,
    "role": "nurse_practitioner",
    "effective_date": ex.NP_JOINED_ON,
    "added_by": ex.LEAD_ID,
}
MEMBER_ROLE_CHANGED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "user_id": ex.NURSE_PRACTITIONER_ID,
    "from_role": "nurse_practitioner",
    "to_role": "clinical_lead",
    "reason": "Takes over as clinical lead when Dr Okafor retires",
    "effective_date": "2026-12-01",
    "changed_by": ex.ADMIN_ID,
    "category": "promotion",
}
MEMBER_REMOVED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "user_id": ex.NURSE_PRACTITIONER_ID,
    "role": "nurse_practitioner",
    "effective_date": "2026-12-31",
    "removed_by": ex.LEAD_ID,
}
CHARTER_GOAL: dict[str, Any] = {
    "goal_id": ex.GOAL_ID,
    "title": "Reduce missed appointments",
    "measure": "No-show rate below 8% for three consecutive months",
    "due_date": "2027-03-31",
    "status": "on_track",
    "owners": [ex.NURSE_PRACTITIONER_ID],
}
CHARTER_ROLE: dict[str, Any] = {
    "role": "care_coordinator",
    "responsibilities": ["Runs the morning huddle", "Follows up missed appointments"],
}
CHARTER_REVISED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "revision": 1,
    "vision": "Every patient knows who to call, and gets an answer the same day",
    "goals": [CHARTER_GOAL],
    "norms": ["Huddles start on time", "Anyone can stop the line"],
    "roles": [CHARTER_ROLE],
    "next_review_due": "2026-12-14",
    "revised_by": ex.LEAD_ID,
}
CHARTER_REVIEWED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "revision": 1,
    "outcome": "reaffirmed",
    "notes": "Goals still right; the front desk now joins the huddle",
    "reviewed_on": ex.REVIEWED_ON,
    "next_review_due": ex.NEXT_REVIEW_DUE,
    "reviewed_by": ex.LEAD_ID,
    "meeting_id": ex.MEETING_ID,
}
GOAL_STATUS_CHANGED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "goal_id": ex.GOAL_ID,
    "from_status": "on_track",
    "to_status": "at_risk",
    "note": "Two medical assistants on leave until January",
    "changed_by": ex.LEAD_ID,
}
GOAL_OWNERS_CHANGED: dict[str, Any] = {
    "team_id": ex.TEAM_ID,
    "goal_id": ex.GOAL_ID,
    "owners": [ex.NURSE_PRACTITIONER_ID, ex.LEAD_ID],
    "reason": "assigned",
    "changed_by": ex.LEAD_ID,
}


class TeamCreatedData(BaseModel):
    model_config = example_config(TEAM_CREATED)

    team_id: str
    org_id: str
    name: str
    care_setting: CareSetting
    description: str
    created_by: str


class TeamRenamedData(BaseModel):
    model_config = example_config(TEAM_RENAMED)

    team_id: str
    name: str
    description: str
    renamed_by: str


class ReviewCadenceChangedData(BaseModel):
    model_config = example_config(REVIEW_CADENCE_CHANGED)

    team_id: str
    review_cadence_days: int
    next_review_due: date | None = Field(description="null while the team has no charter")
    changed_by: str


class TeamArchivedData(BaseModel):
    model_config = example_config(TEAM_ARCHIVED)

    team_id: str
    reason: str
    archived_by: str


class MemberAddedData(BaseModel):
    model_config = example_config(MEMBER_ADDED)

    team_id: str
    user_id: str
    role: TeamRole
    effective_date: date
    added_by: str


class MemberRoleChangedData(BaseModel):
    model_config = example_config(MEMBER_ROLE_CHANGED)

    team_id: str
    user_id: str
    from_role: TeamRole
    to_role: TeamRole
    reason: str
    effective_date: date
    changed_by: str
    category: RoleChangeCategory


class MemberRemovedData(BaseModel):
    model_config = example_config(MEMBER_REMOVED)

    team_id: str
    user_id: str
    role: TeamRole = Field(description="The role the person held last")
    effective_date: date
    removed_by: str


class CharterGoalData(BaseModel):
    model_config = example_config(CHARTER_GOAL)

    goal_id: str
    title: str
    measure: str
    due_date: date
    status: GoalStatus
    owners: list[str] = Field(description="Members who owned the goal (user ids)")


class CharterRoleData(BaseModel):
    model_config = example_config(CHARTER_ROLE)

    role: TeamRole
    responsibilities: list[str]


class CharterRevisedData(BaseModel):
    model_config = example_config(CHARTER_REVISED)

    team_id: str
    revision: int
    vision: str
    goals: list[CharterGoalData]
    norms: list[str]
    roles: list[CharterRoleData]
    next_review_due: date
    revised_by: str


class CharterReviewedData(BaseModel):
    model_config = example_config(CHARTER_REVIEWED)

    team_id: str
    revision: int
    outcome: ReviewOutcome
    notes: str
    reviewed_on: date
    next_review_due: date
    reviewed_by: str
    meeting_id: str | None = Field(description="The meeting it was held at, if any")


class GoalStatusChangedData(BaseModel):
    model_config = example_config(GOAL_STATUS_CHANGED)

    team_id: str
    goal_id: str
    from_status: GoalStatus
    to_status: GoalStatus
    note: str
    changed_by: str


class GoalOwnersChangedData(BaseModel):
    model_config = example_config(GOAL_OWNERS_CHANGED)

    team_id: str
    goal_id: str
    owners: list[str] = Field(description="The goal's owners from now on (user ids)")
    reason: OwnersChangeReason = Field(
        description="assigned by a lead or org admin, or left_team when an owner left"
    )
    changed_by: str


# ---- the entries ---------------------------------------------------------------------------


class _Entry(BaseModel):
    version: int = Field(description="The team's stream version after this event")
    event_id: str = Field(description="The event's id (a UUID), unique across Huddle")
    type: str = Field(description="The event type; it says what `data` holds")
    occurred_at: datetime
    actor: str | None = Field(description="Who caused it (a user id), when known")


class TeamCreatedEntry(_Entry):
    model_config = _entry_example(1, "huddle.teams.team_created.v1", TEAM_CREATED)

    type: Literal["huddle.teams.team_created.v1"]
    data: TeamCreatedData


class TeamRenamedEntry(_Entry):
    model_config = _entry_example(7, "huddle.teams.team_renamed.v1", TEAM_RENAMED)

    type: Literal["huddle.teams.team_renamed.v1"]
    data: TeamRenamedData


class ReviewCadenceChangedEntry(_Entry):
    model_config = _entry_example(
        8, "huddle.teams.review_cadence_changed.v1", REVIEW_CADENCE_CHANGED
    )

    type: Literal["huddle.teams.review_cadence_changed.v1"]
    data: ReviewCadenceChangedData


class TeamArchivedEntry(_Entry):
    model_config = _entry_example(12, "huddle.teams.team_archived.v1", TEAM_ARCHIVED)

    type: Literal["huddle.teams.team_archived.v1"]
    data: TeamArchivedData


class MemberAddedEntry(_Entry):
    model_config = _entry_example(3, "huddle.teams.member_added.v1", MEMBER_ADDED)

    type: Literal["huddle.teams.member_added.v1"]
    data: MemberAddedData


class MemberRoleChangedEntry(_Entry):
    model_config = _entry_example(10, "huddle.teams.member_role_changed.v2", MEMBER_ROLE_CHANGED)

    type: Literal["huddle.teams.member_role_changed.v2"]
    data: MemberRoleChangedData


class MemberRemovedEntry(_Entry):
    model_config = _entry_example(11, "huddle.teams.member_removed.v1", MEMBER_REMOVED)

    type: Literal["huddle.teams.member_removed.v1"]
    data: MemberRemovedData


class CharterRevisedEntry(_Entry):
    model_config = _entry_example(4, "huddle.teams.charter_revised.v1", CHARTER_REVISED)

    type: Literal["huddle.teams.charter_revised.v1"]
    data: CharterRevisedData


class CharterReviewedEntry(_Entry):
    model_config = _entry_example(9, "huddle.teams.charter_reviewed.v1", CHARTER_REVIEWED)

    type: Literal["huddle.teams.charter_reviewed.v1"]
    data: CharterReviewedData


class GoalStatusChangedEntry(_Entry):
    model_config = _entry_example(6, "huddle.teams.goal_status_changed.v1", GOAL_STATUS_CHANGED)

    type: Literal["huddle.teams.goal_status_changed.v1"]
    data: GoalStatusChangedData


class GoalOwnersChangedEntry(_Entry):
    model_config = _entry_example(13, "huddle.teams.goal_owners_changed.v1", GOAL_OWNERS_CHANGED)

    type: Literal["huddle.teams.goal_owners_changed.v1"]
    data: GoalOwnersChangedData


HistoryEntry = Annotated[
    TeamCreatedEntry
    | TeamRenamedEntry
    | ReviewCadenceChangedEntry
    | TeamArchivedEntry
    | MemberAddedEntry
    | MemberRoleChangedEntry
    | MemberRemovedEntry
    | CharterRevisedEntry
    | CharterReviewedEntry
    | GoalStatusChangedEntry
    | GoalOwnersChangedEntry,
    Field(discriminator="type"),
]
history_entry: TypeAdapter[HistoryEntry] = TypeAdapter(HistoryEntry)


class HistoryPage(BaseModel):
    model_config = example_config(
        {
            "items": [
                _entry(1, "huddle.teams.team_created.v1", TEAM_CREATED),
                _entry(2, "huddle.teams.member_added.v1", MEMBER_ADDED),
            ],
            "next_cursor": "WzJd",
        }
    )

    items: list[HistoryEntry]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")
