from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Item")


@_attrs_define
class Item:
    """
    Attributes:
        id (str):
        text (str):
        reverse_scored (bool | Unset):  Default: False.
        required (bool | Unset):  Default: True.
    """

    id: str
    text: str
    reverse_scored: bool | Unset = False
    required: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        reverse_scored = self.reverse_scored

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "text": text,
            }
        )
        if reverse_scored is not UNSET:
            field_dict["reverse_scored"] = reverse_scored
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        reverse_scored = d.pop("reverse_scored", UNSET)

        required = d.pop("required", UNSET)

        return cls(
            id=id,
            text=text,
            reverse_scored=reverse_scored,
            required=required,
        )
