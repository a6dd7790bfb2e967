from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.team_role import TeamRole, check_team_role

T = TypeVar("T", bound="CharterRoleData")


@_attrs_define
class CharterRoleData:
    """
    Attributes:
        role (TeamRole): The part a person plays on one team; distinct from their profession (identity's).
        responsibilities (list[str]):
    """

    role: TeamRole
    responsibilities: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role: str = self.role

        responsibilities = self.responsibilities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "responsibilities": responsibilities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = check_team_role(d.pop("role"))

        responsibilities = cast(list[str], d.pop("responsibilities"))

        charter_role_data = cls(
            role=role,
            responsibilities=responsibilities,
        )

        charter_role_data.additional_properties = d
        return charter_role_data

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
