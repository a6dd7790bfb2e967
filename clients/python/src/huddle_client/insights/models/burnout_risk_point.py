from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.burnout_risk_point_level import BurnoutRiskPointLevel, check_burnout_risk_point_level

T = TypeVar("T", bound="BurnoutRiskPoint")


@_attrs_define
class BurnoutRiskPoint:
    """Burnout risk (0-100) when a campaign closed, from what was known then.

    Attributes:
        campaign_id (UUID):
        date (datetime.date): The day the campaign closed
        value (float | None): Null when unavailable (suppressed is then true)
        level (BurnoutRiskPointLevel | None):
        suppressed (bool): True when no survey-based driver had enough data
        reason (None | str): Why the value is withheld, in plain English; null when it is shown
    """

    campaign_id: UUID
    date: datetime.date
    value: float | None
    level: BurnoutRiskPointLevel | None
    suppressed: bool
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        date = self.date.isoformat()

        value: float | None
        value = self.value

        level: str | None
        level = self.level if isinstance(self.level, str) else self.level

        suppressed = self.suppressed

        reason: str | None
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "campaign_id": campaign_id,
                "date": date,
                "value": value,
                "level": level,
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

        def _parse_level(data: object) -> BurnoutRiskPointLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_burnout_risk_point_level(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BurnoutRiskPointLevel | None, data)

        level = _parse_level(d.pop("level"))

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
            level=level,
            suppressed=suppressed,
            reason=reason,
        )
