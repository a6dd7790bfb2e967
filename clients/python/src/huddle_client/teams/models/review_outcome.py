from typing import Literal

ReviewOutcome = Literal["needs_revision", "reaffirmed", "revised"]

REVIEW_OUTCOME_VALUES: set[ReviewOutcome] = {
    "needs_revision",
    "reaffirmed",
    "revised",
}


def check_review_outcome(value: str) -> ReviewOutcome:
    if value in REVIEW_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REVIEW_OUTCOME_VALUES!r}")
