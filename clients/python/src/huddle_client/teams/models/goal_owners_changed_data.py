from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.owners_change_reason import OwnersChangeReason, check_owners_change_reason

T = TypeVar("T", bound="GoalOwnersChangedData")


@_attrs_define
class GoalOwnersChangedData:
    """
    Attributes:
        team_id (str):
        goal_id (str):
        owners (list[str]): The goal's owners from now on (user ids)
        reason (OwnersChangeReason): Why the owners of a charter goal or an action changed.
        changed_by (str):
    """

    team_id: str
    goal_id: str
    owners: list[str]
    reason: OwnersChangeReason
    changed_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        goal_id = self.goal_id

        owners = self.owners

        reason: str = self.reason

        changed_by = self.changed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "goal_id": goal_id,
                "owners": owners,
                "reason": reason,
                "changed_by": changed_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        goal_id = d.pop("goal_id")

        owners = cast(list[str], d.pop("owners"))

        reason = check_owners_change_reason(d.pop("reason"))

        changed_by = d.pop("changed_by")

        goal_owners_changed_data = cls(
            team_id=team_id,
            goal_id=goal_id,
            owners=owners,
            reason=reason,
            changed_by=changed_by,
        )

        goal_owners_changed_data.additional_properties = d
        return goal_owners_changed_data

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
