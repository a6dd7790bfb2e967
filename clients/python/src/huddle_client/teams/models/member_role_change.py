from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.role_change_category import RoleChangeCategory, check_role_change_category
from ..models.team_role import TeamRole, check_team_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberRoleChange")


@_attrs_define
class MemberRoleChange:
    """
    Attributes:
        role (TeamRole): The part a person plays on one team; distinct from their profession (identity's).
        reason (str):
        effective_date (datetime.date): The day the old role ends and the new one begins
        category (RoleChangeCategory | Unset): Why a role changed, in kind: promotions and planned rotations are not
            churn.
    """

    role: TeamRole
    reason: str
    effective_date: datetime.date
    category: RoleChangeCategory | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role: str = self.role

        reason = self.reason

        effective_date = self.effective_date.isoformat()

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "reason": reason,
                "effective_date": effective_date,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = check_team_role(d.pop("role"))

        reason = d.pop("reason")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        _category = d.pop("category", UNSET)
        category: RoleChangeCategory | Unset
        category = UNSET if isinstance(_category, Unset) else check_role_change_category(_category)

        return cls(
            role=role,
            reason=reason,
            effective_date=effective_date,
            category=category,
        )
