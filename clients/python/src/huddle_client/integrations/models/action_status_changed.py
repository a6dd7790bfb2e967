from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ActionStatusChanged")


@_attrs_define
class ActionStatusChanged:
    """An action moved along its lifecycle: committed, in_progress, done or dropped.

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        action_id (str):
        from_status (str):
        to_status (str):
        effective_on (datetime.date):
    """

    org_id: str
    team_id: str
    action_id: str
    from_status: str
    to_status: str
    effective_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        action_id = self.action_id

        from_status = self.from_status

        to_status = self.to_status

        effective_on = self.effective_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "action_id": action_id,
                "from_status": from_status,
                "to_status": to_status,
                "effective_on": effective_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        action_id = d.pop("action_id")

        from_status = d.pop("from_status")

        to_status = d.pop("to_status")

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        return cls(
            org_id=org_id,
            team_id=team_id,
            action_id=action_id,
            from_status=from_status,
            to_status=to_status,
            effective_on=effective_on,
        )
