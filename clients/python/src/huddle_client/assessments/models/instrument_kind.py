from typing import Literal

InstrumentKind = Literal[
    "burnout_single_item",
    "custom",
    "psychological_safety",
    "relational_leadership",
    "team_pulse",
    "teamwork",
]

INSTRUMENT_KIND_VALUES: set[InstrumentKind] = {
    "burnout_single_item",
    "custom",
    "psychological_safety",
    "relational_leadership",
    "team_pulse",
    "teamwork",
}


def check_instrument_kind(value: str) -> InstrumentKind:
    if value in INSTRUMENT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INSTRUMENT_KIND_VALUES!r}")
