"""The insights API's response models: their examples are valid, and what the dashboards' pure
parts build is exactly what the models describe (no field missing, none more)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from huddle_insights.api import examples as ex
from huddle_insights.api import schemas
from huddle_insights.application.dashboards import team_summary
from huddle_insights.domain.facts import CampaignResult, Charter, Score, TeamFacts
from huddle_insights.domain.indices import (
    PULSE,
    SAFETY,
    burnout_risk,
    collaboration,
    competencies,
    morale,
)

AS_OF = date(2026, 11, 30)
RESPONSE_MODELS: list[type[BaseModel]] = [
    schemas.OrgDashboard,
    schemas.OrgHeatmap,
    schemas.TeamDashboard,
    schemas.TeamTrends,
    schemas.OrgTeamPage,
    schemas.ProjectionStatus,
    schemas.Rebuilt,
]


def pulse(*indices: float, eligible: int = 8, days_ago: int = 10) -> CampaignResult:
    return CampaignResult(
        campaign_id=str(uuid.uuid4()),
        kind=PULSE,
        title="Team pulse",
        closed_at=datetime(2026, 11, 30, tzinfo=UTC) - timedelta(days=days_ago),
        min_group_size=5,
        eligible=eligible,
        scores=tuple(
            Score(overall=None, index=i, subscales={}, flags={}, group="nurse") for i in indices
        ),
    )


def safety(*overall: float) -> CampaignResult:
    return CampaignResult(
        campaign_id=str(uuid.uuid4()),
        kind=SAFETY,
        title="Psychological safety",
        closed_at=datetime(2026, 11, 1, tzinfo=UTC),
        min_group_size=5,
        eligible=8,
        scores=tuple(
            Score(overall=o, index=None, subscales={}, flags={}, group="nurse") for o in overall
        ),
    )


def team(*campaigns: CampaignResult, charter: bool = True) -> TeamFacts:
    return TeamFacts(
        team_id=str(uuid.uuid4()),
        name=ex.RIVERSIDE,
        members=8,
        professions=("nurse",) * 5 + ("physician", "nurse_practitioner", None),
        churn_dates=(AS_OF - timedelta(days=20),),
        charter=Charter(
            has_vision=True,
            goals=2,
            norms=3,
            roles=0,
            last_touched=AS_OF - timedelta(days=40),
            cadence_days=90,
        )
        if charter
        else None,
        campaigns=campaigns,
    )


SHOWN = team(pulse(60, 70, 80, 50, 65, days_ago=100), pulse(55, 60, 70, 75, 40), safety(5, 6, 4, 5))
SUPPRESSED = team(pulse(90, 20, 60, eligible=4), safety(5, 6), charter=False)
NO_CAMPAIGN = team(charter=False)


@pytest.mark.parametrize("model", RESPONSE_MODELS, ids=lambda m: m.__name__)
def test_every_example_is_valid_against_its_model(model: type[BaseModel]) -> None:
    examples = model.model_json_schema()["examples"]
    assert examples
    for example in examples:
        model.model_validate(example)


def test_the_models_refuse_a_field_they_do_not_describe() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        schemas.OrgDashboard.model_validate({**ex.ORG_DASHBOARD, "total": 2})
    missing = {k: v for k, v in ex.MORALE.items() if k != "reason"}
    with pytest.raises(ValidationError, match="Field required"):
        schemas.MoraleIndex.model_validate(missing)


@pytest.mark.parametrize(
    "facts", [SHOWN, SUPPRESSED, NO_CAMPAIGN], ids=["shown", "suppressed", "none"]
)
def test_what_the_dashboards_build_is_what_the_models_describe(facts: TeamFacts) -> None:
    summary: dict[str, Any] = team_summary(facts, AS_OF)
    schemas.TeamSummary.model_validate(summary)
    schemas.MoraleIndex.model_validate(morale(facts).as_json())
    schemas.Collaboration.model_validate(collaboration(facts, AS_OF))
    schemas.BurnoutRisk.model_validate(burnout_risk(facts, AS_OF).as_json())
    schemas.Competencies.model_validate(competencies(facts))


def test_a_suppressed_figure_is_null_with_its_reason() -> None:
    summary = schemas.TeamSummary.model_validate(team_summary(SUPPRESSED, AS_OF))
    assert summary.morale.value is None
    assert summary.morale.suppressed is True
    assert summary.morale.reason == "suppressed: too few responses (fewer than 5)"
    assert summary.burnout_risk.value is None
    assert summary.burnout_risk.confidence == "none"
    risk = schemas.BurnoutRisk.model_validate(burnout_risk(SUPPRESSED, AS_OF).as_json())
    statuses = {d.driver: d.status for d in risk.drivers}
    assert statuses["morale_level"] == "suppressed"
    assert statuses["burnout_share"] == "insufficient_data"
