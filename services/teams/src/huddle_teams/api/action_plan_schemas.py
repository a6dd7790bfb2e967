"""Request and response bodies of a team's action plans."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.practice import (
    MAX_LINKED_GOALS,
    MAX_OWNERS,
    ActionStatus,
    DashboardDriver,
    PromptKind,
)
from huddle_shared.openapi import example_config
from huddle_teams.api import examples as ex


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


PROMPT_EXAMPLE: dict[str, Any] = {"kind": "driver", "driver": "burnout_share"}
CHECK_IN_EXAMPLE: dict[str, Any] = {
    "id": ex.CHECK_IN_ID,
    "checked_in_on": ex.ACTION_CHECKED_IN_ON,
    "note": "Front desk now books no patients from 12:30 to 13:00 on Tuesdays and Thursdays",
    "checked_in_by": ex.NURSE_PRACTITIONER_ID,
}
ACTION_EXAMPLE: dict[str, Any] = {
    "id": ex.ACTION_ID,
    "team_id": ex.TEAM_ID,
    "title": ex.ACTION_TITLE,
    "why": ex.ACTION_WHY,
    "owners": [ex.NURSE_PRACTITIONER_ID],
    "due_date": ex.ACTION_DUE,
    "status": "in_progress",
    "overdue": False,
    "prompted_by": PROMPT_EXAMPLE,
    "goal_ids": [ex.GOAL_ID],
    "check_ins": [CHECK_IN_EXAMPLE],
    "created_by": ex.LEAD_ID,
    "created_at": ex.ACTION_CREATED_AT,
    "updated_at": ex.UPDATED_AT,
    "closed_on": "2027-01-10",
    "drop_reason": "",
    "version": 4,
}
SUMMARY_EXAMPLE: dict[str, Any] = {
    "id": ex.ACTION_ID,
    "title": ex.ACTION_TITLE,
    "owners": [ex.NURSE_PRACTITIONER_ID],
    "due_date": ex.ACTION_DUE,
    "status": "in_progress",
    "overdue": False,
    "prompted_by": PROMPT_EXAMPLE,
    "goal_ids": [ex.GOAL_ID],
    "check_in_count": 1,
    "last_check_in_on": ex.ACTION_CHECKED_IN_ON,
    "closed_on": "2027-01-10",
    "created_at": ex.ACTION_CREATED_AT,
    "version": 4,
}


class PromptIn(_In):
    """What prompted the action: set exactly the field its kind names."""

    model_config = example_config(PROMPT_EXAMPLE)

    kind: PromptKind
    campaign_id: uuid.UUID | None = Field(default=None, description="For kind campaign")
    driver: DashboardDriver | None = Field(default=None, description="For kind driver")
    goal_id: str | None = Field(
        default=None, max_length=100, description="For kind goal: a goal of the current charter"
    )
    meeting_id: uuid.UUID | None = Field(
        default=None, description="For kind meeting: one of the team's recorded meetings"
    )


class PromptOut(BaseModel):
    model_config = example_config(PROMPT_EXAMPLE)

    kind: PromptKind
    campaign_id: str | None = None
    driver: DashboardDriver | None = None
    goal_id: str | None = None
    meeting_id: str | None = None


Owners = Field(min_length=1, max_length=MAX_OWNERS, description="Members of the team (user ids)")


class ActionCreate(_In):
    model_config = example_config(
        {
            "title": ex.ACTION_TITLE,
            "why": ex.ACTION_WHY,
            "owners": [ex.NURSE_PRACTITIONER_ID],
            "due_date": ex.ACTION_DUE,
            "prompted_by": PROMPT_EXAMPLE,
            "goal_ids": [ex.GOAL_ID],
        }
    )

    title: str = Field(min_length=1, max_length=200)
    why: str = Field(default="", max_length=2000, description="Why the team takes it on")
    owners: list[uuid.UUID] = Owners
    due_date: date = Field(description="Not in the past")
    prompted_by: PromptIn
    goal_ids: list[str] = Field(
        default_factory=list,
        max_length=MAX_LINKED_GOALS,
        description="Goals of the current charter it serves",
    )
    status: Literal["proposed", "committed"] | None = Field(
        default=None,
        description="committed (the lead and org admins only) or proposed; by default committed "
        "for them and proposed for any other member of the team",
    )


class ActionRevise(_In):
    """Change what is given; a field left out stays as it is."""

    model_config = example_config({"due_date": "2027-01-31", "goal_ids": [ex.GOAL_ID]})

    title: str | None = Field(default=None, min_length=1, max_length=200)
    why: str | None = Field(default=None, max_length=2000)
    due_date: date | None = Field(default=None, description="Not in the past")
    goal_ids: list[str] | None = Field(
        default=None, max_length=MAX_LINKED_GOALS, description="Replaces the linked goals"
    )


class OwnersIn(_In):
    model_config = example_config({"owners": [ex.NURSE_PRACTITIONER_ID, ex.LEAD_ID]})

    owners: list[uuid.UUID] = Owners


class ActionStatusIn(_In):
    model_config = example_config({"status": "done", "effective_on": "2027-01-10"})

    status: ActionStatus = Field(
        description="committed, in_progress, done or dropped (the next step of the lifecycle)"
    )
    reason: str = Field(default="", max_length=1000, description="Required to drop an action")
    effective_on: date | None = Field(
        default=None, description="When it happened (today if left out; not in the future)"
    )


class CheckInIn(_In):
    model_config = example_config({"note": CHECK_IN_EXAMPLE["note"]})

    note: str = Field(min_length=1, max_length=2000, description="How it is going")
    checked_in_on: date | None = Field(
        default=None, description="Today if left out; not in the future"
    )


class CheckInOut(BaseModel):
    model_config = example_config(CHECK_IN_EXAMPLE)

    id: str
    checked_in_on: date
    note: str
    checked_in_by: str


class ActionOut(BaseModel):
    """An action with its check-ins, oldest first."""

    model_config = example_config(ACTION_EXAMPLE)

    id: str
    team_id: str
    title: str
    why: str
    owners: list[str] = Field(description="Empty when its owner left the team: assign one")
    due_date: date
    status: ActionStatus
    overdue: bool = Field(description="Open and due before today")
    prompted_by: PromptOut
    goal_ids: list[str]
    check_ins: list[CheckInOut]
    created_by: str
    created_at: datetime
    updated_at: datetime
    closed_on: date | None = Field(description="The day it was done or dropped")
    drop_reason: str
    version: int


class ActionSummary(BaseModel):
    model_config = example_config(SUMMARY_EXAMPLE)

    id: str
    title: str
    owners: list[str]
    due_date: date
    status: ActionStatus
    overdue: bool
    prompted_by: PromptOut
    goal_ids: list[str]
    check_in_count: int
    last_check_in_on: date | None
    closed_on: date | None
    created_at: datetime
    version: int


class ActionPage(BaseModel):
    model_config = example_config({"items": [SUMMARY_EXAMPLE], "next_cursor": ex.ACTIONS_CURSOR})

    items: list[ActionSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")
