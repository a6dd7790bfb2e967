from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.team_role import TeamRole, check_team_role

T = TypeVar("T", bound="MemberOut")


@_attrs_define
class MemberOut:
    """
    Attributes:
        user_id (str):
        role (TeamRole): The part a person plays on one team; distinct from their profession (identity's).
        role_since (datetime.date):
        joined_on (datetime.date):
        profession (None | str): From identity; absent once the person is erased
        user_status (None | str): active, deactivated or erased
    """

    user_id: str
    role: TeamRole
    role_since: datetime.date
    joined_on: datetime.date
    profession: str | None
    user_status: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        role: str = self.role

        role_since = self.role_since.isoformat()

        joined_on = self.joined_on.isoformat()

        profession: str | None
        profession = self.profession

        user_status: str | None
        user_status = self.user_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "role": role,
                "role_since": role_since,
                "joined_on": joined_on,
                "profession": profession,
                "user_status": user_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        role = check_team_role(d.pop("role"))

        role_since = datetime.date.fromisoformat(d.pop("role_since"))

        joined_on = datetime.date.fromisoformat(d.pop("joined_on"))

        def _parse_profession(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        profession = _parse_profession(d.pop("profession"))

        def _parse_user_status(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        user_status = _parse_user_status(d.pop("user_status"))

        member_out = cls(
            user_id=user_id,
            role=role,
            role_since=role_since,
            joined_on=joined_on,
            profession=profession,
            user_status=user_status,
        )

        member_out.additional_properties = d
        return member_out

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
