from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_setting import CareSetting, check_care_setting

T = TypeVar("T", bound="TeamCreatedData")


@_attrs_define
class TeamCreatedData:
    """
    Attributes:
        team_id (str):
        org_id (str):
        name (str):
        care_setting (CareSetting):
        description (str):
        created_by (str):
    """

    team_id: str
    org_id: str
    name: str
    care_setting: CareSetting
    description: str
    created_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        org_id = self.org_id

        name = self.name

        care_setting: str = self.care_setting

        description = self.description

        created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "org_id": org_id,
                "name": name,
                "care_setting": care_setting,
                "description": description,
                "created_by": created_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        org_id = d.pop("org_id")

        name = d.pop("name")

        care_setting = check_care_setting(d.pop("care_setting"))

        description = d.pop("description")

        created_by = d.pop("created_by")

        team_created_data = cls(
            team_id=team_id,
            org_id=org_id,
            name=name,
            care_setting=care_setting,
            description=description,
            created_by=created_by,
        )

        team_created_data.additional_properties = d
        return team_created_data

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
