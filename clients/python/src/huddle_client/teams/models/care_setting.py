from typing import Literal

CareSetting = Literal[
    "ambulatory_care",
    "community_health",
    "home_care",
    "other",
    "primary_care_clinic",
    "urgent_care",
]

CARE_SETTING_VALUES: set[CareSetting] = {
    "ambulatory_care",
    "community_health",
    "home_care",
    "other",
    "primary_care_clinic",
    "urgent_care",
}


def check_care_setting(value: str) -> CareSetting:
    if value in CARE_SETTING_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CARE_SETTING_VALUES!r}")
