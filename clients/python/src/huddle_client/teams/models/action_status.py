from typing import Literal

ActionStatus = Literal["committed", "done", "dropped", "in_progress", "proposed"]

ACTION_STATUS_VALUES: set[ActionStatus] = {
    "committed",
    "done",
    "dropped",
    "in_progress",
    "proposed",
}


def check_action_status(value: str) -> ActionStatus:
    if value in ACTION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACTION_STATUS_VALUES!r}")
