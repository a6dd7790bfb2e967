from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.org_role import OrgRole, check_org_role
from ..models.profession import Profession, check_profession
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvitationCreate")


@_attrs_define
class InvitationCreate:
    """
    Attributes:
        email (str): Where the invitation goes; the sign-in name
        display_name (str):
        profession (Profession):
        org_roles (list[OrgRole] | Unset):
    """

    email: str
    display_name: str
    profession: Profession
    org_roles: list[OrgRole] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        display_name = self.display_name

        profession: str = self.profession

        org_roles: list[str] | Unset = UNSET
        if not isinstance(self.org_roles, Unset):
            org_roles = []
            for org_roles_item_data in self.org_roles:
                org_roles_item: str = org_roles_item_data
                org_roles.append(org_roles_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "display_name": display_name,
                "profession": profession,
            }
        )
        if org_roles is not UNSET:
            field_dict["org_roles"] = org_roles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        display_name = d.pop("display_name")

        profession = check_profession(d.pop("profession"))

        _org_roles = d.pop("org_roles", UNSET)
        org_roles: list[OrgRole] | Unset = UNSET
        if _org_roles is not UNSET:
            org_roles = []
            for org_roles_item_data in _org_roles:
                org_roles_item = check_org_role(org_roles_item_data)

                org_roles.append(org_roles_item)

        return cls(
            email=email,
            display_name=display_name,
            profession=profession,
            org_roles=org_roles,
        )
