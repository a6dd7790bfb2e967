from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.role_change_change import RoleChangeChange, check_role_change_change
from ..models.team_role import TeamRole, check_team_role

T = TypeVar("T", bound="RoleChange")


@_attrs_define
class RoleChange:
    """
    Attributes:
        user_id (UUID):
        change (RoleChangeChange): planned_role_change: a promotion or planned rotation (not churn)
        from_role (None | TeamRole): Null when the person joined
        to_role (None | TeamRole): Null when the person left
        effective_date (datetime.date):
        reason (None | str):
    """

    user_id: UUID
    change: RoleChangeChange
    from_role: TeamRole | None
    to_role: TeamRole | None
    effective_date: datetime.date
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        change: str = self.change

        from_role: str | None
        from_role = self.from_role if isinstance(self.from_role, str) else self.from_role

        to_role: str | None
        to_role = self.to_role if isinstance(self.to_role, str) else self.to_role

        effective_date = self.effective_date.isoformat()

        reason: str | None
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_id": user_id,
                "change": change,
                "from_role": from_role,
                "to_role": to_role,
                "effective_date": effective_date,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))

        change = check_role_change_change(d.pop("change"))

        def _parse_from_role(data: object) -> TeamRole | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_team_role(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(TeamRole | None, data)

        from_role = _parse_from_role(d.pop("from_role"))

        def _parse_to_role(data: object) -> TeamRole | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_team_role(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(TeamRole | None, data)

        to_role = _parse_to_role(d.pop("to_role"))

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        reason = _parse_reason(d.pop("reason"))

        return cls(
            user_id=user_id,
            change=change,
            from_role=from_role,
            to_role=to_role,
            effective_date=effective_date,
            reason=reason,
        )
