from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionActionIn")


@_attrs_define
class DecisionActionIn:
    """The action a decision agrees: the lead's and org admins' are committed, another
    member's proposed (prompted by this meeting).

        Attributes:
            owners (list[UUID]): Members of the team (user ids)
            due_date (datetime.date): Not in the past
            title (None | str | Unset): The decision's text when left out
            why (str | Unset):  Default: ''.
            goal_ids (list[str] | Unset):
    """

    owners: list[UUID]
    due_date: datetime.date
    title: str | Unset | None = UNSET
    why: str | Unset = ""
    goal_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        owners = []
        for owners_item_data in self.owners:
            owners_item = str(owners_item_data)
            owners.append(owners_item)

        due_date = self.due_date.isoformat()

        title: str | Unset | None
        title = UNSET if isinstance(self.title, Unset) else self.title

        why = self.why

        goal_ids: list[str] | Unset = UNSET
        if not isinstance(self.goal_ids, Unset):
            goal_ids = self.goal_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "owners": owners,
                "due_date": due_date,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if why is not UNSET:
            field_dict["why"] = why
        if goal_ids is not UNSET:
            field_dict["goal_ids"] = goal_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        owners = []
        _owners = d.pop("owners")
        for owners_item_data in _owners:
            owners_item = UUID(owners_item_data)

            owners.append(owners_item)

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_title(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        title = _parse_title(d.pop("title", UNSET))

        why = d.pop("why", UNSET)

        goal_ids = cast(list[str], d.pop("goal_ids", UNSET))

        return cls(
            owners=owners,
            due_date=due_date,
            title=title,
            why=why,
            goal_ids=goal_ids,
        )
