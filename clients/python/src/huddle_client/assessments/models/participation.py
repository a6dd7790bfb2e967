from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Participation")


@_attrs_define
class Participation:
    """
    Attributes:
        eligible (int):
        responded (int):
        rate (float | None): responded / eligible, 0-1; null with no one eligible
        warning (None | str): Set below 60 % participation
    """

    eligible: int
    responded: int
    rate: float | None
    warning: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        eligible = self.eligible

        responded = self.responded

        rate: float | None
        rate = self.rate

        warning: str | None
        warning = self.warning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
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

        participation = cls(
            eligible=eligible,
            responded=responded,
            rate=rate,
            warning=warning,
        )

        participation.additional_properties = d
        return participation

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
