from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Rebuilt")


@_attrs_define
class Rebuilt:
    """The generation a rebuild built and swapped in.

    Attributes:
        generation (int): The generation now read
        events_applied (int):
        seconds (float):
    """

    generation: int
    events_applied: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        generation = self.generation

        events_applied = self.events_applied

        seconds = self.seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "generation": generation,
                "events_applied": events_applied,
                "seconds": seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        generation = d.pop("generation")

        events_applied = d.pop("events_applied")

        seconds = d.pop("seconds")

        return cls(
            generation=generation,
            events_applied=events_applied,
            seconds=seconds,
        )
