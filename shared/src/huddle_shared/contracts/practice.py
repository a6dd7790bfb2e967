"""Events of the teams service's practice loop: a team's action plans and its meetings.

An action is its own stream (``teams.action.v1``, keyed by action id) and so is the record of a
meeting (``teams.meeting.v1``, keyed by meeting id); both name their team, so a consumer folds
them per team. People appear by id only (a meeting records how many took part, not who). The
wording (an action's title and why, a check-in's note, what a meeting noted and decided) is the
team's own account of its work and travels with the events as the charter's wording does; it
never names a respondent or a score, and the integration events leave it out unless the
organisation shares the title.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.registry import REGISTRY
from huddle_shared.contracts.teams import OwnersChangeReason as OwnersChangeReason
from huddle_shared.events import DomainEvent, Topic

ACTION_TOPIC = Topic(
    name="teams.action.v1",
    service="teams",
    aggregate="action",
    description="A team's action plans: agreed, owned, checked in on, done or dropped.",
    key_description="The action id (UUID); all events of one action share a partition, in order.",
)
MEETING_TOPIC = Topic(
    name="teams.meeting.v1",
    service="teams",
    aggregate="meeting",
    description="Records of a team's huddles, retrospectives and charter review meetings.",
    key_description="The meeting id (UUID).",
)
MAX_OWNERS = 5
MAX_MEETING_ITEMS = 30
MAX_LINKED_GOALS = 10


# ---- vocabularies --------------------------------------------------------------------------


class ActionStatus(StrEnum):
    """Proposed, then committed, in progress and done; dropped (with a reason) at any point."""

    PROPOSED = "proposed"
    COMMITTED = "committed"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


OPEN_ACTION_STATUSES = frozenset(
    {ActionStatus.PROPOSED, ActionStatus.COMMITTED, ActionStatus.IN_PROGRESS}
)


class PromptKind(StrEnum):
    """What prompted an action."""

    CAMPAIGN = "campaign"  # a closed campaign's result
    DRIVER = "driver"  # a driver of the team dashboard
    GOAL = "goal"  # a goal of the team's charter
    MEETING = "meeting"  # a decision taken at a huddle or retrospective


class DashboardDriver(StrEnum):
    """What the team dashboard names as moving burnout risk or collaboration."""

    BURNOUT_SHARE = "burnout_share"
    MORALE_LEVEL = "morale_level"
    MORALE_DECLINE = "morale_decline"
    PSYCHOLOGICAL_SAFETY = "psychological_safety"
    ROLE_CHURN = "role_churn"
    STALE_CHARTER = "stale_charter"
    FALLING_PARTICIPATION = "falling_participation"
    TEAMWORK = "teamwork"
    RELATIONAL_LEADERSHIP = "relational_leadership"


class ActionPrompt(BaseModel):
    """What prompted an action: exactly the field its kind names is set."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: PromptKind
    campaign_id: str | None = None
    driver: DashboardDriver | None = None
    goal_id: str | None = None
    meeting_id: str | None = None


class MeetingKind(StrEnum):
    DAILY_HUDDLE = "daily_huddle"
    WEEKLY_HUDDLE = "weekly_huddle"
    RETROSPECTIVE = "retrospective"
    CHARTER_REVIEW = "charter_review"


class DecisionOutcome(StrEnum):
    """What follows from a meeting's decision in Huddle."""

    NOTED = "noted"  # recorded; nothing else follows in Huddle
    ACTION = "action"  # an action was agreed (or proposed) from it: ``action_id``
    CHARTER_REVISION = "charter_revision"  # the team proposes to revise its charter


class MeetingDecision(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    decision_id: str
    text: str = Field(min_length=1, max_length=1000)
    outcome: DecisionOutcome
    action_id: str | None = Field(default=None, description="The action it created, if any")


# ---- actions -------------------------------------------------------------------------------


@REGISTRY.event(ACTION_TOPIC, "huddle.teams.action_created.v1")
class ActionCreated(DomainEvent):
    """A team agreed (or a member proposed) an action, with its owners and due date."""

    action_id: str
    team_id: str
    org_id: str
    title: str = Field(min_length=1, max_length=200)
    why: str = Field(default="", max_length=2000)
    owners: list[str] = Field(min_length=1, max_length=MAX_OWNERS)
    due_date: date
    status: ActionStatus = Field(description="proposed or committed")
    prompted_by: ActionPrompt
    goal_ids: list[str] = Field(default_factory=list, max_length=MAX_LINKED_GOALS)
    created_by: str


@REGISTRY.event(ACTION_TOPIC, "huddle.teams.action_revised.v1")
class ActionRevised(DomainEvent):
    """An action's wording, due date or linked charter goals changed."""

    action_id: str
    team_id: str
    title: str = Field(min_length=1, max_length=200)
    why: str = Field(default="", max_length=2000)
    due_date: date
    goal_ids: list[str] = Field(default_factory=list, max_length=MAX_LINKED_GOALS)
    revised_by: str


@REGISTRY.event(ACTION_TOPIC, "huddle.teams.action_owners_changed.v1")
class ActionOwnersChanged(DomainEvent):
    """An action's owners changed; ``left_team`` when an owner left the team (then possibly
    none are left, and the action waits for a lead to give it an owner)."""

    action_id: str
    team_id: str
    owners: list[str] = Field(max_length=MAX_OWNERS)
    reason: OwnersChangeReason
    changed_by: str


@REGISTRY.event(ACTION_TOPIC, "huddle.teams.action_status_changed.v1")
class ActionStatusChanged(DomainEvent):
    """An action moved along its lifecycle on ``effective_on``; ``reason`` says why it was
    dropped."""

    action_id: str
    team_id: str
    from_status: ActionStatus
    to_status: ActionStatus
    effective_on: date
    reason: str = Field(default="", max_length=1000)
    changed_by: str


@REGISTRY.event(ACTION_TOPIC, "huddle.teams.action_checked_in.v1")
class ActionCheckedIn(DomainEvent):
    """Someone on the team checked in on an open action: how it is going, on a date."""

    action_id: str
    team_id: str
    check_in_id: str
    checked_in_on: date
    note: str = Field(min_length=1, max_length=2000)
    checked_in_by: str


# ---- meetings ------------------------------------------------------------------------------


@REGISTRY.event(MEETING_TOPIC, "huddle.teams.meeting_recorded.v1")
class MeetingRecorded(DomainEvent):
    """A team held a huddle, a retrospective or a charter review meeting and recorded it: how
    many took part, what went well, what to change, and what it decided."""

    meeting_id: str
    team_id: str
    org_id: str
    kind: MeetingKind
    held_on: date
    participants: int = Field(ge=1, le=500, description="How many took part (a count only)")
    went_well: list[str] = Field(default_factory=list, max_length=MAX_MEETING_ITEMS)
    to_change: list[str] = Field(default_factory=list, max_length=MAX_MEETING_ITEMS)
    decisions: list[MeetingDecision] = Field(default_factory=list, max_length=MAX_MEETING_ITEMS)
    recorded_by: str
