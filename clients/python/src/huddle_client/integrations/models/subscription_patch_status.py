from typing import Literal

SubscriptionPatchStatus = Literal["active", "paused"]

SUBSCRIPTION_PATCH_STATUS_VALUES: set[SubscriptionPatchStatus] = {
    "active",
    "paused",
}


def check_subscription_patch_status(value: str) -> SubscriptionPatchStatus:
    if value in SUBSCRIPTION_PATCH_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_PATCH_STATUS_VALUES!r}"
    )
