"""Scoring, as pure functions checked on hand-computed examples.

- A reverse-scored item counts as ``min + max - x`` (on a 1-7 scale: 8 - x).
- A respondent's overall score is the mean of their answered items; a subscale's is the mean of
  its answered items. Items are found by id, never by position.
- The index rule rescales the overall mean from the scale to 0-100.
- The threshold rule flags a single ordered item at or above the threshold (single-item
  burnout: option 3 or higher counts as symptoms of burnout).
- A team's score is the mean of its respondents' means, not the mean of all answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from statistics import fmean

from huddle_shared.contracts.assessments import (
    InstrumentDefinition,
    ResponseScores,
    ScoringRule,
)

BURNOUT_FLAG = "at_or_above_threshold"


def answer_problems(
    definition: InstrumentDefinition, answers: Mapping[str, object]
) -> dict[str, str]:
    """Problems by item id: missing required items, unknown items, values off the scale."""
    problems: dict[str, str] = {}
    known = {item.id: item for item in definition.items}
    for item_id in answers:
        if item_id not in known:
            problems[item_id] = "not an item of this instrument"
    low, high = definition.scale.min, definition.scale.max
    for item in definition.items:
        value = answers.get(item.id)
        if value is None:
            if item.required:
                problems[item.id] = "is required"
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            problems[item.id] = f"must be a whole number from {low} to {high}"
        elif not low <= value <= high:
            problems[item.id] = f"must be from {low} to {high}"
    return problems


def adjusted(definition: InstrumentDefinition, answers: Mapping[str, int]) -> dict[str, float]:
    """Answers after reverse scoring, by item id."""
    low, high = definition.scale.min, definition.scale.max
    return {
        item.id: float(low + high - answers[item.id] if item.reverse_scored else answers[item.id])
        for item in definition.items
        if item.id in answers
    }


def score_response(definition: InstrumentDefinition, answers: Mapping[str, int]) -> ResponseScores:
    values = adjusted(definition, answers)
    if not values:
        return ResponseScores()
    overall = fmean(values.values())
    subscales = {
        s.id: round(fmean(values[i] for i in s.items if i in values), 4)
        for s in definition.subscales
        if any(i in values for i in s.items)
    }
    index = None
    flags: dict[str, bool] = {}
    if definition.scoring == ScoringRule.INDEX_0_100:
        span = definition.scale.max - definition.scale.min
        index = round((overall - definition.scale.min) / span * 100, 2)
    if definition.scoring == ScoringRule.THRESHOLD and definition.threshold is not None:
        flags[BURNOUT_FLAG] = overall >= definition.threshold
    return ResponseScores(overall=round(overall, 4), index=index, subscales=subscales, flags=flags)


def team_score(respondent_means: Iterable[float]) -> float | None:
    """The mean of each respondent's mean (8.5, 6.75 and 5 give 6.75)."""
    means = list(respondent_means)
    return fmean(means) if means else None


def band_for(definition: InstrumentDefinition, value: float | None) -> str | None:
    if value is None:
        return None
    for band in definition.bands:
        if band.min <= value <= band.max:
            return band.label
    return None
