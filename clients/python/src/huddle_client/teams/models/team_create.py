from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.care_setting import CareSetting, check_care_setting
from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamCreate")


@_attrs_define
class TeamCreate:
    """
    Attributes:
        name (str):
        care_setting (CareSetting | Unset):
        description (str | Unset):  Default: ''.
        review_cadence_days (int | Unset): Days between charter reviews Default: 90.
    """

    name: str
    care_setting: CareSetting | Unset = UNSET
    description: str | Unset = ""
    review_cadence_days: int | Unset = 90

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        care_setting: str | Unset = UNSET
        if not isinstance(self.care_setting, Unset):
            care_setting = self.care_setting

        description = self.description

        review_cadence_days = self.review_cadence_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if care_setting is not UNSET:
            field_dict["care_setting"] = care_setting
        if description is not UNSET:
            field_dict["description"] = description
        if review_cadence_days is not UNSET:
            field_dict["review_cadence_days"] = review_cadence_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _care_setting = d.pop("care_setting", UNSET)
        care_setting: CareSetting | Unset
        if isinstance(_care_setting, Unset):
            care_setting = UNSET
        else:
            care_setting = check_care_setting(_care_setting)

        description = d.pop("description", UNSET)

        review_cadence_days = d.pop("review_cadence_days", UNSET)

        return cls(
            name=name,
            care_setting=care_setting,
            description=description,
            review_cadence_days=review_cadence_days,
        )
