"""Huddle as an OpenID provider for its frontends: the authorization endpoint and its sign-in
page, discovery, userinfo and token revocation. The code exchange is a grant of the token
endpoint (``api/auth.py``)."""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Cookie, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.schemas import (
    OpenIdConfiguration,
    RevocationRequest,
    SignInForm,
    UserInfoOut,
)
from huddle_identity.application import authorize, sso
from huddle_identity.application.deps import Identity
from huddle_identity.application.idps import SsoFailed
from huddle_identity.domain.errors import InvalidGrant, TooManyAttempts
from huddle_shared import metrics
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.openapi import RETRY_AFTER, problem

router = APIRouter(tags=["sign-in"])
_PAGES = Environment(
    loader=FileSystemLoader(Path(__file__).parent.parent / "templates"),
    autoescape=select_autoescape(["html"]),
)
CSRF_COOKIE = "huddle_signin"
# The parameters of an authorization request the sign-in form carries to its POST.
PROTOCOL_PARAMS = (
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
    "prompt",
)
_PAGE_FIELDS = frozenset({"email", "password", "csrf_token"})
_HTML = {"text/html": {"schema": {"type": "string"}}}
_LOCATION = {"Location": {"description": "The client's redirect URI", "schema": {"type": "string"}}}


def _param(description: str) -> Any:
    """An authorization request parameter, documented; authlib reads it as sent."""
    return Query(max_length=2048, description=description)


def _page_headers(redirect_uri: str | None) -> dict[str, str]:
    form_action = "'self'"
    if redirect_uri:
        parts = urlsplit(redirect_uri)
        form_action += f" {parts.scheme}://{parts.netloc}"
    return {
        "Cache-Control": "no-store",
        "Pragma": "no-cache",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
        f"form-action {form_action}; frame-ancestors 'none'; base-uri 'none'",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }


