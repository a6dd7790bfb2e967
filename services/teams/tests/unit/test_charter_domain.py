"""Charter revisions, reviews on the team's cadence, and goal status transitions."""

from __future__ import annotations

import pytest

from huddle_shared.contracts.teams import (
    CharterGoal,
    CharterReviewed,
    CharterRevised,
    CharterRole,
    GoalOwnersChanged,
    GoalStatus,
    GoalStatusChanged,
    MemberRemoved,
    OwnersChangeReason,
    ReviewOutcome,
    TeamRole,
)
from huddle_teams.domain.charter import (
    GOAL_TRANSITIONS,
    ChangeGoalStatus,
    GoalDraft,
    ReviewCharter,
    SetGoalOwners,
    decide_change_goal_status,
    decide_review_charter,
    decide_revise_charter,
    decide_set_goal_owners,
)
from huddle_teams.domain.errors import (
    GoalClosed,
    GoalNotFound,
    GoalStatusUnchanged,
    InvalidCharter,
    InvalidReview,
    NoCharter,
    TeamIsArchived,
)
from huddle_teams.domain.membership import RemoveMember, decide_remove_member
from huddle_teams.domain.state import RoleDescription, Team
from huddle_teams.domain.team import (
    ArchiveTeam,
    UpdateTeam,
    decide_archive_team,
    decide_update_team,
)

from .builders import (
    ADMIN,
    AMARA,
    BEN,
    CHLOE,
    T0,
    TODAY,
    a_charter,
    a_team,
    days,
    then,
    with_charter,
    with_member,
)

NO_SHOWS = GoalDraft("Reduce no-shows", "No-show rate below 8%", TODAY + days(120))
DIABETES = GoalDraft("Close diabetes care gaps", "HbA1c recorded for 90%", TODAY + days(200))


def reviewed(
    state: Team, *, on: object = None, outcome: ReviewOutcome = ReviewOutcome.REAFFIRMED
) -> Team:
    command = ReviewCharter(outcome=outcome, actor=ADMIN, reviewed_on=on)  # type: ignore[arg-type]
    return then(state, decide_review_charter(state, command, now=T0))


def goal_moved(state: Team, to: GoalStatus, goal_id: str = "goal-1") -> Team:
    return then(state, decide_change_goal_status(state, ChangeGoalStatus(goal_id, to, ADMIN)))


# ---- revisions -----------------------------------------------------------------------------


def test_the_first_charter_is_revision_1_and_is_due_for_review_one_cadence_later() -> None:
    events = decide_revise_charter(a_team(), a_charter(NO_SHOWS, DIABETES), now=T0)
    assert events == [
        CharterRevised(
            team_id="team-1",
            revision=1,
            vision="Every patient knows who to call",
            goals=[
                CharterGoal(
                    goal_id="goal-1",
                    title="Reduce no-shows",
                    measure="No-show rate below 8%",
                    due_date=TODAY + days(120),
                ),
                CharterGoal(
                    goal_id="goal-2",
                    title="Close diabetes care gaps",
                    measure="HbA1c recorded for 90%",
                    due_date=TODAY + days(200),
                ),
            ],
            norms=["Start huddles on time", "Assume good intent"],
            roles=[
                CharterRole(
                    role=TeamRole.CARE_COORDINATOR, responsibilities=["Runs the morning huddle"]
                )
            ],
            next_review_due=TODAY + days(90),
            revised_by=ADMIN,
        )
    ]
    state = then(a_team(), events)
    assert state.charter is not None and state.charter.revised_on == TODAY
    assert state.next_review_due == TODAY + days(90)


def test_a_new_revision_keeps_named_goals_with_their_status_and_numbers_itself() -> None:
    state = goal_moved(with_charter(a_team(), a_charter(NO_SHOWS)), GoalStatus.AT_RISK)
    kept = GoalDraft("Reduce no-shows", "No-show rate below 6%", TODAY + days(150), "goal-1")
    revision = a_charter(kept, DIABETES, new_goal_ids=("goal-9",))
    [event] = decide_revise_charter(state, revision, now=T0 + days(7))
    assert isinstance(event, CharterRevised) and event.revision == 2
    assert [(g.goal_id, g.measure, g.status) for g in event.goals] == [
        ("goal-1", "No-show rate below 6%", GoalStatus.AT_RISK),
        ("goal-9", "HbA1c recorded for 90%", GoalStatus.ON_TRACK),
    ]
    assert event.next_review_due == TODAY + days(7 + 90)


def test_revising_to_the_very_same_wording_records_nothing() -> None:
    state = with_charter(a_team(), a_charter(NO_SHOWS))
    same = a_charter(GoalDraft(NO_SHOWS.title, NO_SHOWS.measure, NO_SHOWS.due_date, "goal-1"))
    assert decide_revise_charter(state, same, now=T0) == []


