from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.burnout_risk import BurnoutRisk
    from ..models.charter_health import CharterHealth
    from ..models.collaboration import Collaboration
    from ..models.competencies import Competencies
    from ..models.morale_breakdown import MoraleBreakdown
    from ..models.morale_index import MoraleIndex
    from ..models.participation import Participation
    from ..models.role_change import RoleChange
    from ..models.roster import Roster


T = TypeVar("T", bound="TeamDashboard")


@_attrs_define
class TeamDashboard:
    """One team's indices with their drivers, its roster, role changes and charter.

    Attributes:
        team_id (UUID):
        name (str):
        as_of (datetime.date): The day the figures are computed as of (UTC)
        morale (MoraleIndex): The team-pulse index (0-100) of the latest closed pulse campaign.
        morale_by_group (MoraleBreakdown): Morale by respondent group of the latest pulse, only when no group can be
            uncovered.
        collaboration (Collaboration): 35 % psychological safety, 35 % teamwork, 30 % structure. A survey part that is
            suppressed or missing is left out and the rest re-weighted, so the value is always shown.
        burnout_risk (BurnoutRisk):
        participation (None | Participation): Null before any closed campaign
        roster (Roster):
        role_changes (list[RoleChange]): The last 365 days up to as_of, oldest first
        charter (CharterHealth | None): Null before the first charter
        competencies (Competencies): Relational Leadership competency means (1-5) from the latest closed self-check;
            each
            withheld with "no campaign yet" before the first one.
    """

    team_id: UUID
    name: str
    as_of: datetime.date
    morale: MoraleIndex
    morale_by_group: MoraleBreakdown
    collaboration: Collaboration
    burnout_risk: BurnoutRisk
    participation: Participation | None
    roster: Roster
    role_changes: list[RoleChange]
    charter: CharterHealth | None
    competencies: Competencies

    def to_dict(self) -> dict[str, Any]:
        from ..models.charter_health import CharterHealth
        from ..models.participation import Participation

        team_id = str(self.team_id)

        name = self.name

        as_of = self.as_of.isoformat()

        morale = self.morale.to_dict()

        morale_by_group = self.morale_by_group.to_dict()

        collaboration = self.collaboration.to_dict()

        burnout_risk = self.burnout_risk.to_dict()

        participation: dict[str, Any] | None
        if isinstance(self.participation, Participation):
            participation = self.participation.to_dict()
        else:
            participation = self.participation

        roster = self.roster.to_dict()

        role_changes = []
        for role_changes_item_data in self.role_changes:
            role_changes_item = role_changes_item_data.to_dict()
            role_changes.append(role_changes_item)

        charter: dict[str, Any] | None
        if isinstance(self.charter, CharterHealth):
            charter = self.charter.to_dict()
        else:
            charter = self.charter

        competencies = self.competencies.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team_id": team_id,
                "name": name,
                "as_of": as_of,
                "morale": morale,
                "morale_by_group": morale_by_group,
                "collaboration": collaboration,
                "burnout_risk": burnout_risk,
                "participation": participation,
                "roster": roster,
                "role_changes": role_changes,
                "charter": charter,
                "competencies": competencies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.burnout_risk import BurnoutRisk
        from ..models.charter_health import CharterHealth
        from ..models.collaboration import Collaboration
        from ..models.competencies import Competencies
        from ..models.morale_breakdown import MoraleBreakdown
        from ..models.morale_index import MoraleIndex
        from ..models.participation import Participation
        from ..models.role_change import RoleChange
        from ..models.roster import Roster

        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        name = d.pop("name")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        morale = MoraleIndex.from_dict(d.pop("morale"))

        morale_by_group = MoraleBreakdown.from_dict(d.pop("morale_by_group"))

        collaboration = Collaboration.from_dict(d.pop("collaboration"))

        burnout_risk = BurnoutRisk.from_dict(d.pop("burnout_risk"))

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

        roster = Roster.from_dict(d.pop("roster"))

        role_changes = []
        _role_changes = d.pop("role_changes")
        for role_changes_item_data in _role_changes:
            role_changes_item = RoleChange.from_dict(role_changes_item_data)

            role_changes.append(role_changes_item)

        def _parse_charter(data: object) -> CharterHealth | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return CharterHealth.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CharterHealth | None, data)

        charter = _parse_charter(d.pop("charter"))

        competencies = Competencies.from_dict(d.pop("competencies"))

        return cls(
            team_id=team_id,
            name=name,
            as_of=as_of,
            morale=morale,
            morale_by_group=morale_by_group,
            collaboration=collaboration,
            burnout_risk=burnout_risk,
            participation=participation,
            roster=roster,
            role_changes=role_changes,
            charter=charter,
            competencies=competencies,
        )
