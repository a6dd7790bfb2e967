from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="GoalOwnersIn")


@_attrs_define
class GoalOwnersIn:
    """
    Attributes:
        owners (list[UUID]): Members of the team (user ids); an empty list leaves the goal unowned
    """

    owners: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        owners = []
        for owners_item_data in self.owners:
            owners_item = str(owners_item_data)
            owners.append(owners_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "owners": owners,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        owners = []
        _owners = d.pop("owners")
        for owners_item_data in _owners:
            owners_item = UUID(owners_item_data)

            owners.append(owners_item)

        return cls(
            owners=owners,
        )
