from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.competencies import Competencies


T = TypeVar("T", bound="HeatmapRow")


@_attrs_define
class HeatmapRow:
    """
    Attributes:
        team_id (UUID):
        name (str):
        cells (Competencies): Relational Leadership competency means (1-5) from the latest closed self-check; each
            withheld with "no campaign yet" before the first one.
    """

    team_id: UUID
    name: str
    cells: Competencies

    def to_dict(self) -> dict[str, Any]:
        team_id = str(self.team_id)

        name = self.name

        cells = self.cells.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team_id": team_id,
                "name": name,
                "cells": cells,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.competencies import Competencies

        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        name = d.pop("name")

        cells = Competencies.from_dict(d.pop("cells"))

        return cls(
            team_id=team_id,
            name=name,
            cells=cells,
        )
