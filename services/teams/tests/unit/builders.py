"""Givens for the domain tests: a clock, commands, directory facts and a fold of past events."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from huddle_shared.contracts.teams import CareSetting, TeamRole
from huddle_shared.events import DomainEvent
from huddle_teams.domain.charter import GoalDraft, ReviseCharter, decide_revise_charter
from huddle_teams.domain.membership import (
    AddMember,
    UserFacts,
    UserStatus,
    decide_add_member,
)
from huddle_teams.domain.state import RoleDescription, Team
from huddle_teams.domain.team import CreateTeam, decide_create_team, evolve

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
TODAY = T0.date()
ORG = "org-1"
TEAM = "team-1"
ADMIN = "admin-1"
AMARA, BEN, CHLOE = "user-amara", "user-ben", "user-chloe"

CREATE = CreateTeam(
    team_id=TEAM,
    org_id=ORG,
    name="  Riverside Team A ",
    care_setting=CareSetting.PRIMARY_CARE_CLINIC,
    description="Panel of 4,000 patients",
    actor=ADMIN,
)


def days(n: int) -> timedelta:
    return timedelta(days=n)


def given(*events: DomainEvent, at: datetime = T0) -> Team:
    """The state after ``events``, all recorded at ``at``."""
    state: Team | None = None
    for version, event in enumerate(events, start=1):
        state = evolve(state, event, at=at, version=version)
    assert state is not None
    return state


def then(state: Team, events: list[DomainEvent], *, at: datetime = T0) -> Team:
    """Fold newly decided events onto ``state``, as the store would after appending them."""
    for event in events:
        state = evolve(state, event, at=at, version=state.version + 1)
    return state


def active(user_id: str, org_id: str = ORG) -> UserFacts:
    return UserFacts(user_id=user_id, org_id=org_id, status=UserStatus.ACTIVE)


def a_team(**create: Any) -> Team:
    return given(*decide_create_team(None, replace(CREATE, **create)))


def with_member(
    state: Team, user_id: str, role: TeamRole, *, since: date = TODAY, now: datetime = T0
) -> Team:
    command = AddMember(user_id=user_id, role=role, actor=ADMIN, effective_date=since)
    return then(state, decide_add_member(state, command, candidate=active(user_id), now=now))


def a_charter(
    *goals: GoalDraft,
    vision: str = "Every patient knows who to call",
    norms: tuple[str, ...] = ("Start huddles on time", "Assume good intent"),
    roles: tuple[RoleDescription, ...] = (
        RoleDescription(TeamRole.CARE_COORDINATOR, ("Runs the morning huddle",)),
    ),
    new_goal_ids: tuple[str, ...] = ("goal-1", "goal-2", "goal-3"),
) -> ReviseCharter:
    return ReviseCharter(
        vision=vision,
        goals=goals or (GoalDraft("Reduce no-shows", "No-show rate below 8%", TODAY + days(120)),),
        norms=norms,
        roles=roles,
        actor=ADMIN,
        new_goal_ids=new_goal_ids,
    )


def with_charter(state: Team, command: ReviseCharter | None = None, *, now: datetime = T0) -> Team:
    return then(state, decide_revise_charter(state, command or a_charter(), now=now), at=now)
