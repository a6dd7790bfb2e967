from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.charter_goal_data import CharterGoalData
    from ..models.charter_role_data import CharterRoleData


T = TypeVar("T", bound="CharterRevisedData")


@_attrs_define
class CharterRevisedData:
    """
    Attributes:
        team_id (str):
        revision (int):
        vision (str):
        goals (list[CharterGoalData]):
        norms (list[str]):
        roles (list[CharterRoleData]):
        next_review_due (datetime.date):
        revised_by (str):
    """

    team_id: str
    revision: int
    vision: str
    goals: list[CharterGoalData]
    norms: list[str]
    roles: list[CharterRoleData]
    next_review_due: datetime.date
    revised_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        revision = self.revision

        vision = self.vision

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        norms = self.norms

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        next_review_due = self.next_review_due.isoformat()

        revised_by = self.revised_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "revision": revision,
                "vision": vision,
                "goals": goals,
                "norms": norms,
                "roles": roles,
                "next_review_due": next_review_due,
                "revised_by": revised_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.charter_goal_data import CharterGoalData
        from ..models.charter_role_data import CharterRoleData

        d = dict(src_dict)
        team_id = d.pop("team_id")

        revision = d.pop("revision")

        vision = d.pop("vision")

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = CharterGoalData.from_dict(goals_item_data)

            goals.append(goals_item)

        norms = cast(list[str], d.pop("norms"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = CharterRoleData.from_dict(roles_item_data)

            roles.append(roles_item)

        next_review_due = datetime.date.fromisoformat(d.pop("next_review_due"))

        revised_by = d.pop("revised_by")

        charter_revised_data = cls(
            team_id=team_id,
            revision=revision,
            vision=vision,
            goals=goals,
            norms=norms,
            roles=roles,
            next_review_due=next_review_due,
            revised_by=revised_by,
        )

        charter_revised_data.additional_properties = d
        return charter_revised_data

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
