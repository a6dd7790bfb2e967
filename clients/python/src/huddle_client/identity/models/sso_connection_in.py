from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sso_connection_in_claims import SsoConnectionInClaims
    from ..models.sso_connection_in_role_values import SsoConnectionInRoleValues


T = TypeVar("T", bound="SsoConnectionIn")


@_attrs_define
class SsoConnectionIn:
    """The organisation's OpenID provider, as registered there for Huddle.

    Attributes:
        issuer (str): The provider's issuer URL, exactly as its discovery document states it
        client_id (str): Huddle's client id there
        email_domains (list[str]): The email domains whose people sign in through this provider (home-realm discovery);
            each belongs to one organisation
        client_secret (None | str | Unset): Huddle's client secret there; needed to connect, optional to change the rest
            (kept when absent). Stored wrapped, never shown again
        claims (SsoConnectionInClaims | Unset): Which ID token claim holds each attribute (default: `email`, `name`)
        role_values (SsoConnectionInRoleValues | Unset): Values of the `org_roles` claim and the org role each grants
            (everyone is a member)
        create_people (bool | Unset): Whether a first sign-in creates the person (else only people already in the
            organisation, matched by email, can sign in) Default: False.
        required (bool | Unset): Whether the organisation's people must sign in through the provider: their Huddle
            passwords then no longer work and no reset link is sent Default: False.
    """

    issuer: str
    client_id: str
    email_domains: list[str]
    client_secret: str | Unset | None = UNSET
    claims: SsoConnectionInClaims | Unset = UNSET
    role_values: SsoConnectionInRoleValues | Unset = UNSET
    create_people: bool | Unset = False
    required: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        client_id = self.client_id

        email_domains = self.email_domains

        client_secret: str | Unset | None
        client_secret = UNSET if isinstance(self.client_secret, Unset) else self.client_secret

        claims: dict[str, Any] | Unset = UNSET
        if not isinstance(self.claims, Unset):
            claims = self.claims.to_dict()

        role_values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.role_values, Unset):
            role_values = self.role_values.to_dict()

        create_people = self.create_people

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issuer": issuer,
                "client_id": client_id,
                "email_domains": email_domains,
            }
        )
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if claims is not UNSET:
            field_dict["claims"] = claims
        if role_values is not UNSET:
            field_dict["role_values"] = role_values
        if create_people is not UNSET:
            field_dict["create_people"] = create_people
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sso_connection_in_claims import SsoConnectionInClaims
        from ..models.sso_connection_in_role_values import SsoConnectionInRoleValues

        d = dict(src_dict)
        issuer = d.pop("issuer")

        client_id = d.pop("client_id")

        email_domains = cast(list[str], d.pop("email_domains"))

        def _parse_client_secret(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        client_secret = _parse_client_secret(d.pop("client_secret", UNSET))

        _claims = d.pop("claims", UNSET)
        claims: SsoConnectionInClaims | Unset
        claims = UNSET if isinstance(_claims, Unset) else SsoConnectionInClaims.from_dict(_claims)

        _role_values = d.pop("role_values", UNSET)
        role_values: SsoConnectionInRoleValues | Unset
        if isinstance(_role_values, Unset):
            role_values = UNSET
        else:
            role_values = SsoConnectionInRoleValues.from_dict(_role_values)

        create_people = d.pop("create_people", UNSET)

        required = d.pop("required", UNSET)

        return cls(
            issuer=issuer,
            client_id=client_id,
            email_domains=email_domains,
            client_secret=client_secret,
            claims=claims,
            role_values=role_values,
            create_people=create_people,
            required=required,
        )
