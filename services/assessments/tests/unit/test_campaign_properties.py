"""Properties of the Campaign aggregate and the responses recorded against it.

Whatever sequence of commands people (and the auto-close task) try, and however the clock moves:

- a refused command raises the domain error the rules call for and emits nothing;
- the minimum group size never drops below three and the window stays at most 180 days;
- anonymity settings never change once the first response is in;
- each eligible member responds at most once, nobody else ever does, and only while open;
- a campaign closes once, never after its window's end, with the true response count;
- anonymous responses carry only the day, never the time;
- folding the campaign's events from scratch gives the live state, and every event survives a
  trip through JSON and its contract model unchanged.

Responses are their own streams (one ``ResponseRecorded`` each), so the test keeps the few facts
the application keeps beside the campaign: who responded (the respondent links) and how many.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import event as tally
from hypothesis import given, settings
from hypothesis import strategies as st

from huddle_assessments.domain.campaign import (
    MAX_WINDOW,
    MIN_GROUP_FLOOR,
    Campaign,
    ChangeSettings,
    CloseCampaign,
    OpenCampaign,
    SubmitResponse,
    decide_change_settings,
    decide_close_campaign,
    decide_open_campaign,
    decide_record_response,
    evolve,
)
from huddle_assessments.domain.seeds import TEAM_PULSE
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.assessments import (
    Anonymity,
    CampaignClosed,
    CampaignOpened,
    CampaignSettingsChanged,
    InstrumentKind,
    ResponseRecorded,
)
from huddle_shared.errors import Conflict, DomainRuleViolated, Forbidden, HuddleError
from huddle_shared.events import DomainEvent

T0 = datetime(2026, 11, 2, 14, 30, tzinfo=UTC)
MEMBERS = [f"member-{n}" for n in range(7)]
ITEMS = [item.id for item in TEAM_PULSE.items]
LOW, HIGH = TEAM_PULSE.scale.min, TEAM_PULSE.scale.max


@dataclass(frozen=True)
class Wait:
    hours: int


@dataclass(frozen=True)
class Settings:
    anonymity: Anonymity
    min_group_size: int


@dataclass(frozen=True)
class Respond:
    member: str
    answers: Mapping[str, object]


@dataclass(frozen=True)
class Close:
    actor: str | None  # None is the auto-close task


Step = Wait | Settings | Respond | Close

valid_answers = st.fixed_dictionaries({item: st.integers(LOW, HIGH) for item in ITEMS})
any_answers = st.dictionaries(
    st.sampled_from([*ITEMS, "bogus"]),
    st.one_of(st.integers(LOW - 1, HIGH + 1), st.booleans(), st.just("4")),
    max_size=len(ITEMS) + 1,
)
step_kinds: dict[str, st.SearchStrategy[Step]] = {
    "wait": st.builds(Wait, st.integers(0, 30)),
    "settings": st.builds(Settings, st.sampled_from(list(Anonymity)), st.integers(1, 8)),
    "respond": st.builds(Respond, st.sampled_from(MEMBERS), st.one_of(valid_answers, any_answers)),
    "close": st.builds(Close, st.sampled_from(["lead", None])),
}


def step_of_kind(kind: str) -> st.SearchStrategy[Step]:
    return step_kinds[kind]


# Responses are most of a campaign's traffic, so most steps are attempts to respond.
steps = st.lists(
    st.sampled_from(["respond"] * 6 + ["wait", "settings", "close"]).flatmap(step_of_kind),
    min_size=4,
    max_size=40,
)
openings = st.builds(
    lambda offset, length, anonymity, size, eligible: OpenCampaign(
        campaign_id="c",
        org_id="o",
        team_id="t",
        instrument_id="huddle-team-pulse-v1",
        instrument_kind=InstrumentKind.TEAM_PULSE,
        title="Pulse",
        opens_at=T0 + timedelta(hours=offset),
        closes_at=T0 + timedelta(hours=offset + length),
        anonymity=anonymity,
        min_group_size=size,
        eligible_count=eligible,
        actor="lead",
    ),
    st.integers(-12, 6),
    st.integers(13, 24 * 5),  # closes after T0 whatever the offset
    st.sampled_from(list(Anonymity)),
    st.integers(MIN_GROUP_FLOOR, 8),
    st.integers(0, len(MEMBERS) - 1),
)


def assert_round_trips(event: DomainEvent) -> None:
    """The event as stored and published (JSON), read back through its contract model."""
    wire = json.loads(json.dumps(event.model_dump(mode="json")))
    assert REGISTRY.decode(event.event_type, wire) == event


def refold(history: list[DomainEvent]) -> Campaign | None:
    state: Campaign | None = None
    for version, event in enumerate(history, start=1):
        state = evolve(state, event, version=version)
    return state


def status(campaign: Campaign, now: datetime) -> str:
    """The status as docs/assessments.md describes it, written out independently."""
    if campaign.closed_at is not None or now >= campaign.closes_at:
        return "closed"
    return "open" if campaign.opens_at <= now else "scheduled"


def answers_are_valid(answers: Mapping[str, object]) -> bool:
    return set(answers) == set(ITEMS) and all(
        type(value) is int and LOW <= value <= HIGH for value in answers.values()
    )


@dataclass
class World:
    """The campaign stream plus what the application keeps beside it."""

    campaign: Campaign
    history: list[DomainEvent]
    eligible: frozenset[str]
    responses: list[ResponseRecorded] = field(default_factory=list)
    responded: set[str] = field(default_factory=set)
    settings_at_first_response: tuple[Anonymity, int] | None = None
    closed: CampaignClosed | None = None

    def expected_refusal(self, step: Step, now: datetime) -> type[HuddleError] | None:
        campaign = self.campaign
        match step:
            case Settings():
                if status(campaign, now) == "closed" or self.responses:
                    return Conflict
                if step.min_group_size < MIN_GROUP_FLOOR:
                    return DomainRuleViolated
            case Respond():
                if status(campaign, now) != "open":
                    return Conflict
                if step.member not in self.eligible:
                    return Forbidden
                if step.member in self.responded:
                    return Conflict
                if not answers_are_valid(step.answers):
                    return DomainRuleViolated
            case Close():
                if campaign.closed_at is not None:
                    return Conflict
                if step.actor is None and now < campaign.closes_at:
                    return DomainRuleViolated
        return None

    def run(self, step: Step, now: datetime) -> None:
        campaign = self.campaign
        match step:
            case Settings():
                events = decide_change_settings(
                    campaign,
                    ChangeSettings(
                        anonymity=step.anonymity,
                        min_group_size=step.min_group_size,
                        responses_so_far=len(self.responses),
                        actor="lead",
                    ),
                    now,
                )
                unchanged = (step.anonymity, step.min_group_size) == (
                    campaign.anonymity,
                    campaign.min_group_size,
                )
                assert len(events) == (0 if unchanged else 1), "a no-op change records nothing"
                self.append(events)
            case Respond():
                response = decide_record_response(
                    campaign,
                    TEAM_PULSE,
                    SubmitResponse(
                        response_id=f"r{len(self.responses)}",
                        respondent_ref=f"ref{len(self.responses)}",
                        respondent_group="other",
                        answers=step.answers,
                        is_eligible=step.member in self.eligible,
                        already_responded=step.member in self.responded,
                    ),
                    now,
                )
                self.check_response(response, now)
                if not self.responses:
                    self.settings_at_first_response = (campaign.anonymity, campaign.min_group_size)
                self.responses.append(response)
                self.responded.add(step.member)
            case Close():
                events = decide_close_campaign(
                    campaign, CloseCampaign(len(self.responses), step.actor), now
                )
                assert len(events) == 1
                closed = events[0]
                assert isinstance(closed, CampaignClosed)
                ended = now >= campaign.closes_at
                assert closed.reason == ("window_ended" if ended else "closed_early")
                assert closed.closed_at == (campaign.closes_at if ended else now)
                assert closed.responded_count == len(self.responses)
                assert closed.eligible_count == campaign.eligible_count
                self.closed = closed
                self.append(events)
            case Wait():
                raise AssertionError("waiting is not a command")

    def append(self, events: list[DomainEvent]) -> None:
        for event in events:
            self.history.append(event)
            self.campaign = evolve(self.campaign, event, version=len(self.history))

    def check_response(self, response: ResponseRecorded, now: datetime) -> None:
        campaign = self.campaign
        assert (response.campaign_id, response.team_id, response.org_id) == (
            campaign.id,
            campaign.team_id,
            campaign.org_id,
        )
        assert response.instrument_kind == campaign.instrument_kind
        if campaign.anonymity == Anonymity.ANONYMOUS:
            assert response.recorded_at == now.replace(hour=0, minute=0, second=0, microsecond=0)
        else:
            assert response.recorded_at == now
        overall, index = response.scores.overall, response.scores.index
        assert overall is not None and LOW <= overall <= HIGH
        assert index is not None and 0 <= index <= 100
        dumped = json.dumps(response.model_dump(mode="json"))
        assert all(member not in dumped for member in MEMBERS), "a response names its author"

    def check_invariants(self) -> None:
        campaign = self.campaign
        assert campaign.min_group_size >= MIN_GROUP_FLOOR
        assert campaign.opens_at < campaign.closes_at <= campaign.opens_at + MAX_WINDOW
        assert campaign.version == len(self.history)
        if self.settings_at_first_response is not None:
            locked = (campaign.anonymity, campaign.min_group_size)
            assert locked == self.settings_at_first_response, "settings moved after a response"
        assert len(self.responses) == len(self.responded) <= len(self.eligible)
        assert self.responded <= self.eligible
        closings = [e for e in self.history if isinstance(e, CampaignClosed)]
        assert len(closings) <= 1
        if closings:
            assert self.history[-1] == closings[0], "nothing happens to a closed campaign"
            assert campaign.closed_at == closings[0].closed_at
            assert campaign.closed_at <= campaign.closes_at
        else:
            assert campaign.closed_at is None
        assert isinstance(self.history[0], CampaignOpened)
        assert sum(isinstance(e, CampaignOpened) for e in self.history) == 1
        assert all(
            isinstance(e, CampaignOpened | CampaignSettingsChanged | CampaignClosed)
            for e in self.history
        )


@settings(max_examples=400, deadline=None)
@given(openings, steps)
def test_any_sequence_of_commands_keeps_the_campaign_rules_and_the_fold_is_reproducible(
    opening: OpenCampaign, script: list[Step]
) -> None:
    history = decide_open_campaign(None, opening, T0)
    world = World(
        campaign=evolve(None, history[0], version=1),
        history=list(history),
        eligible=frozenset(MEMBERS[: opening.eligible_count]),
    )
    world.check_invariants()
    now = T0
    for step in script:
        if isinstance(step, Wait):
            now += timedelta(hours=step.hours)
            continue
        before = (world.campaign, len(world.history), len(world.responses))
        refusal = world.expected_refusal(step, now)
        if refusal is not None:
            with pytest.raises(HuddleError) as refused:
                world.run(step, now)
            assert type(refused.value) is refusal, f"{step} at {now}: {refused.value!r}"
            assert (world.campaign, len(world.history), len(world.responses)) == before
            tally(f"refused {type(step).__name__}: {refusal.__name__}")
            continue
        world.run(step, now)  # accepted: a refusal here fails the test with the domain error
        world.check_invariants()
        tally(f"accepted {type(step).__name__}")

    tally(f"responses: {len(world.responses)}")
    assert refold(world.history) == world.campaign
    for event in [*world.history, *world.responses]:
        assert_round_trips(event)


@settings(max_examples=300, deadline=None)
@given(
    opens_in=st.integers(-24 * 3, 24 * 3),
    length=st.integers(-24, 24 * 200),
    size=st.integers(0, 10),
)
def test_a_campaign_opens_only_with_a_sane_window_and_group_size(
    opens_in: int, length: int, size: int
) -> None:
    opens_at = T0 + timedelta(hours=opens_in)
    closes_at = opens_at + timedelta(hours=length)
    command = OpenCampaign(
        campaign_id="c",
        org_id="o",
        team_id="t",
        instrument_id="i",
        instrument_kind=InstrumentKind.CUSTOM,
        title="Pulse",
        opens_at=opens_at,
        closes_at=closes_at,
        anonymity=Anonymity.ANONYMOUS,
        min_group_size=size,
        eligible_count=4,
        actor="lead",
    )
    acceptable = (
        size >= MIN_GROUP_FLOOR
        and opens_at < closes_at
        and closes_at > T0
        and closes_at - opens_at <= MAX_WINDOW
    )
    try:
        events = decide_open_campaign(None, command, T0)
    except DomainRuleViolated:
        assert not acceptable
        return
    assert acceptable
    assert len(events) == 1
    campaign = evolve(None, events[0], version=1)
    assert (campaign.opens_at, campaign.closes_at, campaign.min_group_size) == (
        opens_at,
        closes_at,
        size,
    )
    assert campaign.closed_at is None
    assert_round_trips(events[0])
    try:
        decide_open_campaign(campaign, command, T0)
    except Conflict:
        pass
    else:
        raise AssertionError("a campaign was opened twice")
