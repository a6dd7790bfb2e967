from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RevocationRequest")


@_attrs_define
class RevocationRequest:
    """A token revocation request (RFC 7009), form-encoded.

    Attributes:
        token (None | str | Unset): The token to revoke
        token_type_hint (None | str | Unset): refresh_token or access_token
        client_id (None | str | Unset): The public client revoking it
    """

    token: str | Unset | None = UNSET
    token_type_hint: str | Unset | None = UNSET
    client_id: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token: str | Unset | None
        token = UNSET if isinstance(self.token, Unset) else self.token

        token_type_hint: str | Unset | None
        token_type_hint = UNSET if isinstance(self.token_type_hint, Unset) else self.token_type_hint

        client_id: str | Unset | None
        client_id = UNSET if isinstance(self.client_id, Unset) else self.client_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if token is not UNSET:
            field_dict["token"] = token
        if token_type_hint is not UNSET:
            field_dict["token_type_hint"] = token_type_hint
        if client_id is not UNSET:
            field_dict["client_id"] = client_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_token(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        token = _parse_token(d.pop("token", UNSET))

        def _parse_token_type_hint(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        token_type_hint = _parse_token_type_hint(d.pop("token_type_hint", UNSET))

        def _parse_client_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        client_id = _parse_client_id(d.pop("client_id", UNSET))

        revocation_request = cls(
            token=token,
            token_type_hint=token_type_hint,
            client_id=client_id,
        )

        revocation_request.additional_properties = d
        return revocation_request

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