@pytest.mark.parametrize(
    ("revision", "complaint"),
    [
        (a_charter(GoalDraft("t", "m", TODAY, "goal-404")), "no goal goal-404"),
        (a_charter(NO_SHOWS, norms=("Be kind", " be kind ")), "norm appears twice"),
        (a_charter(NO_SHOWS, norms=("  ",)), "norm cannot be blank"),
        (
            a_charter(
                NO_SHOWS,
                roles=(
                    RoleDescription(TeamRole.NURSE, ("Triage",)),
                    RoleDescription(TeamRole.NURSE, ("Phones",)),
                ),
            ),
            "described once",
        ),
        (a_charter(GoalDraft("Old", "m", TODAY - days(2))), "due in the past"),
        (a_charter(GoalDraft(" ", "m", TODAY)), "title and a measure"),
    ],
)
def test_a_revision_that_does_not_hold_together_is_refused(
    revision: object, complaint: str
) -> None:
    with pytest.raises(InvalidCharter, match=complaint):
        decide_revise_charter(a_team(), revision, now=T0)  # type: ignore[arg-type]


def test_a_goal_id_cannot_appear_twice_in_one_revision() -> None:
    state = with_charter(a_team(), a_charter(NO_SHOWS))
    twice = GoalDraft("x", "y", TODAY, "goal-1")
    with pytest.raises(InvalidCharter, match="twice"):
        decide_revise_charter(state, a_charter(twice, twice), now=T0)


def test_an_archived_team_cannot_revise_its_charter() -> None:
    state = with_charter(a_team())
    archived = then(state, decide_archive_team(state, ArchiveTeam(actor=ADMIN)))
    with pytest.raises(TeamIsArchived):
        decide_revise_charter(archived, a_charter(DIABETES), now=T0)


# ---- reviews -------------------------------------------------------------------------------


def test_a_review_schedules_the_next_one_a_cadence_after_the_review() -> None:
    state = with_charter(a_team(review_cadence_days=30))
    command = ReviewCharter(ReviewOutcome.NEEDS_REVISION, ADMIN, "Roles unclear", TODAY + days(1))
    events = decide_review_charter(state, command, now=T0 + days(1))
    assert events == [
        CharterReviewed(
            team_id="team-1",
            revision=1,
            outcome=ReviewOutcome.NEEDS_REVISION,
            notes="Roles unclear",
            reviewed_on=TODAY + days(1),
            next_review_due=TODAY + days(31),
            reviewed_by=ADMIN,
        )
    ]
    after = then(state, events)
    assert after.last_revisited_on == TODAY + days(1)
    assert after.next_review_due == TODAY + days(31)


def test_a_cadence_change_after_a_review_counts_from_that_review() -> None:
    state = reviewed(with_charter(a_team()), on=TODAY)
    [event] = decide_update_team(state, UpdateTeam(actor=ADMIN, review_cadence_days=14))
    assert then(state, [event]).next_review_due == TODAY + days(14)


def test_there_is_nothing_to_review_before_the_first_charter() -> None:
    with pytest.raises(NoCharter):
        decide_review_charter(a_team(), ReviewCharter(ReviewOutcome.REAFFIRMED, ADMIN), now=T0)


def test_a_review_cannot_be_dated_in_the_future_or_before_the_last_revisit() -> None:
    state = with_charter(a_team())
    with pytest.raises(InvalidReview, match="future"):
        reviewed(state, on=TODAY + days(2))
    with pytest.raises(InvalidReview, match="last revisited"):
        reviewed(state, on=TODAY - days(1))


# ---- goal status ---------------------------------------------------------------------------


def test_a_goal_status_change_records_from_and_to() -> None:
    state = with_charter(a_team())
    command = ChangeGoalStatus("goal-1", GoalStatus.AT_RISK, ADMIN, note=" Staffing gap ")
    assert decide_change_goal_status(state, command) == [
        GoalStatusChanged(
            team_id="team-1",
            goal_id="goal-1",
            from_status=GoalStatus.ON_TRACK,
            to_status=GoalStatus.AT_RISK,
            note="Staffing gap",
            changed_by=ADMIN,
        )
    ]
    goal = then(state, decide_change_goal_status(state, command)).charter.goal("goal-1")  # type: ignore[union-attr]
    assert goal is not None and goal.status is GoalStatus.AT_RISK


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ((GoalStatus.AT_RISK, GoalStatus.ON_TRACK, GoalStatus.ACHIEVED), True),
        ((GoalStatus.AT_RISK, GoalStatus.DROPPED), True),
        ((GoalStatus.ACHIEVED, GoalStatus.ON_TRACK), False),
        ((GoalStatus.DROPPED, GoalStatus.AT_RISK), False),
        ((GoalStatus.ACHIEVED, GoalStatus.DROPPED), False),
    ],
)
def test_goals_move_between_on_track_and_at_risk_until_achieved_or_dropped(
    path: tuple[GoalStatus, ...], allowed: bool
) -> None:
    state = with_charter(a_team())
    *steps, last = path
    for status in steps:
        state = goal_moved(state, status)
    if allowed:
        goal = goal_moved(state, last).charter.goal("goal-1")  # type: ignore[union-attr]
        assert goal is not None and goal.status is last
    else:
        with pytest.raises(GoalClosed):
            goal_moved(state, last)


