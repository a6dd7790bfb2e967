from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.goal_status import GoalStatus, check_goal_status

T = TypeVar("T", bound="GoalOut")


@_attrs_define
class GoalOut:
    """
    Attributes:
        id (str):
        title (str):
        measure (str):
        due_date (datetime.date):
        status (GoalStatus):
        owners (list[str]): Members who own the goal (user ids)
    """

    id: str
    title: str
    measure: str
    due_date: datetime.date
    status: GoalStatus
    owners: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        measure = self.measure

        due_date = self.due_date.isoformat()

        status: str = self.status

        owners = self.owners

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "measure": measure,
                "due_date": due_date,
                "status": status,
                "owners": owners,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        measure = d.pop("measure")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        status = check_goal_status(d.pop("status"))

        owners = cast(list[str], d.pop("owners"))

        goal_out = cls(
            id=id,
            title=title,
            measure=measure,
            due_date=due_date,
            status=status,
            owners=owners,
        )

        goal_out.additional_properties = d
        return goal_out

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
