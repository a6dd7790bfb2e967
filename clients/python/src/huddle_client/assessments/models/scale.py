from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scale_option import ScaleOption


T = TypeVar("T", bound="Scale")


@_attrs_define
class Scale:
    """
    Attributes:
        min_ (int):
        max_ (int):
        options (list[ScaleOption] | Unset): Labels, if any
    """

    min_: int
    max_: int
    options: list[ScaleOption] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        min_ = self.min_

        max_ = self.max_

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "min": min_,
                "max": max_,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scale_option import ScaleOption

        d = dict(src_dict)
        min_ = d.pop("min")

        max_ = d.pop("max")

        _options = d.pop("options", UNSET)
        options: list[ScaleOption] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = ScaleOption.from_dict(options_item_data)

                options.append(options_item)

        return cls(
            min_=min_,
            max_=max_,
            options=options,
        )
