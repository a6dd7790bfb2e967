"""Instrument definitions: validated before publication, immutable after it."""

from __future__ import annotations

from huddle_shared.contracts.assessments import InstrumentDefinition, ScoringRule


def definition_problems(definition: InstrumentDefinition) -> list[str]:
    """Every reason a definition cannot be published; empty when it can."""
    problems: list[str] = []
    scale = definition.scale
    if scale.min >= scale.max:
        problems.append("the scale's min must be below its max")
    if scale.max - scale.min > 100:
        problems.append("the scale may span at most 100 points")
    for option in scale.options:
        if not scale.min <= option.value <= scale.max:
            problems.append(f"scale option {option.value} lies outside the scale")
    ids = [item.id for item in definition.items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append("duplicate item ids: " + ", ".join(duplicates))
    known = set(ids)
    subscale_ids = [s.id for s in definition.subscales]
    if len(set(subscale_ids)) != len(subscale_ids):
        problems.append("duplicate subscale ids")
    for subscale in definition.subscales:
        unknown = [i for i in subscale.items if i not in known]
        if unknown:
            problems.append(f"subscale '{subscale.id}' names unknown items: {', '.join(unknown)}")
    if definition.scoring == ScoringRule.THRESHOLD:
        if len(definition.items) != 1:
            problems.append("the threshold rule scores exactly one item")
        if definition.threshold is None or not scale.min <= definition.threshold <= scale.max:
            problems.append("the threshold rule needs a threshold within the scale")
        if any(item.reverse_scored for item in definition.items):
            problems.append("a threshold item cannot be reverse-scored")
    for band in definition.bands:
        if band.min > band.max:
            problems.append(f"band '{band.label}' has min above max")
    if not any(item.required for item in definition.items):
        problems.append("at least one item must be required")
    return problems
