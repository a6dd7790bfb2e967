from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.coding import Coding


T = TypeVar("T", bound="CodeableConcept")


@_attrs_define
class CodeableConcept:
    """
    Attributes:
        coding (list[Coding]):
        text (str | Unset):
    """

    coding: list[Coding]
    text: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        coding = []
        for coding_item_data in self.coding:
            coding_item = coding_item_data.to_dict()
            coding.append(coding_item)

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "coding": coding,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coding import Coding

        d = dict(src_dict)
        coding = []
        _coding = d.pop("coding")
        for coding_item_data in _coding:
            coding_item = Coding.from_dict(coding_item_data)

            coding.append(coding_item)

        text = d.pop("text", UNSET)

        return cls(
            coding=coding,
            text=text,
        )
