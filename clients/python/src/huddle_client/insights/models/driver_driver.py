from typing import Literal

DriverDriver = Literal[
    "burnout_share",
    "falling_participation",
    "morale_decline",
    "morale_level",
    "psychological_safety",
    "role_churn",
    "stale_charter",
]

DRIVER_DRIVER_VALUES: set[DriverDriver] = {
    "burnout_share",
    "falling_participation",
    "morale_decline",
    "morale_level",
    "psychological_safety",
    "role_churn",
    "stale_charter",
}


def check_driver_driver(value: str) -> DriverDriver:
    if value in DRIVER_DRIVER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DRIVER_DRIVER_VALUES!r}")
