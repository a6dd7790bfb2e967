from typing import Literal

DecisionOutcome = Literal["action", "charter_revision", "noted"]

DECISION_OUTCOME_VALUES: set[DecisionOutcome] = {
    "action",
    "charter_revision",
    "noted",
}


def check_decision_outcome(value: str) -> DecisionOutcome:
    if value in DECISION_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECISION_OUTCOME_VALUES!r}")
