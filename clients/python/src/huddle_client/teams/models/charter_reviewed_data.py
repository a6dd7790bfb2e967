from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_outcome import ReviewOutcome, check_review_outcome

T = TypeVar("T", bound="CharterReviewedData")


@_attrs_define
class CharterReviewedData:
    """
    Attributes:
        team_id (str):
        revision (int):
        outcome (ReviewOutcome):
        notes (str):
        reviewed_on (datetime.date):
        next_review_due (datetime.date):
        reviewed_by (str):
        meeting_id (None | str): The meeting it was held at, if any
    """

    team_id: str
    revision: int
    outcome: ReviewOutcome
    notes: str
    reviewed_on: datetime.date
    next_review_due: datetime.date
    reviewed_by: str
    meeting_id: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        revision = self.revision

        outcome: str = self.outcome

        notes = self.notes

        reviewed_on = self.reviewed_on.isoformat()

        next_review_due = self.next_review_due.isoformat()

        reviewed_by = self.reviewed_by

        meeting_id: str | None
        meeting_id = self.meeting_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "revision": revision,
                "outcome": outcome,
                "notes": notes,
                "reviewed_on": reviewed_on,
                "next_review_due": next_review_due,
                "reviewed_by": reviewed_by,
                "meeting_id": meeting_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        revision = d.pop("revision")

        outcome = check_review_outcome(d.pop("outcome"))

        notes = d.pop("notes")

        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        next_review_due = datetime.date.fromisoformat(d.pop("next_review_due"))

        reviewed_by = d.pop("reviewed_by")

        def _parse_meeting_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id"))

        charter_reviewed_data = cls(
            team_id=team_id,
            revision=revision,
            outcome=outcome,
            notes=notes,
            reviewed_on=reviewed_on,
            next_review_due=next_review_due,
            reviewed_by=reviewed_by,
            meeting_id=meeting_id,
        )

        charter_reviewed_data.additional_properties = d
        return charter_reviewed_data

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
