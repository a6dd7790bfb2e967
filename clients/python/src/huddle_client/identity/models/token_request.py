from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenRequest")


@_attrs_define
class TokenRequest:
    """An OAuth 2.0 token request; which fields are needed depends on `grant_type`.

    Attributes:
        grant_type (None | str | Unset): authorization_code, refresh_token, client_credentials, or password (only where
            enabled: never by default in production)
        code (None | str | Unset): authorization_code grant: the code, once
        redirect_uri (None | str | Unset): authorization_code grant: the redirect URI of the authorization request
        code_verifier (None | str | Unset): authorization_code grant: the PKCE verifier of the S256 code_challenge
        username (None | str | Unset): password grant: the person's email
        password (None | str | Unset): password grant
        refresh_token (None | str | Unset): refresh_token grant: it can be used once
        client_id (None | str | Unset): authorization_code grant (the frontend), or client_credentials grant unless sent
            with HTTP Basic
        client_secret (None | str | Unset): client_credentials grant, unless sent with HTTP Basic
        scope (None | str | Unset): client_credentials grant: space-separated (default: all the client's)
    """

    grant_type: str | Unset | None = UNSET
    code: str | Unset | None = UNSET
    redirect_uri: str | Unset | None = UNSET
    code_verifier: str | Unset | None = UNSET
    username: str | Unset | None = UNSET
    password: str | Unset | None = UNSET
    refresh_token: str | Unset | None = UNSET
    client_id: str | Unset | None = UNSET
    client_secret: str | Unset | None = UNSET
    scope: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type: str | Unset | None
        grant_type = UNSET if isinstance(self.grant_type, Unset) else self.grant_type

        code: str | Unset | None
        code = UNSET if isinstance(self.code, Unset) else self.code

        redirect_uri: str | Unset | None
        redirect_uri = UNSET if isinstance(self.redirect_uri, Unset) else self.redirect_uri

        code_verifier: str | Unset | None
        code_verifier = UNSET if isinstance(self.code_verifier, Unset) else self.code_verifier

        username: str | Unset | None
        username = UNSET if isinstance(self.username, Unset) else self.username

        password: str | Unset | None
        password = UNSET if isinstance(self.password, Unset) else self.password

        refresh_token: str | Unset | None
        refresh_token = UNSET if isinstance(self.refresh_token, Unset) else self.refresh_token

        client_id: str | Unset | None
        client_id = UNSET if isinstance(self.client_id, Unset) else self.client_id

        client_secret: str | Unset | None
        client_secret = UNSET if isinstance(self.client_secret, Unset) else self.client_secret

        scope: str | Unset | None
        scope = UNSET if isinstance(self.scope, Unset) else self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if grant_type is not UNSET:
            field_dict["grant_type"] = grant_type
        if code is not UNSET:
            field_dict["code"] = code
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri
        if code_verifier is not UNSET:
            field_dict["code_verifier"] = code_verifier
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_grant_type(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        grant_type = _parse_grant_type(d.pop("grant_type", UNSET))

        def _parse_code(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_redirect_uri(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        redirect_uri = _parse_redirect_uri(d.pop("redirect_uri", UNSET))

        def _parse_code_verifier(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        code_verifier = _parse_code_verifier(d.pop("code_verifier", UNSET))

        def _parse_username(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_password(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        password = _parse_password(d.pop("password", UNSET))

        def _parse_refresh_token(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        refresh_token = _parse_refresh_token(d.pop("refresh_token", UNSET))

        def _parse_client_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        client_id = _parse_client_id(d.pop("client_id", UNSET))

        def _parse_client_secret(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        client_secret = _parse_client_secret(d.pop("client_secret", UNSET))

        def _parse_scope(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        token_request = cls(
            grant_type=grant_type,
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=code_verifier,
            username=username,
            password=password,
            refresh_token=refresh_token,
            client_id=client_id,
            client_secret=client_secret,
            scope=scope,
        )

        token_request.additional_properties = d
        return token_request

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
