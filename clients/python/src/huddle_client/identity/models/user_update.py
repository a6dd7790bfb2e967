from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.org_role import OrgRole, check_org_role
from ..models.profession import Profession, check_profession
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserUpdate")


@_attrs_define
class UserUpdate:
    """
    Attributes:
        display_name (None | str | Unset):
        profession (None | Profession | Unset):
        org_roles (list[OrgRole] | None | Unset): Org admins only
    """

    display_name: str | Unset | None = UNSET
    profession: Profession | Unset | None = UNSET
    org_roles: list[OrgRole] | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name: str | Unset | None
        display_name = UNSET if isinstance(self.display_name, Unset) else self.display_name

        profession: str | Unset | None
        if isinstance(self.profession, Unset):
            profession = UNSET
        elif isinstance(self.profession, str):
            profession = self.profession
        else:
            profession = self.profession

        org_roles: list[str] | Unset | None
        if isinstance(self.org_roles, Unset):
            org_roles = UNSET
        elif isinstance(self.org_roles, list):
            org_roles = []
            for org_roles_type_0_item_data in self.org_roles:
                org_roles_type_0_item: str = org_roles_type_0_item_data
                org_roles.append(org_roles_type_0_item)

        else:
            org_roles = self.org_roles

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if profession is not UNSET:
            field_dict["profession"] = profession
        if org_roles is not UNSET:
            field_dict["org_roles"] = org_roles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_display_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_profession(data: object) -> Profession | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_profession(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Profession | Unset | None, data)

        profession = _parse_profession(d.pop("profession", UNSET))

        def _parse_org_roles(data: object) -> list[OrgRole] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                org_roles_type_0 = []
                _org_roles_type_0 = data
                for org_roles_type_0_item_data in _org_roles_type_0:
                    org_roles_type_0_item = check_org_role(org_roles_type_0_item_data)

                    org_roles_type_0.append(org_roles_type_0_item)

                return org_roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrgRole] | Unset | None, data)

        org_roles = _parse_org_roles(d.pop("org_roles", UNSET))

        return cls(
            display_name=display_name,
            profession=profession,
            org_roles=org_roles,
        )
