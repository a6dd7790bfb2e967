"""The team charter: vision, goals, norms and roles, revised and revisited. Pure decisions.

A revision replaces the whole charter and gets the next revision number; a review records that
the team revisited it. Either one restarts the review clock: the next review is due one review
cadence later. A goal's status moves by its own event, never by a revision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from huddle_shared.contracts.teams import (
    MAX_GOAL_OWNERS,
    CharterGoal,
    CharterReviewed,
    CharterRevised,
    CharterRole,
    GoalOwnersChanged,
    GoalStatus,
    GoalStatusChanged,
    OwnersChangeReason,
    ReviewOutcome,
)
from huddle_shared.events import DomainEvent
from huddle_teams.domain.errors import (
    GoalClosed,
    GoalNotFound,
    GoalStatusUnchanged,
    InvalidCharter,
    InvalidReview,
    NoCharter,
)
from huddle_teams.domain.state import (
    Charter,
    Goal,
    RoleDescription,
    Team,
    current_members,
    earliest_acceptable_due_date,
    latest_acceptable_date,
    refuse_changes_to_an_archived,
)

# Achieved and dropped goals are closed: a team that wants one back agrees a new goal.
GOAL_TRANSITIONS: dict[GoalStatus, frozenset[GoalStatus]] = {
    GoalStatus.ON_TRACK: frozenset({GoalStatus.AT_RISK, GoalStatus.ACHIEVED, GoalStatus.DROPPED}),
    GoalStatus.AT_RISK: frozenset({GoalStatus.ON_TRACK, GoalStatus.ACHIEVED, GoalStatus.DROPPED}),
    GoalStatus.ACHIEVED: frozenset(),
    GoalStatus.DROPPED: frozenset(),
}


# ---- commands ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalDraft:
    """A goal as the team words it; ``goal_id`` names a goal of the current charter to keep."""

    title: str
    measure: str
    due_date: date
    goal_id: str | None = None


@dataclass(frozen=True)
class ReviseCharter:
    vision: str
    goals: Sequence[GoalDraft]
    norms: Sequence[str]
    roles: Sequence[RoleDescription]
    actor: str
    # Ids for the goals without one, minted by the caller (the domain makes no random ids).
    new_goal_ids: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReviewCharter:
    outcome: ReviewOutcome
    actor: str
    notes: str = ""
    reviewed_on: date | None = None  # today when not given
    meeting_id: str | None = None  # the meeting it was held at, if recorded as one


@dataclass(frozen=True)
class SetGoalOwners:
    goal_id: str
    owners: Sequence[str]
    actor: str


@dataclass(frozen=True)
class ChangeGoalStatus:
    goal_id: str
    status: GoalStatus
    actor: str
    note: str = ""


# ---- decisions -----------------------------------------------------------------------------


def decide_revise_charter(
    state: Team, command: ReviseCharter, *, now: datetime
) -> list[DomainEvent]:
    """A new revision, unless the wording is exactly the current charter's (then nothing)."""
    refuse_changes_to_an_archived(state)
    current = state.charter
    goals = _goals_of_the_revision(current, command, now=now)
    norms = _distinct_texts(command.norms, what="norm")
    roles = _roles_of_the_revision(command.roles)
    vision = command.vision.strip()
    if current is not None and (vision, goals, norms, roles) == (
        current.vision,
        current.goals,
        current.norms,
        current.roles,
    ):
        return []
    return [
        CharterRevised(
            team_id=state.id,
            revision=(current.revision if current else 0) + 1,
            vision=vision,
            goals=[
                CharterGoal(
                    goal_id=g.goal_id,
                    title=g.title,
                    measure=g.measure,
                    due_date=g.due_date,
                    status=g.status,
                    owners=list(g.owners),
                )
                for g in goals
            ],
            norms=list(norms),
            roles=[
                CharterRole(role=r.role, responsibilities=list(r.responsibilities)) for r in roles
            ],
            next_review_due=next_review_due(state, revisited_on=now.date()),
            revised_by=command.actor,
        )
    ]


def decide_review_charter(
    state: Team, command: ReviewCharter, *, now: datetime
) -> list[DomainEvent]:
    refuse_changes_to_an_archived(state)
    if state.charter is None:
        raise NoCharter("Agree a charter before reviewing it")
    reviewed_on = command.reviewed_on or now.date()
    if reviewed_on > latest_acceptable_date(now):
        raise InvalidReview("A review cannot be dated in the future")
    if state.last_revisited_on is not None and reviewed_on < state.last_revisited_on:
        raise InvalidReview(
            f"The charter was last revisited on {state.last_revisited_on.isoformat()}; "
            "a review cannot be dated before that"
        )
    return [
        CharterReviewed(
            team_id=state.id,
            revision=state.charter.revision,
            outcome=command.outcome,
            notes=command.notes.strip(),
            reviewed_on=reviewed_on,
            next_review_due=next_review_due(state, revisited_on=reviewed_on),
            reviewed_by=command.actor,
            meeting_id=command.meeting_id,
        )
    ]


