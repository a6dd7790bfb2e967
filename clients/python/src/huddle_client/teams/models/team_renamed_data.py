from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TeamRenamedData")


@_attrs_define
class TeamRenamedData:
    """
    Attributes:
        team_id (str):
        name (str):
        description (str):
        renamed_by (str):
    """

    team_id: str
    name: str
    description: str
    renamed_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        name = self.name

        description = self.description

        renamed_by = self.renamed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "name": name,
                "description": description,
                "renamed_by": renamed_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        name = d.pop("name")

        description = d.pop("description")

        renamed_by = d.pop("renamed_by")

        team_renamed_data = cls(
            team_id=team_id,
            name=name,
            description=description,
            renamed_by=renamed_by,
        )

        team_renamed_data.additional_properties = d
        return team_renamed_data

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
