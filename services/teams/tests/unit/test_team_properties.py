"""Properties of the Team aggregate: any sequence of commands keeps its invariants, and folding
the recorded events again gives the same state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from huddle_shared.contracts.teams import CareSetting, TeamRole
from huddle_shared.errors import HuddleError
from huddle_shared.events import DomainEvent
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
from huddle_teams.domain.state import Team
from huddle_teams.domain.team import (
    ArchiveTeam,
    CreateTeam,
    decide_archive_team,
    decide_create_team,
    evolve,
)

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
USERS = [f"user-{n}" for n in range(5)]
ROLES = [TeamRole.CLINICAL_LEAD, TeamRole.NURSE, TeamRole.CLINICAL_PHARMACIST]

commands = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(USERS), st.sampled_from(ROLES)),
        st.tuples(st.just("change"), st.sampled_from(USERS), st.sampled_from(ROLES)),
        st.tuples(st.just("remove"), st.sampled_from(USERS), st.just(TeamRole.NURSE)),
        st.tuples(st.just("archive"), st.just(""), st.just(TeamRole.NURSE)),
    ),
    max_size=40,
)


def decide(state: Team, command: tuple[str, str, TeamRole], now: datetime) -> list[DomainEvent]:
    kind, user, role = command
    if kind == "add":
        facts = UserFacts(user_id=user, org_id=state.org_id, status=UserStatus.ACTIVE)
        return decide_add_member(
            state, AddMember(user_id=user, role=role, actor="a"), candidate=facts, now=now
        )
    if kind == "change":
        change = ChangeMemberRole(
            user_id=user, role=role, reason="cover", effective_date=now.date(), actor="a"
        )
        return decide_change_member_role(state, change, now=now)
    if kind == "remove":
        return decide_remove_member(state, RemoveMember(user_id=user, actor="a"), now=now)
    return decide_archive_team(state, ArchiveTeam(actor="a", reason="merged"))


@settings(max_examples=200, deadline=None)
@given(commands)
def test_membership_invariants_hold_and_the_fold_is_reproducible(
    script: list[tuple[str, str, TeamRole]],
) -> None:
    created = decide_create_team(
        None,
        CreateTeam(
            team_id="t",
            org_id="o",
            name="Team",
            care_setting=CareSetting.PRIMARY_CARE_CLINIC,
            description="",
            actor="a",
        ),
    )
    history: list[tuple[DomainEvent, datetime]] = [(e, START) for e in created]
    state: Team | None = None
    for version, (event, at) in enumerate(history, start=1):
        state = evolve(state, event, at=at, version=version)
    assert state is not None
    for day, command in enumerate(script, start=1):
        now = START + timedelta(days=day)
        try:
            events = decide(state, command, now)
        except HuddleError:
            continue  # refused commands change nothing
        for event in events:
            history.append((event, now))
            state = evolve(state, event, at=now, version=len(history))

        # Invariants after every accepted command:
        members = [m.user_id for m in state.members]
        assert len(members) == len(set(members)), "one team role per person at a time"
        open_periods = [p for p in state.participations if p.end is None]
        assert sorted(p.user_id for p in open_periods) == sorted(members)
        for member in state.members:
            current = [p for p in open_periods if p.user_id == member.user_id]
            assert [p.role for p in current] == [member.role]
        if state.is_archived:
            assert command[0] == "archive" or state.archived_at is not None
        assert state.version == len(history)

    refolded: Team | None = None
    for version, (event, at) in enumerate(history, start=1):
        refolded = evolve(refolded, event, at=at, version=version)
    assert refolded == state


@settings(max_examples=50, deadline=None)
@given(commands)
def test_an_archived_team_refuses_every_further_change(
    script: list[tuple[str, str, TeamRole]],
) -> None:
    created = decide_create_team(
        None,
        CreateTeam(
            team_id="t",
            org_id="o",
            name="Team",
            care_setting=CareSetting.PRIMARY_CARE_CLINIC,
            description="",
            actor="a",
        ),
    )
    state = evolve(None, created[0], at=START, version=1)
    archived = decide_archive_team(state, ArchiveTeam(actor="a", reason=""))
    state = evolve(state, archived[0], at=START, version=2)
    for command in script:
        try:
            events = decide(state, command, START + timedelta(days=1))
        except HuddleError:
            continue
        assert events == [], f"{command} was accepted by an archived team"
