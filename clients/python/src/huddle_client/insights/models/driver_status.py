from typing import Literal

DriverStatus = Literal["insufficient_data", "ok", "suppressed"]

DRIVER_STATUS_VALUES: set[DriverStatus] = {
    "insufficient_data",
    "ok",
    "suppressed",
}


def check_driver_status(value: str) -> DriverStatus:
    if value in DRIVER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DRIVER_STATUS_VALUES!r}")
