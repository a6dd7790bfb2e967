from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="ActionOwnersChanged")


@_attrs_define
class ActionOwnersChanged:
    """An action's owners changed (``left_team``: an owner left the team and was taken off).

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        action_id (str):
        owners (list[PersonRef]):
        reason (str): assigned or left_team
    """

    org_id: str
    team_id: str
    action_id: str
    owners: list[PersonRef]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        action_id = self.action_id

        owners = []
        for owners_item_data in self.owners:
            owners_item = owners_item_data.to_dict()
            owners.append(owners_item)

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "action_id": action_id,
                "owners": owners,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_ref import PersonRef

        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        action_id = d.pop("action_id")

        owners = []
        _owners = d.pop("owners")
        for owners_item_data in _owners:
            owners_item = PersonRef.from_dict(owners_item_data)

            owners.append(owners_item)

        reason = d.pop("reason")

        return cls(
            org_id=org_id,
            team_id=team_id,
            action_id=action_id,
            owners=owners,
            reason=reason,
        )
