"""A team's action, decided and folded without I/O: rules, refusals, the leaver, and properties
that hold whatever sequence of commands is tried.

- The status only ever moves along proposed -> committed -> in_progress -> done, or to dropped
  from an open status; done and dropped never move again and refuse every change.
- Owners are always members of the team when they are given the action, at most five, never
  repeated; a leaver is taken off open actions only.
- A refused command raises a domain error and records nothing; folding the decided events gives
  the state the next decision starts from, and every event survives a trip through JSON.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.practice import (
    OPEN_ACTION_STATUSES,
    ActionOwnersChanged,
    ActionPrompt,
    ActionStatus,
    DashboardDriver,
    OwnersChangeReason,
    PromptKind,
)
from huddle_shared.contracts.teams import TeamRole
from huddle_shared.errors import HuddleError
from huddle_shared.events import DomainEvent
from huddle_teams.domain import action_plan as d
from huddle_teams.domain.errors import (
    ActionClosed,
    InvalidAction,
    InvalidActionTransition,
    TeamIsArchived,
)
from huddle_teams.domain.state import Team
from huddle_teams.domain.team import ArchiveTeam, decide_archive_team

from .builders import (
    ADMIN,
    AMARA,
    BEN,
    CHLOE,
    T0,
    TODAY,
    a_team,
    days,
    then,
    with_charter,
    with_member,
)

DRIVER = ActionPrompt(kind=PromptKind.DRIVER, driver=DashboardDriver.BURNOUT_SHARE)


def team() -> Team:
    state = with_member(a_team(), AMARA, TeamRole.CLINICAL_LEAD)
    state = with_member(state, BEN, TeamRole.NURSE)
    return with_charter(state)


def create(**changes: object) -> d.CreateAction:
    command = d.CreateAction(
        action_id="action-1",
        title="  Protect the lunch break ",
        why="Burnout share rose",
        owners=(BEN,),
        due_date=TODAY + days(30),
        status=ActionStatus.COMMITTED,
        prompted_by=DRIVER,
        goal_ids=(),
        actor=AMARA,
    )
    return replace(command, **changes)  # type: ignore[arg-type]


def fold(
    events: list[DomainEvent], state: d.Action | None = None, *, at: datetime = T0
) -> d.Action:
    for event in events:
        state = d.evolve(state, event, at=at, version=(state.version if state else 0) + 1)
    assert state is not None
    return state


def an_action(state: Team | None = None, **changes: object) -> d.Action:
    return fold(d.decide_create_action(state or team(), create(**changes), now=T0))


def field_of(error: HuddleError) -> list[str]:
    locations: list[list[str]] = [e["location"] for e in error.extensions["errors"]]
    return locations[0]


def test_an_action_is_created_committed_with_trimmed_wording_and_its_prompt() -> None:
    action = an_action()
    assert action.title == "Protect the lunch break" and action.status is ActionStatus.COMMITTED
    assert action.owners == (BEN,) and action.prompted_by == DRIVER and action.created_on == TODAY
    assert action.is_open and not action.overdue(TODAY + days(30))
    assert action.overdue(TODAY + days(31))


@pytest.mark.parametrize(
    ("changes", "location"),
    [
        ({"owners": (CHLOE,)}, ["body", "owners", "0"]),
        ({"owners": (BEN, BEN)}, ["body", "owners", "1"]),
        ({"owners": ()}, ["body", "owners"]),
        ({"owners": (BEN, AMARA, "x", "y", "z", "w")}, ["body", "owners"]),
        ({"due_date": TODAY - days(2)}, ["body", "due_date"]),
        ({"title": "   "}, ["body", "title"]),
        ({"goal_ids": ("no-such-goal",)}, ["body", "goal_ids", "0"]),
        ({"goal_ids": ("goal-1", "goal-1")}, ["body", "goal_ids", "1"]),
        (
            {"prompted_by": ActionPrompt(kind=PromptKind.GOAL, driver=DashboardDriver.ROLE_CHURN)},
            ["body", "prompted_by", "driver"],
        ),
        (
            {"prompted_by": ActionPrompt(kind=PromptKind.GOAL, goal_id="nope")},
            ["body", "prompted_by", "goal_id"],
        ),
        (
            {"prompted_by": ActionPrompt(kind=PromptKind.CAMPAIGN, campaign_id="not-a-uuid")},
            ["body", "prompted_by", "campaign_id"],
        ),
        ({"status": ActionStatus.DONE}, ["body", "status"]),
    ],
)
def test_a_bad_action_is_refused_naming_the_field(
    changes: dict[str, object], location: list[str]
) -> None:
    with pytest.raises(InvalidAction) as refused:
        d.decide_create_action(team(), create(**changes), now=T0)
    assert field_of(refused.value) == location


def test_a_goal_prompt_and_linked_goals_must_be_goals_of_the_current_charter() -> None:
    action = an_action(
        prompted_by=ActionPrompt(kind=PromptKind.GOAL, goal_id="goal-1"), goal_ids=("goal-1",)
    )
    assert action.goal_ids == ("goal-1",)


def test_the_lifecycle_and_a_closed_action_refuses_everything() -> None:
    state = team()
    action = an_action(status=ActionStatus.PROPOSED)
    step = d.ChangeActionStatus(status=ActionStatus.IN_PROGRESS, actor=BEN)
    with pytest.raises(InvalidActionTransition):
        d.decide_change_status(action, state, step, now=T0)
    for target in (ActionStatus.COMMITTED, ActionStatus.IN_PROGRESS, ActionStatus.DONE):
        events = d.decide_change_status(
            action, state, d.ChangeActionStatus(status=target, actor=AMARA), now=T0
        )
        action = fold(events, action)
    assert action.status is ActionStatus.DONE and action.closed_on == TODAY
    with pytest.raises(ActionClosed):
        d.decide_check_in(action, state, d.RecordCheckIn("c", "late", BEN), now=T0)
    with pytest.raises(ActionClosed):
        d.decide_set_owners(action, state, d.SetOwners((AMARA,), AMARA))
    with pytest.raises(ActionClosed):
        d.decide_revise_action(action, state, d.ReviseAction(AMARA, title="x"), now=T0)
    with pytest.raises(ActionClosed):
        d.decide_change_status(
            action, state, d.ChangeActionStatus(ActionStatus.DROPPED, AMARA, "no"), now=T0
        )


def test_dropping_needs_a_reason_and_keeps_it() -> None:
    state, action = team(), an_action()
    with pytest.raises(InvalidAction) as refused:
        d.decide_change_status(
            action, state, d.ChangeActionStatus(ActionStatus.DROPPED, AMARA), now=T0
        )
    assert field_of(refused.value) == ["body", "reason"]
    dropped = fold(
        d.decide_change_status(
            action,
            state,
            d.ChangeActionStatus(ActionStatus.DROPPED, AMARA, " rota changed "),
            now=T0,
        ),
        action,
    )
    assert dropped.drop_reason == "rota changed" and not dropped.is_open


def test_check_ins_are_dated_between_the_creation_and_today() -> None:
    state, action = team(), an_action()
    for on, location in ((TODAY + days(2), "checked_in_on"), (TODAY - days(1), "checked_in_on")):
        with pytest.raises(InvalidAction) as refused:
            d.decide_check_in(action, state, d.RecordCheckIn("c", "ok", BEN, on), now=T0)
        assert field_of(refused.value) == ["body", location]
    with pytest.raises(InvalidAction):
        d.decide_check_in(action, state, d.RecordCheckIn("c", "  ", BEN), now=T0)
    checked = fold(
        d.decide_check_in(action, state, d.RecordCheckIn("c", " fine ", BEN), now=T0), action
    )
    assert [(c.check_in_id, c.note, c.checked_in_on) for c in checked.check_ins] == [
        ("c", "fine", TODAY)
    ]


def test_an_unchanged_revision_or_owner_list_records_nothing() -> None:
    state, action = team(), an_action()
    assert (
        d.decide_revise_action(
            action, state, d.ReviseAction(AMARA, title="Protect the lunch break"), now=T0
        )
        == []
    )
    assert d.decide_set_owners(action, state, d.SetOwners((BEN,), AMARA)) == []


def test_a_leaver_is_taken_off_open_actions_only() -> None:
    state = team()
    shared = an_action(owners=(BEN, AMARA))
    assert d.decide_owner_left(shared, BEN, actor=ADMIN) == [
        ActionOwnersChanged(
            action_id="action-1",
            team_id=state.id,
            owners=[AMARA],
            reason=OwnersChangeReason.LEFT_TEAM,
            changed_by=ADMIN,
        )
    ]
    assert d.decide_owner_left(shared, CHLOE, actor=ADMIN) == []
    done = fold(
        d.decide_change_status(shared, state, d.ChangeActionStatus(ActionStatus.DONE, BEN), now=T0),
        shared,
    )
    assert d.decide_owner_left(done, BEN, actor=ADMIN) == []


def test_an_archived_team_refuses_changes_to_its_actions() -> None:
    state = team()
    action = an_action(state)
    archived = then(state, decide_archive_team(state, ArchiveTeam(actor=ADMIN)))
    with pytest.raises(TeamIsArchived):
        d.decide_check_in(action, archived, d.RecordCheckIn("c", "x", BEN), now=T0)
    with pytest.raises(TeamIsArchived):
        d.decide_create_action(archived, create(), now=T0)


# ---- properties ----------------------------------------------------------------------------

PEOPLE = (AMARA, BEN, CHLOE, "user-dev")
commands = st.one_of(
    st.builds(
        lambda s, r: ("status", d.ChangeActionStatus(s, AMARA, r)),
        st.sampled_from(list(ActionStatus)),
        st.sampled_from(["", "covered elsewhere"]),
    ),
    st.builds(
        lambda owners: ("owners", d.SetOwners(tuple(owners), AMARA)),
        st.lists(st.sampled_from(PEOPLE), max_size=6),
    ),
    st.builds(
        lambda note, offset: ("check_in", d.RecordCheckIn("c", note, BEN, TODAY + days(offset))),
        st.sampled_from(["", "going well"]),
        st.integers(-2, 2),
    ),
    st.builds(
        lambda offset, title: (
            "revise",
            d.ReviseAction(AMARA, title=title, due_date=TODAY + days(offset)),
        ),
        st.integers(-5, 60),
        st.sampled_from([None, "Lunch first", "  "]),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(commands, max_size=12))
def test_any_sequence_keeps_the_lifecycle_the_owners_and_the_fold(
    tried: list[tuple[str, object]],
) -> None:
    state = team()
    action = an_action(state)
    for kind, command in tried:
        before = action
        try:
            match kind:
                case "status":
                    assert isinstance(command, d.ChangeActionStatus)
                    events = d.decide_change_status(action, state, command, now=T0)
                case "owners":
                    assert isinstance(command, d.SetOwners)
                    events = d.decide_set_owners(action, state, command)
                case "check_in":
                    assert isinstance(command, d.RecordCheckIn)
                    events = d.decide_check_in(action, state, command, now=T0)
                case _:
                    assert isinstance(command, d.ReviseAction)
                    events = d.decide_revise_action(action, state, command, now=T0)
        except HuddleError:
            assert action == before  # a refusal records nothing
            continue
        for event in events:
            model = REGISTRY.decode(
                event.event_type, json.loads(json.dumps(event.model_dump(mode="json")))
            )
            assert model == event
        action = fold(events, action)
        if before.status != action.status:
            assert action.status in d.TRANSITIONS[before.status]
        if before.status not in OPEN_ACTION_STATUSES:
            assert action == before
        assert set(action.owners) <= {m.user_id for m in state.members}
        assert len(set(action.owners)) == len(action.owners) <= 5
        assert action.is_open == (action.closed_on is None)
