from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sign_in_out_method import SignInOutMethod, check_sign_in_out_method
from ..models.sign_in_out_result import SignInOutResult, check_sign_in_out_result

T = TypeVar("T", bound="SignInOut")


@_attrs_define
class SignInOut:
    """
    Attributes:
        id (str): Increases with each entry
        at (datetime.datetime):
        user_id (None | str): The person; absent when the provider named nobody
        method (SignInOutMethod): The sign-in page with a password, the organisation's identity provider, or the
            password grant
        client_id (None | str): The frontend signed in to, if any
        identity_provider (None | str): The provider's issuer (sso)
        result (SignInOutResult):
        reason (None | str): Why it failed: wrong_password, deactivated, or single sign-on's reason (as in
            huddle_sso_failures_total)
    """

    id: str
    at: datetime.datetime
    user_id: str | None
    method: SignInOutMethod
    client_id: str | None
    identity_provider: str | None
    result: SignInOutResult
    reason: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        user_id: str | None
        user_id = self.user_id

        method: str = self.method

        client_id: str | None
        client_id = self.client_id

        identity_provider: str | None
        identity_provider = self.identity_provider

        result: str = self.result

        reason: str | None
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "user_id": user_id,
                "method": method,
                "client_id": client_id,
                "identity_provider": identity_provider,
                "result": result,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_user_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        user_id = _parse_user_id(d.pop("user_id"))

        method = check_sign_in_out_method(d.pop("method"))

        def _parse_client_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        client_id = _parse_client_id(d.pop("client_id"))

        def _parse_identity_provider(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        identity_provider = _parse_identity_provider(d.pop("identity_provider"))

        result = check_sign_in_out_result(d.pop("result"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        reason = _parse_reason(d.pop("reason"))

        sign_in_out = cls(
            id=id,
            at=at,
            user_id=user_id,
            method=method,
            client_id=client_id,
            identity_provider=identity_provider,
            result=result,
            reason=reason,
        )

        sign_in_out.additional_properties = d
        return sign_in_out

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
