"""The Team aggregate's own rules (create, update, cadence, archive) and the fold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from huddle_shared.contracts.teams import (
    CareSetting,
    ReviewCadenceChanged,
    ReviewOutcome,
    TeamArchived,
    TeamCreated,
    TeamRenamed,
    TeamRole,
)
from huddle_shared.errors import Conflict
from huddle_teams.domain.charter import ReviewCharter, decide_review_charter
from huddle_teams.domain.errors import InvalidTeam, TeamIsArchived
from huddle_teams.domain.membership import ChangeMemberRole, decide_change_member_role
from huddle_teams.domain.state import TeamStatus
from huddle_teams.domain.team import (
    ArchiveTeam,
    CreateTeam,
    UpdateTeam,
    decide_archive_team,
    decide_create_team,
    decide_update_team,
    evolve,
)

from .builders import (
    ADMIN,
    AMARA,
    BEN,
    CREATE,
    T0,
    TODAY,
    a_team,
    days,
    given,
    then,
    with_charter,
    with_member,
)


def test_creating_a_team_records_its_name_trimmed() -> None:
    assert decide_create_team(None, CREATE) == [
        TeamCreated(
            team_id="team-1",
            org_id="org-1",
            name="Riverside Team A",
            care_setting=CareSetting.PRIMARY_CARE_CLINIC,
            description="Panel of 4,000 patients",
            created_by=ADMIN,
        )
    ]


def test_a_team_cannot_be_created_twice() -> None:
    with pytest.raises(Conflict):
        decide_create_team(a_team(), CREATE)


def test_a_blank_name_is_refused() -> None:
    with pytest.raises(InvalidTeam):
        decide_create_team(None, CreateTeam(**{**CREATE.__dict__, "name": "   "}))


def test_a_new_team_reviews_its_charter_every_90_days_unless_told_otherwise() -> None:
    assert a_team().review_cadence_days == 90
    events = decide_create_team(None, CreateTeam(**{**CREATE.__dict__, "review_cadence_days": 30}))
    assert events[1:] == [
        ReviewCadenceChanged(team_id="team-1", review_cadence_days=30, changed_by=ADMIN)
    ]
    assert given(*events).review_cadence_days == 30


@pytest.mark.parametrize("cadence", [0, 6, 366])
def test_a_review_cadence_outside_a_week_to_a_year_is_refused(cadence: int) -> None:
    with pytest.raises(InvalidTeam, match="between 7 and 365"):
        decide_create_team(None, CreateTeam(**{**CREATE.__dict__, "review_cadence_days": cadence}))
    with pytest.raises(InvalidTeam):
        decide_update_team(a_team(), UpdateTeam(actor=ADMIN, review_cadence_days=cadence))


def test_renaming_records_the_new_name_and_keeps_the_description() -> None:
    state = a_team()
    events = decide_update_team(state, UpdateTeam(actor="a", name=" Team North "))
    assert events == [
        TeamRenamed(
            team_id="team-1", name="Team North", description=state.description, renamed_by="a"
        )
    ]
    after = then(state, events)
    assert (after.name, after.description, after.version) == ("Team North", state.description, 2)


def test_an_update_to_the_same_values_records_nothing() -> None:
    state = a_team()
    same = UpdateTeam(
        actor="a", name=state.name, description=state.description, review_cadence_days=90
    )
    assert decide_update_team(state, same) == []
    assert decide_update_team(state, UpdateTeam(actor="a")) == []


def test_a_new_cadence_moves_the_next_review_from_the_last_time_the_charter_was_revisited() -> None:
    state = with_charter(a_team())
    assert state.next_review_due == TODAY + days(90)
    events = decide_update_team(state, UpdateTeam(actor=ADMIN, review_cadence_days=30))
    assert events == [
        ReviewCadenceChanged(
            team_id="team-1",
            review_cadence_days=30,
            next_review_due=TODAY + days(30),
            changed_by=ADMIN,
        )
    ]
    assert then(state, events).next_review_due == TODAY + days(30)


def test_without_a_charter_a_new_cadence_schedules_nothing_yet() -> None:
    events = decide_update_team(a_team(), UpdateTeam(actor=ADMIN, review_cadence_days=60))
    assert then(a_team(), events).next_review_due is None


def test_archiving_records_why_and_who_and_the_team_becomes_read_only() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE)
    events = decide_archive_team(state, ArchiveTeam(actor=ADMIN, reason=" merged "))
    assert events == [TeamArchived(team_id="team-1", reason="merged", archived_by=ADMIN)]
    archived = then(state, events, at=T0 + timedelta(days=3))
    assert archived.status is TeamStatus.ARCHIVED
    assert archived.archived_at == T0 + timedelta(days=3)


def test_an_archived_team_refuses_every_change() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE)
    archived = then(state, decide_archive_team(state, ArchiveTeam(actor=ADMIN)))
    refusals: list[Callable[[], object]] = [
        lambda: decide_update_team(archived, UpdateTeam(actor=ADMIN, name="New")),
        lambda: decide_archive_team(archived, ArchiveTeam(actor=ADMIN)),
        lambda: decide_change_member_role(
            archived,
            ChangeMemberRole(AMARA, TeamRole.CLINICAL_LEAD, "promoted", TODAY, ADMIN),
            now=T0,
        ),
        lambda: decide_review_charter(
            archived, ReviewCharter(ReviewOutcome.REAFFIRMED, ADMIN), now=T0
        ),
    ]
    for refuse in refusals:
        with pytest.raises(TeamIsArchived):
            refuse()


def test_the_fold_rebuilds_the_whole_team_from_its_events() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE)
    state = with_member(state, BEN, TeamRole.CLINICAL_LEAD)
    state = with_charter(state)
    assert state.version == 4
    assert [(m.user_id, m.role) for m in state.members] == [
        (AMARA, TeamRole.NURSE),
        (BEN, TeamRole.CLINICAL_LEAD),
    ]
    assert state.charter is not None and state.charter.revision == 1
    assert state.role_of(BEN) is TeamRole.CLINICAL_LEAD
    assert state.role_of("someone-else") is None


def test_nothing_but_a_creation_can_start_a_team() -> None:
    with pytest.raises(ValueError, match="new team"):
        evolve(None, TeamRenamed(team_id="x", name="n", renamed_by="a"), at=T0, version=1)
