from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TeamArchivedData")


@_attrs_define
class TeamArchivedData:
    """
    Attributes:
        team_id (str):
        reason (str):
        archived_by (str):
    """

    team_id: str
    reason: str
    archived_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        reason = self.reason

        archived_by = self.archived_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "reason": reason,
                "archived_by": archived_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        reason = d.pop("reason")

        archived_by = d.pop("archived_by")

        team_archived_data = cls(
            team_id=team_id,
            reason=reason,
            archived_by=archived_by,
        )

        team_archived_data.additional_properties = d
        return team_archived_data

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
