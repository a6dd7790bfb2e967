from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.collaboration_point import CollaborationPoint


T = TypeVar("T", bound="CollaborationTrends")


@_attrs_define
class CollaborationTrends:
    """
    Attributes:
        team_id (UUID):
        metric (Literal['collaboration']):
        points (list[CollaborationPoint]): One per closed campaign, oldest first
    """

    team_id: UUID
    metric: Literal["collaboration"]
    points: list[CollaborationPoint]

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
        from ..models.collaboration_point import CollaborationPoint

        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        metric = cast(Literal["collaboration"], d.pop("metric"))
        if metric != "collaboration":
            raise ValueError(f"metric must match const 'collaboration', got '{metric}'")

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = CollaborationPoint.from_dict(points_item_data)

            points.append(points_item)

        return cls(
            team_id=team_id,
            metric=metric,
            points=points,
        )
