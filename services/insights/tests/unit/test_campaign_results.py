"""A closed campaign's results for health-system IT: the dashboards' numbers and privacy rules."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from huddle_insights.application.facts import ClosedCampaign
from huddle_insights.application.results import results_event
from huddle_insights.domain.facts import CampaignResult, Score, TeamFacts
from huddle_insights.domain.indices import (
    COMPETENCIES,
    burnout_risk,
    campaign_results,
    collaboration,
    competencies,
    morale,
)
from huddle_shared.contracts.insights import CampaignResultsPublished

CLOSED_AT = datetime(2026, 10, 1, 12, tzinfo=UTC)
GROUPS = ("nurse-group-label", "physician-group-label", "pharmacist-group-label")


def score(
    *,
    index: float | None = None,
    overall: float | None = None,
    flag: bool | None = None,
    subscales: dict[str, float] | None = None,
    n: int = 0,
) -> Score:
    return Score(
        overall=overall,
        index=index,
        subscales=subscales or {},
        flags={} if flag is None else {"at_or_above_threshold": flag},
        group=GROUPS[n % len(GROUPS)],
    )


def result(
    kind: str, scores: list[Score], *, eligible: int = 8, min_group_size: int = 5
) -> CampaignResult:
    return CampaignResult(
        campaign_id="c1",
        kind=kind,
        title="A title the event must not carry",
        closed_at=CLOSED_AT,
        min_group_size=min_group_size,
        eligible=eligible,
        scores=tuple(scores),
    )


def pulse(*indices: float) -> list[Score]:
    return [score(index=i, overall=1 + i / 25, n=n) for n, i in enumerate(indices)]


def facts_with(campaign: CampaignResult) -> TeamFacts:
    """A team whose only closed campaign is ``campaign``: what its dashboard would show."""
    return TeamFacts(
        team_id="t1",
        name="Riverside",
        members=8,
        professions=("nurse",) * 8,
        churn_dates=(),
        charter=None,
        campaigns=(campaign,),
    )


def event_of(campaign: CampaignResult) -> CampaignResultsPublished:
    return results_event(ClosedCampaign(org_id="o1", team_id="t1", result=campaign))


def test_at_the_minimum_group_the_scores_are_the_dashboards() -> None:
    campaign = result("team_pulse", pulse(50, 37.5, 50, 25, 37.5))
    event = event_of(campaign)
    assert event.suppressed is False
    assert event.reason is None
    assert event.scores == {"morale": 40.0}
    assert event.scores["morale"] == morale(facts_with(campaign)).measured.value
    assert event.morale_level == "fair"
    assert (event.eligible_count, event.responded_count) == (8, 5)
    assert event.participation_rate == 0.625
    assert event.min_group_size == 5
    assert (event.campaign_id, event.team_id, event.org_id) == ("c1", "t1", "o1")
    assert (event.instrument_kind, event.closed_at) == ("team_pulse", CLOSED_AT)


def test_below_the_minimum_group_every_score_is_withheld() -> None:
    event = event_of(result("team_pulse", pulse(90, 20, 60, 40)))
    assert event.suppressed is True
    assert event.scores == {"morale": None}
    assert event.morale_level is None
    assert event.reason == "suppressed: too few responses (fewer than 5)"
    # Participation is a count of people, which the dashboards show too.
    assert (event.responded_count, event.participation_rate) == (4, 0.5)


def test_a_campaign_without_responses_is_withheld() -> None:
    event = event_of(result("psychological_safety", []))
    assert event.suppressed is True
    assert event.reason == "no responses"
    assert event.scores == {"psychological_safety": None}
    assert event.participation_rate == 0.0


@pytest.mark.parametrize(
    ("min_group_size", "respondents", "suppressed"), [(2, 2, True), (2, 3, False)]
)
def test_the_absolute_floor_of_three_holds_whatever_the_setting(
    min_group_size: int, respondents: int, suppressed: bool
) -> None:
    campaign = result("team_pulse", pulse(*[80.0] * respondents), min_group_size=min_group_size)
    event = event_of(campaign)
    assert event.suppressed is suppressed
    assert event.min_group_size == 3
    assert event.scores == {"morale": None if suppressed else 80.0}


def test_each_instrument_gives_the_scores_its_dashboard_shows() -> None:
    safety = result("psychological_safety", [score(overall=v) for v in (4, 3.5, 5, 4.5, 3)])
    teamwork = result("teamwork", [score(overall=v) for v in (4, 4, 3, 5, 4)])
    share = result(
        "burnout_single_item", [score(flag=f) for f in (True, True, False, False, True, False)]
    )
    values = (3, 4, 3.5, 4.5, 4)
    leadership = result(
        "relational_leadership",
        [score(overall=v, subscales=dict.fromkeys(COMPETENCIES, v)) for v in values],
    )

    components = collaboration(facts_with(safety), date(2026, 10, 2))["components"]
    assert isinstance(components, dict)
    assert event_of(safety).scores == {"psychological_safety": 50.0}
    assert components["psychological_safety"]["value"] == 50.0

    components = collaboration(facts_with(teamwork), date(2026, 10, 2))["components"]
    assert isinstance(components, dict)
    assert event_of(teamwork).scores == {"teamwork": 75.0}
    assert components["teamwork"]["value"] == 75.0

    assert event_of(share).scores == {"burnout_share": 0.5}
    assert burnout_risk(facts_with(share), date(2026, 10, 2)).driver("burnout_share").value == 0.5

    shown = event_of(leadership).scores
    assert shown == dict.fromkeys(COMPETENCIES, 3.8)
    assert shown == {c: m["value"] for c, m in competencies(facts_with(leadership)).items()}

    assert event_of(result("custom", [score(overall=3)] * 5)).scores == {}


def test_a_score_too_few_people_gave_is_withheld_on_its_own() -> None:
    """Five responded, but only four answered the competency: that one mean stays hidden."""
    scores = [
        score(subscales={**dict.fromkeys(COMPETENCIES, 4.0)} if n else {"managing_self": 4.0})
        for n in range(5)
    ]
    event = event_of(result("relational_leadership", scores))
    assert event.suppressed is False
    assert event.scores["managing_self"] == 4.0
    assert event.scores["advocacy"] is None


def test_the_event_carries_no_per_response_data() -> None:
    campaign = result("team_pulse", pulse(75, 50, 50, 62.5, 62.5, 100))
    data = event_of(campaign).model_dump(mode="json")
    assert set(data) == {
        "campaign_id",
        "team_id",
        "org_id",
        "instrument_kind",
        "closed_at",
        "eligible_count",
        "responded_count",
        "participation_rate",
        "min_group_size",
        "suppressed",
        "reason",
        "scores",
        "morale_level",
    }
    text = json.dumps(data)
    for label in (*GROUPS, "A title the event must not carry"):
        assert label not in text, "no respondent group and no free text"
    # The only numbers: counts, the rate, the minimum and one mean; no respondent's own score.
    assert data["scores"] == {"morale": 66.7}
    for own in ("75", "62.5", "100"):
        assert own not in json.dumps(data["scores"])


def test_participation_never_exceeds_one() -> None:
    assert campaign_results(result("team_pulse", pulse(*[70.0] * 6), eligible=5)).participation == 1
    assert campaign_results(result("team_pulse", [], eligible=0)).participation is None


def test_the_event_is_additive_safe() -> None:
    """An event written with only the identifying fields still reads (every other has a default)."""
    minimal = CampaignResultsPublished.model_validate(
        {
            "campaign_id": "c1",
            "team_id": "t1",
            "org_id": "o1",
            "instrument_kind": "team_pulse",
            "closed_at": CLOSED_AT.isoformat(),
        }
    )
    assert minimal.scores == {}
    assert minimal.suppressed is False
