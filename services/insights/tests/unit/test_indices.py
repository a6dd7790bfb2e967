"""The indices on a hand-computed team (the same numbers are worked through in docs/indices.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from huddle_insights.domain.facts import CampaignResult, Charter, Score, TeamFacts
from huddle_insights.domain.indices import (
    burnout_risk,
    collaboration,
    competencies,
    morale,
    structure,
)

AS_OF = date(2026, 11, 1)


def scores(
    *,
    index: list[float] | None = None,
    overall: list[float] | None = None,
    flags: list[bool] | None = None,
) -> tuple[Score, ...]:
    n = len(index or overall or flags or [])
    return tuple(
        Score(
            overall=overall[i] if overall else None,
            index=index[i] if index else None,
            subscales={},
            flags={"at_or_above_threshold": flags[i]} if flags else {},
            group="other",
        )
        for i in range(n)
    )


def campaign(n: int, kind: str, s: tuple[Score, ...], eligible: int = 8) -> CampaignResult:
    return CampaignResult(
        campaign_id=f"c{n}",
        kind=kind,
        title=kind,
        closed_at=datetime(2026, 6 + n, 1, tzinfo=UTC),
        min_group_size=5,
        eligible=eligible,
        scores=s,
    )


TEAM = TeamFacts(
    team_id="t",
    name="Riverside",
    members=8,
    professions=("nurse",) * 4 + ("physician",) * 2 + ("pharmacist", "social_worker"),
    churn_dates=(
        AS_OF - timedelta(days=10),
        AS_OF - timedelta(days=80),
        AS_OF - timedelta(days=200),
    ),
    charter=Charter(
        has_vision=True,
        goals=2,
        norms=3,
        roles=2,
        last_touched=AS_OF - timedelta(days=120),
        cadence_days=90,
    ),
    campaigns=(
        campaign(1, "team_pulse", scores(index=[75, 50, 50, 62.5, 62.5])),
        campaign(2, "burnout_single_item", scores(flags=[True, True, False, False, True, False])),
        campaign(3, "team_pulse", scores(index=[50, 37.5, 50, 25, 37.5])),
        campaign(4, "psychological_safety", scores(overall=[4, 3.5, 5, 4.5, 3])),
    ),
)


def test_morale_is_the_latest_pulse_with_its_trend() -> None:
    result = morale(TEAM)
    assert result.measured.value == 40.0  # (50 + 37.5 + 50 + 25 + 37.5) / 5
    assert result.level == "fair"
    assert result.trend == -20.0  # from 60.0
    assert result.campaign_id == "c3"


def test_structure_parts() -> None:
    assert structure(TEAM, AS_OF) == {
        "interprofessional_mix": 100.0,  # four professions
        "charter_completeness": 100.0,
        "charter_freshness": 66.7,  # 120 days against a 90-day cadence
        "membership_stability": 75.0,  # two changes in 90 days over 8 members
        "score": 85.4,
    }


def test_collaboration_weights_safety_and_structure_when_teamwork_is_missing() -> None:
    result = collaboration(TEAM, AS_OF)
    # (0.30 * 85.4 + 0.35 * 50.0) / 0.65 = 66.3
    assert result["value"] == 66.3
    assert result["level"] == "fair"
    assert result["notes"] == ["teamwork: no campaign yet"]


def test_burnout_risk_adds_up_its_drivers() -> None:
    result = burnout_risk(TEAM, AS_OF)
    contributions = {d.name: d.contribution for d in result.drivers}
    assert contributions == {
        "burnout_share": 30.0,  # half the team: full weight
        "morale_level": 9.0,  # 15 * (1 - 0.40)
        "morale_decline": 10.0,  # a 20-point drop
        "psychological_safety": 7.5,  # 15 * (1 - 0.50)
        "role_churn": 8.3,  # 10 * (0.25 / 0.3)
        "stale_charter": 3.3,  # 10 * (1 - 0.667)
        # The latest campaign is the only psychological-safety one: nothing of its kind to
        # compare its participation with, so the driver has no data and no weight.
        "falling_participation": None,
    }
    assert result.value == 75.7  # 68.1 points over the 90 weight of the drivers with data
    assert result.level == "high"
    assert result.confidence == "high"


def test_drivers_without_enough_responses_say_so_and_do_not_count() -> None:
    thin = TeamFacts(
        team_id="t",
        name="Small",
        members=4,
        professions=("nurse",) * 4,
        churn_dates=(),
        charter=None,
        campaigns=(campaign(1, "burnout_single_item", scores(flags=[True, True, True]), 4),),
    )
    result = burnout_risk(thin, AS_OF)
    share = result.driver("burnout_share")
    assert share.status == "suppressed"
    assert share.value is None
    assert "too few" in share.detail
    assert result.driver("morale_level").status == "insufficient_data"
    # Only churn (0) and a missing charter (full 10) have data, both about structure: with no
    # survey-based driver there is no evidence about the people, so there is no score at all.
    assert result.value is None
    assert result.level is None
    assert result.confidence == "none"
    assert result.reason is not None and "unavailable" in result.reason
    assert not result.alertable


def test_a_new_team_with_no_members_and_no_charter_has_no_risk_and_nothing_to_alert() -> None:
    empty = TeamFacts("t", "New", 0, (), (), None, ())
    result = burnout_risk(empty, AS_OF)
    assert (result.value, result.level, result.alertable) == (None, None, False)


def test_one_survey_driver_is_low_confidence_and_not_alertable() -> None:
    one = TeamFacts(
        "t",
        "One",
        6,
        ("nurse",) * 6,
        (),
        None,
        (campaign(1, "burnout_single_item", scores(flags=[True] * 6), 6),),
    )
    result = burnout_risk(one, AS_OF)
    assert result.level == "high"
    assert result.confidence == "low"
    assert not result.alertable
    two = TeamFacts(
        "t",
        "Two",
        6,
        ("nurse",) * 6,
        (),
        None,
        (
            campaign(1, "burnout_single_item", scores(flags=[True] * 6), 6),
            campaign(2, "team_pulse", scores(index=[20.0] * 6), 6),
        ),
    )
    assert burnout_risk(two, AS_OF).confidence == "moderate"
    assert burnout_risk(two, AS_OF).alertable


def test_participation_is_compared_only_between_campaigns_of_the_same_instrument() -> None:
    full_pulse = campaign(1, "team_pulse", scores(index=[50.0] * 8), 8)
    half_check = campaign(2, "relational_leadership", scores(index=[50.0] * 4), 8)
    mixed = TeamFacts("t", "T", 8, (), (), None, (full_pulse, half_check))
    driver = burnout_risk(mixed, AS_OF).driver("falling_participation")
    assert driver.status == "insufficient_data"
    assert driver.contribution is None
    half_pulse = campaign(3, "team_pulse", scores(index=[50.0] * 4), 8)
    pulses = TeamFacts("t", "T", 8, (), (), None, (full_pulse, half_check, half_pulse))
    driver = burnout_risk(pulses, AS_OF).driver("falling_participation")
    assert driver.value == -0.5  # pulse to pulse: 100 % then 50 %
    assert driver.contribution == 10.0


@pytest.mark.parametrize(
    ("previous", "level", "published"),
    [
        (None, "low", None),
        (None, "moderate", "rose"),
        ("low", "high", "rose"),
        ("moderate", "high", "rose"),
        ("high", "high", None),
        ("high", "moderate", "lowered"),
        ("high", "low", "resolved"),
        ("moderate", "low", "resolved"),
        ("low", "low", None),
    ],
)
def test_what_each_level_change_publishes(
    previous: str | None, level: str, published: str | None
) -> None:
    from huddle_insights.application.alerts import change_of

    assert change_of(previous, level) == published


@pytest.mark.parametrize(("value", "level"), [(34.9, "low"), (35, "moderate"), (60, "high")])
def test_risk_levels(value: float, level: str) -> None:
    from huddle_insights.domain.indices import risk_level

    assert risk_level(value) == level


def test_competencies_come_from_the_latest_self_check_and_respect_the_threshold() -> None:
    leadership = tuple(
        Score(
            overall=None,
            index=None,
            group="other",
            flags={},
            subscales={"managing_self": v, "advocacy": 5 - v},
        )
        for v in (3.0, 4.0, 3.5, 4.5, 4.0)
    )
    facts = TeamFacts(
        "t", "T", 5, (), (), None, (campaign(1, "relational_leadership", leadership),)
    )
    result = competencies(facts)
    assert result["managing_self"]["value"] == 3.8
    assert result["advocacy"]["value"] == 1.2
    assert result["coaching_mentoring"]["suppressed"] is True
