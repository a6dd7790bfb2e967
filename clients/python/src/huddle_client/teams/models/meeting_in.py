from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.meeting_kind import MeetingKind, check_meeting_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.charter_review_in import CharterReviewIn
    from ..models.decision_in import DecisionIn


T = TypeVar("T", bound="MeetingIn")


@_attrs_define
class MeetingIn:
    """
    Attributes:
        kind (MeetingKind):
        participants (int): How many took part (a count only)
        held_on (datetime.date | None | Unset): Today when left out; not in the future, within a year
        went_well (list[str] | Unset):
        to_change (list[str] | Unset):
        decisions (list[DecisionIn] | Unset):
        charter_review (CharterReviewIn | None | Unset): A retrospective or charter review meeting that revisited the
            charter records its review here (clinical lead and org admins)
    """

    kind: MeetingKind
    participants: int
    held_on: datetime.date | Unset | None = UNSET
    went_well: list[str] | Unset = UNSET
    to_change: list[str] | Unset = UNSET
    decisions: list[DecisionIn] | Unset = UNSET
    charter_review: CharterReviewIn | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.charter_review_in import CharterReviewIn

        kind: str = self.kind

        participants = self.participants

        held_on: str | Unset | None
        if isinstance(self.held_on, Unset):
            held_on = UNSET
        elif isinstance(self.held_on, datetime.date):
            held_on = self.held_on.isoformat()
        else:
            held_on = self.held_on

        went_well: list[str] | Unset = UNSET
        if not isinstance(self.went_well, Unset):
            went_well = self.went_well

        to_change: list[str] | Unset = UNSET
        if not isinstance(self.to_change, Unset):
            to_change = self.to_change

        decisions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.decisions, Unset):
            decisions = []
            for decisions_item_data in self.decisions:
                decisions_item = decisions_item_data.to_dict()
                decisions.append(decisions_item)

        charter_review: dict[str, Any] | Unset | None
        if isinstance(self.charter_review, Unset):
            charter_review = UNSET
        elif isinstance(self.charter_review, CharterReviewIn):
            charter_review = self.charter_review.to_dict()
        else:
            charter_review = self.charter_review

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "participants": participants,
            }
        )
        if held_on is not UNSET:
            field_dict["held_on"] = held_on
        if went_well is not UNSET:
            field_dict["went_well"] = went_well
        if to_change is not UNSET:
            field_dict["to_change"] = to_change
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if charter_review is not UNSET:
            field_dict["charter_review"] = charter_review

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.charter_review_in import CharterReviewIn
        from ..models.decision_in import DecisionIn

        d = dict(src_dict)
        kind = check_meeting_kind(d.pop("kind"))

        participants = d.pop("participants")

        def _parse_held_on(data: object) -> datetime.date | Unset | None:
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

        held_on = _parse_held_on(d.pop("held_on", UNSET))

        went_well = cast(list[str], d.pop("went_well", UNSET))

        to_change = cast(list[str], d.pop("to_change", UNSET))

        _decisions = d.pop("decisions", UNSET)
        decisions: list[DecisionIn] | Unset = UNSET
        if _decisions is not UNSET:
            decisions = []
            for decisions_item_data in _decisions:
                decisions_item = DecisionIn.from_dict(decisions_item_data)

                decisions.append(decisions_item)

        def _parse_charter_review(data: object) -> CharterReviewIn | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return CharterReviewIn.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CharterReviewIn | Unset | None, data)

        charter_review = _parse_charter_review(d.pop("charter_review", UNSET))

        return cls(
            kind=kind,
            participants=participants,
            held_on=held_on,
            went_well=went_well,
            to_change=to_change,
            decisions=decisions,
            charter_review=charter_review,
        )
