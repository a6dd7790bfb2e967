from typing import Literal

CollaborationSummaryLevel = Literal["fair", "good", "low"]

COLLABORATION_SUMMARY_LEVEL_VALUES: set[CollaborationSummaryLevel] = {
    "fair",
    "good",
    "low",
}


def check_collaboration_summary_level(value: str) -> CollaborationSummaryLevel:
    if value in COLLABORATION_SUMMARY_LEVEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COLLABORATION_SUMMARY_LEVEL_VALUES!r}"
    )
