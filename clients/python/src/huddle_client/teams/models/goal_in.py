from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GoalIn")


@_attrs_define
class GoalIn:
    """
    Attributes:
        title (str):
        measure (str): How the team will know
        due_date (datetime.date):
        id (None | str | Unset): Keep a goal of the current charter
    """

    title: str
    measure: str
    due_date: datetime.date
    id: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        measure = self.measure

        due_date = self.due_date.isoformat()

        id: str | Unset | None
        id = UNSET if isinstance(self.id, Unset) else self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "measure": measure,
                "due_date": due_date,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        measure = d.pop("measure")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        id = _parse_id(d.pop("id", UNSET))

        return cls(
            title=title,
            measure=measure,
            due_date=due_date,
            id=id,
        )
