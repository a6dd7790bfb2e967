"""Bodies of the invitation and password-reset routes, with Riverside Family Practice examples."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, EmailStr, Field, field_validator

from huddle_identity.api.schemas import Password, _In, _lower
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.http import encode_cursor
from huddle_shared.openapi import example_config

_ORG_ID = "3f2c9a61-8b4e-4d7a-9c15-6e0b2d8f4a17"
_ADMIN_ID = "b7e4d2c9-1a3f-4e8b-a6d5-9c0f7e2b1a34"
_INVITATION_ID = "8c3e5a71-2f9d-4b6e-a1c4-7d0b9e3f5a26"
# A link's token, as it stands after `#/accept-invitation?token=` in the mail.
_TOKEN = "Jq4dV0kq3cE2m1Yp8ZrX7tLwN5bH9sGf6uKaOe3iRjM"  # noqa: S105 - an example
_INVITATION: dict[str, Any] = {
    "id": _INVITATION_ID,
    "org_id": _ORG_ID,
    "email": "tomas.reyes@riverside.example",
    "display_name": "Tomás Reyes",
    "profession": "pharmacist",
    "org_roles": ["member"],
    "status": "pending",
    "invited_by": _ADMIN_ID,
    "created_at": "2026-03-06T08:30:00Z",
    "expires_at": "2026-03-13T08:30:00Z",
    "sent_count": 1,
    "accepted_at": None,
    "user_id": None,
    "revoked_at": None,
}
InvitationStatus = Literal["pending", "accepted", "revoked", "expired"]


class InvitationCreate(_In):
    model_config = example_config(
        {
            "email": "tomas.reyes@riverside.example",
            "display_name": "Tomás Reyes",
            "profession": "pharmacist",
            "org_roles": ["member"],
        }
    )

    email: EmailStr = Field(
        max_length=254, description="Where the invitation goes; the sign-in name"
    )
    display_name: str = Field(min_length=1, max_length=200)
    profession: Profession
    org_roles: list[OrgRole] = Field(default=[OrgRole.MEMBER], min_length=1, max_length=3)

    _normalise_email = field_validator("email")(_lower)


class InvitationOut(BaseModel):
    model_config = example_config(_INVITATION)

    id: str
    org_id: str
    email: str | None = Field(description="Cleared once the invitation is accepted or revoked")
    display_name: str | None = Field(description="Cleared once accepted or revoked")
    profession: Profession
    org_roles: list[OrgRole]
    status: InvitationStatus
    invited_by: str = Field(description="The user id of the org admin who invited")
    created_at: datetime
    expires_at: datetime = Field(description="The current link's end (renewed on resend)")
    sent_count: int = Field(description="How many times the invitation was sent")
    accepted_at: datetime | None
    user_id: str | None = Field(description="The person the invitee became, once accepted")
    revoked_at: datetime | None


class InvitationPage(BaseModel):
    model_config = example_config(
        {
            "items": [_INVITATION],
            "next_cursor": encode_cursor([_INVITATION["created_at"], _INVITATION_ID]),
        }
    )

    items: list[InvitationOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


class _WithToken(_In):
    token: str = Field(
        min_length=20, max_length=200, description="The token of the link the mail carried"
    )


class InvitationAccept(_WithToken):
    model_config = example_config({"token": _TOKEN, "password": "amber-harbour-31-lantern"})

    password: Password


class ResetRequest(_In):
    model_config = example_config({"email": "lena.park@riverside.example"})

    email: EmailStr = Field(max_length=254, description="The sign-in name of the account")

    _normalise_email = field_validator("email")(_lower)


class ResetRequested(BaseModel):
    model_config = example_config(
        {
            "detail": "If an active account signs in with this address, a link to reset its "
            "password is on its way; it works once, for 30 minutes."
        }
    )

    detail: str


class ResetComplete(_WithToken):
    model_config = example_config({"token": _TOKEN, "password": "cedar-window-58-evening"})

    password: Password
