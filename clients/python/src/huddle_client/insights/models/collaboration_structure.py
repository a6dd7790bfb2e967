from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CollaborationStructure")


@_attrs_define
class CollaborationStructure:
    """The team's structure, each part 0-100 (never suppressed: no survey behind it).

    Attributes:
        interprofessional_mix (float): Four or more professions is 100
        charter_completeness (float):
        charter_freshness (float): 100 within the review cadence, 0 at twice it
        membership_stability (float): Less role churn in 90 days is higher
        score (float): The mean of the four parts
    """

    interprofessional_mix: float
    charter_completeness: float
    charter_freshness: float
    membership_stability: float
    score: float

    def to_dict(self) -> dict[str, Any]:
        interprofessional_mix = self.interprofessional_mix

        charter_completeness = self.charter_completeness

        charter_freshness = self.charter_freshness

        membership_stability = self.membership_stability

        score = self.score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "interprofessional_mix": interprofessional_mix,
                "charter_completeness": charter_completeness,
                "charter_freshness": charter_freshness,
                "membership_stability": membership_stability,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        interprofessional_mix = d.pop("interprofessional_mix")

        charter_completeness = d.pop("charter_completeness")

        charter_freshness = d.pop("charter_freshness")

        membership_stability = d.pop("membership_stability")

        score = d.pop("score")

        return cls(
            interprofessional_mix=interprofessional_mix,
            charter_completeness=charter_completeness,
            charter_freshness=charter_freshness,
            membership_stability=membership_stability,
            score=score,
        )
