from typing import Literal

CareTeamStatus = Literal["active", "inactive", "proposed", "suspended"]

CARE_TEAM_STATUS_VALUES: set[CareTeamStatus] = {
    "active",
    "inactive",
    "proposed",
    "suspended",
}


def check_care_team_status(value: str) -> CareTeamStatus:
    if value in CARE_TEAM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CARE_TEAM_STATUS_VALUES!r}")
