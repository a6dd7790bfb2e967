from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Band")


@_attrs_define
class Band:
    """
    Attributes:
        min_ (float):
        max_ (float):
        label (str):
    """

    min_: float
    max_: float
    label: str

    def to_dict(self) -> dict[str, Any]:
        min_ = self.min_

        max_ = self.max_

        label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "min": min_,
                "max": max_,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_ = d.pop("min")

        max_ = d.pop("max")

        label = d.pop("label")

        return cls(
            min_=min_,
            max_=max_,
            label=label,
        )
