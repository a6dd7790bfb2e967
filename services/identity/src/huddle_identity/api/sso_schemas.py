"""Bodies of the single sign-on routes: an organisation's connection to its provider."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from huddle_identity.api.schemas import _In
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.openapi import example_config

Attribute = Literal["email", "name", "profession", "org_roles"]
_ISSUER = "https://login.microsoftonline.com/6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/v2.0"
_CLIENT = "0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9"
_SECRET = "Xq8~v2NfT4kLp9Wz.Rb7sYh3Jd6Gm1Cu"  # noqa: S105 - an example
_EXAMPLE = {
    "issuer": _ISSUER,
    "client_id": _CLIENT,
    "email_domains": ["riverside.example"],
    "claims": {"email": "email", "name": "name", "org_roles": "roles"},
    "role_values": {"Huddle.Admin": "org_admin", "Huddle.Analyst": "analyst"},
    "create_people": True,
    "required": False,
}


class SsoConnectionIn(_In):
    """The organisation's OpenID provider, as registered there for Huddle."""

    model_config = example_config({**_EXAMPLE, "client_secret": _SECRET})

    issuer: str = Field(
        min_length=8,
        max_length=500,
        description="The provider's issuer URL, exactly as its discovery document states it",
    )
    client_id: str = Field(min_length=1, max_length=255, description="Huddle's client id there")
    client_secret: str | None = Field(
        default=None,
        min_length=1,
        max_length=1000,
        description="Huddle's client secret there; needed to connect, optional to change the "
        "rest (kept when absent). Stored wrapped, never shown again",
    )
    email_domains: list[str] = Field(
        min_length=1,
        max_length=50,
        description="The email domains whose people sign in through this provider (home-realm "
        "discovery); each belongs to one organisation",
    )
    claims: dict[Attribute, str] = Field(
        default_factory=dict,
        description="Which ID token claim holds each attribute (default: `email`, `name`)",
    )
    role_values: dict[str, OrgRole] = Field(
        default_factory=dict,
        description="Values of the `org_roles` claim and the org role each grants (everyone "
        "is a member)",
    )
    create_people: bool = Field(
        default=False,
        description="Whether a first sign-in creates the person (else only people already in "
        "the organisation, matched by email, can sign in)",
    )
    required: bool = Field(
        default=False,
        description="Whether the organisation's people must sign in through the provider: "
        "their Huddle passwords then no longer work and no reset link is sent",
    )


class SsoConnectionOut(BaseModel):
    model_config = example_config(
        {
            **_EXAMPLE,
            "redirect_uri": "https://huddle.example.com/identity/v1/auth/sso/callback",
            "updated_at": "2026-03-06T08:30:00Z",
        }
    )

    issuer: str
    client_id: str
    email_domains: list[str]
    claims: dict[str, str]
    role_values: dict[str, OrgRole]
    create_people: bool
    required: bool
    redirect_uri: str = Field(description="The redirect URI to register at the provider")
    updated_at: datetime