def test_closed_statuses_lead_nowhere() -> None:
    assert GOAL_TRANSITIONS[GoalStatus.ACHIEVED] == GOAL_TRANSITIONS[GoalStatus.DROPPED] == set()


def test_setting_a_goal_to_its_current_status_is_refused() -> None:
    with pytest.raises(GoalStatusUnchanged):
        goal_moved(with_charter(a_team()), GoalStatus.ON_TRACK)


def test_an_unknown_goal_has_no_status_to_change() -> None:
    with pytest.raises(GoalNotFound):
        goal_moved(with_charter(a_team()), GoalStatus.AT_RISK, goal_id="goal-404")
    with pytest.raises(GoalNotFound):
        goal_moved(a_team(), GoalStatus.AT_RISK)


# ---- goal owners ---------------------------------------------------------------------------


def owned_goal_team(*owners: str) -> Team:
    state = with_member(with_member(a_team(), AMARA, TeamRole.NURSE), BEN, TeamRole.PHYSICIAN)
    state = with_charter(state, a_charter(NO_SHOWS, DIABETES))
    return then(state, decide_set_goal_owners(state, SetGoalOwners("goal-1", owners, ADMIN)))


def test_a_goal_gets_owners_who_are_on_the_team_and_keeps_them_across_revisions() -> None:
    state = owned_goal_team(AMARA, BEN)
    assert state.charter is not None
    assert state.charter.goal("goal-1").owners == (AMARA, BEN)  # type: ignore[union-attr]
    reworded = GoalDraft("Reduce no-shows", "No-show rate below 6%", TODAY + days(150), "goal-1")
    [revised] = decide_revise_charter(
        state, a_charter(reworded, DIABETES, new_goal_ids=("goal-9",)), now=T0 + days(3)
    )
    assert isinstance(revised, CharterRevised)
    assert [(g.goal_id, g.owners) for g in revised.goals] == [
        ("goal-1", [AMARA, BEN]),
        ("goal-9", []),  # a new goal starts without an owner
    ]


def test_naming_the_same_owners_again_records_nothing_and_an_empty_list_unowns() -> None:
    state = owned_goal_team(AMARA)
    assert decide_set_goal_owners(state, SetGoalOwners("goal-1", [AMARA], ADMIN)) == []
    [event] = decide_set_goal_owners(state, SetGoalOwners("goal-1", [], ADMIN))
    assert isinstance(event, GoalOwnersChanged) and event.owners == []
    assert event.reason is OwnersChangeReason.ASSIGNED


@pytest.mark.parametrize(
    ("owners", "location"),
    [
        ([AMARA, CHLOE], ["body", "owners", "1"]),  # Chloe is not on the team
        ([AMARA, AMARA], ["body", "owners", "1"]),
        ([AMARA, BEN, CHLOE, "u4", "u5", "u6"], ["body", "owners"]),
    ],
)
def test_owners_not_on_the_team_named_twice_or_too_many_are_refused_naming_the_field(
    owners: list[str], location: list[str]
) -> None:
    state = owned_goal_team()
    with pytest.raises(InvalidCharter) as refused:
        decide_set_goal_owners(state, SetGoalOwners("goal-1", owners, ADMIN))
    assert [e["location"] for e in refused.value.extensions["errors"]] == [location]


def test_a_closed_or_unknown_goal_cannot_get_owners() -> None:
    state = goal_moved(owned_goal_team(), GoalStatus.ACHIEVED)
    with pytest.raises(GoalClosed):
        decide_set_goal_owners(state, SetGoalOwners("goal-1", [AMARA], ADMIN))
    with pytest.raises(GoalNotFound):
        decide_set_goal_owners(state, SetGoalOwners("goal-7", [AMARA], ADMIN))


def test_a_leaver_comes_off_the_open_goals_they_own_in_the_same_decision() -> None:
    state = owned_goal_team(AMARA, BEN)
    state = then(state, decide_set_goal_owners(state, SetGoalOwners("goal-2", [AMARA], ADMIN)))
    state = goal_moved(state, GoalStatus.ACHIEVED, "goal-2")  # closed: keeps its record
    removed, *goal_changes = decide_remove_member(state, RemoveMember(AMARA, ADMIN), now=T0)
    assert isinstance(removed, MemberRemoved)
    assert [(e.goal_id, e.owners, e.reason) for e in goal_changes] == [  # type: ignore[attr-defined]
        ("goal-1", [BEN], OwnersChangeReason.LEFT_TEAM)
    ]
    after = then(state, [removed, *goal_changes])
    assert after.charter is not None
    assert [g.owners for g in after.charter.goals] == [(BEN,), (AMARA,)]
