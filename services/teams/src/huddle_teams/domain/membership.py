"""Who is on a team and in which role: joining, role changes, leaving. Pure decisions.

Whether a person may join is decided from directory facts the caller looked up (teams' local
copy of identity's users), passed in as :class:`UserFacts`; the domain does not look anything up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from huddle_shared.contracts.teams import (
    MemberAdded,
    MemberRemoved,
    MemberRoleChanged,
    RoleChangeCategory,
    TeamRole,
)
from huddle_shared.events import DomainEvent
from huddle_teams.domain.charter import goal_owners_after_leaving
from huddle_teams.domain.errors import (
    AlreadyAMember,
    InvalidEffectiveDate,
    InvalidRoleChange,
    NotAMember,
    RoleUnchanged,
    UnknownUser,
    UserNotActive,
)
from huddle_teams.domain.state import (
    Member,
    Team,
    latest_acceptable_date,
    refuse_changes_to_an_archived,
)


class UserStatus(StrEnum):
    ACTIVE = "active"
    DEACTIVATED = "deactivated"
    ERASED = "erased"


@dataclass(frozen=True)
class UserFacts:
    """What the teams service knows about a person, from identity's events."""

    user_id: str
    org_id: str
    status: UserStatus


# ---- commands ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddMember:
    user_id: str
    role: TeamRole
    actor: str
    effective_date: date | None = None  # today when not given


@dataclass(frozen=True)
class ChangeMemberRole:
    user_id: str
    role: TeamRole
    reason: str
    effective_date: date
    actor: str
    category: RoleChangeCategory = RoleChangeCategory.OTHER


@dataclass(frozen=True)
class RemoveMember:
    user_id: str
    actor: str
    effective_date: date | None = None  # today when not given


# ---- decisions -----------------------------------------------------------------------------


def decide_add_member(
    state: Team, command: AddMember, *, candidate: UserFacts | None, now: datetime
) -> list[DomainEvent]:
    refuse_changes_to_an_archived(state)
    if state.member(command.user_id) is not None:
        raise AlreadyAMember("This person is already on the team; change their role instead")
    _only_active_people_of_the_same_organisation_can_join(state, command.user_id, candidate)
    effective = command.effective_date or now.date()
    _not_in_the_future(effective, now)
    return [
        MemberAdded(
            team_id=state.id,
            user_id=command.user_id,
            role=command.role,
            effective_date=effective,
            added_by=command.actor,
        )
    ]


def decide_change_member_role(
    state: Team, command: ChangeMemberRole, *, now: datetime
) -> list[DomainEvent]:
    refuse_changes_to_an_archived(state)
    member = _existing_member(state, command.user_id)
    if member.role == command.role:
        raise RoleUnchanged(f"The member already holds the role {command.role.value}")
    reason = command.reason.strip()
    if not reason:
        raise InvalidRoleChange("A role change needs a reason")
    _not_in_the_future(command.effective_date, now)
    _not_before_the_current_role_began(member, command.effective_date)
    return [
        MemberRoleChanged(
            team_id=state.id,
            user_id=member.user_id,
            from_role=member.role,
            to_role=command.role,
            reason=reason,
            effective_date=command.effective_date,
            changed_by=command.actor,
            category=command.category,
        )
    ]


def decide_remove_member(state: Team, command: RemoveMember, *, now: datetime) -> list[DomainEvent]:
    refuse_changes_to_an_archived(state)
    member = _existing_member(state, command.user_id)
    effective = command.effective_date or now.date()
    _not_in_the_future(effective, now)
    _not_before_the_current_role_began(member, effective)
    return [
        MemberRemoved(
            team_id=state.id,
            user_id=member.user_id,
            role=member.role,
            effective_date=effective,
            removed_by=command.actor,
        ),
        *goal_owners_after_leaving(state, member.user_id, actor=command.actor),
    ]


# ---- rules ---------------------------------------------------------------------------------


def _only_active_people_of_the_same_organisation_can_join(
    state: Team, user_id: str, candidate: UserFacts | None
) -> None:
    # Someone of another organisation reads exactly like no one at all: never confirm that an
    # id exists in another tenant.
    if candidate is None or candidate.user_id != user_id or candidate.org_id != state.org_id:
        raise UnknownUser("No person with this id in your organisation")
    if candidate.status is not UserStatus.ACTIVE:
        raise UserNotActive(f"This person's account is {candidate.status.value}; they cannot join")


def _existing_member(state: Team, user_id: str) -> Member:
    member = state.member(user_id)
    if member is None:
        raise NotAMember("This person is not on the team")
    return member


def _not_in_the_future(effective: date, now: datetime) -> None:
    if effective > latest_acceptable_date(now):
        raise InvalidEffectiveDate("The effective date cannot be in the future")


def _not_before_the_current_role_began(member: Member, effective: date) -> None:
    # One role ends where the next begins: a period that ends before it starts is nonsense.
    if effective < member.role_since:
        raise InvalidEffectiveDate(
            f"The effective date cannot be before {member.role_since.isoformat()}, "
            "when the member's current role began"
        )
