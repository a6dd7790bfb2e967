from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.team_role import TeamRole, check_team_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberAdd")


@_attrs_define
class MemberAdd:
    """
    Attributes:
        user_id (UUID): A person of the caller's organisation
        role (TeamRole): The part a person plays on one team; distinct from their profession (identity's).
        effective_date (datetime.date | None | Unset): Today when absent
    """

    user_id: UUID
    role: TeamRole
    effective_date: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        role: str = self.role

        effective_date: str | Unset | None
        if isinstance(self.effective_date, Unset):
            effective_date = UNSET
        elif isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_id": user_id,
                "role": role,
            }
        )
        if effective_date is not UNSET:
            field_dict["effective_date"] = effective_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))

        role = check_team_role(d.pop("role"))

        def _parse_effective_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.date.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | Unset | None, data)

        effective_date = _parse_effective_date(d.pop("effective_date", UNSET))

        return cls(
            user_id=user_id,
            role=role,
            effective_date=effective_date,
        )
