from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.anonymity import Anonymity, check_anonymity
from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignSettings")


@_attrs_define
class CampaignSettings:
    """
    Attributes:
        anonymity (Anonymity | None | Unset):
        min_group_size (int | None | Unset):
    """

    anonymity: Anonymity | Unset | None = UNSET
    min_group_size: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        anonymity: str | Unset | None
        if isinstance(self.anonymity, Unset):
            anonymity = UNSET
        elif isinstance(self.anonymity, str):
            anonymity = self.anonymity
        else:
            anonymity = self.anonymity

        min_group_size: int | Unset | None
        min_group_size = UNSET if isinstance(self.min_group_size, Unset) else self.min_group_size

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if anonymity is not UNSET:
            field_dict["anonymity"] = anonymity
        if min_group_size is not UNSET:
            field_dict["min_group_size"] = min_group_size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_anonymity(data: object) -> Anonymity | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_anonymity(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Anonymity | Unset | None, data)

        anonymity = _parse_anonymity(d.pop("anonymity", UNSET))

        def _parse_min_group_size(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | Unset | None, data)

        min_group_size = _parse_min_group_size(d.pop("min_group_size", UNSET))

        return cls(
            anonymity=anonymity,
            min_group_size=min_group_size,
        )
