from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskDriver")


@_attrs_define
class RiskDriver:
    """
    Attributes:
        driver (str):
        contribution (float):
        status (str): ok, insufficient_data or suppressed
        value (float | None | Unset):
    """

    driver: str
    contribution: float
    status: str
    value: float | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        driver = self.driver

        contribution = self.contribution

        status = self.status

        value: float | Unset | None
        value = UNSET if isinstance(self.value, Unset) else self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "driver": driver,
                "contribution": contribution,
                "status": status,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        driver = d.pop("driver")

        contribution = d.pop("contribution")

        status = d.pop("status")

        def _parse_value(data: object) -> float | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | Unset | None, data)

        value = _parse_value(d.pop("value", UNSET))

        return cls(
            driver=driver,
            contribution=contribution,
            status=status,
            value=value,
        )
