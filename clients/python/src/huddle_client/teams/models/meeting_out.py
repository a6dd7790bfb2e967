from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.meeting_kind import MeetingKind, check_meeting_kind

if TYPE_CHECKING:
    from ..models.decision_out import DecisionOut


T = TypeVar("T", bound="MeetingOut")


@_attrs_define
class MeetingOut:
    """
    Attributes:
        id (str):
        team_id (str):
        kind (MeetingKind):
        held_on (datetime.date):
        participants (int):
        went_well (list[str]):
        to_change (list[str]):
        decisions (list[DecisionOut]):
        reviewed_charter (bool): Whether the charter's review was recorded at it
        recorded_by (str):
        recorded_at (datetime.datetime):
    """

    id: str
    team_id: str
    kind: MeetingKind
    held_on: datetime.date
    participants: int
    went_well: list[str]
    to_change: list[str]
    decisions: list[DecisionOut]
    reviewed_charter: bool
    recorded_by: str
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        team_id = self.team_id

        kind: str = self.kind

        held_on = self.held_on.isoformat()

        participants = self.participants

        went_well = self.went_well

        to_change = self.to_change

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        reviewed_charter = self.reviewed_charter

        recorded_by = self.recorded_by

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "team_id": team_id,
                "kind": kind,
                "held_on": held_on,
                "participants": participants,
                "went_well": went_well,
                "to_change": to_change,
                "decisions": decisions,
                "reviewed_charter": reviewed_charter,
                "recorded_by": recorded_by,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_out import DecisionOut

        d = dict(src_dict)
        id = d.pop("id")

        team_id = d.pop("team_id")

        kind = check_meeting_kind(d.pop("kind"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        participants = d.pop("participants")

        went_well = cast(list[str], d.pop("went_well"))

        to_change = cast(list[str], d.pop("to_change"))

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = DecisionOut.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        reviewed_charter = d.pop("reviewed_charter")

        recorded_by = d.pop("recorded_by")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        meeting_out = cls(
            id=id,
            team_id=team_id,
            kind=kind,
            held_on=held_on,
            participants=participants,
            went_well=went_well,
            to_change=to_change,
            decisions=decisions,
            reviewed_charter=reviewed_charter,
            recorded_by=recorded_by,
            recorded_at=recorded_at,
        )

        meeting_out.additional_properties = d
        return meeting_out

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
