from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_status import ActionStatus, check_action_status

if TYPE_CHECKING:
    from ..models.prompt_out import PromptOut


T = TypeVar("T", bound="ActionSummary")


@_attrs_define
class ActionSummary:
    """
    Attributes:
        id (str):
        title (str):
        owners (list[str]):
        due_date (datetime.date):
        status (ActionStatus): Proposed, then committed, in progress and done; dropped (with a reason) at any point.
        overdue (bool):
        prompted_by (PromptOut):
        goal_ids (list[str]):
        check_in_count (int):
        last_check_in_on (datetime.date | None):
        closed_on (datetime.date | None):
        created_at (datetime.datetime):
        version (int):
    """

    id: str
    title: str
    owners: list[str]
    due_date: datetime.date
    status: ActionStatus
    overdue: bool
    prompted_by: PromptOut
    goal_ids: list[str]
    check_in_count: int
    last_check_in_on: datetime.date | None
    closed_on: datetime.date | None
    created_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        owners = self.owners

        due_date = self.due_date.isoformat()

        status: str = self.status

        overdue = self.overdue

        prompted_by = self.prompted_by.to_dict()

        goal_ids = self.goal_ids

        check_in_count = self.check_in_count

        last_check_in_on: str | None
        if isinstance(self.last_check_in_on, datetime.date):
            last_check_in_on = self.last_check_in_on.isoformat()
        else:
            last_check_in_on = self.last_check_in_on

        closed_on: str | None
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        created_at = self.created_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "owners": owners,
                "due_date": due_date,
                "status": status,
                "overdue": overdue,
                "prompted_by": prompted_by,
                "goal_ids": goal_ids,
                "check_in_count": check_in_count,
                "last_check_in_on": last_check_in_on,
                "closed_on": closed_on,
                "created_at": created_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prompt_out import PromptOut

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        owners = cast(list[str], d.pop("owners"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        status = check_action_status(d.pop("status"))

        overdue = d.pop("overdue")

        prompted_by = PromptOut.from_dict(d.pop("prompted_by"))

        goal_ids = cast(list[str], d.pop("goal_ids"))

        check_in_count = d.pop("check_in_count")

        def _parse_last_check_in_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.date.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_check_in_on = _parse_last_check_in_on(d.pop("last_check_in_on"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.date.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        version = d.pop("version")

        action_summary = cls(
            id=id,
            title=title,
            owners=owners,
            due_date=due_date,
            status=status,
            overdue=overdue,
            prompted_by=prompted_by,
            goal_ids=goal_ids,
            check_in_count=check_in_count,
            last_check_in_on=last_check_in_on,
            closed_on=closed_on,
            created_at=created_at,
            version=version,
        )

        action_summary.additional_properties = d
        return action_summary

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
