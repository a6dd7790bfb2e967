"""Membership rules, decided from directory facts passed in: no lookups inside the domain."""

from __future__ import annotations

import pytest

from huddle_shared.contracts.teams import (
    MemberAdded,
    MemberRemoved,
    MemberRoleChanged,
    RoleChangeCategory,
    TeamRole,
)
from huddle_teams.domain.errors import (
    AlreadyAMember,
    InvalidEffectiveDate,
    InvalidRoleChange,
    NotAMember,
    RoleUnchanged,
    TeamIsArchived,
    UnknownUser,
    UserNotActive,
)
from huddle_teams.domain.membership import (
    AddMember,
    ChangeMemberRole,
    RemoveMember,
    UserFacts,
    UserStatus,
    decide_add_member,
    decide_change_member_role,
    decide_remove_member,
)
from huddle_teams.domain.state import Participation
from huddle_teams.domain.team import ArchiveTeam, decide_archive_team

from .builders import (
    ADMIN,
    AMARA,
    BEN,
    T0,
    TODAY,
    a_team,
    active,
    days,
    then,
    with_member,
)

ADD_AMARA = AddMember(user_id=AMARA, role=TeamRole.CLINICAL_PHARMACIST, actor=ADMIN)


def promote(user_id: str = AMARA, **changes: object) -> ChangeMemberRole:
    values: dict[str, object] = {
        "user_id": user_id,
        "role": TeamRole.CLINICAL_LEAD,
        "reason": "Leads the medication reconciliation work",
        "effective_date": TODAY,
        "actor": ADMIN,
    }
    return ChangeMemberRole(**{**values, **changes})  # type: ignore[arg-type]


# ---- joining -------------------------------------------------------------------------------


def test_an_active_person_of_the_organisation_joins_from_today() -> None:
    events = decide_add_member(a_team(), ADD_AMARA, candidate=active(AMARA), now=T0)
    assert events == [
        MemberAdded(
            team_id="team-1",
            user_id=AMARA,
            role=TeamRole.CLINICAL_PHARMACIST,
            effective_date=TODAY,
            added_by=ADMIN,
        )
    ]
    after = then(a_team(), events)
    assert after.role_of(AMARA) is TeamRole.CLINICAL_PHARMACIST
    assert after.participations == (Participation(AMARA, TeamRole.CLINICAL_PHARMACIST, TODAY),)


def test_a_member_cannot_join_the_same_team_twice() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE)
    with pytest.raises(AlreadyAMember):
        decide_add_member(state, ADD_AMARA, candidate=active(AMARA), now=T0)


def test_a_person_the_directory_does_not_know_cannot_join() -> None:
    with pytest.raises(UnknownUser):
        decide_add_member(a_team(), ADD_AMARA, candidate=None, now=T0)


def test_a_person_of_another_organisation_reads_as_unknown() -> None:
    with pytest.raises(UnknownUser) as refused:
        decide_add_member(a_team(), ADD_AMARA, candidate=active(AMARA, "org-2"), now=T0)
    assert "org-2" not in str(refused.value)


@pytest.mark.parametrize("status", [UserStatus.DEACTIVATED, UserStatus.ERASED])
def test_a_person_who_is_not_active_cannot_join(status: UserStatus) -> None:
    facts = UserFacts(user_id=AMARA, org_id="org-1", status=status)
    with pytest.raises(UserNotActive, match=status.value):
        decide_add_member(a_team(), ADD_AMARA, candidate=facts, now=T0)


def test_no_one_joins_an_archived_team() -> None:
    archived = then(a_team(), decide_archive_team(a_team(), ArchiveTeam(actor=ADMIN)))
    with pytest.raises(TeamIsArchived):
        decide_add_member(archived, ADD_AMARA, candidate=active(AMARA), now=T0)


def test_joining_may_be_backdated_but_not_dated_in_the_future() -> None:
    backdated = AddMember(AMARA, TeamRole.NURSE, ADMIN, effective_date=TODAY - days(30))
    [event] = decide_add_member(a_team(), backdated, candidate=active(AMARA), now=T0)
    assert isinstance(event, MemberAdded) and event.effective_date == TODAY - days(30)
    # Tomorrow is today somewhere east of UTC; the day after is not.
    tomorrow = AddMember(AMARA, TeamRole.NURSE, ADMIN, effective_date=TODAY + days(1))
    assert decide_add_member(a_team(), tomorrow, candidate=active(AMARA), now=T0)
    later = AddMember(AMARA, TeamRole.NURSE, ADMIN, effective_date=TODAY + days(2))
    with pytest.raises(InvalidEffectiveDate):
        decide_add_member(a_team(), later, candidate=active(AMARA), now=T0)


