from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.charter_role_out import CharterRoleOut
    from ..models.goal_out import GoalOut
    from ..models.review_out import ReviewOut


T = TypeVar("T", bound="CharterOut")


@_attrs_define
class CharterOut:
    """
    Attributes:
        team_id (str):
        revision (int): 0 while the team has no charter
        vision (str):
        goals (list[GoalOut]):
        norms (list[str]):
        roles (list[CharterRoleOut]):
        revised_on (datetime.date | None):
        revised_by (None | str):
        review_cadence_days (int):
        last_review (None | ReviewOut):
        last_revisited_on (datetime.date | None): The last revision or review
        next_review_due (datetime.date | None):
        review_overdue (bool):
        version (int): The team's stream version; also the ETag
    """

    team_id: str
    revision: int
    vision: str
    goals: list[GoalOut]
    norms: list[str]
    roles: list[CharterRoleOut]
    revised_on: datetime.date | None
    revised_by: str | None
    review_cadence_days: int
    last_review: ReviewOut | None
    last_revisited_on: datetime.date | None
    next_review_due: datetime.date | None
    review_overdue: bool
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.review_out import ReviewOut

        team_id = self.team_id

        revision = self.revision

        vision = self.vision

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        norms = self.norms

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        revised_on: str | None
        if isinstance(self.revised_on, datetime.date):
            revised_on = self.revised_on.isoformat()
        else:
            revised_on = self.revised_on

        revised_by: str | None
        revised_by = self.revised_by

        review_cadence_days = self.review_cadence_days

        last_review: dict[str, Any] | None
        if isinstance(self.last_review, ReviewOut):
            last_review = self.last_review.to_dict()
        else:
            last_review = self.last_review

        last_revisited_on: str | None
        if isinstance(self.last_revisited_on, datetime.date):
            last_revisited_on = self.last_revisited_on.isoformat()
        else:
            last_revisited_on = self.last_revisited_on

        next_review_due: str | None
        if isinstance(self.next_review_due, datetime.date):
            next_review_due = self.next_review_due.isoformat()
        else:
            next_review_due = self.next_review_due

        review_overdue = self.review_overdue

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "revision": revision,
                "vision": vision,
                "goals": goals,
                "norms": norms,
                "roles": roles,
                "revised_on": revised_on,
                "revised_by": revised_by,
                "review_cadence_days": review_cadence_days,
                "last_review": last_review,
                "last_revisited_on": last_revisited_on,
                "next_review_due": next_review_due,
                "review_overdue": review_overdue,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.charter_role_out import CharterRoleOut
        from ..models.goal_out import GoalOut
        from ..models.review_out import ReviewOut

        d = dict(src_dict)
        team_id = d.pop("team_id")

        revision = d.pop("revision")

        vision = d.pop("vision")

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = GoalOut.from_dict(goals_item_data)

            goals.append(goals_item)

        norms = cast(list[str], d.pop("norms"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = CharterRoleOut.from_dict(roles_item_data)

            roles.append(roles_item)

        def _parse_revised_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.date.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        revised_on = _parse_revised_on(d.pop("revised_on"))

        def _parse_revised_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        revised_by = _parse_revised_by(d.pop("revised_by"))

        review_cadence_days = d.pop("review_cadence_days")

        def _parse_last_review(data: object) -> ReviewOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return ReviewOut.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ReviewOut | None, data)

        last_review = _parse_last_review(d.pop("last_review"))

        def _parse_last_revisited_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.date.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_revisited_on = _parse_last_revisited_on(d.pop("last_revisited_on"))

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

        review_overdue = d.pop("review_overdue")

        version = d.pop("version")

        charter_out = cls(
            team_id=team_id,
            revision=revision,
            vision=vision,
            goals=goals,
            norms=norms,
            roles=roles,
            revised_on=revised_on,
            revised_by=revised_by,
            review_cadence_days=review_cadence_days,
            last_review=last_review,
            last_revisited_on=last_revisited_on,
            next_review_due=next_review_due,
            review_overdue=review_overdue,
            version=version,
        )

        charter_out.additional_properties = d
        return charter_out

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
