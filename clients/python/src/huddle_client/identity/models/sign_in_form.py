from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignInForm")


@_attrs_define
class SignInForm:
    """The sign-in page's form: the person's credentials, the page's anti-forgery token, and
    the authorization request's parameters the page carries.

        Attributes:
            email (str):
            password (str):
            csrf_token (str):
            response_type (str):
            client_id (str):
            redirect_uri (str):
            code_challenge (str):
            code_challenge_method (str):
            scope (None | str | Unset):
            state (None | str | Unset):
            nonce (None | str | Unset):
    """

    email: str
    password: str
    csrf_token: str
    response_type: str
    client_id: str
    redirect_uri: str
    code_challenge: str
    code_challenge_method: str
    scope: str | Unset | None = UNSET
    state: str | Unset | None = UNSET
    nonce: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        csrf_token = self.csrf_token

        response_type = self.response_type

        client_id = self.client_id

        redirect_uri = self.redirect_uri

        code_challenge = self.code_challenge

        code_challenge_method = self.code_challenge_method

        scope: str | Unset | None
        scope = UNSET if isinstance(self.scope, Unset) else self.scope

        state: str | Unset | None
        state = UNSET if isinstance(self.state, Unset) else self.state

        nonce: str | Unset | None
        nonce = UNSET if isinstance(self.nonce, Unset) else self.nonce

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "password": password,
                "csrf_token": csrf_token,
                "response_type": response_type,
                "client_id": client_id,
                "redirect_uri": redirect_uri,
                "code_challenge": code_challenge,
                "code_challenge_method": code_challenge_method,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope
        if state is not UNSET:
            field_dict["state"] = state
        if nonce is not UNSET:
            field_dict["nonce"] = nonce

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        csrf_token = d.pop("csrf_token")

        response_type = d.pop("response_type")

        client_id = d.pop("client_id")

        redirect_uri = d.pop("redirect_uri")

        code_challenge = d.pop("code_challenge")

        code_challenge_method = d.pop("code_challenge_method")

        def _parse_scope(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        def _parse_state(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_nonce(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        nonce = _parse_nonce(d.pop("nonce", UNSET))

        sign_in_form = cls(
            email=email,
            password=password,
            csrf_token=csrf_token,
            response_type=response_type,
            client_id=client_id,
            redirect_uri=redirect_uri,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            scope=scope,
            state=state,
            nonce=nonce,
        )

        sign_in_form.additional_properties = d
        return sign_in_form

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