# ---- changing roles ------------------------------------------------------------------------


def test_a_role_change_records_both_roles_the_reason_the_date_and_who() -> None:
    state = with_member(a_team(), AMARA, TeamRole.CLINICAL_PHARMACIST, since=TODAY - days(60))
    events = decide_change_member_role(state, promote(effective_date=TODAY - days(5)), now=T0)
    assert events == [
        MemberRoleChanged(
            team_id="team-1",
            user_id=AMARA,
            from_role=TeamRole.CLINICAL_PHARMACIST,
            to_role=TeamRole.CLINICAL_LEAD,
            reason="Leads the medication reconciliation work",
            effective_date=TODAY - days(5),
            changed_by=ADMIN,
            category=RoleChangeCategory.OTHER,
        )
    ]


def test_a_role_change_closes_one_period_and_opens_the_next_on_its_effective_date() -> None:
    state = with_member(a_team(), AMARA, TeamRole.CLINICAL_PHARMACIST, since=TODAY - days(60))
    after = then(state, decide_change_member_role(state, promote(effective_date=TODAY), now=T0))
    assert after.participations == (
        Participation(AMARA, TeamRole.CLINICAL_PHARMACIST, TODAY - days(60), TODAY),
        Participation(AMARA, TeamRole.CLINICAL_LEAD, TODAY),
    )


def test_a_member_holds_one_team_role_at_a_time() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE)
    after = then(state, decide_change_member_role(state, promote(), now=T0))
    assert [(m.user_id, m.role) for m in after.members] == [(AMARA, TeamRole.CLINICAL_LEAD)]


def test_changing_to_the_role_already_held_is_refused() -> None:
    state = with_member(a_team(), AMARA, TeamRole.CLINICAL_LEAD)
    with pytest.raises(RoleUnchanged):
        decide_change_member_role(state, promote(), now=T0)


def test_only_a_member_can_change_role() -> None:
    with pytest.raises(NotAMember):
        decide_change_member_role(a_team(), promote(), now=T0)


def test_a_role_change_needs_a_reason() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE)
    with pytest.raises(InvalidRoleChange):
        decide_change_member_role(state, promote(reason="   "), now=T0)


def test_a_role_change_cannot_take_effect_before_the_current_role_began() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE, since=TODAY - days(10))
    with pytest.raises(InvalidEffectiveDate, match="current role began"):
        decide_change_member_role(state, promote(effective_date=TODAY - days(11)), now=T0)
    with pytest.raises(InvalidEffectiveDate, match="future"):
        decide_change_member_role(state, promote(effective_date=TODAY + days(2)), now=T0)


# ---- leaving -------------------------------------------------------------------------------


def test_removing_a_member_records_their_last_role_and_closes_their_period() -> None:
    state = with_member(a_team(), AMARA, TeamRole.SOCIAL_WORKER, since=TODAY - days(3))
    events = decide_remove_member(state, RemoveMember(AMARA, ADMIN), now=T0)
    assert events == [
        MemberRemoved(
            team_id="team-1",
            user_id=AMARA,
            role=TeamRole.SOCIAL_WORKER,
            effective_date=TODAY,
            removed_by=ADMIN,
        )
    ]
    after = then(state, events)
    assert after.members == ()
    assert after.participations == (
        Participation(AMARA, TeamRole.SOCIAL_WORKER, TODAY - days(3), TODAY),
    )


def test_only_a_member_can_be_removed() -> None:
    state = with_member(a_team(), BEN, TeamRole.NURSE)
    with pytest.raises(NotAMember):
        decide_remove_member(state, RemoveMember(AMARA, ADMIN), now=T0)


def test_someone_who_left_may_rejoin_in_a_new_period() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE, since=TODAY - days(20))
    state = then(
        state,
        decide_remove_member(state, RemoveMember(AMARA, ADMIN, TODAY - days(10)), now=T0),
    )
    state = with_member(state, AMARA, TeamRole.CARE_COORDINATOR)
    assert state.participations == (
        Participation(AMARA, TeamRole.NURSE, TODAY - days(20), TODAY - days(10)),
        Participation(AMARA, TeamRole.CARE_COORDINATOR, TODAY),
    )
