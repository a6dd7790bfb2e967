from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sso_connection_out_claims import SsoConnectionOutClaims
    from ..models.sso_connection_out_role_values import SsoConnectionOutRoleValues


T = TypeVar("T", bound="SsoConnectionOut")


@_attrs_define
class SsoConnectionOut:
    """
    Attributes:
        issuer (str):
        client_id (str):
        email_domains (list[str]):
        claims (SsoConnectionOutClaims):
        role_values (SsoConnectionOutRoleValues):
        create_people (bool):
        required (bool):
        redirect_uri (str): The redirect URI to register at the provider
        updated_at (datetime.datetime):
    """

    issuer: str
    client_id: str
    email_domains: list[str]
    claims: SsoConnectionOutClaims
    role_values: SsoConnectionOutRoleValues
    create_people: bool
    required: bool
    redirect_uri: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        client_id = self.client_id

        email_domains = self.email_domains

        claims = self.claims.to_dict()

        role_values = self.role_values.to_dict()

        create_people = self.create_people

        required = self.required

        redirect_uri = self.redirect_uri

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "client_id": client_id,
                "email_domains": email_domains,
                "claims": claims,
                "role_values": role_values,
                "create_people": create_people,
                "required": required,
                "redirect_uri": redirect_uri,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sso_connection_out_claims import SsoConnectionOutClaims
        from ..models.sso_connection_out_role_values import SsoConnectionOutRoleValues

        d = dict(src_dict)
        issuer = d.pop("issuer")

        client_id = d.pop("client_id")

        email_domains = cast(list[str], d.pop("email_domains"))

        claims = SsoConnectionOutClaims.from_dict(d.pop("claims"))

        role_values = SsoConnectionOutRoleValues.from_dict(d.pop("role_values"))

        create_people = d.pop("create_people")

        required = d.pop("required")

        redirect_uri = d.pop("redirect_uri")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        sso_connection_out = cls(
            issuer=issuer,
            client_id=client_id,
            email_domains=email_domains,
            claims=claims,
            role_values=role_values,
            create_people=create_people,
            required=required,
            redirect_uri=redirect_uri,
            updated_at=updated_at,
        )

        sso_connection_out.additional_properties = d
        return sso_connection_out

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
