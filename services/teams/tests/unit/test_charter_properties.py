"""Properties of the Team aggregate's charter: revisions, reviews, goal statuses and the review
clock, whatever sequence of commands is tried (test_team_properties.py covers membership).

- A refused command raises the domain error the rules call for and records nothing.
- Revisions are numbered 1, 2, 3...; a revision identical to the current charter records nothing.
- Goal ids are unique; a goal's status moves only by its own event (a revision keeps it), along
  on track <-> at risk -> achieved | dropped, and an achieved or dropped goal never moves again.
- Norms are never blank and never repeated (ignoring case).
- The next review is due one cadence after the last revisit (a revision or a review), also after
  the cadence changes; a review is never dated before the last revisit nor in the future.
- An archived team refuses every change.
- Folding the events again gives the same team; every event survives a trip through JSON and its
  contract model unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import event as tally
from hypothesis import given, settings
from hypothesis import strategies as st

from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import (
    CareSetting,
    CharterReviewed,
    CharterRevised,
    GoalStatus,
    GoalStatusChanged,
    ReviewOutcome,
)
from huddle_shared.errors import HuddleError
from huddle_shared.events import DomainEvent
from huddle_teams.domain.charter import (
    GOAL_TRANSITIONS,
    ChangeGoalStatus,
    GoalDraft,
    ReviewCharter,
    ReviseCharter,
    decide_change_goal_status,
    decide_review_charter,
    decide_revise_charter,
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
from huddle_teams.domain.state import Team
from huddle_teams.domain.team import (
    ArchiveTeam,
    CreateTeam,
    UpdateTeam,
    decide_archive_team,
    decide_create_team,
    decide_update_team,
    evolve,
)

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
TITLES = ["Fewer missed follow-ups", "Same-day refills", "Warm handoffs", " "]
NORMS = ["Start huddles on time", "start huddles on time", "Ask before assuming", "Listen", " "]
CLOSED = {GoalStatus.ACHIEVED, GoalStatus.DROPPED}


@dataclass(frozen=True)
class Draft:
    keep: int | None  # index of a current goal to keep, or None for a new goal
    title: str
    due_in_days: int


@dataclass(frozen=True)
class Revise:
    vision: str
    goals: tuple[Draft, ...]
    norms: tuple[str, ...]


@dataclass(frozen=True)
class Review:
    outcome: ReviewOutcome
    dated_days_ago: int


@dataclass(frozen=True)
class SetStatus:
    goal: int  # index into the current goals; past the end names no goal
    status: GoalStatus


@dataclass(frozen=True)
class Cadence:
    days: int


@dataclass(frozen=True)
class Wait:
    days: int


@dataclass(frozen=True)
class Archive:
    pass


Step = Revise | Review | SetStatus | Cadence | Wait | Archive

drafts = st.builds(
    Draft, st.one_of(st.none(), st.integers(0, 2)), st.sampled_from(TITLES), st.integers(-3, 90)
)
kinds: dict[str, st.SearchStrategy[Step]] = {
    "revise": st.builds(
        Revise,
        st.sampled_from(["", "Safe, timely care"]),
        st.lists(drafts, max_size=3).map(tuple),
        st.lists(st.sampled_from(NORMS), max_size=2).map(tuple),
    ),
    "review": st.builds(Review, st.sampled_from(list(ReviewOutcome)), st.integers(-2, 20)),
    "status": st.builds(SetStatus, st.integers(0, 2), st.sampled_from(list(GoalStatus))),
    "cadence": st.builds(Cadence, st.sampled_from([7, 30, 90])),
    "wait": st.builds(Wait, st.integers(0, 40)),
    "archive": st.just(Archive()),
}


def step_of_kind(kind: str) -> st.SearchStrategy[Step]:
    return kinds[kind]


steps = st.lists(
    st.sampled_from(
        ["revise"] * 4 + ["review"] * 3 + ["status"] * 6 + ["cadence", "wait", "wait"]
    ).flatmap(step_of_kind),
    min_size=5,
    max_size=40,
)


def assert_round_trips(event: DomainEvent) -> None:
    wire = json.loads(json.dumps(event.model_dump(mode="json")))
    assert REGISTRY.decode(event.event_type, wire) == event


def goal_id_at(state: Team, index: int) -> str:
    goals = state.charter.goals if state.charter else ()
    return goals[index].goal_id if index < len(goals) else "no-such-goal"


def expected_refusal(state: Team, step: Step, now: datetime) -> type[HuddleError] | None:
    """The rules, written out from the charter module's docstring and docs/teams.md."""
    if isinstance(step, Wait):
        return None
    if state.is_archived:
        return TeamIsArchived
    today = now.date()
    match step:
        case Revise():
            goals = state.charter.goals if state.charter else ()
            kept = [d.keep for d in step.goals if d.keep is not None]
            if any(k >= len(goals) for k in kept) or len(kept) != len(set(kept)):
                return InvalidCharter  # no such goal to keep, or one goal kept twice
            if any(not d.title.strip() for d in step.goals):
                return InvalidCharter
            if any(d.keep is None and d.due_in_days < -1 for d in step.goals):
                return InvalidCharter  # a new goal due in the past (a day's grace)
            norms = [n.strip() for n in step.norms]
            if any(not n for n in norms) or len({n.casefold() for n in norms}) != len(norms):
                return InvalidCharter
        case Review():
            if state.charter is None:
                return NoCharter
            dated = today - timedelta(days=step.dated_days_ago)
            if dated > today + timedelta(days=1):
                return InvalidReview
            if state.last_revisited_on is not None and dated < state.last_revisited_on:
                return InvalidReview
        case SetStatus():
            goals = state.charter.goals if state.charter else ()
            if step.goal >= len(goals):
                return GoalNotFound
            current = goals[step.goal].status
            if current == step.status:
                return GoalStatusUnchanged
            if current in CLOSED:
                return GoalClosed
    return None


