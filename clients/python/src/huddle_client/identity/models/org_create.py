from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.person_in import PersonIn


T = TypeVar("T", bound="OrgCreate")


@_attrs_define
class OrgCreate:
    """
    Attributes:
        name (str):
        admin (PersonIn):
    """

    name: str
    admin: PersonIn

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        admin = self.admin.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "admin": admin,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_in import PersonIn

        d = dict(src_dict)
        name = d.pop("name")

        admin = PersonIn.from_dict(d.pop("admin"))

        return cls(
            name=name,
            admin=admin,
        )