def decide_change_goal_status(state: Team, command: ChangeGoalStatus) -> list[DomainEvent]:
    refuse_changes_to_an_archived(state)
    goal = state.charter.goal(command.goal_id) if state.charter else None
    if goal is None:
        raise GoalNotFound("The current charter has no goal with this id")
    if goal.status == command.status:
        raise GoalStatusUnchanged(f"The goal is already {goal.status.value}")
    if command.status not in GOAL_TRANSITIONS[goal.status]:
        raise GoalClosed(
            f"The goal is {goal.status.value} and closed; agree a new goal in a charter revision"
        )
    return [
        GoalStatusChanged(
            team_id=state.id,
            goal_id=goal.goal_id,
            from_status=goal.status,
            to_status=command.status,
            note=command.note.strip(),
            changed_by=command.actor,
        )
    ]


def decide_set_goal_owners(state: Team, command: SetGoalOwners) -> list[DomainEvent]:
    """The members who own an open goal of the current charter (none is allowed: a goal may
    wait for an owner); the same owners again change nothing."""
    refuse_changes_to_an_archived(state)
    goal = state.charter.goal(command.goal_id) if state.charter else None
    if goal is None:
        raise GoalNotFound("The current charter has no goal with this id")
    if goal.is_closed:
        raise GoalClosed(f"The goal is {goal.status.value} and closed; its owners stay as they are")
    owners = current_members(
        state,
        command.owners,
        most=MAX_GOAL_OWNERS,
        what="A goal",
        refusal=InvalidCharter,
        required=False,
    )
    if owners == goal.owners:
        return []
    return [
        GoalOwnersChanged(
            team_id=state.id,
            goal_id=goal.goal_id,
            owners=list(owners),
            reason=OwnersChangeReason.ASSIGNED,
            changed_by=command.actor,
        )
    ]


def goal_owners_after_leaving(state: Team, user_id: str, *, actor: str) -> list[DomainEvent]:
    """A member who leaves comes off every open goal they own; closed goals keep their record."""
    goals = state.charter.goals if state.charter else ()
    return [
        GoalOwnersChanged(
            team_id=state.id,
            goal_id=g.goal_id,
            owners=[o for o in g.owners if o != user_id],
            reason=OwnersChangeReason.LEFT_TEAM,
            changed_by=actor,
        )
        for g in goals
        if not g.is_closed and user_id in g.owners
    ]


def next_review_due(state: Team, *, revisited_on: date) -> date:
    """One review cadence after the team last revisited its charter."""
    return revisited_on + timedelta(days=state.review_cadence_days)


# ---- rules ---------------------------------------------------------------------------------


def _goals_of_the_revision(
    current: Charter | None, command: ReviseCharter, *, now: datetime
) -> tuple[Goal, ...]:
    fresh_ids = iter(command.new_goal_ids)
    named = [d.goal_id for d in command.goals if d.goal_id is not None]
    if len(named) != len(set(named)):
        raise InvalidCharter("A goal id appears twice in the revision")
    goals: list[Goal] = []
    for draft in command.goals:
        title, measure = draft.title.strip(), draft.measure.strip()
        if not title or not measure:
            raise InvalidCharter("Every goal needs a title and a measure")
        if draft.goal_id is None:
            # A new goal starts on track and must still be ahead of the team.
            if draft.due_date < earliest_acceptable_due_date(now):
                raise InvalidCharter(f"The new goal '{title}' would be due in the past")
            goal_id = next(fresh_ids, None)
            if goal_id is None:
                raise ValueError("ReviseCharter needs one new goal id per goal without an id")
            goals.append(Goal(goal_id, title, measure, draft.due_date))
            continue
        kept = current.goal(draft.goal_id) if current else None
        if kept is None:
            raise InvalidCharter(f"The current charter has no goal {draft.goal_id}")
        # A kept goal may be reworded or rescheduled; its status moves only by its own event.
        goals.append(Goal(kept.goal_id, title, measure, draft.due_date, kept.status, kept.owners))
    return tuple(goals)


def _distinct_texts(texts: Sequence[str], *, what: str) -> tuple[str, ...]:
    stripped = tuple(t.strip() for t in texts)
    if any(not t for t in stripped):
        raise InvalidCharter(f"A {what} cannot be blank")
    if len({t.casefold() for t in stripped}) != len(stripped):
        raise InvalidCharter(f"A {what} appears twice")
    return stripped


def _roles_of_the_revision(roles: Sequence[RoleDescription]) -> tuple[RoleDescription, ...]:
    if len({r.role for r in roles}) != len(roles):
        raise InvalidCharter("Each team role is described once")
    return tuple(
        RoleDescription(r.role, _distinct_texts(r.responsibilities, what="responsibility"))
        for r in roles
    )
