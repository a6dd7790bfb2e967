from typing import Literal

OwnersChangeReason = Literal["assigned", "left_team"]

OWNERS_CHANGE_REASON_VALUES: set[OwnersChangeReason] = {
    "assigned",
    "left_team",
}


def check_owners_change_reason(value: str) -> OwnersChangeReason:
    if value in OWNERS_CHANGE_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OWNERS_CHANGE_REASON_VALUES!r}")
