"""The Team aggregate's state: frozen values, rebuilt by folding the team's events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from huddle_shared.contracts.teams import (
    CareSetting,
    GoalStatus,
    ReviewOutcome,
    TeamRole,
)
from huddle_shared.errors import DomainRuleViolated, field_error
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
    owners: tuple[str, ...] = ()

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
    meeting_id: str | None = None


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


def current_members(
    team: Team,
    owners: Sequence[str],
    *,
    most: int,
    what: str,
    refusal: type[DomainRuleViolated],
    required: bool,
) -> tuple[str, ...]:
    """``owners`` as given, if each is a current member, named once, and there are at most
    ``most`` (and, when ``required``, at least one) of them; otherwise ``refusal`` naming the
    field (``body.owners``, with the index of the offending one)."""
    if required and not owners:
        raise refusal(
            f"{what} needs at least one owner",
            errors=[field_error("body", "owners", message="empty", kind="missing")],
        )
    if len(owners) > most:
        raise refusal(
            f"{what} has at most {most} owners",
            errors=[field_error("body", "owners", message="too many", kind="too_long")],
        )
    for index, owner in enumerate(owners):
        if owner in owners[:index]:
            raise refusal(
                "An owner is named twice",
                errors=[field_error("body", "owners", index, message="repeated", kind="repeated")],
            )
        if team.member(owner) is None:
            raise refusal(
                "Every owner must be a member of the team",
                errors=[
                    field_error("body", "owners", index, message="not on the team", kind="member")
                ],
            )
    return tuple(owners)


def latest_acceptable_date(now: datetime) -> date:
    """The latest date that is not in the future anywhere on Earth."""
    return now.date() + FUTURE_DATE_GRACE


def earliest_acceptable_due_date(now: datetime) -> date:
    """The earliest date that is not yet in the past anywhere on Earth."""
    return now.date() - FUTURE_DATE_GRACE
