from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.morale_level import MoraleLevel, check_morale_level

T = TypeVar("T", bound="MoraleIndex")


@_attrs_define
class MoraleIndex:
    """The team-pulse index (0-100) of the latest closed pulse campaign.

    Attributes:
        value (float | None): 0-100, the mean of respondents' indices; null when suppressed or before the first pulse
            campaign
        respondents (int): How many respondents the value rests on (also when withheld)
        suppressed (bool): True when the value is withheld: fewer respondents than the campaign's minimum group size
            (never below 3), or no campaign or response at all
        reason (None | str): Why the value is withheld, in plain English; null when it is shown
        level (MoraleLevel | None): low under 40, fair under 70, good; null with value
        trend (float | None): Points since the previous pulse; null unless both campaigns are shown
        campaign_id (None | UUID): The pulse campaign it comes from; null before the first one closed
    """

    value: float | None
    respondents: int
    suppressed: bool
    reason: str | None
    level: MoraleLevel | None
    trend: float | None
    campaign_id: UUID | None

    def to_dict(self) -> dict[str, Any]:
        value: float | None
        value = self.value

        respondents = self.respondents

        suppressed = self.suppressed

        reason: str | None
        reason = self.reason

        level: str | None
        level = self.level if isinstance(self.level, str) else self.level

        trend: float | None
        trend = self.trend

        campaign_id: str | None
        if isinstance(self.campaign_id, UUID):
            campaign_id = str(self.campaign_id)
        else:
            campaign_id = self.campaign_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "respondents": respondents,
                "suppressed": suppressed,
                "reason": reason,
                "level": level,
                "trend": trend,
                "campaign_id": campaign_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_level(data: object) -> MoraleLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_morale_level(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoraleLevel | None, data)

        level = _parse_level(d.pop("level"))

        def _parse_trend(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        trend = _parse_trend(d.pop("trend"))

        def _parse_campaign_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return UUID(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(UUID | None, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id"))

        return cls(
            value=value,
            respondents=respondents,
            suppressed=suppressed,
            reason=reason,
            level=level,
            trend=trend,
            campaign_id=campaign_id,
        )
