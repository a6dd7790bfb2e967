from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MoralePoint")


@_attrs_define
class MoralePoint:
    """One closed pulse campaign's morale (0-100).

    Attributes:
        campaign_id (UUID):
        date (datetime.date): The day the campaign closed
        value (float | None): Null when suppressed
        respondents (int): How many respondents the value rests on (also when withheld)
        suppressed (bool): True when the value is withheld: fewer respondents than the campaign's minimum group size
            (never below 3), or no campaign or response at all
        reason (None | str): Why the value is withheld, in plain English; null when it is shown
    """

    campaign_id: UUID
    date: datetime.date
    value: float | None
    respondents: int
    suppressed: bool
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        date = self.date.isoformat()

        value: float | None
        value = self.value

        respondents = self.respondents

        suppressed = self.suppressed

        reason: str | None
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "campaign_id": campaign_id,
                "date": date,
                "value": value,
                "respondents": respondents,
                "suppressed": suppressed,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        campaign_id = UUID(d.pop("campaign_id"))

        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        respondents = d.pop("respondents")

        suppressed = d.pop("suppressed")

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        reason = _parse_reason(d.pop("reason"))

        return cls(
            campaign_id=campaign_id,
            date=date,
            value=value,
            respondents=respondents,
            suppressed=suppressed,
            reason=reason,
        )
