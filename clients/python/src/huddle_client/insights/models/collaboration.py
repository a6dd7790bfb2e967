from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.collaboration_level import CollaborationLevel, check_collaboration_level

if TYPE_CHECKING:
    from ..models.collaboration_components import CollaborationComponents


T = TypeVar("T", bound="Collaboration")


@_attrs_define
class Collaboration:
    """35 % psychological safety, 35 % teamwork, 30 % structure. A survey part that is
    suppressed or missing is left out and the rest re-weighted, so the value is always shown.

        Attributes:
            value (float): 0-100
            level (CollaborationLevel):
            components (CollaborationComponents):
            structure_only (bool): True when neither survey part could be used
            notes (list[str]): Each survey part left out, and why
    """

    value: float
    level: CollaborationLevel
    components: CollaborationComponents
    structure_only: bool
    notes: list[str]

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        level: str = self.level

        components = self.components.to_dict()

        structure_only = self.structure_only

        notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "level": level,
                "components": components,
                "structure_only": structure_only,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.collaboration_components import CollaborationComponents

        d = dict(src_dict)
        value = d.pop("value")

        level = check_collaboration_level(d.pop("level"))

        components = CollaborationComponents.from_dict(d.pop("components"))

        structure_only = d.pop("structure_only")

        notes = cast(list[str], d.pop("notes"))

        return cls(
            value=value,
            level=level,
            components=components,
            structure_only=structure_only,
            notes=notes,
        )
