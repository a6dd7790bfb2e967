from typing import Literal

ScoringRule = Literal["index_0_100", "mean", "threshold"]

SCORING_RULE_VALUES: set[ScoringRule] = {
    "index_0_100",
    "mean",
    "threshold",
}


def check_scoring_rule(value: str) -> ScoringRule:
    if value in SCORING_RULE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCORING_RULE_VALUES!r}")
