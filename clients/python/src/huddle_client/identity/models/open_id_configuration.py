from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OpenIdConfiguration")


@_attrs_define
class OpenIdConfiguration:
    """OpenID provider metadata (OpenID Connect Discovery 1.0).

    Attributes:
        issuer (str):
        authorization_endpoint (str):
        token_endpoint (str):
        userinfo_endpoint (str):
        revocation_endpoint (str):
        jwks_uri (str):
        scopes_supported (list[str]):
        response_types_supported (list[str]):
        response_modes_supported (list[str]):
        grant_types_supported (list[str]):
        subject_types_supported (list[str]):
        id_token_signing_alg_values_supported (list[str]):
        token_endpoint_auth_methods_supported (list[str]):
        revocation_endpoint_auth_methods_supported (list[str]):
        code_challenge_methods_supported (list[str]):
        claims_supported (list[str]):
        request_parameter_supported (bool):
        request_uri_parameter_supported (bool):
    """

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    revocation_endpoint: str
    jwks_uri: str
    scopes_supported: list[str]
    response_types_supported: list[str]
    response_modes_supported: list[str]
    grant_types_supported: list[str]
    subject_types_supported: list[str]
    id_token_signing_alg_values_supported: list[str]
    token_endpoint_auth_methods_supported: list[str]
    revocation_endpoint_auth_methods_supported: list[str]
    code_challenge_methods_supported: list[str]
    claims_supported: list[str]
    request_parameter_supported: bool
    request_uri_parameter_supported: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        authorization_endpoint = self.authorization_endpoint

        token_endpoint = self.token_endpoint

        userinfo_endpoint = self.userinfo_endpoint

        revocation_endpoint = self.revocation_endpoint

        jwks_uri = self.jwks_uri

        scopes_supported = self.scopes_supported

        response_types_supported = self.response_types_supported

        response_modes_supported = self.response_modes_supported

        grant_types_supported = self.grant_types_supported

        subject_types_supported = self.subject_types_supported

        id_token_signing_alg_values_supported = self.id_token_signing_alg_values_supported

        token_endpoint_auth_methods_supported = self.token_endpoint_auth_methods_supported

        revocation_endpoint_auth_methods_supported = self.revocation_endpoint_auth_methods_supported

        code_challenge_methods_supported = self.code_challenge_methods_supported

        claims_supported = self.claims_supported

        request_parameter_supported = self.request_parameter_supported

        request_uri_parameter_supported = self.request_uri_parameter_supported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "authorization_endpoint": authorization_endpoint,
                "token_endpoint": token_endpoint,
                "userinfo_endpoint": userinfo_endpoint,
                "revocation_endpoint": revocation_endpoint,
                "jwks_uri": jwks_uri,
                "scopes_supported": scopes_supported,
                "response_types_supported": response_types_supported,
                "response_modes_supported": response_modes_supported,
                "grant_types_supported": grant_types_supported,
                "subject_types_supported": subject_types_supported,
                "id_token_signing_alg_values_supported": id_token_signing_alg_values_supported,
                "token_endpoint_auth_methods_supported": token_endpoint_auth_methods_supported,
                "revocation_endpoint_auth_methods_supported": revocation_endpoint_auth_methods_supported,
                "code_challenge_methods_supported": code_challenge_methods_supported,
                "claims_supported": claims_supported,
                "request_parameter_supported": request_parameter_supported,
                "request_uri_parameter_supported": request_uri_parameter_supported,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        authorization_endpoint = d.pop("authorization_endpoint")

        token_endpoint = d.pop("token_endpoint")

        userinfo_endpoint = d.pop("userinfo_endpoint")

        revocation_endpoint = d.pop("revocation_endpoint")

        jwks_uri = d.pop("jwks_uri")

        scopes_supported = cast(list[str], d.pop("scopes_supported"))

        response_types_supported = cast(list[str], d.pop("response_types_supported"))

        response_modes_supported = cast(list[str], d.pop("response_modes_supported"))

        grant_types_supported = cast(list[str], d.pop("grant_types_supported"))

        subject_types_supported = cast(list[str], d.pop("subject_types_supported"))

        id_token_signing_alg_values_supported = cast(
            list[str], d.pop("id_token_signing_alg_values_supported")
        )

        token_endpoint_auth_methods_supported = cast(
            list[str], d.pop("token_endpoint_auth_methods_supported")
        )

        revocation_endpoint_auth_methods_supported = cast(
            list[str], d.pop("revocation_endpoint_auth_methods_supported")
        )

        code_challenge_methods_supported = cast(
            list[str], d.pop("code_challenge_methods_supported")
        )

        claims_supported = cast(list[str], d.pop("claims_supported"))

        request_parameter_supported = d.pop("request_parameter_supported")

        request_uri_parameter_supported = d.pop("request_uri_parameter_supported")

        open_id_configuration = cls(
            issuer=issuer,
            authorization_endpoint=authorization_endpoint,
            token_endpoint=token_endpoint,
            userinfo_endpoint=userinfo_endpoint,
            revocation_endpoint=revocation_endpoint,
            jwks_uri=jwks_uri,
            scopes_supported=scopes_supported,
            response_types_supported=response_types_supported,
            response_modes_supported=response_modes_supported,
            grant_types_supported=grant_types_supported,
            subject_types_supported=subject_types_supported,
            id_token_signing_alg_values_supported=id_token_signing_alg_values_supported,
            token_endpoint_auth_methods_supported=token_endpoint_auth_methods_supported,
            revocation_endpoint_auth_methods_supported=revocation_endpoint_auth_methods_supported,
            code_challenge_methods_supported=code_challenge_methods_supported,
            claims_supported=claims_supported,
            request_parameter_supported=request_parameter_supported,
            request_uri_parameter_supported=request_uri_parameter_supported,
        )

        open_id_configuration.additional_properties = d
        return open_id_configuration

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
