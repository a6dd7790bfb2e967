from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.team_role import TeamRole, check_team_role

T = TypeVar("T", bound="MemberAddedData")


@_attrs_define
class MemberAddedData:
    """
    Attributes:
        team_id (str):
        user_id (str):
        role (TeamRole): The part a person plays on one team; distinct from their profession (identity's).
        effective_date (datetime.date):
        added_by (str):
    """

    team_id: str
    user_id: str
    role: TeamRole
    effective_date: datetime.date
    added_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        user_id = self.user_id

        role: str = self.role

        effective_date = self.effective_date.isoformat()

        added_by = self.added_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "user_id": user_id,
                "role": role,
                "effective_date": effective_date,
                "added_by": added_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        user_id = d.pop("user_id")

        role = check_team_role(d.pop("role"))

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        added_by = d.pop("added_by")

        member_added_data = cls(
            team_id=team_id,
            user_id=user_id,
            role=role,
            effective_date=effective_date,
            added_by=added_by,
        )

        member_added_data.additional_properties = d
        return member_added_data

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