def _page(
    status: int,
    *,
    error: str | None = None,
    consent: authorize.Consent | None = None,
    csrf_token: str = "",
    email: str = "",
    secure: bool = False,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    params = [(k, v) for k, v in consent.values if k in PROTOCOL_PARAMS] if consent else []
    html = _PAGES.get_template("signin.html").render(
        form=consent is not None,
        client_name=consent.client.name if consent else None,
        # Relative, like the cookie's path: the page works at the issuer's own path prefix
        # (behind an ingress at /identity/..., or a console's proxy).
        action="authorize",
        params=params,
        csrf_token=csrf_token,
        email=email,
        error=error,
        forgot_password=consent.forgot_password if consent else None,
    )
    response = HTMLResponse(
        html,
        status_code=status,
        headers={**_page_headers(consent.redirect_uri if consent else None), **(headers or {})},
    )
    if consent is not None:
        response.set_cookie(
            CSRF_COOKIE,
            csrf_token,
            path=None,
            httponly=True,
            samesite="strict",
            secure=secure,
        )
    return response


def _secure(identity: Identity) -> bool:
    return identity.provider.issuer.startswith("https://")


def _csrf(cookie: str | None) -> str:
    """The sign-in form's anti-forgery token: the browser's current one (so two open sign-in
    pages both work), or a new one."""
    if cookie and 32 <= len(cookie) <= 64 and cookie.isascii():
        return cookie
    return secrets.token_urlsafe(32)


def _count(result: str, method: str = "password") -> None:
    metrics.SIGN_INS.add(1, {"method": method, "result": result})


@router.get(
    authorize.AUTHORIZE_PATH,
    operation_id="authorize",
    summary="Start signing in (OAuth 2.0 authorization endpoint)",
    response_class=HTMLResponse,
    responses={
        200: {"description": "The sign-in page", "content": _HTML},
        302: {"description": "An OAuth error sent back to the client", "headers": _LOCATION},
        400: {"description": "The client or redirect URI is not registered", "content": _HTML},
    },
)
async def start_authorization(
    request: Request,
    identity: IdentityDep,
    response_type: Annotated[str | None, _param("`code`")] = None,
    client_id: Annotated[str | None, _param("The frontend's registered client id")] = None,
    redirect_uri: Annotated[
        str | None, _param("One of the client's registered redirect URIs, exactly")
    ] = None,
    scope: Annotated[str | None, _param("Space-separated: `openid`, `profile`, `email`")] = None,
    state: Annotated[
        str | None, _param("Opaque; sent back with the code (protects against CSRF)")
    ] = None,
    nonce: Annotated[
        str | None, _param("Opaque; put in the ID token, accepted once per client")
    ] = None,
    code_challenge: Annotated[str | None, _param("PKCE: base64url(SHA-256(code_verifier))")] = None,
    code_challenge_method: Annotated[
        str | None, _param("PKCE: `S256` (required; `plain` is refused)")
    ] = None,
    signin_cookie: Annotated[str | None, Cookie(alias=CSRF_COOKIE, max_length=128)] = None,
) -> Response:
    """The authorization endpoint of the authorization-code flow, for Huddle's registered
    frontends (public clients): `response_type=code`, `client_id`, an exactly registered
    `redirect_uri`, `scope` (`openid profile email`), `state`, `nonce`, and PKCE
    (`code_challenge` with `code_challenge_method=S256`, required). A valid request gets the
    sign-in page; an invalid one goes back to the client with an OAuth `error`, or, when the
    client or redirect URI is unknown, gets an error page and never a redirect."""
    # authlib reads every parameter as sent, repeated ones included (which it refuses).
    values = request.query_params.multi_items()
    try:
        consent = await authorize.check(identity, values)
    except authorize.RedirectBack as back:
        return RedirectResponse(back.location, status_code=302, headers=_page_headers(None))
    except authorize.RequestRefused as refused:
        return _page(400, error=refused.description)
    return _page(200, consent=consent, csrf_token=_csrf(signin_cookie), secure=_secure(identity))


@router.post(
    authorize.AUTHORIZE_PATH,
    operation_id="sign_in",
    summary="Sign in on the sign-in page",
    response_class=HTMLResponse,
    responses={
        302: {
            "description": "Signed in (back to the client with a code), or sent to the "
            "organisation's identity provider",
            "headers": _LOCATION,
        },
        400: {"description": "Wrong email or password, or an expired page", "content": _HTML},
        429: {"description": "Too many failed attempts", "content": _HTML, "headers": RETRY_AFTER},
        502: {"description": "The organisation's provider cannot be reached", "content": _HTML},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {"schema": SignInForm.model_json_schema()}
            },
        }
    },
)
async def sign_in(
    request: Request,
    identity: IdentityDep,
    signin_cookie: Annotated[str | None, Cookie(alias=CSRF_COOKIE, max_length=128)] = None,
) -> Response:
    """The sign-in page's form (`email`, `password`, the page's `csrf_token` and the
    authorization request's parameters): on success, a redirect to the client's redirect URI
    with `code` and `state`; else the page again with the reason."""
    form = await request.form()
    items = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    values = [(k, v) for k, v in items if k not in _PAGE_FIELDS]
    fields = {k: v for k, v in items if k in _PAGE_FIELDS}
    email, password = fields.get("email", "")[:320], fields.get("password", "")[:1024]
    try:
        consent = await authorize.check(identity, values)
    except authorize.RedirectBack as back:
        return RedirectResponse(back.location, status_code=302, headers=_page_headers(None))
    except authorize.RequestRefused as refused:
        return _page(400, error=refused.description)
    token, secure = _csrf(signin_cookie), _secure(identity)
    sent = fields.get("csrf_token", "")
    if not signin_cookie or not hmac.compare_digest(sent.encode(), signin_cookie.encode()):
        return _page(
            400,
            error="This sign-in page has expired. Please sign in again.",
            consent=consent,
            csrf_token=token,
            email=email,
            secure=secure,
        )
    if not email:
        return _page(
            400,
            error="Enter your email address.",
            consent=consent,
            csrf_token=token,
            email=email,
            secure=secure,
        )
    # Home-realm discovery: an email whose domain an organisation connected goes to that
    # organisation's provider (always when it is the only way in, else when no password).
    connection = await sso.connection_for_email(identity, email)
    if connection is not None and (connection.settings.required or not password):
        try:
            url = await sso.start(
                identity, connection, authorization_request=values, login_hint=email
            )
        except SsoFailed as exc:
            sso.failed(exc.reason)
            _count("failed", "sso")
            return _page(
                502,
                error="Your organisation's sign-in cannot be reached right now. Try again "
                "in a moment.",
                consent=consent,
                csrf_token=token,
                email=email,
                secure=secure,
            )
        return RedirectResponse(url, status_code=302, headers=_page_headers(None))
    if not password:
        return _page(
            400,
            error="Enter your password.",
            consent=consent,
            csrf_token=token,
            email=email,
            secure=secure,
        )
    try:
        location = await authorize.sign_in(identity, values, email=email, password=password)
    except TooManyAttempts as exc:
        _count("throttled")
        return _page(
            429,
            error=f"Too many failed attempts. Try again in {exc.retry_after} seconds.",
            consent=consent,
            csrf_token=token,
            email=email,
            secure=secure,
            headers={"Retry-After": str(exc.retry_after)},
        )
    except InvalidGrant as exc:
        _count("failed")
        return _page(
            400, error=exc.detail, consent=consent, csrf_token=token, email=email, secure=secure
        )
    except authorize.RedirectBack as back:
        return RedirectResponse(back.location, status_code=302, headers=_page_headers(None))
    _count("succeeded")
    response = RedirectResponse(location, status_code=302, headers=_page_headers(None))
    response.set_cookie(CSRF_COOKIE, "", max_age=0, path=None, httponly=True, samesite="strict")
    return response


