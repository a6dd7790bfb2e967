from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignOpened")


@_attrs_define
class CampaignOpened:
    """A survey campaign opened for the team.

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        campaign_id (str):
        instrument_kind (str):
        opens_at (datetime.datetime):
        closes_at (datetime.datetime):
        eligible (int):
        min_group_size (int):
        title (None | str | Unset): Only if the org shares campaign.title
    """

    org_id: str
    team_id: str
    campaign_id: str
    instrument_kind: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    eligible: int
    min_group_size: int
    title: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        campaign_id = self.campaign_id

        instrument_kind = self.instrument_kind

        opens_at = self.opens_at.isoformat()

        closes_at = self.closes_at.isoformat()

        eligible = self.eligible

        min_group_size = self.min_group_size

        title: str | Unset | None
        title = UNSET if isinstance(self.title, Unset) else self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "campaign_id": campaign_id,
                "instrument_kind": instrument_kind,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "eligible": eligible,
                "min_group_size": min_group_size,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        campaign_id = d.pop("campaign_id")

        instrument_kind = d.pop("instrument_kind")

        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))

        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        eligible = d.pop("eligible")

        min_group_size = d.pop("min_group_size")

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
            campaign_id=campaign_id,
            instrument_kind=instrument_kind,
            opens_at=opens_at,
            closes_at=closes_at,
            eligible=eligible,
            min_group_size=min_group_size,
            title=title,
        )
