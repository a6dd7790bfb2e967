from typing import Literal

RoleChangeCategory = Literal["coverage", "other", "planned_rotation", "promotion", "restructure"]

ROLE_CHANGE_CATEGORY_VALUES: set[RoleChangeCategory] = {
    "coverage",
    "other",
    "planned_rotation",
    "promotion",
    "restructure",
}


def check_role_change_category(value: str) -> RoleChangeCategory:
    if value in ROLE_CHANGE_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLE_CHANGE_CATEGORY_VALUES!r}")
