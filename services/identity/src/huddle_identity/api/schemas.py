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
        description="Any of events:read, dashboards:read, fhir:read, scim",
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
            "grant_type": "authorization_code",
            "code": "Yh3kQ9vT2mW7rX1pL5sN8bD4fG6jC0aZ-Ee_Ru2Ti9Oy3Uw",
            "redirect_uri": "http://127.0.0.1:8080/signin/callback",
            "client_id": "huddle-console",
            "code_verifier": "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
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
        default=None,
        max_length=4096,
        description="authorization_code, refresh_token, client_credentials, or password (only "
        "where enabled: never by default in production)",
    )
    code: str | None = Field(
        default=None, max_length=4096, description="authorization_code grant: the code, once"
    )
    redirect_uri: str | None = Field(
        default=None,
        max_length=4096,
        description="authorization_code grant: the redirect URI of the authorization request",
    )
    code_verifier: str | None = Field(
        default=None,
        max_length=128,
        description="authorization_code grant: the PKCE verifier of the S256 code_challenge",
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
        description="authorization_code grant (the frontend), or client_credentials grant "
        "unless sent with HTTP Basic",
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


_ACCESS_TOKEN = "eyJhbGciOiJFUzI1NiIsImtpZCI6IjIwMjYwMzAyLTRmMWE5YzJlN2IzZCJ9.e30.c2ln"  # noqa: S105


class TokenResponse(BaseModel):
    model_config = example_config(
        {
            "access_token": _ACCESS_TOKEN,
            "token_type": "Bearer",
            "expires_in": 900,
            "scope": "",
            "refresh_token": "k7Qz2Lw9Xb4Tn1Vr8Sd5Pm3Hy6Jc0Fa-Ue_Gt2Oi7N",
        },
        {
            "access_token": _ACCESS_TOKEN,
            "token_type": "Bearer",
            "expires_in": 900,
            "scope": "openid profile email",
            "refresh_token": "k7Qz2Lw9Xb4Tn1Vr8Sd5Pm3Hy6Jc0Fa-Ue_Gt2Oi7N",
            "id_token": "eyJhbGciOiJFUzI1NiIsImtpZCI6IjIwMjYwMzAyLTRmMWE5YzJlN2IzZCJ9.e30.aWQ",
        },
    )

    access_token: str = Field(description="An ES256 JWT; send it as `Authorization: Bearer`")
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_in: int = Field(description="Seconds until the access token expires")
    scope: str = Field(default="", description="The granted scopes, space-separated (clients)")
    refresh_token: str | None = Field(
        default=None, description="People only; absent for clients. It can be used once"
    )
    id_token: str | None = Field(
        default=None,
        description="authorization_code grant with the `openid` scope: an ES256 ID token for "
        "the client (`aud` = its client id, `nonce` as sent)",
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


_ISSUER = "https://id.huddle.example"


class OpenIdConfiguration(BaseModel):
    """OpenID provider metadata (OpenID Connect Discovery 1.0)."""

    model_config = example_config(
        {
            "issuer": _ISSUER,
            "authorization_endpoint": f"{_ISSUER}/v1/auth/authorize",
            "token_endpoint": f"{_ISSUER}/v1/auth/token",
            "userinfo_endpoint": f"{_ISSUER}/v1/auth/userinfo",
            "revocation_endpoint": f"{_ISSUER}/v1/auth/revoke",
            "jwks_uri": f"{_ISSUER}/.well-known/jwks.json",
            "scopes_supported": ["openid", "profile", "email"],
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "token_endpoint_auth_methods_supported": [
                "none",
                "client_secret_basic",
                "client_secret_post",
            ],
            "revocation_endpoint_auth_methods_supported": ["none"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "name", "email"],
            "request_parameter_supported": False,
            "request_uri_parameter_supported": False,
        }
    )

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


class UserInfoOut(BaseModel):
    """The signed-in person's claims, as their token's scopes release them."""

    model_config = example_config(
        {
            "sub": "5b0c7e2a-9f3d-4c1b-8a6e-2d4f9b7c3e10",
            "org": "8f14e45f-ea8a-4c7b-9d2e-6b1a3c5d7e90",
            "name": "Lena Park",
            "email": "lena.park@riverside.example",
        }
    )

    sub: str = Field(description="The person's id")
    org: str = Field(description="Their organisation's id")
    name: str | None = Field(default=None, description="With the `profile` scope")
    email: str | None = Field(default=None, description="With the `email` scope")


class RevocationRequest(BaseModel):
    """A token revocation request (RFC 7009), form-encoded."""

    model_config = example_config(
        {
            "token": "k7Qz2Lw9Xb4Tn1Vr8Sd5Pm3Hy6Jc0Fa-Ue_Gt2Oi7N",
            "token_type_hint": "refresh_token",
            "client_id": "huddle-console",
        }
    )

    token: str | None = Field(default=None, max_length=4096, description="The token to revoke")
    token_type_hint: str | None = Field(
        default=None, max_length=64, description="refresh_token or access_token"
    )
    client_id: str | None = Field(
        default=None, max_length=256, description="The public client revoking it"
    )


class SignInForm(BaseModel):
    """The sign-in page's form: the person's credentials, the page's anti-forgery token, and
    the authorization request's parameters the page carries."""

    model_config = example_config(
        {
            "email": "lena.park@riverside.example",
            "password": "cedar-bicycle-92-morning",
            "csrf_token": "Pq8vN3xK7mT1rW5yB9cF2hJ6dL0sG4aE-Uo_Zi3Ny7Q",
            "response_type": "code",
            "client_id": "huddle-console",
            "redirect_uri": "http://127.0.0.1:8080/signin/callback",
            "scope": "openid profile email",
            "state": "af0ifjsldkj",
            "nonce": "n-0S6_WzA2Mj",
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method": "S256",
        }
    )

    email: str
    password: str
    csrf_token: str
    response_type: str
    client_id: str
    redirect_uri: str
    scope: str | None = None
    state: str | None = None
    nonce: str | None = None
    code_challenge: str
    code_challenge_method: str
