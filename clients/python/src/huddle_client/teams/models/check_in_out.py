from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CheckInOut")


@_attrs_define
class CheckInOut:
    """
    Attributes:
        id (str):
        checked_in_on (datetime.date):
        note (str):
        checked_in_by (str):
    """

    id: str
    checked_in_on: datetime.date
    note: str
    checked_in_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        checked_in_on = self.checked_in_on.isoformat()

        note = self.note

        checked_in_by = self.checked_in_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "checked_in_on": checked_in_on,
                "note": note,
                "checked_in_by": checked_in_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        checked_in_on = datetime.date.fromisoformat(d.pop("checked_in_on"))

        note = d.pop("note")

        checked_in_by = d.pop("checked_in_by")

        check_in_out = cls(
            id=id,
            checked_in_on=checked_in_on,
            note=note,
            checked_in_by=checked_in_by,
        )

        check_in_out.additional_properties = d
        return check_in_out

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
