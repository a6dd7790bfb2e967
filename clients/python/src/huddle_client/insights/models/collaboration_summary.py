from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.collaboration_summary_level import (
    CollaborationSummaryLevel,
    check_collaboration_summary_level,
)

T = TypeVar("T", bound="CollaborationSummary")


@_attrs_define
class CollaborationSummary:
    """
    Attributes:
        value (float): 0-100; never suppressed (see the team dashboard)
        level (CollaborationSummaryLevel):
    """

    value: float
    level: CollaborationSummaryLevel

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        level: str = self.level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "level": level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        level = check_collaboration_summary_level(d.pop("level"))

        return cls(
            value=value,
            level=level,
        )