def decide(state: Team, step: Step, now: datetime, minted: list[str]) -> list[DomainEvent]:
    match step:
        case Revise():
            drafts = [
                GoalDraft(
                    title=d.title,
                    measure="Audit of the month",
                    due_date=now.date() + timedelta(days=d.due_in_days),
                    goal_id=None if d.keep is None else goal_id_at(state, d.keep),
                )
                for d in step.goals
            ]
            fresh = [f"goal-{len(minted) + n}" for n in range(len(drafts))]
            events = decide_revise_charter(
                state,
                ReviseCharter(
                    vision=step.vision,
                    goals=drafts,
                    norms=step.norms,
                    roles=(),
                    actor="lead",
                    new_goal_ids=fresh,
                ),
                now=now,
            )
            minted.extend(fresh)
            return events
        case Review():
            dated = now.date() - timedelta(days=step.dated_days_ago)
            return decide_review_charter(
                state, ReviewCharter(step.outcome, "lead", reviewed_on=dated), now=now
            )
        case SetStatus():
            change = ChangeGoalStatus(goal_id_at(state, step.goal), step.status, "lead")
            return decide_change_goal_status(state, change)
        case Cadence():
            return decide_update_team(
                state, UpdateTeam(actor="lead", review_cadence_days=step.days)
            )
        case Archive():
            return decide_archive_team(state, ArchiveTeam(actor="lead"))
    raise AssertionError(f"not a command: {step}")


def created_team() -> list[DomainEvent]:
    return decide_create_team(
        None,
        CreateTeam(
            team_id="t",
            org_id="o",
            name="Team",
            care_setting=CareSetting.PRIMARY_CARE_CLINIC,
            description="",
            actor="lead",
        ),
    )


FIRST_CHARTER = Revise(
    vision="Safe, timely care",
    goals=(Draft(None, TITLES[0], 30), Draft(None, TITLES[1], 60)),
    norms=(NORMS[0],),
)


