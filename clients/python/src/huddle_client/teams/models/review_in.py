from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.review_outcome import ReviewOutcome, check_review_outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewIn")


@_attrs_define
class ReviewIn:
    """
    Attributes:
        outcome (ReviewOutcome):
        notes (str | Unset):  Default: ''.
        reviewed_on (datetime.date | None | Unset): Today when absent
    """

    outcome: ReviewOutcome
    notes: str | Unset = ""
    reviewed_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome: str = self.outcome

        notes = self.notes

        reviewed_on: str | Unset | None
        if isinstance(self.reviewed_on, Unset):
            reviewed_on = UNSET
        elif isinstance(self.reviewed_on, datetime.date):
            reviewed_on = self.reviewed_on.isoformat()
        else:
            reviewed_on = self.reviewed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes
        if reviewed_on is not UNSET:
            field_dict["reviewed_on"] = reviewed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = check_review_outcome(d.pop("outcome"))

        notes = d.pop("notes", UNSET)

        def _parse_reviewed_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.date.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | Unset | None, data)

        reviewed_on = _parse_reviewed_on(d.pop("reviewed_on", UNSET))

        return cls(
            outcome=outcome,
            notes=notes,
            reviewed_on=reviewed_on,
        )
