from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.risk_driver import RiskDriver


T = TypeVar("T", bound="RiskResolved")


@_attrs_define
class RiskResolved:
    """The team's burnout risk is back to low: an earlier alert is resolved.

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        from_level (None | str): null when the team had no level before
        to_level (str): low, moderate or high
        value (float): The burnout-risk index, 0-100
        confidence (None | str): moderate or high
        as_of (datetime.date):
        drivers (list[RiskDriver]): Every driver with its value and contribution
    """

    org_id: str
    team_id: str
    from_level: str | None
    to_level: str
    value: float
    confidence: str | None
    as_of: datetime.date
    drivers: list[RiskDriver]

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        from_level: str | None
        from_level = self.from_level

        to_level = self.to_level

        value = self.value

        confidence: str | None
        confidence = self.confidence

        as_of = self.as_of.isoformat()

        drivers = []
        for drivers_item_data in self.drivers:
            drivers_item = drivers_item_data.to_dict()
            drivers.append(drivers_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "from_level": from_level,
                "to_level": to_level,
                "value": value,
                "confidence": confidence,
                "as_of": as_of,
                "drivers": drivers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.risk_driver import RiskDriver

        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        def _parse_from_level(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        from_level = _parse_from_level(d.pop("from_level"))

        to_level = d.pop("to_level")

        value = d.pop("value")

        def _parse_confidence(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        confidence = _parse_confidence(d.pop("confidence"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        drivers = []
        _drivers = d.pop("drivers")
        for drivers_item_data in _drivers:
            drivers_item = RiskDriver.from_dict(drivers_item_data)

            drivers.append(drivers_item)

        return cls(
            org_id=org_id,
            team_id=team_id,
            from_level=from_level,
            to_level=to_level,
            value=value,
            confidence=confidence,
            as_of=as_of,
            drivers=drivers,
        )