@settings(max_examples=300, deadline=None)
@given(st.booleans(), steps)
def test_the_charter_rules_hold_and_the_fold_is_reproducible(
    chartered: bool, script: list[Step]
) -> None:
    created = created_team()
    history: list[tuple[DomainEvent, datetime]] = [(created[0], START)]
    state = evolve(None, created[0], at=START, version=1)
    now = START
    minted: list[str] = []
    if chartered:  # most commands need a charter with goals: start from one half of the time
        script = [FIRST_CHARTER, *script]
    closed_goals: dict[str, GoalStatus] = {}
    last_revisit: date | None = None

    for step in script:
        if isinstance(step, Wait):
            now += timedelta(days=step.days)
            continue
        before = state
        refusal = expected_refusal(state, step, now)
        if refusal is not None:
            with pytest.raises(HuddleError) as refused:
                decide(state, step, now, minted)
            assert type(refused.value) is refusal, f"{step}: {refused.value!r}"
            assert state == before
            tally(f"refused {type(step).__name__}: {refusal.__name__}")
            continue
        events = decide(state, step, now, minted)
        tally(f"accepted {type(step).__name__}" + ("" if events else " (nothing recorded)"))
        for event in events:
            history.append((event, now))
            state = evolve(state, event, at=now, version=len(history))

        charter = state.charter
        for event in events:
            match event:
                case CharterRevised():
                    assert event.revision == (before.charter.revision if before.charter else 0) + 1
                    last_revisit = now.date()
                case CharterReviewed():
                    assert event.revision == (charter.revision if charter else None)
                    last_revisit = event.reviewed_on
                case GoalStatusChanged():
                    assert event.to_status in GOAL_TRANSITIONS[event.from_status]
        if isinstance(step, Revise) and before.charter is not None and not events:
            # Nothing recorded: the revision must have said exactly what the charter says.
            assert before.charter.revision == (charter.revision if charter else 0)

        # Invariants after every accepted command:
        assert state.version == len(history)
        if charter is not None:
            ids = [g.goal_id for g in charter.goals]
            assert len(ids) == len(set(ids)), "a goal id appears twice"
            assert all(n.strip() == n and n for n in charter.norms)
            assert len({n.casefold() for n in charter.norms}) == len(charter.norms)
            was = {g.goal_id: g.status for g in before.charter.goals} if before.charter else {}
            for goal in charter.goals:
                if goal.goal_id in closed_goals:
                    assert goal.status == closed_goals[goal.goal_id], "a closed goal moved"
                if goal.status in CLOSED:
                    closed_goals[goal.goal_id] = goal.status
                if isinstance(step, Revise) and goal.goal_id in was:
                    assert goal.status == was[goal.goal_id], "a revision moved a goal's status"
        assert state.last_revisited_on == last_revisit
        if state.last_revisited_on is None:
            assert state.next_review_due is None
        else:
            cadence = timedelta(days=state.review_cadence_days)
            assert state.next_review_due == state.last_revisited_on + cadence
        if state.last_review is not None:
            assert state.last_review.reviewed_on <= now.date() + timedelta(days=1)

    refolded: Team | None = None
    for version, (event, at) in enumerate(history, start=1):
        refolded = evolve(refolded, event, at=at, version=version)
    assert refolded == state
    for event, _ in history:
        assert_round_trips(event)


@settings(max_examples=100, deadline=None)
@given(steps)
def test_an_archived_team_refuses_every_charter_change(script: list[Step]) -> None:
    created = created_team()
    state = evolve(None, created[0], at=START, version=1)
    minted: list[str] = []
    first = decide(state, FIRST_CHARTER, START, minted)
    state = evolve(state, first[0], at=START, version=2)
    archived = decide(state, Archive(), START, minted)
    state = evolve(state, archived[0], at=START, version=3)
    for step in script:
        if isinstance(step, Wait):
            continue
        with pytest.raises(TeamIsArchived):
            decide(state, step, START + timedelta(days=1), minted)
