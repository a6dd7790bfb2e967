from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Period")


@_attrs_define
class Period:
    """FHIR dateTimes; Huddle gives days. No `end` while the period is open.

    Attributes:
        start (datetime.date):
        end (datetime.date | Unset):
    """

    start: datetime.date
    end: datetime.date | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end: str | Unset = UNSET
        if not isinstance(self.end, Unset):
            end = self.end.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "start": start,
            }
        )
        if end is not UNSET:
            field_dict["end"] = end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        _end = d.pop("end", UNSET)
        end: datetime.date | Unset
        end = UNSET if isinstance(_end, Unset) else datetime.date.fromisoformat(_end)

        return cls(
            start=start,
            end=end,
        )
