from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReviewCadenceChangedData")


@_attrs_define
class ReviewCadenceChangedData:
    """
    Attributes:
        team_id (str):
        review_cadence_days (int):
        next_review_due (datetime.date | None): null while the team has no charter
        changed_by (str):
    """

    team_id: str
    review_cadence_days: int
    next_review_due: datetime.date | None
    changed_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        review_cadence_days = self.review_cadence_days

        next_review_due: str | None
        if isinstance(self.next_review_due, datetime.date):
            next_review_due = self.next_review_due.isoformat()
        else:
            next_review_due = self.next_review_due

        changed_by = self.changed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "review_cadence_days": review_cadence_days,
                "next_review_due": next_review_due,
                "changed_by": changed_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        review_cadence_days = d.pop("review_cadence_days")

        def _parse_next_review_due(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.date.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_review_due = _parse_next_review_due(d.pop("next_review_due"))

        changed_by = d.pop("changed_by")

        review_cadence_changed_data = cls(
            team_id=team_id,
            review_cadence_days=review_cadence_days,
            next_review_due=next_review_due,
            changed_by=changed_by,
        )

        review_cadence_changed_data.additional_properties = d
        return review_cadence_changed_data

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
