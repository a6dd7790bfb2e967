from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.meeting_kind import MeetingKind, check_meeting_kind

T = TypeVar("T", bound="MeetingSummary")


@_attrs_define
class MeetingSummary:
    """
    Attributes:
        id (str):
        kind (MeetingKind):
        held_on (datetime.date):
        participants (int):
        decision_count (int):
        action_ids (list[str]):
        reviewed_charter (bool):
        recorded_at (datetime.datetime):
    """

    id: str
    kind: MeetingKind
    held_on: datetime.date
    participants: int
    decision_count: int
    action_ids: list[str]
    reviewed_charter: bool
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind: str = self.kind

        held_on = self.held_on.isoformat()

        participants = self.participants

        decision_count = self.decision_count

        action_ids = self.action_ids

        reviewed_charter = self.reviewed_charter

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "held_on": held_on,
                "participants": participants,
                "decision_count": decision_count,
                "action_ids": action_ids,
                "reviewed_charter": reviewed_charter,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = check_meeting_kind(d.pop("kind"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        participants = d.pop("participants")

        decision_count = d.pop("decision_count")

        action_ids = cast(list[str], d.pop("action_ids"))

        reviewed_charter = d.pop("reviewed_charter")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        meeting_summary = cls(
            id=id,
            kind=kind,
            held_on=held_on,
            participants=participants,
            decision_count=decision_count,
            action_ids=action_ids,
            reviewed_charter=reviewed_charter,
            recorded_at=recorded_at,
        )

        meeting_summary.additional_properties = d
        return meeting_summary

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
