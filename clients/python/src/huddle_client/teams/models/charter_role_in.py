from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.team_role import TeamRole, check_team_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="CharterRoleIn")


@_attrs_define
class CharterRoleIn:
    """
    Attributes:
        role (TeamRole): The part a person plays on one team; distinct from their profession (identity's).
        responsibilities (list[str] | Unset):
    """

    role: TeamRole
    responsibilities: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role: str = self.role

        responsibilities: list[str] | Unset = UNSET
        if not isinstance(self.responsibilities, Unset):
            responsibilities = self.responsibilities

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if responsibilities is not UNSET:
            field_dict["responsibilities"] = responsibilities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = check_team_role(d.pop("role"))

        responsibilities = cast(list[str], d.pop("responsibilities", UNSET))

        return cls(
            role=role,
            responsibilities=responsibilities,
        )
