from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.organisation_figures_teams_by_burnout_risk import (
        OrganisationFiguresTeamsByBurnoutRisk,
    )


T = TypeVar("T", bound="OrganisationFigures")


@_attrs_define
class OrganisationFigures:
    """
    Attributes:
        teams (int): Active teams in the organisation
        morale_mean_of_shown_teams (float | None): The mean of the shown teams' morale only: a suppressed team's figure
            cannot be recovered by subtraction; null when no team's morale is shown
        teams_by_burnout_risk (OrganisationFiguresTeamsByBurnoutRisk): Teams per burnout-risk level (unknown:
            unavailable); levels with no team are left out
    """

    teams: int
    morale_mean_of_shown_teams: float | None
    teams_by_burnout_risk: OrganisationFiguresTeamsByBurnoutRisk

    def to_dict(self) -> dict[str, Any]:
        teams = self.teams

        morale_mean_of_shown_teams: float | None
        morale_mean_of_shown_teams = self.morale_mean_of_shown_teams

        teams_by_burnout_risk = self.teams_by_burnout_risk.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "teams": teams,
                "morale_mean_of_shown_teams": morale_mean_of_shown_teams,
                "teams_by_burnout_risk": teams_by_burnout_risk,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_figures_teams_by_burnout_risk import (
            OrganisationFiguresTeamsByBurnoutRisk,
        )

        d = dict(src_dict)
        teams = d.pop("teams")

        def _parse_morale_mean_of_shown_teams(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        morale_mean_of_shown_teams = _parse_morale_mean_of_shown_teams(
            d.pop("morale_mean_of_shown_teams")
        )

        teams_by_burnout_risk = OrganisationFiguresTeamsByBurnoutRisk.from_dict(
            d.pop("teams_by_burnout_risk")
        )

        return cls(
            teams=teams,
            morale_mean_of_shown_teams=morale_mean_of_shown_teams,
            teams_by_burnout_risk=teams_by_burnout_risk,
        )
