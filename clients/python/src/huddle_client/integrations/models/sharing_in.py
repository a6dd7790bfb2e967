from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.shareable_field import ShareableField, check_shareable_field

T = TypeVar("T", bound="SharingIn")


@_attrs_define
class SharingIn:
    """
    Attributes:
        shared_fields (list[ShareableField]):
    """

    shared_fields: list[ShareableField]

    def to_dict(self) -> dict[str, Any]:
        shared_fields = []
        for shared_fields_item_data in self.shared_fields:
            shared_fields_item: str = shared_fields_item_data
            shared_fields.append(shared_fields_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "shared_fields": shared_fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        shared_fields = []
        _shared_fields = d.pop("shared_fields")
        for shared_fields_item_data in _shared_fields:
            shared_fields_item = check_shareable_field(shared_fields_item_data)

            shared_fields.append(shared_fields_item)

        return cls(
            shared_fields=shared_fields,
        )
