from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.goal_status import GoalStatus, check_goal_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="GoalStatusIn")


@_attrs_define
class GoalStatusIn:
    """
    Attributes:
        status (GoalStatus):
        note (str | Unset):  Default: ''.
    """

    status: GoalStatus
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_goal_status(d.pop("status"))

        note = d.pop("note", UNSET)

        return cls(
            status=status,
            note=note,
        )
