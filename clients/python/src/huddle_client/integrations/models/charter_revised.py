from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CharterRevised")


@_attrs_define
class CharterRevised:
    """The team agreed a new revision of its charter (vision, goals, norms, roles).

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        revision (int):
        goal_count (int):
        norm_count (int):
        roles (list[str]): The team roles the charter describes
        next_review_due (datetime.date):
    """

    org_id: str
    team_id: str
    revision: int
    goal_count: int
    norm_count: int
    roles: list[str]
    next_review_due: datetime.date

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        revision = self.revision

        goal_count = self.goal_count

        norm_count = self.norm_count

        roles = self.roles

        next_review_due = self.next_review_due.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "revision": revision,
                "goal_count": goal_count,
                "norm_count": norm_count,
                "roles": roles,
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

        goal_count = d.pop("goal_count")

        norm_count = d.pop("norm_count")

        roles = cast(list[str], d.pop("roles"))

        next_review_due = datetime.date.fromisoformat(d.pop("next_review_due"))

        return cls(
            org_id=org_id,
            team_id=team_id,
            revision=revision,
            goal_count=goal_count,
            norm_count=norm_count,
            roles=roles,
            next_review_due=next_review_due,
        )
