"""Campaign rules as given / when / then."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from huddle_assessments.domain.campaign import (
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
from huddle_shared.contracts.assessments import Anonymity, CampaignClosed, InstrumentKind
from huddle_shared.errors import Conflict, DomainRuleViolated, Forbidden

NOW = datetime(2026, 11, 2, 14, 30, tzinfo=UTC)
OPEN = OpenCampaign(
    campaign_id="c1",
    org_id="o1",
    team_id="t1",
    instrument_id="huddle-team-pulse-v1",
    instrument_kind=InstrumentKind.TEAM_PULSE,
    title="November pulse",
    opens_at=NOW,
    closes_at=NOW + timedelta(days=14),
    anonymity=Anonymity.ANONYMOUS,
    min_group_size=5,
    eligible_count=8,
    actor="lead",
)
GOOD = {"energy": 4, "recognition": 4, "workload": 3, "pride": 5, "recommend": 4}


def opened(**changes: object) -> Campaign:
    command = OpenCampaign(**{**OPEN.__dict__, **changes})
    return evolve(None, decide_open_campaign(None, command, NOW)[0], version=1)


def submit(**changes: object) -> SubmitResponse:
    values: dict[str, object] = {
        "response_id": "r1",
        "respondent_ref": "ref",
        "respondent_group": "other",
        "answers": GOOD,
        "is_eligible": True,
        "already_responded": False,
    }
    values.update(changes)
    return SubmitResponse(**values)  # type: ignore[arg-type]


def test_the_minimum_group_size_is_never_below_three() -> None:
    with pytest.raises(DomainRuleViolated, match="below 3"):
        opened(min_group_size=2)
    assert opened(min_group_size=3).min_group_size == 3


def test_a_campaign_window_must_make_sense() -> None:
    with pytest.raises(DomainRuleViolated, match="close after it opens"):
        opened(closes_at=NOW)
    with pytest.raises(DomainRuleViolated, match="180 days"):
        opened(closes_at=NOW + timedelta(days=200))


def test_settings_lock_at_the_first_response() -> None:
    campaign = opened()
    change = ChangeSettings(Anonymity.CONFIDENTIAL, 7, responses_so_far=0, actor="lead")
    assert decide_change_settings(campaign, change, NOW)
    with pytest.raises(Conflict, match="locked"):
        decide_change_settings(campaign, ChangeSettings(Anonymity.CONFIDENTIAL, 7, 1, "lead"), NOW)


def test_a_response_is_scored_and_names_no_one() -> None:
    event = decide_record_response(opened(), TEAM_PULSE, submit(), NOW)
    assert event.scores.index == 75.0
    assert event.respondent_ref == "ref"
    assert "user" not in event.model_dump_json()
    # Anonymous campaigns record the day, not the minute.
    assert event.recorded_at == datetime(2026, 11, 2, tzinfo=UTC)
    confidential = decide_record_response(
        opened(anonymity=Anonymity.CONFIDENTIAL), TEAM_PULSE, submit(), NOW
    )
    assert confidential.recorded_at == NOW


@pytest.mark.parametrize(
    ("campaign_changes", "submit_changes", "now", "error"),
    [
        ({}, {"is_eligible": False}, NOW, Forbidden),
        ({}, {"already_responded": True}, NOW, Conflict),
        ({}, {}, NOW + timedelta(days=15), Conflict),
        ({"opens_at": NOW + timedelta(days=1)}, {}, NOW, Conflict),
        ({}, {"answers": {**GOOD, "energy": 9}}, NOW, DomainRuleViolated),
        ({}, {"answers": {"energy": 3}}, NOW, DomainRuleViolated),
    ],
)
def test_responses_are_refused_when_they_should_be(
    campaign_changes: dict[str, object],
    submit_changes: dict[str, object],
    now: datetime,
    error: type[Exception],
) -> None:
    with pytest.raises(error):
        decide_record_response(
            opened(**campaign_changes), TEAM_PULSE, submit(**submit_changes), now
        )


def test_every_bad_answer_is_named() -> None:
    with pytest.raises(DomainRuleViolated) as refused:
        decide_record_response(opened(), TEAM_PULSE, submit(answers={"energy": 0, "pride": 6}), NOW)
    items = [e["location"][-1] for e in refused.value.extensions["errors"]]
    assert items == ["energy", "pride", "recognition", "recommend", "workload"]


def test_closing_early_needs_a_person_and_happens_once() -> None:
    campaign = opened()
    with pytest.raises(DomainRuleViolated):
        decide_close_campaign(campaign, CloseCampaign(responded_count=0, actor=None), NOW)
    [closed] = decide_close_campaign(campaign, CloseCampaign(3, "lead"), NOW)
    assert isinstance(closed, CampaignClosed)
    assert closed.reason == "closed_early"
    after = evolve(campaign, closed, version=2)
    assert after.status(NOW) == "closed"
    with pytest.raises(Conflict):
        decide_close_campaign(after, CloseCampaign(3, "lead"), NOW)


def test_the_window_ending_closes_the_campaign_without_a_person() -> None:
    later = NOW + timedelta(days=14, minutes=1)
    [closed] = decide_close_campaign(opened(), CloseCampaign(4, None), later)
    assert isinstance(closed, CampaignClosed)
    assert closed.reason == "window_ended"
    assert closed.closed_at == NOW + timedelta(days=14)
