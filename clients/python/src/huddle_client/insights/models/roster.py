from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.roster_by_profession import RosterByProfession
    from ..models.roster_by_team_role import RosterByTeamRole


T = TypeVar("T", bound="Roster")


@_attrs_define
class Roster:
    """
    Attributes:
        members (int):
        by_profession (RosterByProfession): Members per profession (identity's; 'unknown' when not projected yet)
        by_team_role (RosterByTeamRole): Members per role on the team
        professions (int): Distinct known professions
    """

    members: int
    by_profession: RosterByProfession
    by_team_role: RosterByTeamRole
    professions: int

    def to_dict(self) -> dict[str, Any]:
        members = self.members

        by_profession = self.by_profession.to_dict()

        by_team_role = self.by_team_role.to_dict()

        professions = self.professions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "members": members,
                "by_profession": by_profession,
                "by_team_role": by_team_role,
                "professions": professions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.roster_by_profession import RosterByProfession
        from ..models.roster_by_team_role import RosterByTeamRole

        d = dict(src_dict)
        members = d.pop("members")

        by_profession = RosterByProfession.from_dict(d.pop("by_profession"))

        by_team_role = RosterByTeamRole.from_dict(d.pop("by_team_role"))

        professions = d.pop("professions")

        return cls(
            members=members,
            by_profession=by_profession,
            by_team_role=by_team_role,
            professions=professions,
        )
