from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.care_setting import CareSetting, check_care_setting

T = TypeVar("T", bound="OrgTeam")


@_attrs_define
class OrgTeam:
    """
    Attributes:
        id (UUID):
        name (str):
        care_setting (CareSetting):
    """

    id: UUID
    name: str
    care_setting: CareSetting

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        care_setting: str = self.care_setting

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "care_setting": care_setting,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        care_setting = check_care_setting(d.pop("care_setting"))

        return cls(
            id=id,
            name=name,
            care_setting=care_setting,
        )
