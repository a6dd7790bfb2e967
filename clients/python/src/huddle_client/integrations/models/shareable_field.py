from typing import Literal

ShareableField = Literal["action.title", "campaign.title", "role_change.reason", "team.name"]

SHAREABLE_FIELD_VALUES: set[ShareableField] = {
    "action.title",
    "campaign.title",
    "role_change.reason",
    "team.name",
}


def check_shareable_field(value: str) -> ShareableField:
    if value in SHAREABLE_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHAREABLE_FIELD_VALUES!r}")
