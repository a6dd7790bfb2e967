from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamUpdate")


@_attrs_define
class TeamUpdate:
    """Only the fields present change.

    Attributes:
        name (None | str | Unset):
        description (None | str | Unset):
        review_cadence_days (int | None | Unset):
    """

    name: str | Unset | None = UNSET
    description: str | Unset | None = UNSET
    review_cadence_days: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: str | Unset | None
        name = UNSET if isinstance(self.name, Unset) else self.name

        description: str | Unset | None
        description = UNSET if isinstance(self.description, Unset) else self.description

        review_cadence_days: int | Unset | None
        if isinstance(self.review_cadence_days, Unset):
            review_cadence_days = UNSET
        else:
            review_cadence_days = self.review_cadence_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if review_cadence_days is not UNSET:
            field_dict["review_cadence_days"] = review_cadence_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_review_cadence_days(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | Unset | None, data)

        review_cadence_days = _parse_review_cadence_days(d.pop("review_cadence_days", UNSET))

        return cls(
            name=name,
            description=description,
            review_cadence_days=review_cadence_days,
        )
