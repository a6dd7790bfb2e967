from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Coding")


@_attrs_define
class Coding:
    """A code from a code system: Huddle's team roles, or LOINC's care-team categories.

    Attributes:
        system (str): The code system's URI
        code (str):
        display (str):
    """

    system: str
    code: str
    display: str

    def to_dict(self) -> dict[str, Any]:
        system = self.system

        code = self.code

        display = self.display

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "system": system,
                "code": code,
                "display": display,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        system = d.pop("system")

        code = d.pop("code")

        display = d.pop("display")

        return cls(
            system=system,
            code=code,
            display=display,
        )
