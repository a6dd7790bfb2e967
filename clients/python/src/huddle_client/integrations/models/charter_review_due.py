from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CharterReviewDue")


@_attrs_define
class CharterReviewDue:
    """The charter's review date has come (raised by the schedule, with no team action).

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        revision (int): The charter revision due for review
        next_review_due (datetime.date):
    """

    org_id: str
    team_id: str
    revision: int
    next_review_due: datetime.date

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        revision = self.revision

        next_review_due = self.next_review_due.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "revision": revision,
                "next_review_due": next_review_due,
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

        return cls(
            org_id=org_id,
            team_id=team_id,
            revision=revision,
            next_review_due=next_review_due,
        )
