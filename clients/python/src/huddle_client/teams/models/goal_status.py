from typing import Literal

GoalStatus = Literal["achieved", "at_risk", "dropped", "on_track"]

GOAL_STATUS_VALUES: set[GoalStatus] = {
    "achieved",
    "at_risk",
    "dropped",
    "on_track",
}


def check_goal_status(value: str) -> GoalStatus:
    if value in GOAL_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GOAL_STATUS_VALUES!r}")
