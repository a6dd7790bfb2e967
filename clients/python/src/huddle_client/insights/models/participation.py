from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="Participation")


@_attrs_define
class Participation:
    """Who answered the team's latest closed campaign (of any instrument).

    Attributes:
        campaign_id (UUID):
        eligible (int): Members invited when the campaign closed
        responded (int):
        rate (float | None): responded / eligible (0-1); null without eligible
        warning (None | str): Set when the rate is below 60 %
    """

    campaign_id: UUID
    eligible: int
    responded: int
    rate: float | None
    warning: str | None

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        eligible = self.eligible

        responded = self.responded

        rate: float | None
        rate = self.rate

        warning: str | None
        warning = self.warning

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "campaign_id": campaign_id,
                "eligible": eligible,
                "responded": responded,
                "rate": rate,
                "warning": warning,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        campaign_id = UUID(d.pop("campaign_id"))

        eligible = d.pop("eligible")

        responded = d.pop("responded")

        def _parse_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rate = _parse_rate(d.pop("rate"))

        def _parse_warning(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        warning = _parse_warning(d.pop("warning"))

        return cls(
            campaign_id=campaign_id,
            eligible=eligible,
            responded=responded,
            rate=rate,
            warning=warning,
        )
