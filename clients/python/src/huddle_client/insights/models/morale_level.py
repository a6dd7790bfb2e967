from typing import Literal

MoraleLevel = Literal["fair", "good", "low"]

MORALE_LEVEL_VALUES: set[MoraleLevel] = {
    "fair",
    "good",
    "low",
}


def check_morale_level(value: str) -> MoraleLevel:
    if value in MORALE_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MORALE_LEVEL_VALUES!r}")
