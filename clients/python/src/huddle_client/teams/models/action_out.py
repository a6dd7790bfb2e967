from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_status import ActionStatus, check_action_status

if TYPE_CHECKING:
    from ..models.check_in_out import CheckInOut
    from ..models.prompt_out import PromptOut


T = TypeVar("T", bound="ActionOut")


@_attrs_define
class ActionOut:
    """An action with its check-ins, oldest first.

    Attributes:
        id (str):
        team_id (str):
        title (str):
        why (str):
        owners (list[str]): Empty when its owner left the team: assign one
        due_date (datetime.date):
        status (ActionStatus): Proposed, then committed, in progress and done; dropped (with a reason) at any point.
        overdue (bool): Open and due before today
        prompted_by (PromptOut):
        goal_ids (list[str]):
        check_ins (list[CheckInOut]):
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        closed_on (datetime.date | None): The day it was done or dropped
        drop_reason (str):
        version (int):
    """

    id: str
    team_id: str
    title: str
    why: str
    owners: list[str]
    due_date: datetime.date
    status: ActionStatus
    overdue: bool
    prompted_by: PromptOut
    goal_ids: list[str]
    check_ins: list[CheckInOut]
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    closed_on: datetime.date | None
    drop_reason: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        team_id = self.team_id

        title = self.title

        why = self.why

        owners = self.owners

        due_date = self.due_date.isoformat()

        status: str = self.status

        overdue = self.overdue

        prompted_by = self.prompted_by.to_dict()

        goal_ids = self.goal_ids

        check_ins = []
        for check_ins_item_data in self.check_ins:
            check_ins_item = check_ins_item_data.to_dict()
            check_ins.append(check_ins_item)

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        closed_on: str | None
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        drop_reason = self.drop_reason

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "team_id": team_id,
                "title": title,
                "why": why,
                "owners": owners,
                "due_date": due_date,
                "status": status,
                "overdue": overdue,
                "prompted_by": prompted_by,
                "goal_ids": goal_ids,
                "check_ins": check_ins,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "closed_on": closed_on,
                "drop_reason": drop_reason,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check_in_out import CheckInOut
        from ..models.prompt_out import PromptOut

        d = dict(src_dict)
        id = d.pop("id")

        team_id = d.pop("team_id")

        title = d.pop("title")

        why = d.pop("why")

        owners = cast(list[str], d.pop("owners"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        status = check_action_status(d.pop("status"))

        overdue = d.pop("overdue")

        prompted_by = PromptOut.from_dict(d.pop("prompted_by"))

        goal_ids = cast(list[str], d.pop("goal_ids"))

        check_ins = []
        _check_ins = d.pop("check_ins")
        for check_ins_item_data in _check_ins:
            check_ins_item = CheckInOut.from_dict(check_ins_item_data)

            check_ins.append(check_ins_item)

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        drop_reason = d.pop("drop_reason")

        version = d.pop("version")

        action_out = cls(
            id=id,
            team_id=team_id,
            title=title,
            why=why,
            owners=owners,
            due_date=due_date,
            status=status,
            overdue=overdue,
            prompted_by=prompted_by,
            goal_ids=goal_ids,
            check_ins=check_ins,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            closed_on=closed_on,
            drop_reason=drop_reason,
            version=version,
        )

        action_out.additional_properties = d
        return action_out

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
