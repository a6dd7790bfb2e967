from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.collaboration_structure import CollaborationStructure
    from ..models.measured import Measured


T = TypeVar("T", bound="CollaborationComponents")


@_attrs_define
class CollaborationComponents:
    """
    Attributes:
        psychological_safety (Measured | None): Rescaled to 0-100; null before the first campaign
        teamwork (Measured | None): Rescaled to 0-100; null before the first one
        structure (CollaborationStructure): The team's structure, each part 0-100 (never suppressed: no survey behind
            it).
    """

    psychological_safety: Measured | None
    teamwork: Measured | None
    structure: CollaborationStructure

    def to_dict(self) -> dict[str, Any]:
        from ..models.measured import Measured

        psychological_safety: dict[str, Any] | None
        if isinstance(self.psychological_safety, Measured):
            psychological_safety = self.psychological_safety.to_dict()
        else:
            psychological_safety = self.psychological_safety

        teamwork: dict[str, Any] | None
        teamwork = self.teamwork.to_dict() if isinstance(self.teamwork, Measured) else self.teamwork

        structure = self.structure.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "psychological_safety": psychological_safety,
                "teamwork": teamwork,
                "structure": structure,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.collaboration_structure import CollaborationStructure
        from ..models.measured import Measured

        d = dict(src_dict)

        def _parse_psychological_safety(data: object) -> Measured | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return Measured.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Measured | None, data)

        psychological_safety = _parse_psychological_safety(d.pop("psychological_safety"))

        def _parse_teamwork(data: object) -> Measured | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return Measured.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Measured | None, data)

        teamwork = _parse_teamwork(d.pop("teamwork"))

        structure = CollaborationStructure.from_dict(d.pop("structure"))

        return cls(
            psychological_safety=psychological_safety,
            teamwork=teamwork,
            structure=structure,
        )
