"""Scoring on hand-computed examples."""

from __future__ import annotations

import pytest

from huddle_assessments.domain.instruments import definition_problems
from huddle_assessments.domain.scoring import (
    BURNOUT_FLAG,
    answer_problems,
    band_for,
    score_response,
    team_score,
)
from huddle_assessments.domain.seeds import (
    PSYCHOLOGICAL_SAFETY,
    RELATIONAL_LEADERSHIP,
    SEEDS,
    SINGLE_ITEM_BURNOUT,
    TEAM_PULSE,
    TEAMWORK,
)
from huddle_shared.contracts.assessments import (
    InstrumentDefinition,
    InstrumentKind,
    Item,
    Scale,
    ScoringRule,
    Subscale,
)

PS_ANSWERS = {
    "mistakes_held_against": 2,  # reverse: 8 - 2 = 6
    "raise_problems": 6,
    "reject_difference": 1,  # reverse: 7
    "safe_to_risk": 5,
    "hard_to_ask_help": 3,  # reverse: 5
    "no_undermining": 7,
    "skills_valued": 6,
}


def test_psychological_safety_reverse_scores_three_items_as_eight_minus_x() -> None:
    # (6 + 6 + 7 + 5 + 5 + 7 + 6) / 7 = 42 / 7 = 6.0
    assert score_response(PSYCHOLOGICAL_SAFETY, PS_ANSWERS).overall == 6.0


def test_items_are_keyed_by_id_not_by_position() -> None:
    shuffled = dict(reversed(list(PS_ANSWERS.items())))
    assert score_response(PSYCHOLOGICAL_SAFETY, shuffled) == score_response(
        PSYCHOLOGICAL_SAFETY, PS_ANSWERS
    )


def test_team_pulse_is_an_index_from_0_to_100() -> None:
    answers = {"energy": 4, "recognition": 4, "workload": 3, "pride": 5, "recommend": 4}
    scores = score_response(TEAM_PULSE, answers)
    assert scores.overall == 4.0
    assert scores.index == 75.0  # (4 - 1) / (5 - 1) * 100
    assert band_for(TEAM_PULSE, scores.index) == "good"
    lowest = score_response(TEAM_PULSE, dict.fromkeys(answers, 1))
    assert lowest.index == 0.0


def test_teamwork_scores_each_dimension_as_its_mean() -> None:
    answers = {
        "structure_roles": 4,
        "structure_right_people": 2,
        "leadership_plans": 5,
        "leadership_resources": 4,
        "monitoring_awareness": 3,
        "monitoring_share": 3,
        "support_step_in": 5,
        "support_feedback": 5,
        "communication_clear": 2,
        "communication_check": 1,
    }
    scores = score_response(TEAMWORK, answers)
    assert scores.subscales == {
        "team_structure": 3.0,
        "leadership": 4.5,
        "situation_monitoring": 3.0,
        "mutual_support": 5.0,
        "communication": 1.5,
    }
    assert scores.overall == 3.4  # 34 / 10


def test_relational_leadership_scores_the_four_competencies() -> None:
    answers = {item.id: 3 for item in RELATIONAL_LEADERSHIP.items}
    answers.update({"advocacy_voice": 5, "advocacy_mobilise": 4, "advocacy_sustain": 4})
    scores = score_response(RELATIONAL_LEADERSHIP, answers)
    assert set(scores.subscales) == {
        "managing_self",
        "fostering_teamwork",
        "coaching_mentoring",
        "advocacy",
    }
    assert scores.subscales["advocacy"] == pytest.approx(13 / 3, abs=1e-4)
    assert scores.subscales["managing_self"] == 3.0


@pytest.mark.parametrize(("answer", "burnout"), [(1, False), (2, False), (3, True), (5, True)])
def test_single_item_burnout_counts_option_three_or_higher(answer: int, burnout: bool) -> None:
    scores = score_response(SINGLE_ITEM_BURNOUT, {"burnout": answer})
    assert scores.flags == {BURNOUT_FLAG: burnout}


def test_a_team_score_is_the_mean_of_each_respondents_mean() -> None:
    optional = InstrumentDefinition(
        key="org.optional_items",
        title="Optional items",
        kind=InstrumentKind.CUSTOM,
        scale=Scale(min=0, max=10),
        items=[Item(id=f"q{i}", text=f"Q{i}", required=i == 1) for i in range(1, 5)],
        scoring=ScoringRule.MEAN,
    )
    respondents = [
        {"q1": 8, "q2": 9},  # 8.5
        {"q1": 6, "q2": 7, "q3": 7, "q4": 7},  # 6.75
        {"q1": 5},  # 5
    ]
    means = [score_response(optional, r).overall for r in respondents]
    assert means == [8.5, 6.75, 5.0]
    assert team_score(m for m in means if m is not None) == 6.75
    every_answer = [v for r in respondents for v in r.values()]
    assert sum(every_answer) / len(every_answer) == 7.0, "the naive mean would say 7.0"
    assert team_score([]) is None


def test_answers_are_checked_item_by_item() -> None:
    problems = answer_problems(
        TEAM_PULSE,
        {"energy": 6, "recognition": 0, "workload": "4", "pride": True, "extra": 3},
    )
    assert problems == {
        "energy": "must be from 1 to 5",
        "recognition": "must be from 1 to 5",
        "workload": "must be a whole number from 1 to 5",
        "pride": "must be a whole number from 1 to 5",
        "recommend": "is required",
        "extra": "not an item of this instrument",
    }


def test_the_seeded_instruments_are_valid_and_follow_their_structures() -> None:
    for definition in SEEDS.values():
        assert definition_problems(definition) == []
    assert len(PSYCHOLOGICAL_SAFETY.items) == 7
    assert sum(i.reverse_scored for i in PSYCHOLOGICAL_SAFETY.items) == 3
    assert PSYCHOLOGICAL_SAFETY.scale.max == 7
    assert len(SINGLE_ITEM_BURNOUT.scale.options) == 5
    assert len(TEAMWORK.subscales) == 5


def test_invalid_definitions_are_refused_with_reasons() -> None:
    broken = InstrumentDefinition(
        key="org.broken",
        title="Broken",
        kind=InstrumentKind.CUSTOM,
        scale=Scale(min=5, max=5),
        items=[Item(id="a", text="A"), Item(id="a", text="A again")],
        subscales=[Subscale(id="s", title="S", items=["a", "ghost"])],
        scoring=ScoringRule.THRESHOLD,
    )
    problems = definition_problems(broken)
    assert "the scale's min must be below its max" in problems
    assert "duplicate item ids: a" in problems
    assert "subscale 's' names unknown items: ghost" in problems
    assert "the threshold rule scores exactly one item" in problems
    assert "the threshold rule needs a threshold within the scale" in problems
