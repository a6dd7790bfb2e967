from typing import Literal

CollaborationLevel = Literal["fair", "good", "low"]

COLLABORATION_LEVEL_VALUES: set[CollaborationLevel] = {
    "fair",
    "good",
    "low",
}


def check_collaboration_level(value: str) -> CollaborationLevel:
    if value in COLLABORATION_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COLLABORATION_LEVEL_VALUES!r}")
