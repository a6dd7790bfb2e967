from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.charter_health_goals_by_status import CharterHealthGoalsByStatus


T = TypeVar("T", bound="CharterHealth")


@_attrs_define
class CharterHealth:
    """
    Attributes:
        completeness (float): 0-100: vision, goals, norms and roles present
        freshness (float): 100 within the review cadence, 0 at twice it
        days_since_last_review (int): Since the last revision or review
        review_cadence_days (int):
        overdue (bool):
        goals_by_status (CharterHealthGoalsByStatus): Goals per status (on_track, …)
    """

    completeness: float
    freshness: float
    days_since_last_review: int
    review_cadence_days: int
    overdue: bool
    goals_by_status: CharterHealthGoalsByStatus

    def to_dict(self) -> dict[str, Any]:
        completeness = self.completeness

        freshness = self.freshness

        days_since_last_review = self.days_since_last_review

        review_cadence_days = self.review_cadence_days

        overdue = self.overdue

        goals_by_status = self.goals_by_status.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "completeness": completeness,
                "freshness": freshness,
                "days_since_last_review": days_since_last_review,
                "review_cadence_days": review_cadence_days,
                "overdue": overdue,
                "goals_by_status": goals_by_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.charter_health_goals_by_status import CharterHealthGoalsByStatus

        d = dict(src_dict)
        completeness = d.pop("completeness")

        freshness = d.pop("freshness")

        days_since_last_review = d.pop("days_since_last_review")

        review_cadence_days = d.pop("review_cadence_days")

        overdue = d.pop("overdue")

        goals_by_status = CharterHealthGoalsByStatus.from_dict(d.pop("goals_by_status"))

        return cls(
            completeness=completeness,
            freshness=freshness,
            days_since_last_review=days_since_last_review,
            review_cadence_days=review_cadence_days,
            overdue=overdue,
            goals_by_status=goals_by_status,
        )
