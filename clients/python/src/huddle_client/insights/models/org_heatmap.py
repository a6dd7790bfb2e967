from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.org_heatmap_competencies_item import (
    OrgHeatmapCompetenciesItem,
    check_org_heatmap_competencies_item,
)

if TYPE_CHECKING:
    from ..models.heatmap_row import HeatmapRow


T = TypeVar("T", bound="OrgHeatmap")


@_attrs_define
class OrgHeatmap:
    """Each active team by the four Relational Leadership competencies.

    Attributes:
        org_id (UUID):
        as_of (datetime.date): The day the figures are computed as of (UTC)
        competencies (list[OrgHeatmapCompetenciesItem]): The columns, in display order
        teams (list[HeatmapRow]): The rows, by team name, then id
    """

    org_id: UUID
    as_of: datetime.date
    competencies: list[OrgHeatmapCompetenciesItem]
    teams: list[HeatmapRow]

    def to_dict(self) -> dict[str, Any]:
        org_id = str(self.org_id)

        as_of = self.as_of.isoformat()

        competencies = []
        for competencies_item_data in self.competencies:
            competencies_item: str = competencies_item_data
            competencies.append(competencies_item)

        teams = []
        for teams_item_data in self.teams:
            teams_item = teams_item_data.to_dict()
            teams.append(teams_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "as_of": as_of,
                "competencies": competencies,
                "teams": teams,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.heatmap_row import HeatmapRow

        d = dict(src_dict)
        org_id = UUID(d.pop("org_id"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        competencies = []
        _competencies = d.pop("competencies")
        for competencies_item_data in _competencies:
            competencies_item = check_org_heatmap_competencies_item(competencies_item_data)

            competencies.append(competencies_item)

        teams = []
        _teams = d.pop("teams")
        for teams_item_data in _teams:
            teams_item = HeatmapRow.from_dict(teams_item_data)

            teams.append(teams_item)

        return cls(
            org_id=org_id,
            as_of=as_of,
            competencies=competencies,
            teams=teams,
        )
