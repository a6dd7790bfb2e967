from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_change_category import RoleChangeCategory, check_role_change_category
from ..models.team_role import TeamRole, check_team_role

T = TypeVar("T", bound="MemberRoleChangedData")


@_attrs_define
class MemberRoleChangedData:
    """
    Attributes:
        team_id (str):
        user_id (str):
        from_role (TeamRole): The part a person plays on one team; distinct from their profession (identity's).
        to_role (TeamRole): The part a person plays on one team; distinct from their profession (identity's).
        reason (str):
        effective_date (datetime.date):
        changed_by (str):
        category (RoleChangeCategory): Why a role changed, in kind: promotions and planned rotations are not churn.
    """

    team_id: str
    user_id: str
    from_role: TeamRole
    to_role: TeamRole
    reason: str
    effective_date: datetime.date
    changed_by: str
    category: RoleChangeCategory
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        user_id = self.user_id

        from_role: str = self.from_role

        to_role: str = self.to_role

        reason = self.reason

        effective_date = self.effective_date.isoformat()

        changed_by = self.changed_by

        category: str = self.category

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "user_id": user_id,
                "from_role": from_role,
                "to_role": to_role,
                "reason": reason,
                "effective_date": effective_date,
                "changed_by": changed_by,
                "category": category,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        user_id = d.pop("user_id")

        from_role = check_team_role(d.pop("from_role"))

        to_role = check_team_role(d.pop("to_role"))

        reason = d.pop("reason")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        changed_by = d.pop("changed_by")

        category = check_role_change_category(d.pop("category"))

        member_role_changed_data = cls(
            team_id=team_id,
            user_id=user_id,
            from_role=from_role,
            to_role=to_role,
            reason=reason,
            effective_date=effective_date,
            changed_by=changed_by,
            category=category,
        )

        member_role_changed_data.additional_properties = d
        return member_role_changed_data

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
