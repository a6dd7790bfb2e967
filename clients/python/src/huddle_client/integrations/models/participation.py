from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Participation")


@_attrs_define
class Participation:
    """
    Attributes:
        eligible (int):
        responded (int):
        rate (float | None): responded / eligible; null if none
    """

    eligible: int
    responded: int
    rate: float | None

    def to_dict(self) -> dict[str, Any]:
        eligible = self.eligible

        responded = self.responded

        rate: float | None
        rate = self.rate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "eligible": eligible,
                "responded": responded,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        eligible = d.pop("eligible")

        responded = d.pop("responded")

        def _parse_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rate = _parse_rate(d.pop("rate"))

        return cls(
            eligible=eligible,
            responded=responded,
            rate=rate,
        )
