from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.goal_owners_changed_data import GoalOwnersChangedData


T = TypeVar("T", bound="GoalOwnersChangedEntry")


@_attrs_define
class GoalOwnersChangedEntry:
    """
    Attributes:
        version (int): The team's stream version after this event
        event_id (str): The event's id (a UUID), unique across Huddle
        type_ (Literal['huddle.teams.goal_owners_changed.v1']):
        occurred_at (datetime.datetime):
        actor (None | str): Who caused it (a user id), when known
        data (GoalOwnersChangedData):
    """

    version: int
    event_id: str
    type_: Literal["huddle.teams.goal_owners_changed.v1"]
    occurred_at: datetime.datetime
    actor: str | None
    data: GoalOwnersChangedData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        event_id = self.event_id

        type_ = self.type_

        occurred_at = self.occurred_at.isoformat()

        actor: str | None
        actor = self.actor

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "event_id": event_id,
                "type": type_,
                "occurred_at": occurred_at,
                "actor": actor,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goal_owners_changed_data import GoalOwnersChangedData

        d = dict(src_dict)
        version = d.pop("version")

        event_id = d.pop("event_id")

        type_ = cast(Literal["huddle.teams.goal_owners_changed.v1"], d.pop("type"))
        if type_ != "huddle.teams.goal_owners_changed.v1":
            raise ValueError(
                f"type must match const 'huddle.teams.goal_owners_changed.v1', got '{type_}'"
            )

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_actor(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        actor = _parse_actor(d.pop("actor"))

        data = GoalOwnersChangedData.from_dict(d.pop("data"))

        goal_owners_changed_entry = cls(
            version=version,
            event_id=event_id,
            type_=type_,
            occurred_at=occurred_at,
            actor=actor,
            data=data,
        )

        goal_owners_changed_entry.additional_properties = d
        return goal_owners_changed_entry

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
