from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionRevise")


@_attrs_define
class ActionRevise:
    """Change what is given; a field left out stays as it is.

    Attributes:
        title (None | str | Unset):
        why (None | str | Unset):
        due_date (datetime.date | None | Unset): Not in the past
        goal_ids (list[str] | None | Unset): Replaces the linked goals
    """

    title: str | Unset | None = UNSET
    why: str | Unset | None = UNSET
    due_date: datetime.date | Unset | None = UNSET
    goal_ids: list[str] | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: str | Unset | None
        title = UNSET if isinstance(self.title, Unset) else self.title

        why: str | Unset | None
        why = UNSET if isinstance(self.why, Unset) else self.why

        due_date: str | Unset | None
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        goal_ids: list[str] | Unset | None
        if isinstance(self.goal_ids, Unset):
            goal_ids = UNSET
        elif isinstance(self.goal_ids, list):
            goal_ids = self.goal_ids

        else:
            goal_ids = self.goal_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if why is not UNSET:
            field_dict["why"] = why
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if goal_ids is not UNSET:
            field_dict["goal_ids"] = goal_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_title(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_why(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        why = _parse_why(d.pop("why", UNSET))

        def _parse_due_date(data: object) -> datetime.date | Unset | None:
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

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_goal_ids(data: object) -> list[str] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                return cast(list[str], data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | Unset | None, data)

        goal_ids = _parse_goal_ids(d.pop("goal_ids", UNSET))

        return cls(
            title=title,
            why=why,
            due_date=due_date,
            goal_ids=goal_ids,
        )
