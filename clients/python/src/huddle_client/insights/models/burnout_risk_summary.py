from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.burnout_risk_summary_confidence import (
    BurnoutRiskSummaryConfidence,
    check_burnout_risk_summary_confidence,
)
from ..models.burnout_risk_summary_level import (
    BurnoutRiskSummaryLevel,
    check_burnout_risk_summary_level,
)

T = TypeVar("T", bound="BurnoutRiskSummary")


@_attrs_define
class BurnoutRiskSummary:
    """
    Attributes:
        value (float | None): 0-100; null (unavailable) until a survey-based driver has enough responses
        level (BurnoutRiskSummaryLevel | None): low under 35, moderate under 60, high
        confidence (BurnoutRiskSummaryConfidence): How many of the three survey-based drivers have data: none, one
            (low), two (moderate) or all three (high)
        reason (None | str): Why the value is withheld, in plain English; null when it is shown
    """

    value: float | None
    level: BurnoutRiskSummaryLevel | None
    confidence: BurnoutRiskSummaryConfidence
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        value: float | None
        value = self.value

        level: str | None
        level = self.level if isinstance(self.level, str) else self.level

        confidence: str = self.confidence

        reason: str | None
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "level": level,
                "confidence": confidence,
                "reason": reason,
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

        def _parse_level(data: object) -> BurnoutRiskSummaryLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_burnout_risk_summary_level(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BurnoutRiskSummaryLevel | None, data)

        level = _parse_level(d.pop("level"))

        confidence = check_burnout_risk_summary_confidence(d.pop("confidence"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        reason = _parse_reason(d.pop("reason"))

        return cls(
            value=value,
            level=level,
            confidence=confidence,
            reason=reason,
        )
