"""The Team aggregate's state: frozen values, rebuilt by folding the team's events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from huddle_shared.contracts.teams import (
    CareSetting,
    GoalStatus,
    ReviewOutcome,
    TeamRole,
)
from huddle_teams.domain.errors import TeamIsArchived

DEFAULT_REVIEW_CADENCE_DAYS = 90
MIN_REVIEW_CADENCE_DAYS = 7
MAX_REVIEW_CADENCE_DAYS = 365
# Dates come from people in many time zones; "today" in UTC can be yesterday east of it.
FUTURE_DATE_GRACE = timedelta(days=1)


class TeamStatus(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"


@dataclass(frozen=True)
class Member:
    user_id: str
    role: TeamRole
    role_since: date
    joined_on: date


@dataclass(frozen=True)
class Participation:
    """One person in one role over one period: what FHIR calls a CareTeam participant."""

    user_id: str
    role: TeamRole
    start: date
    end: date | None = None


@dataclass(frozen=True)
class Goal:
    goal_id: str
    title: str
    measure: str
    due_date: date
    status: GoalStatus = GoalStatus.ON_TRACK

    @property
    def is_closed(self) -> bool:
        return self.status in (GoalStatus.ACHIEVED, GoalStatus.DROPPED)


@dataclass(frozen=True)
class RoleDescription:
    role: TeamRole
    responsibilities: tuple[str, ...]


@dataclass(frozen=True)
class Charter:
    revision: int
    vision: str
    goals: tuple[Goal, ...]
    norms: tuple[str, ...]
    roles: tuple[RoleDescription, ...]
    revised_on: date
    revised_by: str

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.goal_id == goal_id), None)


@dataclass(frozen=True)
class CharterReview:
    revision: int
    outcome: ReviewOutcome
    notes: str
    reviewed_on: date
    reviewed_by: str


@dataclass(frozen=True)
class Team:
    id: str
    org_id: str
    name: str
    care_setting: CareSetting
    description: str
    created_at: datetime
    updated_at: datetime
    version: int
    status: TeamStatus = TeamStatus.ACTIVE
    archived_at: datetime | None = None
    review_cadence_days: int = DEFAULT_REVIEW_CADENCE_DAYS
    members: tuple[Member, ...] = ()
    participations: tuple[Participation, ...] = ()
    charter: Charter | None = None
    last_review: CharterReview | None = None
    # The day the team last revisited its charter (a revision or a review): the cadence
    # counts from there.
    last_revisited_on: date | None = None
    next_review_due: date | None = None

    @property
    def is_archived(self) -> bool:
        return self.status is TeamStatus.ARCHIVED

    def member(self, user_id: str) -> Member | None:
        return next((m for m in self.members if m.user_id == user_id), None)

    def role_of(self, user_id: str) -> TeamRole | None:
        found = self.member(user_id)
        return found.role if found else None


def refuse_changes_to_an_archived(team: Team) -> None:
    if team.is_archived:
        raise TeamIsArchived("The team is archived; it can be read but no longer changed")


def latest_acceptable_date(now: datetime) -> date:
    """The latest date that is not in the future anywhere on Earth."""
    return now.date() + FUTURE_DATE_GRACE


def earliest_acceptable_due_date(now: datetime) -> date:
    """The earliest date that is not yet in the past anywhere on Earth."""
    return now.date() - FUTURE_DATE_GRACE
