from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.organisation_figures import OrganisationFigures
    from ..models.team_summary import TeamSummary


T = TypeVar("T", bound="OrgDashboard")


@_attrs_define
class OrgDashboard:
    """Every active team of the organisation with its three indices, and the organisation's
    figures.

        Attributes:
            org_id (UUID):
            as_of (datetime.date): The day the figures are computed as of (UTC)
            teams (list[TeamSummary]): By name, then id
            organisation (OrganisationFigures):
    """

    org_id: UUID
    as_of: datetime.date
    teams: list[TeamSummary]
    organisation: OrganisationFigures

    def to_dict(self) -> dict[str, Any]:
        org_id = str(self.org_id)

        as_of = self.as_of.isoformat()

        teams = []
        for teams_item_data in self.teams:
            teams_item = teams_item_data.to_dict()
            teams.append(teams_item)

        organisation = self.organisation.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "as_of": as_of,
                "teams": teams,
                "organisation": organisation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_figures import OrganisationFigures
        from ..models.team_summary import TeamSummary

        d = dict(src_dict)
        org_id = UUID(d.pop("org_id"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        teams = []
        _teams = d.pop("teams")
        for teams_item_data in _teams:
            teams_item = TeamSummary.from_dict(teams_item_data)

            teams.append(teams_item)

        organisation = OrganisationFigures.from_dict(d.pop("organisation"))

        return cls(
            org_id=org_id,
            as_of=as_of,
            teams=teams,
            organisation=organisation,
        )
