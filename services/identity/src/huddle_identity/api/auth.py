"""The OAuth 2.0 token endpoint and the JWKS that every other service verifies tokens with."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import APIRouter, Form, Header, Request
from fastapi.responses import JSONResponse

from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.schemas import TokenResponse
from huddle_identity.application import signin
from huddle_identity.domain.errors import (
    InvalidClient,
    InvalidRequest,
    TooManyAttempts,
    UnsupportedGrantType,
)
from huddle_shared.problems import PROBLEM_RESPONSES, problem_response

router = APIRouter(tags=["sign-in"], responses=PROBLEM_RESPONSES)
FormField = Annotated[str | None, Form(max_length=4096)]
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    if not authorization or not authorization.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidClient("Malformed Basic credentials") from exc
    client_id, sep, secret = decoded.partition(":")
    if not sep:
        raise InvalidClient("Malformed Basic credentials")
    return unquote(client_id), unquote(secret)


def _required(value: str | None, name: str) -> str:
    if not value:
        raise InvalidRequest(f"'{name}' is required for this grant type")
    return value


@router.post(
    "/v1/auth/token",
    response_model=TokenResponse,
    summary="Get an access token (OAuth 2.0 token endpoint)",
    openapi_extra={
        "requestBody": {"content": {"application/x-www-form-urlencoded": {}}, "required": True}
    },
)
async def token(
    request: Request,
    identity: IdentityDep,
    grant_type: FormField = None,
    username: FormField = None,
    password: FormField = None,
    refresh_token: FormField = None,
    client_id: FormField = None,
    client_secret: FormField = None,
    scope: FormField = None,
    authorization: Annotated[str | None, Header(max_length=8192)] = None,
) -> JSONResponse:
    """Grants: `password` (people), `refresh_token` (rotating), `client_credentials`."""
    now = identity.clock()
    body: dict[str, Any]
    try:
        if grant_type == "password":
            body = await signin.password_grant(
                identity,
                username=_required(username, "username"),
                password=_required(password, "password"),
                now=now,
            )
        elif grant_type == "refresh_token":
            body = await signin.refresh_grant(
                identity, refresh_token=_required(refresh_token, "refresh_token"), now=now
            )
        elif grant_type == "client_credentials":
            basic = _basic_credentials(authorization)
            cid, secret = basic or (client_id, client_secret)
            body = await signin.client_credentials_grant(
                identity,
                client_id=_required(cid, "client_id"),
                client_secret=_required(secret, "client_secret"),
                scope=scope,
                now=now,
            )
        elif not grant_type:
            raise InvalidRequest("'grant_type' is required")
        else:
            raise UnsupportedGrantType(f"Unsupported grant_type '{grant_type[:40]}'")
    except TooManyAttempts as exc:
        return problem_response(
            status=429,
            title=exc.title,
            detail=exc.detail,
            code=exc.code,
            instance=request.url.path,
            headers={"Retry-After": str(exc.retry_after), **NO_STORE},
        )
    return JSONResponse(body, headers=NO_STORE)


@router.get("/.well-known/jwks.json", summary="Public keys that sign access tokens")
async def jwks(identity: IdentityDep) -> JSONResponse:
    """The current and recently retired public keys (JWK Set); cache for a few minutes."""
    keys = await identity.keys.jwks(identity.clock())
    return JSONResponse(keys, headers={"Cache-Control": "public, max-age=300"})
