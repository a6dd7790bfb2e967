"""The Team aggregate: the team's own commands and the fold of every team event.

Pure: no I/O, no clock, no random ids. Membership and charter decisions live beside it in
``membership.py`` and ``charter.py``; the state they all share is in ``state.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from huddle_shared.contracts.teams import (
    CareSetting,
    CharterReviewed,
    CharterRevised,
    GoalOwnersChanged,
    GoalStatusChanged,
    MemberAdded,
    MemberRemoved,
    MemberRoleChanged,
    ReviewCadenceChanged,
    TeamArchived,
    TeamCreated,
    TeamRenamed,
)
from huddle_shared.errors import Conflict
from huddle_shared.events import DomainEvent
from huddle_teams.domain.errors import InvalidTeam, TeamIsArchived
from huddle_teams.domain.state import (
    DEFAULT_REVIEW_CADENCE_DAYS,
    MAX_REVIEW_CADENCE_DAYS,
    MIN_REVIEW_CADENCE_DAYS,
    Charter,
    CharterReview,
    Goal,
    Member,
    Participation,
    RoleDescription,
    Team,
    TeamStatus,
    refuse_changes_to_an_archived,
)

# ---- commands (imperative names) ------------------------------------------------------------


@dataclass(frozen=True)
class CreateTeam:
    team_id: str
    org_id: str
    name: str
    care_setting: CareSetting
    description: str
    actor: str
    review_cadence_days: int = DEFAULT_REVIEW_CADENCE_DAYS


@dataclass(frozen=True)
class UpdateTeam:
    """Change what is given; ``None`` leaves a field as it is."""

    actor: str
    name: str | None = None
    description: str | None = None
    review_cadence_days: int | None = None


@dataclass(frozen=True)
class ArchiveTeam:
    actor: str
    reason: str = ""


# ---- decisions -----------------------------------------------------------------------------


def decide_create_team(state: Team | None, command: CreateTeam) -> list[DomainEvent]:
    if state is not None:
        raise Conflict("A team with this id already exists")
    name = _required_name(command.name)
    _check_cadence(command.review_cadence_days)
    events: list[DomainEvent] = [
        TeamCreated(
            team_id=command.team_id,
            org_id=command.org_id,
            name=name,
            care_setting=command.care_setting,
            description=command.description.strip(),
            created_by=command.actor,
        )
    ]
    # TeamCreated is a published contract without a cadence; a non-default one is its own fact.
    if command.review_cadence_days != DEFAULT_REVIEW_CADENCE_DAYS:
        events.append(
            ReviewCadenceChanged(
                team_id=command.team_id,
                review_cadence_days=command.review_cadence_days,
                changed_by=command.actor,
            )
        )
    return events


def decide_update_team(state: Team, command: UpdateTeam) -> list[DomainEvent]:
    """Rename, re-describe and/or set the review cadence; unchanged values record nothing."""
    refuse_changes_to_an_archived(state)
    events: list[DomainEvent] = []
    name = state.name if command.name is None else _required_name(command.name)
    description = state.description if command.description is None else command.description.strip()
    if (name, description) != (state.name, state.description):
        events.append(
            TeamRenamed(
                team_id=state.id, name=name, description=description, renamed_by=command.actor
            )
        )
    cadence = command.review_cadence_days
    if cadence is not None and cadence != state.review_cadence_days:
        _check_cadence(cadence)
        events.append(
            ReviewCadenceChanged(
                team_id=state.id,
                review_cadence_days=cadence,
                next_review_due=(
                    state.last_revisited_on + timedelta(days=cadence)
                    if state.last_revisited_on
                    else None
                ),
                changed_by=command.actor,
            )
        )
    return events


def decide_archive_team(state: Team, command: ArchiveTeam) -> list[DomainEvent]:
    if state.is_archived:
        raise TeamIsArchived("The team is already archived")
    return [
        TeamArchived(team_id=state.id, reason=command.reason.strip(), archived_by=command.actor)
    ]


def _required_name(name: str) -> str:
    stripped = name.strip()
    if not stripped:
        raise InvalidTeam("A team needs a name")
    return stripped


def _check_cadence(days: int) -> None:
    if not MIN_REVIEW_CADENCE_DAYS <= days <= MAX_REVIEW_CADENCE_DAYS:
        raise InvalidTeam(
            f"The review cadence must be between {MIN_REVIEW_CADENCE_DAYS} and "
            f"{MAX_REVIEW_CADENCE_DAYS} days"
        )


# ---- the fold ------------------------------------------------------------------------------


def evolve(state: Team | None, event: DomainEvent, *, at: datetime, version: int) -> Team:
    """Apply one recorded event; ``at`` and ``version`` come from the store, not the payload."""
    if isinstance(event, TeamCreated):
        return Team(
            id=event.team_id,
            org_id=event.org_id,
            name=event.name,
            care_setting=event.care_setting,
            description=event.description,
            created_at=at,
            updated_at=at,
            version=version,
        )
    if state is None:
        raise ValueError(f"cannot apply {event.event_type} to a new team")
    changed = _apply(state, event, at=at)
    return replace(changed, updated_at=at, version=version)


def _apply(state: Team, event: DomainEvent, *, at: datetime) -> Team:
    match event:
        case TeamRenamed():
            return replace(state, name=event.name, description=event.description)
        case ReviewCadenceChanged():
            return replace(
                state,
                review_cadence_days=event.review_cadence_days,
                next_review_due=event.next_review_due,
            )
        case TeamArchived():
            return replace(state, status=TeamStatus.ARCHIVED, archived_at=at)
        case MemberAdded():
            member = Member(event.user_id, event.role, event.effective_date, event.effective_date)
            opened = Participation(event.user_id, event.role, event.effective_date)
            return replace(
                state,
                members=(*state.members, member),
                participations=(*state.participations, opened),
            )
        case MemberRoleChanged():
            members = tuple(
                replace(m, role=event.to_role, role_since=event.effective_date)
                if m.user_id == event.user_id
                else m
                for m in state.members
            )
            closed = _close_participation(state.participations, event.user_id, event.effective_date)
            opened = Participation(event.user_id, event.to_role, event.effective_date)
            return replace(state, members=members, participations=(*closed, opened))
        case MemberRemoved():
            return replace(
                state,
                members=tuple(m for m in state.members if m.user_id != event.user_id),
                participations=_close_participation(
                    state.participations, event.user_id, event.effective_date
                ),
            )
        case CharterRevised():
            charter = Charter(
                revision=event.revision,
                vision=event.vision,
                goals=tuple(
                    Goal(g.goal_id, g.title, g.measure, g.due_date, g.status, tuple(g.owners))
                    for g in event.goals
                ),
                norms=tuple(event.norms),
                roles=tuple(
                    RoleDescription(r.role, tuple(r.responsibilities)) for r in event.roles
                ),
                revised_on=at.date(),
                revised_by=event.revised_by,
            )
            return replace(
                state,
                charter=charter,
                last_revisited_on=charter.revised_on,
                next_review_due=event.next_review_due,
            )
        case CharterReviewed():
            review = CharterReview(
                event.revision,
                event.outcome,
                event.notes,
                event.reviewed_on,
                event.reviewed_by,
                event.meeting_id,
            )
            return replace(
                state,
                last_review=review,
                last_revisited_on=event.reviewed_on,
                next_review_due=event.next_review_due,
            )
        case GoalStatusChanged() if state.charter is not None:
            goals = tuple(
                replace(g, status=event.to_status) if g.goal_id == event.goal_id else g
                for g in state.charter.goals
            )
            return replace(state, charter=replace(state.charter, goals=goals))
        case GoalOwnersChanged() if state.charter is not None:
            goals = tuple(
                replace(g, owners=tuple(event.owners)) if g.goal_id == event.goal_id else g
                for g in state.charter.goals
            )
            return replace(state, charter=replace(state.charter, goals=goals))
    raise ValueError(f"cannot apply {event.event_type} to team {state.id}")


def _close_participation(
    participations: tuple[Participation, ...], user_id: str, end: date
) -> tuple[Participation, ...]:
    """End the one open period of ``user_id``; every earlier period is already closed."""
    return tuple(
        replace(p, end=end) if p.user_id == user_id and p.end is None else p for p in participations
    )
