from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.goal_status import GoalStatus, check_goal_status

T = TypeVar("T", bound="GoalStatusChangedData")


@_attrs_define
class GoalStatusChangedData:
    """
    Attributes:
        team_id (str):
        goal_id (str):
        from_status (GoalStatus):
        to_status (GoalStatus):
        note (str):
        changed_by (str):
    """

    team_id: str
    goal_id: str
    from_status: GoalStatus
    to_status: GoalStatus
    note: str
    changed_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        goal_id = self.goal_id

        from_status: str = self.from_status

        to_status: str = self.to_status

        note = self.note

        changed_by = self.changed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "goal_id": goal_id,
                "from_status": from_status,
                "to_status": to_status,
                "note": note,
                "changed_by": changed_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        goal_id = d.pop("goal_id")

        from_status = check_goal_status(d.pop("from_status"))

        to_status = check_goal_status(d.pop("to_status"))

        note = d.pop("note")

        changed_by = d.pop("changed_by")

        goal_status_changed_data = cls(
            team_id=team_id,
            goal_id=goal_id,
            from_status=from_status,
            to_status=to_status,
            note=note,
            changed_by=changed_by,
        )

        goal_status_changed_data.additional_properties = d
        return goal_status_changed_data

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
