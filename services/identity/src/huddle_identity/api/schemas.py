"""Request and response bodies of the identity API."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from huddle_shared.contracts.identity import OrgRole, Profession


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _lower(value: str) -> str:
    return value.lower()


class PersonIn(_In):
    email: EmailStr = Field(max_length=254, examples=["amara.okafor@riverside.example"])
    password: str = Field(min_length=1, max_length=256, description="At least 12 characters")
    display_name: str = Field(min_length=1, max_length=200, examples=["Amara Okafor"])
    profession: Profession

    _normalise_email = field_validator("email")(_lower)


class OrgCreate(_In):
    name: str = Field(min_length=1, max_length=200, examples=["Riverside Community Health"])
    admin: PersonIn


class UserCreate(PersonIn):
    org_roles: list[OrgRole] = Field(default=[OrgRole.MEMBER], min_length=1, max_length=3)


class UserUpdate(_In):
    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    profession: Profession | None = None
    org_roles: list[OrgRole] | None = Field(default=None, min_length=1, max_length=3)


class Deactivation(_In):
    reason: str = Field(default="", max_length=500)


class OrgOut(BaseModel):
    id: str
    name: str
    created_at: datetime


class UserOut(BaseModel):
    id: str
    org_id: str
    email: str | None = Field(description="Shown to org admins and to the person only")
    display_name: str | None = Field(description="null after erasure")
    profession: Profession | None
    org_roles: list[OrgRole]
    status: str = Field(description="active, deactivated or erased")
    created_at: datetime
    updated_at: datetime
    version: int


class OrgCreated(BaseModel):
    org: OrgOut
    admin: UserOut


class UserPage(BaseModel):
    items: list[UserOut]
    next_cursor: str | None


class ClientCreate(_In):
    name: str = Field(min_length=1, max_length=200, examples=["Regional HIE connector"])
    scopes: list[str] = Field(min_length=1, max_length=10, examples=[["events:read"]])


class ClientOut(BaseModel):
    client_id: str
    name: str
    scopes: list[str]
    created_at: datetime
    revoked: bool


class ClientCreated(ClientOut):
    client_secret: str = Field(description="Shown once; store it now")


class ClientPage(BaseModel):
    items: list[ClientOut]


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "Bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_in: int
    scope: str = ""
    refresh_token: str | None = None
