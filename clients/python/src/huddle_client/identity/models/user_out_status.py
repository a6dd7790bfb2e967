from typing import Literal

UserOutStatus = Literal["active", "deactivated", "erased"]

USER_OUT_STATUS_VALUES: set[UserOutStatus] = {
    "active",
    "deactivated",
    "erased",
}


def check_user_out_status(value: str) -> UserOutStatus:
    if value in USER_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USER_OUT_STATUS_VALUES!r}")