@router.get(
    sso.CALLBACK_PATH,
    operation_id="finish_sso",
    summary="Come back from the organisation's identity provider",
    response_class=HTMLResponse,
    responses={
        302: {"description": "Signed in: back to the client with a code", "headers": _LOCATION},
        400: {"description": "The sign-in did not complete, and why", "content": _HTML},
    },
)
async def finish_sso(
    identity: IdentityDep,
    state: Annotated[str | None, _param("The state identity sent to the provider")] = None,
    code: Annotated[str | None, _param("The provider's authorization code")] = None,
    error: Annotated[str | None, _param("The provider's OAuth error, if any")] = None,
    signin_cookie: Annotated[str | None, Cookie(alias=CSRF_COOKIE, max_length=128)] = None,
) -> Response:
    """The redirect URI Huddle registers at an organisation's OpenID provider. The code is
    exchanged there and its ID token verified; the person then continues to the frontend that
    asked, as after a password sign-in, or sees why not on the sign-in page."""
    secure = _secure(identity)
    if not state:
        return _page(400, error="This sign-in is incomplete. Go back and sign in again.")
    returned = await sso.finish(identity, state=state, code=code, error=error)
    if returned is None:
        return _page(
            400, error="This sign-in has expired or was already used. Go back and sign in again."
        )
    try:
        consent = await authorize.check(identity, returned.authorization_request)
    except authorize.RedirectBack as back:
        return RedirectResponse(back.location, status_code=302, headers=_page_headers(None))
    except authorize.RequestRefused as refused:
        return _page(400, error=refused.description)
    if returned.person is None:
        _count("failed", "sso")
        detail = returned.failure.detail if returned.failure else "The sign-in did not complete."
        return _page(
            400,
            error=detail,
            consent=consent,
            csrf_token=_csrf(signin_cookie),
            secure=secure,
        )
    location = await authorize.complete(
        identity,
        returned.authorization_request,
        returned.person,
        auth_method="sso",
        identity_provider=returned.issuer,
    )
    _count("succeeded", "sso")
    return RedirectResponse(location, status_code=302, headers=_page_headers(None))


@router.get(
    "/.well-known/openid-configuration",
    response_model=OpenIdConfiguration,
    operation_id="read_openid_configuration",
    summary="Read the OpenID provider's metadata",
)
async def read_openid_configuration(identity: IdentityDep) -> JSONResponse:
    """OpenID Connect Discovery: the issuer, the endpoints, the JWKS URI and what this provider
    supports (the code flow with PKCE S256, ES256 ID tokens)."""
    return JSONResponse(
        authorize.discovery(identity), headers={"Cache-Control": "public, max-age=300"}
    )


@router.get(
    authorize.USERINFO_PATH,
    response_model=UserInfoOut,
    operation_id="read_userinfo",
    summary="Read the signed-in person's claims (OpenID Connect userinfo)",
    responses={403: problem(403, "The token is a client's, or lacks the 'openid' scope")},
)
async def read_userinfo(identity: IdentityDep, principal: CurrentPrincipal) -> JSONResponse:
    """The claims of the person an access token from the authorization-code flow belongs to:
    `sub` and `org` always, `name` with the `profile` scope, `email` with `email`."""
    body = await authorize.userinfo(identity, principal)
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


@router.post(
    authorize.REVOKE_PATH,
    status_code=200,
    response_class=Response,
    operation_id="revoke_token",
    summary="Revoke a refresh token (RFC 7009)",
    responses={
        200: {"description": "Revoked, or the token was unknown (no error either way)"},
        400: problem(400, "An OAuth error: invalid_request or unsupported_token_type"),
        401: problem(401, "invalid_client: the client id is unknown"),
    },
)
async def revoke_token(
    identity: IdentityDep, form: Annotated[RevocationRequest, Form()]
) -> Response:
    """Form-encoded `token`, optional `token_type_hint` and the public client's `client_id`:
    a refresh token stops working, with every token refreshed from the same sign-in. Access
    tokens are not revoked (they expire within minutes); an unknown token is no error."""
    values = [(k, v) for k, v in form.model_dump().items() if v is not None]
    await authorize.revoke(identity, values)
    return Response(status_code=200, headers={"Cache-Control": "no-store"})
