from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.charter_role_in import CharterRoleIn
    from ..models.goal_in import GoalIn


T = TypeVar("T", bound="CharterIn")


@_attrs_define
class CharterIn:
    """
    Attributes:
        vision (str | Unset):  Default: ''.
        goals (list[GoalIn] | Unset):
        norms (list[str] | Unset):
        roles (list[CharterRoleIn] | Unset):
    """

    vision: str | Unset = ""
    goals: list[GoalIn] | Unset = UNSET
    norms: list[str] | Unset = UNSET
    roles: list[CharterRoleIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        vision = self.vision

        goals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.goals, Unset):
            goals = []
            for goals_item_data in self.goals:
                goals_item = goals_item_data.to_dict()
                goals.append(goals_item)

        norms: list[str] | Unset = UNSET
        if not isinstance(self.norms, Unset):
            norms = self.norms

        roles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.to_dict()
                roles.append(roles_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if vision is not UNSET:
            field_dict["vision"] = vision
        if goals is not UNSET:
            field_dict["goals"] = goals
        if norms is not UNSET:
            field_dict["norms"] = norms
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.charter_role_in import CharterRoleIn
        from ..models.goal_in import GoalIn

        d = dict(src_dict)
        vision = d.pop("vision", UNSET)

        _goals = d.pop("goals", UNSET)
        goals: list[GoalIn] | Unset = UNSET
        if _goals is not UNSET:
            goals = []
            for goals_item_data in _goals:
                goals_item = GoalIn.from_dict(goals_item_data)

                goals.append(goals_item)

        norms = cast(list[str], d.pop("norms", UNSET))

        _roles = d.pop("roles", UNSET)
        roles: list[CharterRoleIn] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = CharterRoleIn.from_dict(roles_item_data)

                roles.append(roles_item)

        return cls(
            vision=vision,
            goals=goals,
            norms=norms,
            roles=roles,
        )
