from typing import Literal

ActionCreateStatusType0 = Literal["committed", "proposed"]

ACTION_CREATE_STATUS_TYPE_0_VALUES: set[ActionCreateStatusType0] = {
    "committed",
    "proposed",
}


def check_action_create_status_type_0(value: str) -> ActionCreateStatusType0:
    if value in ACTION_CREATE_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACTION_CREATE_STATUS_TYPE_0_VALUES!r}"
    )
