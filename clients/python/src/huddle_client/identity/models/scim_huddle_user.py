from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScimHuddleUser")


@_attrs_define
class ScimHuddleUser:
    """Huddle's own attributes of a person.

    Attributes:
        profession (str | Unset): The person's profession (not a job title, nor a team role: teams has those). Absent on
            a new person: other; absent on a replace: unchanged.
    """

    profession: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profession = self.profession

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if profession is not UNSET:
            field_dict["profession"] = profession

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        profession = d.pop("profession", UNSET)

        scim_huddle_user = cls(
            profession=profession,
        )

        scim_huddle_user.additional_properties = d
        return scim_huddle_user

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
