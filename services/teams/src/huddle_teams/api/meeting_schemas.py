"""Request and response bodies of a team's meeting records."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from huddle_shared.contracts.practice import (
    MAX_LINKED_GOALS,
    MAX_MEETING_ITEMS,
    MAX_OWNERS,
    DecisionOutcome,
    MeetingKind,
)
from huddle_shared.contracts.teams import ReviewOutcome
from huddle_shared.openapi import example_config
from huddle_teams.api import examples as ex


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


DECISION_EXAMPLE: dict[str, Any] = {
    "id": ex.DECISION_ID,
    "text": "Protect a 30-minute lunch break on clinic days",
    "outcome": "action",
    "action_id": ex.ACTION_ID,
}
MEETING_EXAMPLE: dict[str, Any] = {
    "id": ex.MEETING_ID,
    "team_id": ex.TEAM_ID,
    "kind": "retrospective",
    "held_on": ex.MEETING_HELD_ON,
    "participants": 7,
    "went_well": ["Handovers at 8:15 were on time all month"],
    "to_change": ["Lunch breaks are skipped on clinic days"],
    "decisions": [DECISION_EXAMPLE],
    "reviewed_charter": True,
    "recorded_by": ex.LEAD_ID,
    "recorded_at": ex.MEETING_RECORDED_AT,
}


class DecisionActionIn(_In):
    """The action a decision agrees: the lead's and org admins' are committed, another
    member's proposed (prompted by this meeting)."""

    model_config = example_config({"owners": [ex.NURSE_PRACTITIONER_ID], "due_date": "2027-02-15"})

    title: str | None = Field(
        default=None, max_length=200, description="The decision's text when left out"
    )
    why: str = Field(default="", max_length=2000)
    owners: list[uuid.UUID] = Field(
        min_length=1, max_length=MAX_OWNERS, description="Members of the team (user ids)"
    )
    due_date: date = Field(description="Not in the past")
    goal_ids: list[str] = Field(default_factory=list, max_length=MAX_LINKED_GOALS)


class DecisionIn(_In):
    model_config = example_config(
        {
            "text": "Protect a 30-minute lunch break on clinic days",
            "action": {"owners": [ex.NURSE_PRACTITIONER_ID], "due_date": "2027-02-15"},
        },
        {"text": "Add a norm about starting huddles on time", "proposes_charter_revision": True},
    )

    text: str = Field(min_length=1, max_length=1000)
    action: DecisionActionIn | None = Field(
        default=None, description="The action this decision agrees, if any"
    )
    proposes_charter_revision: bool = Field(
        default=False, description="The team proposes to revise its charter (not with an action)"
    )

    @model_validator(mode="after")
    def _one_outcome(self) -> DecisionIn:
        if self.action is not None and self.proposes_charter_revision:
            raise ValueError("a decision agrees an action or proposes a charter revision, not both")
        return self


class CharterReviewIn(_In):
    model_config = example_config({"outcome": "reaffirmed", "notes": "Goals still right"})

    outcome: ReviewOutcome
    notes: str = Field(default="", max_length=4000)


class MeetingIn(_In):
    model_config = example_config(
        {
            "kind": "retrospective",
            "held_on": ex.MEETING_HELD_ON,
            "participants": 7,
            "went_well": ["Handovers at 8:15 were on time all month"],
            "to_change": ["Lunch breaks are skipped on clinic days"],
            "decisions": [
                {
                    "text": "Protect a 30-minute lunch break on clinic days",
                    "action": {"owners": [ex.NURSE_PRACTITIONER_ID], "due_date": "2027-02-15"},
                }
            ],
            "charter_review": {"outcome": "reaffirmed", "notes": "Goals still right"},
        },
        {"kind": "daily_huddle", "participants": 6},
    )

    kind: MeetingKind
    held_on: date | None = Field(
        default=None, description="Today when left out; not in the future, within a year"
    )
    participants: int = Field(ge=1, le=500, description="How many took part (a count only)")
    went_well: list[str] = Field(default_factory=list, max_length=MAX_MEETING_ITEMS)
    to_change: list[str] = Field(default_factory=list, max_length=MAX_MEETING_ITEMS)
    decisions: list[DecisionIn] = Field(default_factory=list, max_length=MAX_MEETING_ITEMS)
    charter_review: CharterReviewIn | None = Field(
        default=None,
        description="A retrospective or charter review meeting that revisited the charter "
        "records its review here (clinical lead and org admins)",
    )


class DecisionOut(BaseModel):
    model_config = example_config(DECISION_EXAMPLE)

    id: str
    text: str
    outcome: DecisionOutcome
    action_id: str | None = Field(description="The action it agreed, if any")


class MeetingOut(BaseModel):
    model_config = example_config(MEETING_EXAMPLE)

    id: str
    team_id: str
    kind: MeetingKind
    held_on: date
    participants: int
    went_well: list[str]
    to_change: list[str]
    decisions: list[DecisionOut]
    reviewed_charter: bool = Field(description="Whether the charter's review was recorded at it")
    recorded_by: str
    recorded_at: datetime


SUMMARY_EXAMPLE: dict[str, Any] = {
    "id": ex.MEETING_ID,
    "kind": "retrospective",
    "held_on": ex.MEETING_HELD_ON,
    "participants": 7,
    "decision_count": 1,
    "action_ids": [ex.ACTION_ID],
    "reviewed_charter": True,
    "recorded_at": ex.MEETING_RECORDED_AT,
}


class MeetingSummary(BaseModel):
    model_config = example_config(SUMMARY_EXAMPLE)

    id: str
    kind: MeetingKind
    held_on: date
    participants: int
    decision_count: int
    action_ids: list[str]
    reviewed_charter: bool
    recorded_at: datetime


class MeetingPage(BaseModel):
    model_config = example_config({"items": [SUMMARY_EXAMPLE], "next_cursor": ex.MEETINGS_CURSOR})

    items: list[MeetingSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")
