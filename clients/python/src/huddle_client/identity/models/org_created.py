from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.org_out import OrgOut
    from ..models.user_out import UserOut


T = TypeVar("T", bound="OrgCreated")


@_attrs_define
class OrgCreated:
    """
    Attributes:
        org (OrgOut):
        admin (UserOut):
    """

    org: OrgOut
    admin: UserOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org = self.org.to_dict()

        admin = self.admin.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org": org,
                "admin": admin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org_out import OrgOut
        from ..models.user_out import UserOut

        d = dict(src_dict)
        org = OrgOut.from_dict(d.pop("org"))

        admin = UserOut.from_dict(d.pop("admin"))

        org_created = cls(
            org=org,
            admin=admin,
        )

        org_created.additional_properties = d
        return org_created

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
