from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_role import OrgRole, check_org_role
from ..models.profession import Profession, check_profession
from ..models.user_out_status import UserOutStatus, check_user_out_status

T = TypeVar("T", bound="UserOut")


@_attrs_define
class UserOut:
    """
    Attributes:
        id (str):
        org_id (str):
        email (None | str): Shown to org admins and to the person only
        display_name (None | str): null after erasure
        profession (None | Profession): null after erasure
        org_roles (list[OrgRole]):
        status (UserOutStatus):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int): The person's stream version, as in the ETag
    """

    id: str
    org_id: str
    email: str | None
    display_name: str | None
    profession: Profession | None
    org_roles: list[OrgRole]
    status: UserOutStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        email: str | None
        email = self.email

        display_name: str | None
        display_name = self.display_name

        profession: str | None
        profession = self.profession if isinstance(self.profession, str) else self.profession

        org_roles = []
        for org_roles_item_data in self.org_roles:
            org_roles_item: str = org_roles_item_data
            org_roles.append(org_roles_item)

        status: str = self.status

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "email": email,
                "display_name": display_name,
                "profession": profession,
                "org_roles": org_roles,
                "status": status,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        org_id = d.pop("org_id")

        def _parse_email(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        email = _parse_email(d.pop("email"))

        def _parse_display_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        display_name = _parse_display_name(d.pop("display_name"))

        def _parse_profession(data: object) -> Profession | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_profession(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Profession | None, data)

        profession = _parse_profession(d.pop("profession"))

        org_roles = []
        _org_roles = d.pop("org_roles")
        for org_roles_item_data in _org_roles:
            org_roles_item = check_org_role(org_roles_item_data)

            org_roles.append(org_roles_item)

        status = check_user_out_status(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        user_out = cls(
            id=id,
            org_id=org_id,
            email=email,
            display_name=display_name,
            profession=profession,
            org_roles=org_roles,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        user_out.additional_properties = d
        return user_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
