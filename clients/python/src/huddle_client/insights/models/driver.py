from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.driver_driver import DriverDriver, check_driver_driver
from ..models.driver_status import DriverStatus, check_driver_status

T = TypeVar("T", bound="Driver")


@_attrs_define
class Driver:
    """One burnout-risk driver: its points out of its weight, or why it has none.

    Attributes:
        driver (DriverDriver):
        weight (float): Points out of 100 when every driver has data
        value (float | None): The measured input; null unless status is ok
        contribution (float | None): Points it adds; null unless status is ok
        status (DriverStatus): suppressed: too few respondents; insufficient_data: no campaign or history yet. Either
            way the driver is left out and the rest re-weighted
        detail (str): How it is scored, or why it is left out
    """

    driver: DriverDriver
    weight: float
    value: float | None
    contribution: float | None
    status: DriverStatus
    detail: str

    def to_dict(self) -> dict[str, Any]:
        driver: str = self.driver

        weight = self.weight

        value: float | None
        value = self.value

        contribution: float | None
        contribution = self.contribution

        status: str = self.status

        detail = self.detail

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "driver": driver,
                "weight": weight,
                "value": value,
                "contribution": contribution,
                "status": status,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        driver = check_driver_driver(d.pop("driver"))

        weight = d.pop("weight")

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        def _parse_contribution(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        contribution = _parse_contribution(d.pop("contribution"))

        status = check_driver_status(d.pop("status"))

        detail = d.pop("detail")

        return cls(
            driver=driver,
            weight=weight,
            value=value,
            contribution=contribution,
            status=status,
            detail=detail,
        )
