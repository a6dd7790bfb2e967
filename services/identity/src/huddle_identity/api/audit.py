"""The organisation's sign-in audit (org admins): who signed in, how, and what failed."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from huddle_identity.api.common import OrgId
from huddle_identity.api.deps import IdentityDep
from huddle_identity.application import audit
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.http import BAD_CURSOR, BadRequest, Cursor, Limit, decode_cursor, encode_cursor
from huddle_shared.openapi import example_config, problems

router = APIRouter(prefix="/v1/orgs/{org_id}/sign-ins", tags=["sign-in audit"])

_EXAMPLE = {
    "id": "1042",
    "at": "2026-03-06T08:30:00Z",
    "user_id": "b7e4d2c9-1a3f-4e8b-a6d5-9c0f7e2b1a34",
    "method": "sso",
    "client_id": "huddle-console",
    "identity_provider": "https://login.microsoftonline.com/6f1b2c3d/v2.0",
    "result": "succeeded",
    "reason": None,
}


class SignInOut(BaseModel):
    model_config = example_config(_EXAMPLE)

    id: str = Field(description="Increases with each entry")
    at: datetime
    user_id: str | None = Field(description="The person; absent when the provider named nobody")
    method: Literal["password", "sso", "password_grant"] = Field(
        description="The sign-in page with a password, the organisation's identity provider, "
        "or the password grant"
    )
    client_id: str | None = Field(description="The frontend signed in to, if any")
    identity_provider: str | None = Field(description="The provider's issuer (sso)")
    result: Literal["succeeded", "failed"]
    reason: str | None = Field(
        description="Why it failed: wrong_password, deactivated, or single sign-on's reason "
        "(as in huddle_sso_failures_total)"
    )


class SignInPage(BaseModel):
    model_config = example_config({"items": [_EXAMPLE], "next_cursor": None})

    items: list[SignInOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for older entries")


@router.get(
    "",
    response_model=SignInPage,
    operation_id="list_sign_ins",
    summary="List the organisation's sign-ins",
    responses=problems(403, 404, _403="Only org admins read the sign-in audit"),
)
async def list_sign_ins(
    org_id: OrgId,
    identity: IdentityDep,
    principal: CurrentPrincipal,
    user_id: Annotated[uuid.UUID | None, Query(description="One person's")] = None,
    result: Annotated[Literal["succeeded", "failed"] | None, Query()] = None,
    method: Annotated[Literal["password", "sso", "password_grant"] | None, Query()] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> SignInPage:
    """Sign-ins to the organisation, newest first: through the sign-in page (with a password or
    the organisation's identity provider) and the password grant, with the frontend and the
    provider; and the attempts that failed for its people (a wrong password, a deactivated
    account, a single sign-on refused and why). Kept HUDDLE_SIGN_IN_AUDIT_RETENTION_DAYS."""
    keys = decode_cursor(cursor, 1)
    if keys is not None and (type(keys[0]) is not int or keys[0] < 1):
        raise BadRequest(BAD_CURSOR)
    before = keys[0] if keys is not None else None
    page = await audit.list_sign_ins(
        identity.engine,
        org_id=str(org_id),
        principal=principal,
        before=before,
        limit=limit,
        user_id=str(user_id) if user_id else None,
        result=result,
        method=method,
    )
    return SignInPage(
        items=[
            SignInOut(
                id=str(e.id),
                at=e.at,
                user_id=e.user_id,
                method=e.method,
                client_id=e.client_id,
                identity_provider=e.identity_provider,
                result=e.result,
                reason=e.reason,
            )
            for e in page.items
        ],
        next_cursor=encode_cursor([page.next_before]) if page.next_before else None,
    )
