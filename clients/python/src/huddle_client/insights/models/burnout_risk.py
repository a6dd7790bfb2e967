from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.burnout_risk_confidence import BurnoutRiskConfidence, check_burnout_risk_confidence
from ..models.burnout_risk_level import BurnoutRiskLevel, check_burnout_risk_level

if TYPE_CHECKING:
    from ..models.driver import Driver


T = TypeVar("T", bound="BurnoutRisk")


@_attrs_define
class BurnoutRisk:
    """
    Attributes:
        value (float | None): 0-100, the drivers' points over the weight of the drivers with data; null (unavailable)
            until a survey-based driver has enough responses
        level (BurnoutRiskLevel | None): low under 35, moderate under 60, high
        confidence (BurnoutRiskConfidence): How many of the three survey-based drivers have data: none, one (low), two
            (moderate) or all three (high)
        reason (None | str): Why the value is withheld, in plain English; null when it is shown
        drivers (list[Driver]): All seven, always in the same order
    """

    value: float | None
    level: BurnoutRiskLevel | None
    confidence: BurnoutRiskConfidence
    reason: str | None
    drivers: list[Driver]

    def to_dict(self) -> dict[str, Any]:
        value: float | None
        value = self.value

        level: str | None
        level = self.level if isinstance(self.level, str) else self.level

        confidence: str = self.confidence

        reason: str | None
        reason = self.reason

        drivers = []
        for drivers_item_data in self.drivers:
            drivers_item = drivers_item_data.to_dict()
            drivers.append(drivers_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "level": level,
                "confidence": confidence,
                "reason": reason,
                "drivers": drivers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.driver import Driver

        d = dict(src_dict)

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_level(data: object) -> BurnoutRiskLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_burnout_risk_level(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BurnoutRiskLevel | None, data)

        level = _parse_level(d.pop("level"))

        confidence = check_burnout_risk_confidence(d.pop("confidence"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        reason = _parse_reason(d.pop("reason"))

        drivers = []
        _drivers = d.pop("drivers")
        for drivers_item_data in _drivers:
            drivers_item = Driver.from_dict(drivers_item_data)

            drivers.append(drivers_item)

        return cls(
            value=value,
            level=level,
            confidence=confidence,
            reason=reason,
            drivers=drivers,
        )
