from typing import Literal

OrgRole = Literal["analyst", "member", "org_admin"]

ORG_ROLE_VALUES: set[OrgRole] = {
    "analyst",
    "member",
    "org_admin",
}


def check_org_role(value: str) -> OrgRole:
    if value in ORG_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORG_ROLE_VALUES!r}")
