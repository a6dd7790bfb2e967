from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Subscale")


@_attrs_define
class Subscale:
    """
    Attributes:
        id (str):
        title (str):
        items (list[str]):
    """

    id: str
    title: str
    items: list[str]

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        items = self.items

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        items = cast(list[str], d.pop("items"))

        return cls(
            id=id,
            title=title,
            items=items,
        )
