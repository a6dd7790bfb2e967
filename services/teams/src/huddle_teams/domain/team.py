"""The Team aggregate: pure decisions and a pure fold. No I/O, no clock, no random ids."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from huddle_shared.contracts.teams import CareSetting, TeamCreated, TeamRenamed
from huddle_shared.errors import Conflict, DomainRuleViolated
from huddle_shared.events import DomainEvent


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


# ---- commands (imperative names) ------------------------------------------------------------


@dataclass(frozen=True)
class CreateTeam:
    team_id: str
    org_id: str
    name: str
    care_setting: CareSetting
    description: str
    actor: str


@dataclass(frozen=True)
class RenameTeam:
    name: str
    description: str
    actor: str


# ---- decisions -----------------------------------------------------------------------------


def decide_create_team(state: Team | None, command: CreateTeam) -> list[DomainEvent]:
    if state is not None:
        raise Conflict("A team with this id already exists")
    name = command.name.strip()
    if not name:
        raise DomainRuleViolated("A team needs a name")
    return [
        TeamCreated(
            team_id=command.team_id,
            org_id=command.org_id,
            name=name,
            care_setting=command.care_setting,
            description=command.description.strip(),
            created_by=command.actor,
        )
    ]


def decide_rename_team(state: Team, command: RenameTeam) -> list[DomainEvent]:
    name = command.name.strip()
    if not name:
        raise DomainRuleViolated("A team needs a name")
    if name == state.name and command.description.strip() == state.description:
        return []
    return [
        TeamRenamed(
            team_id=state.id,
            name=name,
            description=command.description.strip(),
            renamed_by=command.actor,
        )
    ]


# ---- the fold ------------------------------------------------------------------------------


def evolve(state: Team | None, event: DomainEvent, *, at: datetime, version: int) -> Team:
    """Apply one recorded event; ``at`` and ``version`` come from the store, not the payload."""
    match event:
        case TeamCreated():
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
        case TeamRenamed() if state is not None:
            return replace(
                state,
                name=event.name,
                description=event.description,
                updated_at=at,
                version=version,
            )
    raise ValueError(f"cannot apply {event.event_type} to {'a new' if state is None else 'a'} team")
