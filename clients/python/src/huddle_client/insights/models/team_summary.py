from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.burnout_risk_summary import BurnoutRiskSummary
    from ..models.collaboration_summary import CollaborationSummary
    from ..models.morale_index import MoraleIndex
    from ..models.participation import Participation


T = TypeVar("T", bound="TeamSummary")


@_attrs_define
class TeamSummary:
    """
    Attributes:
        team_id (UUID):
        name (str):
        morale (MoraleIndex): The team-pulse index (0-100) of the latest closed pulse campaign.
        collaboration (CollaborationSummary):
        burnout_risk (BurnoutRiskSummary):
        participation (None | Participation): Null before any closed campaign
    """

    team_id: UUID
    name: str
    morale: MoraleIndex
    collaboration: CollaborationSummary
    burnout_risk: BurnoutRiskSummary
    participation: Participation | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.participation import Participation

        team_id = str(self.team_id)

        name = self.name

        morale = self.morale.to_dict()

        collaboration = self.collaboration.to_dict()

        burnout_risk = self.burnout_risk.to_dict()

        participation: dict[str, Any] | None
        if isinstance(self.participation, Participation):
            participation = self.participation.to_dict()
        else:
            participation = self.participation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team_id": team_id,
                "name": name,
                "morale": morale,
                "collaboration": collaboration,
                "burnout_risk": burnout_risk,
                "participation": participation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.burnout_risk_summary import BurnoutRiskSummary
        from ..models.collaboration_summary import CollaborationSummary
        from ..models.morale_index import MoraleIndex
        from ..models.participation import Participation

        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        name = d.pop("name")

        morale = MoraleIndex.from_dict(d.pop("morale"))

        collaboration = CollaborationSummary.from_dict(d.pop("collaboration"))

        burnout_risk = BurnoutRiskSummary.from_dict(d.pop("burnout_risk"))

        def _parse_participation(data: object) -> Participation | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return Participation.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Participation | None, data)

        participation = _parse_participation(d.pop("participation"))

        return cls(
            team_id=team_id,
            name=name,
            morale=morale,
            collaboration=collaboration,
            burnout_risk=burnout_risk,
            participation=participation,
        )
