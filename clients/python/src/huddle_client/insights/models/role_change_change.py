from typing import Literal

RoleChangeChange = Literal["joined", "left", "planned_role_change", "role_changed"]

ROLE_CHANGE_CHANGE_VALUES: set[RoleChangeChange] = {
    "joined",
    "left",
    "planned_role_change",
    "role_changed",
}


def check_role_change_change(value: str) -> RoleChangeChange:
    if value in ROLE_CHANGE_CHANGE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLE_CHANGE_CHANGE_VALUES!r}")
