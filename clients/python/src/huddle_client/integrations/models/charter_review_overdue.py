from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CharterReviewOverdue")


@_attrs_define
class CharterReviewOverdue:
    """The charter's review is two weeks past its date and has not happened.

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        revision (int):
        next_review_due (datetime.date):
        days_overdue (int):
    """

    org_id: str
    team_id: str
    revision: int
    next_review_due: datetime.date
    days_overdue: int

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        revision = self.revision

        next_review_due = self.next_review_due.isoformat()

        days_overdue = self.days_overdue

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "revision": revision,
                "next_review_due": next_review_due,
                "days_overdue": days_overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        revision = d.pop("revision")

        next_review_due = datetime.date.fromisoformat(d.pop("next_review_due"))

        days_overdue = d.pop("days_overdue")

        return cls(
            org_id=org_id,
            team_id=team_id,
            revision=revision,
            next_review_due=next_review_due,
            days_overdue=days_overdue,
        )
