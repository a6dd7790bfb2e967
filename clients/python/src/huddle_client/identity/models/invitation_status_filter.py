from typing import Literal

InvitationStatusFilter = Literal["accepted", "expired", "pending", "revoked"]

INVITATION_STATUS_FILTER_VALUES: set[InvitationStatusFilter] = {
    "accepted",
    "expired",
    "pending",
    "revoked",
}


def check_invitation_status_filter(value: str) -> InvitationStatusFilter:
    if value in INVITATION_STATUS_FILTER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INVITATION_STATUS_FILTER_VALUES!r}"
    )
