"""The Team aggregate's rules, as given / when / then, with no I/O."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from huddle_shared.contracts.teams import CareSetting, TeamCreated, TeamRenamed
from huddle_shared.errors import Conflict, DomainRuleViolated
from huddle_shared.events import DomainEvent
from huddle_teams.domain.team import (
    CreateTeam,
    RenameTeam,
    Team,
    decide_create_team,
    decide_rename_team,
    evolve,
)

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
CREATE = CreateTeam(
    team_id="team-1",
    org_id="org-1",
    name="  Riverside Team A ",
    care_setting=CareSetting.PRIMARY_CARE_CLINIC,
    description="Panel of 4,000 patients",
    actor="admin-1",
)


def given(*events: DomainEvent) -> Team | None:
    state: Team | None = None
    for version, event in enumerate(events, start=1):
        state = evolve(state, event, at=T0, version=version)
    return state


def test_creating_a_team_records_its_name_trimmed() -> None:
    assert decide_create_team(None, CREATE) == [
        TeamCreated(
            team_id="team-1",
            org_id="org-1",
            name="Riverside Team A",
            care_setting=CareSetting.PRIMARY_CARE_CLINIC,
            description="Panel of 4,000 patients",
            created_by="admin-1",
        )
    ]


def test_a_team_cannot_be_created_twice() -> None:
    state = given(*decide_create_team(None, CREATE))
    with pytest.raises(Conflict):
        decide_create_team(state, CREATE)


def test_a_blank_name_is_refused() -> None:
    with pytest.raises(DomainRuleViolated):
        decide_create_team(None, CreateTeam(**{**CREATE.__dict__, "name": "   "}))


def test_renaming_records_the_new_name_and_the_fold_applies_it() -> None:
    state = given(*decide_create_team(None, CREATE))
    assert state is not None
    events = decide_rename_team(state, RenameTeam(name="Team North", description="", actor="a"))
    assert events == [
        TeamRenamed(team_id="team-1", name="Team North", description="", renamed_by="a")
    ]
    after = evolve(state, events[0], at=T0, version=2)
    assert (after.name, after.version) == ("Team North", 2)


def test_renaming_to_the_same_values_records_nothing() -> None:
    state = given(*decide_create_team(None, CREATE))
    assert state is not None
    same = RenameTeam(name=state.name, description=state.description, actor="a")
    assert decide_rename_team(state, same) == []


def test_a_rename_cannot_apply_to_a_team_that_does_not_exist() -> None:
    with pytest.raises(ValueError, match="new"):
        evolve(None, TeamRenamed(team_id="x", name="n", renamed_by="a"), at=T0, version=1)
