from typing import Literal

DashboardDriver = Literal[
    "burnout_share",
    "falling_participation",
    "morale_decline",
    "morale_level",
    "psychological_safety",
    "relational_leadership",
    "role_churn",
    "stale_charter",
    "teamwork",
]

DASHBOARD_DRIVER_VALUES: set[DashboardDriver] = {
    "burnout_share",
    "falling_participation",
    "morale_decline",
    "morale_level",
    "psychological_safety",
    "relational_leadership",
    "role_churn",
    "stale_charter",
    "teamwork",
}


def check_dashboard_driver(value: str) -> DashboardDriver:
    if value in DASHBOARD_DRIVER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DASHBOARD_DRIVER_VALUES!r}")
