"""The OAuth 2.0 token endpoint and the JWKS that every other service verifies tokens with."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import APIRouter, Form, Header, Request
from fastapi.responses import JSONResponse

from huddle_identity.api.common import too_many_attempts
from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.schemas import Jwks, TokenRequest, TokenResponse
from huddle_identity.application import authorize, signin
from huddle_identity.domain.errors import (
    InvalidClient,
    InvalidGrant,
    InvalidRequest,
    OAuthError,
    TooManyAttempts,
    UnsupportedGrantType,
)
from huddle_shared import metrics
from huddle_shared.errors import HuddleError
from huddle_shared.openapi import RETRY_AFTER, problem
from huddle_shared.problems import PROBLEM_JSON, PROBLEM_TYPE_BASE

router = APIRouter(tags=["sign-in"])
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
_ENDPOINT = "/v1/auth/token"


def _cache_control(value: str) -> dict[str, Any]:
    return {"Cache-Control": {"description": value, "schema": {"type": "string"}}}


def _token_problem(
    error: HuddleError,
    description: str,
    *,
    extensions: bool = True,
    headers: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A problem response of the token endpoint, its example the body ``error`` is sent as."""
    response = problem(error.status, description)
    response["content"][PROBLEM_JSON]["example"] = {
        "type": PROBLEM_TYPE_BASE + error.code,
        "title": error.title,
        "status": error.status,
        "detail": error.detail,
        "instance": _ENDPOINT,
        **(error.extensions if extensions else {}),
    }
    if headers:
        response["headers"] = {**response.get("headers", {}), **headers}
    return response


_TOKEN_PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: _token_problem(
        InvalidGrant(signin.WRONG_CREDENTIALS),
        "An OAuth error (RFC 6749): `error` is invalid_request, invalid_grant (wrong email or "
        "password, a spent or expired refresh token), invalid_scope or unsupported_grant_type",
    ),
    401: _token_problem(
        InvalidClient("Client authentication failed"),
        "invalid_client: the client id or secret is wrong, or the client is revoked",
        headers={"WWW-Authenticate": {"description": "`Bearer`", "schema": {"type": "string"}}},
    ),
    # The 429 is answered by the route itself, without the error's extension members.
    429: _token_problem(
        TooManyAttempts(30),
        "Too many failed attempts for this email or client id; retry after Retry-After",
        extensions=False,
        headers={**RETRY_AFTER, **_cache_control("`no-store`")},
    ),
}


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
    _ENDPOINT,
    response_model=TokenResponse,
    operation_id="issue_token",
    summary="Get an access token",
    responses={
        200: {"description": "The tokens", "headers": _cache_control("`no-store`")},
        **_TOKEN_PROBLEMS,
    },
)
async def issue_token(
    request: Request,
    identity: IdentityDep,
    form: Annotated[TokenRequest, Form()],
    authorization: Annotated[
        str | None,
        Header(
            max_length=8192,
            description="`Basic` credentials of an integration client (client_credentials)",
        ),
    ] = None,
) -> JSONResponse:
    """The OAuth 2.0 token endpoint, form-encoded, for anyone: grant `authorization_code`
    (a frontend, after the sign-in page: the code, `redirect_uri`, `client_id` and the PKCE
    `code_verifier`; an access, a refresh and, with `openid`, an ID token), `refresh_token`
    (a new pair; each refresh token works once), `client_credentials` (integration clients: an
    access token), or `password` where it is enabled (never by default in production).
    Refusals are OAuth errors inside problems; repeated failures for one email or client id
    are throttled (429)."""
    now = identity.clock()
    grant_type = form.grant_type
    body: dict[str, Any]
    try:
        if grant_type == "authorization_code":
            body = await authorize.exchange_code(identity, _values(form), now=now)
        elif grant_type == "password" and identity.provider.password_grant:
            body = await signin.password_grant(
                identity,
                username=_required(form.username, "username"),
                password=_required(form.password, "password"),
                now=now,
            )
        elif grant_type == "refresh_token":
            body = await signin.refresh_grant(
                identity, refresh_token=_required(form.refresh_token, "refresh_token"), now=now
            )
        elif grant_type == "client_credentials":
            basic = _basic_credentials(authorization)
            cid, secret = basic or (form.client_id, form.client_secret)
            body = await signin.client_credentials_grant(
                identity,
                client_id=_required(cid, "client_id"),
                client_secret=_required(secret, "client_secret"),
                scope=form.scope,
                now=now,
            )
        elif not grant_type:
            raise InvalidRequest("'grant_type' is required")
        else:
            raise UnsupportedGrantType(f"Unsupported grant_type '{grant_type[:40]}'")
    except TooManyAttempts as exc:
        _count(grant_type, "throttled")
        return too_many_attempts(exc, request, NO_STORE)
    except OAuthError as exc:
        _count(grant_type, exc.oauth_error)
        raise
    _count(grant_type, "issued")
    return JSONResponse(body, headers=NO_STORE)


_GRANTS = frozenset({"authorization_code", "password", "refresh_token", "client_credentials"})


def _values(form: TokenRequest) -> list[tuple[str, str]]:
    return [(k, v) for k, v in form.model_dump().items() if v is not None]


def _count(grant_type: str | None, result: str) -> None:
    """Token requests by grant and outcome; an unknown grant's name never becomes a label."""
    grant = grant_type if grant_type in _GRANTS else "other"
    metrics.TOKEN_REQUESTS.add(1, {"grant": grant, "result": result})


@router.get(
    "/.well-known/jwks.json",
    response_model=Jwks,
    operation_id="read_jwks",
    summary="Read the keys that sign access tokens",
    responses={
        200: {"description": "The JWK Set", "headers": _cache_control("`public, max-age=300`")}
    },
)
async def read_jwks(identity: IdentityDep) -> JSONResponse:
    """The public keys, for anyone, that verify access tokens (a JWK Set): the current signing
    key and those retired recently enough that tokens they signed are still valid, newest
    first. Cache it for a few minutes; fetch it again on meeting an unknown `kid`."""
    keys = await identity.keys.jwks(identity.clock())
    return JSONResponse(keys, headers={"Cache-Control": "public, max-age=300"})
