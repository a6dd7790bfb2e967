from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RotateIn")


@_attrs_define
class RotateIn:
    """
    Attributes:
        overlap_s (int | Unset): How long the previous secret also signs (both signatures are sent) Default: 86400.
    """

    overlap_s: int | Unset = 86400

    def to_dict(self) -> dict[str, Any]:
        overlap_s = self.overlap_s

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if overlap_s is not UNSET:
            field_dict["overlap_s"] = overlap_s

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        overlap_s = d.pop("overlap_s", UNSET)

        return cls(
            overlap_s=overlap_s,
        )
