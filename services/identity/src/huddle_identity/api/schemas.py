"""Request and response bodies of the identity API, each with an example of Riverside Family
Practice, so that the OpenAPI document shows a frontend what to send and what comes back."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.http import encode_cursor
from huddle_shared.openapi import example_config

_ORG_ID = "3f2c9a61-8b4e-4d7a-9c15-6e0b2d8f4a17"
_ADMIN_ID = "b7e4d2c9-1a3f-4e8b-a6d5-9c0f7e2b1a34"
_NURSE_PRACTITIONER_ID = "5d8a1f3c-7e2b-4c9d-b0a6-2f4e8c1d7b95"
_CLIENT_ID = "e1c7b3a9-4d2f-4a8e-9b6c-0d5f3e7a2c18"

_ORG: dict[str, Any] = {
    "id": _ORG_ID,
    "name": "Riverside Family Practice",
    "created_at": "2026-03-02T09:15:00Z",
}
_ADMIN: dict[str, Any] = {
    "id": _ADMIN_ID,
    "org_id": _ORG_ID,
    "email": "amara.okafor@riverside.example",
    "display_name": "Amara Okafor",
    "profession": "physician",
    "org_roles": ["org_admin"],
    "status": "active",
    "created_at": "2026-03-02T09:15:00Z",
    "updated_at": "2026-03-02T09:15:00Z",
    "version": 1,
}
_NURSE_PRACTITIONER: dict[str, Any] = {
    "id": _NURSE_PRACTITIONER_ID,
    "org_id": _ORG_ID,
    "email": "lena.park@riverside.example",
    "display_name": "Lena Park",
    "profession": "nurse_practitioner",
    "org_roles": ["member"],
    "status": "active",
    "created_at": "2026-03-04T14:02:31Z",
    "updated_at": "2026-03-04T14:02:31Z",
    "version": 1,
}
_CLIENT: dict[str, Any] = {
    "client_id": _CLIENT_ID,
    "name": "Riverside HIE connector",
    "scopes": ["events:read"],
    "created_at": "2026-03-05T10:40:12Z",
    "revoked": False,
}
_JWK: dict[str, Any] = {
    "kty": "EC",
    "crv": "P-256",
    "x": "rrsgh6EDoP1XrAKWd2vbS5KKMR5w5-JHi5rreT2D7j8",
    "y": "B7QDb8SrwLHKSPy_V133ddENURCusFgbeD9ETb5zqA8",
    "kid": "20260302-4f1a9c2e7b3d",
    "alg": "ES256",
    "use": "sig",
}
_PEOPLE_CURSOR = encode_cursor([_NURSE_PRACTITIONER["created_at"], _NURSE_PRACTITIONER_ID])
_CLIENTS_CURSOR = encode_cursor([_CLIENT["created_at"], _CLIENT_ID])


Password = Annotated[
    str,
    Field(
        min_length=1,
        max_length=256,
        description="12 to 128 characters; not a common password, nor one holding the email's "
        "local part or the person's name",
    ),
]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _lower(value: str) -> str:
    return value.lower()


class PersonIn(_In):
    model_config = example_config(
        {
            "email": "amara.okafor@riverside.example",
            "password": "harbour-lantern-47-quietly",
            "display_name": "Amara Okafor",
            "profession": "physician",
        }
    )

    email: EmailStr = Field(
        max_length=254,
        examples=["amara.okafor@riverside.example"],
        description="The sign-in name; unique across Huddle",
    )
    password: Password
    display_name: str = Field(min_length=1, max_length=200, examples=["Amara Okafor"])
    profession: Profession

    _normalise_email = field_validator("email")(_lower)


class OrgCreate(_In):
    model_config = example_config(
        {
            "name": "Riverside Family Practice",
            "admin": {
                "email": "amara.okafor@riverside.example",
                "password": "harbour-lantern-47-quietly",
                "display_name": "Amara Okafor",
                "profession": "physician",
            },
        }
    )

    name: str = Field(min_length=1, max_length=200, examples=["Riverside Family Practice"])
    admin: PersonIn = Field(description="The first org admin, who signs in with this email")


class UserCreate(PersonIn):
    model_config = example_config(
        {
            "email": "lena.park@riverside.example",
            "password": "cedar-bicycle-92-morning",
            "display_name": "Lena Park",
            "profession": "nurse_practitioner",
            "org_roles": ["member"],
        }
    )

    org_roles: list[OrgRole] = Field(default=[OrgRole.MEMBER], min_length=1, max_length=3)


class UserUpdate(_In):
    model_config = example_config(
        {"display_name": "Lena Park-Ito"},
        {"profession": "nurse_practitioner", "org_roles": ["member", "analyst"]},
    )

    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    profession: Profession | None = None
    org_roles: list[OrgRole] | None = Field(
        default=None, min_length=1, max_length=3, description="Org admins only"
    )


class Deactivation(_In):
    model_config = example_config({"reason": "Left the practice"})

    reason: str = Field(default="", max_length=500)


class OrgOut(BaseModel):
    model_config = example_config(_ORG)

    id: str
    name: str
    created_at: datetime


class UserOut(BaseModel):
    model_config = example_config(_NURSE_PRACTITIONER, _ADMIN)

    id: str
    org_id: str
    email: str | None = Field(description="Shown to org admins and to the person only")
    display_name: str | None = Field(description="null after erasure")
    profession: Profession | None = Field(description="null after erasure")
    org_roles: list[OrgRole]
    status: Literal["active", "deactivated", "erased"]
    created_at: datetime
    updated_at: datetime
    version: int = Field(description="The person's stream version, as in the ETag")


class OrgCreated(BaseModel):
    model_config = example_config({"org": _ORG, "admin": _ADMIN})

    org: OrgOut
    admin: UserOut


class UserPage(BaseModel):
    model_config = example_config(
        {"items": [_ADMIN, _NURSE_PRACTITIONER], "next_cursor": _PEOPLE_CURSOR}
    )

    items: list[UserOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


class ClientCreate(_In):
    model_config = example_config({"name": "Riverside HIE connector", "scopes": ["events:read"]})

    name: str = Field(min_length=1, max_length=200, examples=["Riverside HIE connector"])
    scopes: list[str] = Field(
        min_length=1,
        max_length=10,
        examples=[["events:read"]],
        description="Any of events:read, dashboards:read, fhir:read",
    )


class ClientOut(BaseModel):
    model_config = example_config(_CLIENT)

    client_id: str
    name: str
    scopes: list[str]
    created_at: datetime
    revoked: bool


class ClientCreated(ClientOut):
    model_config = example_config(
        {**_CLIENT, "client_secret": "q3Vx8mJ2nR5tL0wZ7yB4cF9hK1dG6sP-aE_uN2oT8iM"}
    )

    client_secret: str = Field(description="Shown once; store it now")


class ClientPage(BaseModel):
    # Not a null cursor: FastAPI drops the None values of examples from the document.
    model_config = example_config({"items": [_CLIENT], "next_cursor": _CLIENTS_CURSOR})

    items: list[ClientOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


class TokenRequest(BaseModel):
    """An OAuth 2.0 token request; which fields are needed depends on `grant_type`."""

    model_config = example_config(
        {
            "grant_type": "password",
            "username": "lena.park@riverside.example",
            "password": "cedar-bicycle-92-morning",
        },
        {
            "grant_type": "refresh_token",
            "refresh_token": "k7Qz2Lw9Xb4Tn1Vr8Sd5Pm3Hy6Jc0Fa-Ue_Gt2Oi7N",
        },
        {
            "grant_type": "client_credentials",
            "client_id": _CLIENT_ID,
            "client_secret": "q3Vx8mJ2nR5tL0wZ7yB4cF9hK1dG6sP-aE_uN2oT8iM",
            "scope": "events:read",
        },
    )

    grant_type: str | None = Field(
        default=None, max_length=4096, description="password, refresh_token or client_credentials"
    )
    username: str | None = Field(
        default=None, max_length=4096, description="password grant: the person's email"
    )
    password: str | None = Field(default=None, max_length=4096, description="password grant")
    refresh_token: str | None = Field(
        default=None, max_length=4096, description="refresh_token grant: it can be used once"
    )
    client_id: str | None = Field(
        default=None,
        max_length=4096,
        description="client_credentials grant, unless sent with HTTP Basic",
    )
    client_secret: str | None = Field(
        default=None,
        max_length=4096,
        description="client_credentials grant, unless sent with HTTP Basic",
    )
    scope: str | None = Field(
        default=None,
        max_length=4096,
        description="client_credentials grant: space-separated (default: all the client's)",
    )


class TokenResponse(BaseModel):
    model_config = example_config(
        {
            "access_token": "eyJhbGciOiJFUzI1NiIsImtpZCI6IjIwMjYwMzAyLTRmMWE5YzJlN2IzZCJ9.e30.c2ln",
            "token_type": "Bearer",
            "expires_in": 900,
            "scope": "",
            "refresh_token": "k7Qz2Lw9Xb4Tn1Vr8Sd5Pm3Hy6Jc0Fa-Ue_Gt2Oi7N",
        }
    )

    access_token: str = Field(description="An ES256 JWT; send it as `Authorization: Bearer`")
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_in: int = Field(description="Seconds until the access token expires")
    scope: str = Field(default="", description="The granted scopes, space-separated (clients)")
    refresh_token: str | None = Field(
        default=None, description="People only; absent for clients. It can be used once"
    )


class Jwk(BaseModel):
    """A public key that signs access tokens (RFC 7517): an EC P-256 key for ES256."""

    model_config = example_config(_JWK)

    kty: Literal["EC"]
    crv: Literal["P-256"]
    x: str = Field(description="The x coordinate of the public point, base64url")
    y: str = Field(description="The y coordinate of the public point, base64url")
    kid: str = Field(description="The key id that tokens name in their `kid` header")
    alg: Literal["ES256"]
    use: Literal["sig"]


class Jwks(BaseModel):
    """A JWK Set: the signing key and the recently retired ones, newest first."""

    model_config = example_config({"keys": [_JWK]})

    keys: list[Jwk]
