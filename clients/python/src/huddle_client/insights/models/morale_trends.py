from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.morale_point import MoralePoint


T = TypeVar("T", bound="MoraleTrends")


@_attrs_define
class MoraleTrends:
    """
    Attributes:
        team_id (UUID):
        metric (Literal['morale']):
        points (list[MoralePoint]): One per closed pulse campaign, oldest first
    """

    team_id: UUID
    metric: Literal["morale"]
    points: list[MoralePoint]

    def to_dict(self) -> dict[str, Any]:
        team_id = str(self.team_id)

        metric = self.metric

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team_id": team_id,
                "metric": metric,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.morale_point import MoralePoint

        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        metric = cast(Literal["morale"], d.pop("metric"))
        if metric != "morale":
            raise ValueError(f"metric must match const 'morale', got '{metric}'")

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = MoralePoint.from_dict(points_item_data)

            points.append(points_item)

        return cls(
            team_id=team_id,
            metric=metric,
            points=points,
        )
