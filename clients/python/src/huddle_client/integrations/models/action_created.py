from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_prompt_ref import ActionPromptRef
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="ActionCreated")


@_attrs_define
class ActionCreated:
    """The team agreed an action (committed), or a member proposed one.

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        action_id (str):
        status (str): proposed or committed
        owners (list[PersonRef]):
        due_date (datetime.date):
        prompted_by (ActionPromptRef): What prompted an action: its kind and the one id (or driver) that kind names.
        goal_ids (list[str]): The charter goals it serves
        title (None | str | Unset): Only if the org shares action.title
    """

    org_id: str
    team_id: str
    action_id: str
    status: str
    owners: list[PersonRef]
    due_date: datetime.date
    prompted_by: ActionPromptRef
    goal_ids: list[str]
    title: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        action_id = self.action_id

        status = self.status

        owners = []
        for owners_item_data in self.owners:
            owners_item = owners_item_data.to_dict()
            owners.append(owners_item)

        due_date = self.due_date.isoformat()

        prompted_by = self.prompted_by.to_dict()

        goal_ids = self.goal_ids

        title: str | Unset | None
        title = UNSET if isinstance(self.title, Unset) else self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "action_id": action_id,
                "status": status,
                "owners": owners,
                "due_date": due_date,
                "prompted_by": prompted_by,
                "goal_ids": goal_ids,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_prompt_ref import ActionPromptRef
        from ..models.person_ref import PersonRef

        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        action_id = d.pop("action_id")

        status = d.pop("status")

        owners = []
        _owners = d.pop("owners")
        for owners_item_data in _owners:
            owners_item = PersonRef.from_dict(owners_item_data)

            owners.append(owners_item)

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        prompted_by = ActionPromptRef.from_dict(d.pop("prompted_by"))

        goal_ids = cast(list[str], d.pop("goal_ids"))

        def _parse_title(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        title = _parse_title(d.pop("title", UNSET))

        return cls(
            org_id=org_id,
            team_id=team_id,
            action_id=action_id,
            status=status,
            owners=owners,
            due_date=due_date,
            prompted_by=prompted_by,
            goal_ids=goal_ids,
            title=title,
        )
