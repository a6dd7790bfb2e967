from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckInIn")


@_attrs_define
class CheckInIn:
    """
    Attributes:
        note (str): How it is going
        checked_in_on (datetime.date | None | Unset): Today if left out; not in the future
    """

    note: str
    checked_in_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        checked_in_on: str | Unset | None
        if isinstance(self.checked_in_on, Unset):
            checked_in_on = UNSET
        elif isinstance(self.checked_in_on, datetime.date):
            checked_in_on = self.checked_in_on.isoformat()
        else:
            checked_in_on = self.checked_in_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )
        if checked_in_on is not UNSET:
            field_dict["checked_in_on"] = checked_in_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        note = d.pop("note")

        def _parse_checked_in_on(data: object) -> datetime.date | Unset | None:
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

        checked_in_on = _parse_checked_in_on(d.pop("checked_in_on", UNSET))

        return cls(
            note=note,
            checked_in_on=checked_in_on,
        )
