from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.participation import Participation


T = TypeVar("T", bound="CampaignClosed")


@_attrs_define
class CampaignClosed:
    """A campaign stopped taking responses; participation is final.

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        campaign_id (str):
        closed_at (datetime.datetime):
        reason (str): closed_early or window_ended
        participation (Participation):
    """

    org_id: str
    team_id: str
    campaign_id: str
    closed_at: datetime.datetime
    reason: str
    participation: Participation

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        campaign_id = self.campaign_id

        closed_at = self.closed_at.isoformat()

        reason = self.reason

        participation = self.participation.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "campaign_id": campaign_id,
                "closed_at": closed_at,
                "reason": reason,
                "participation": participation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participation import Participation

        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        campaign_id = d.pop("campaign_id")

        closed_at = datetime.datetime.fromisoformat(d.pop("closed_at"))

        reason = d.pop("reason")

        participation = Participation.from_dict(d.pop("participation"))

        return cls(
            org_id=org_id,
            team_id=team_id,
            campaign_id=campaign_id,
            closed_at=closed_at,
            reason=reason,
            participation=participation,
        )
