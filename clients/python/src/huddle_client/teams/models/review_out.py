from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_outcome import ReviewOutcome, check_review_outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewOut")


@_attrs_define
class ReviewOut:
    """
    Attributes:
        revision (int):
        outcome (ReviewOutcome):
        notes (str):
        reviewed_on (datetime.date):
        reviewed_by (str):
        meeting_id (None | str | Unset): The meeting (retrospective or charter review) it was held at
    """

    revision: int
    outcome: ReviewOutcome
    notes: str
    reviewed_on: datetime.date
    reviewed_by: str
    meeting_id: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        outcome: str = self.outcome

        notes = self.notes

        reviewed_on = self.reviewed_on.isoformat()

        reviewed_by = self.reviewed_by

        meeting_id: str | Unset | None
        meeting_id = UNSET if isinstance(self.meeting_id, Unset) else self.meeting_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revision": revision,
                "outcome": outcome,
                "notes": notes,
                "reviewed_on": reviewed_on,
                "reviewed_by": reviewed_by,
            }
        )
        if meeting_id is not UNSET:
            field_dict["meeting_id"] = meeting_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        revision = d.pop("revision")

        outcome = check_review_outcome(d.pop("outcome"))

        notes = d.pop("notes")

        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        reviewed_by = d.pop("reviewed_by")

        def _parse_meeting_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id", UNSET))

        review_out = cls(
            revision=revision,
            outcome=outcome,
            notes=notes,
            reviewed_on=reviewed_on,
            reviewed_by=reviewed_by,
            meeting_id=meeting_id,
        )

        review_out.additional_properties = d
        return review_out

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
