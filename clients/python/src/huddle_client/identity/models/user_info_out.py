from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserInfoOut")


@_attrs_define
class UserInfoOut:
    """The signed-in person's claims, as their token's scopes release them.

    Attributes:
        sub (str): The person's id
        org (str): Their organisation's id
        name (None | str | Unset): With the `profile` scope
        email (None | str | Unset): With the `email` scope
    """

    sub: str
    org: str
    name: str | Unset | None = UNSET
    email: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sub = self.sub

        org = self.org

        name: str | Unset | None
        name = UNSET if isinstance(self.name, Unset) else self.name

        email: str | Unset | None
        email = UNSET if isinstance(self.email, Unset) else self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sub": sub,
                "org": org,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sub = d.pop("sub")

        org = d.pop("org")

        def _parse_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_email(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        email = _parse_email(d.pop("email", UNSET))

        user_info_out = cls(
            sub=sub,
            org=org,
            name=name,
            email=email,
        )

        user_info_out.additional_properties = d
        return user_info_out

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
