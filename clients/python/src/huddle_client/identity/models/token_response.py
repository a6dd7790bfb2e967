from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenResponse")


@_attrs_define
class TokenResponse:
    """
    Attributes:
        access_token (str): An ES256 JWT; send it as `Authorization: Bearer`
        expires_in (int): Seconds until the access token expires
        token_type (Literal['Bearer'] | Unset):  Default: 'Bearer'.
        scope (str | Unset): The granted scopes, space-separated (clients) Default: ''.
        refresh_token (None | str | Unset): People only; absent for clients. It can be used once
        id_token (None | str | Unset): authorization_code grant with the `openid` scope: an ES256 ID token for the
            client (`aud` = its client id, `nonce` as sent)
    """

    access_token: str
    expires_in: int
    token_type: Literal["Bearer"] | Unset = "Bearer"
    scope: str | Unset = ""
    refresh_token: str | Unset | None = UNSET
    id_token: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        token_type = self.token_type

        scope = self.scope

        refresh_token: str | Unset | None
        refresh_token = UNSET if isinstance(self.refresh_token, Unset) else self.refresh_token

        id_token: str | Unset | None
        id_token = UNSET if isinstance(self.id_token, Unset) else self.id_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
            }
        )
        if token_type is not UNSET:
            field_dict["token_type"] = token_type
        if scope is not UNSET:
            field_dict["scope"] = scope
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if id_token is not UNSET:
            field_dict["id_token"] = id_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        token_type = cast(Literal["Bearer"] | Unset, d.pop("token_type", UNSET))
        if token_type != "Bearer" and not isinstance(token_type, Unset):
            raise ValueError(f"token_type must match const 'Bearer', got '{token_type}'")

        scope = d.pop("scope", UNSET)

        def _parse_refresh_token(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        refresh_token = _parse_refresh_token(d.pop("refresh_token", UNSET))

        def _parse_id_token(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        id_token = _parse_id_token(d.pop("id_token", UNSET))

        token_response = cls(
            access_token=access_token,
            expires_in=expires_in,
            token_type=token_type,
            scope=scope,
            refresh_token=refresh_token,
            id_token=id_token,
        )

        token_response.additional_properties = d
        return token_response

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
