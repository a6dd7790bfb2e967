from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.action_create_status_type_0 import (
    ActionCreateStatusType0,
    check_action_create_status_type_0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prompt_in import PromptIn


T = TypeVar("T", bound="ActionCreate")


@_attrs_define
class ActionCreate:
    """
    Attributes:
        title (str):
        owners (list[UUID]): Members of the team (user ids)
        due_date (datetime.date): Not in the past
        prompted_by (PromptIn): What prompted the action: set exactly the field its kind names.
        why (str | Unset): Why the team takes it on Default: ''.
        goal_ids (list[str] | Unset): Goals of the current charter it serves
        status (ActionCreateStatusType0 | None | Unset): committed (the lead and org admins only) or proposed; by
            default committed for them and proposed for any other member of the team
    """

    title: str
    owners: list[UUID]
    due_date: datetime.date
    prompted_by: PromptIn
    why: str | Unset = ""
    goal_ids: list[str] | Unset = UNSET
    status: ActionCreateStatusType0 | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        owners = []
        for owners_item_data in self.owners:
            owners_item = str(owners_item_data)
            owners.append(owners_item)

        due_date = self.due_date.isoformat()

        prompted_by = self.prompted_by.to_dict()

        why = self.why

        goal_ids: list[str] | Unset = UNSET
        if not isinstance(self.goal_ids, Unset):
            goal_ids = self.goal_ids

        status: str | Unset | None
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "owners": owners,
                "due_date": due_date,
                "prompted_by": prompted_by,
            }
        )
        if why is not UNSET:
            field_dict["why"] = why
        if goal_ids is not UNSET:
            field_dict["goal_ids"] = goal_ids
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prompt_in import PromptIn

        d = dict(src_dict)
        title = d.pop("title")

        owners = []
        _owners = d.pop("owners")
        for owners_item_data in _owners:
            owners_item = UUID(owners_item_data)

            owners.append(owners_item)

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        prompted_by = PromptIn.from_dict(d.pop("prompted_by"))

        why = d.pop("why", UNSET)

        goal_ids = cast(list[str], d.pop("goal_ids", UNSET))

        def _parse_status(data: object) -> ActionCreateStatusType0 | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_action_create_status_type_0(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActionCreateStatusType0 | Unset | None, data)

        status = _parse_status(d.pop("status", UNSET))

        return cls(
            title=title,
            owners=owners,
            due_date=due_date,
            prompted_by=prompted_by,
            why=why,
            goal_ids=goal_ids,
            status=status,
        )
