"""The authorization-code flow with PKCE, ID tokens, userinfo and revocation: each use case
loads what authlib's server needs, runs it (``application/oauth.py``) and writes what it
decided."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from authlib.oauth2.rfc6749 import OAuth2Error
from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import authorization_codes, refresh_tokens
from huddle_identity.application import audit, queries, signin
from huddle_identity.application.deps import Identity
from huddle_identity.application.oauth import (
    SCOPES,
    Exchange,
    FrontendClient,
    IssuedCode,
    Person,
    ProtocolRequest,
    ProviderServer,
    Revocable,
    user_info,
)
from huddle_identity.application.passwords import secret_digest as digest
from huddle_identity.domain.errors import InvalidGrant, InvalidRequest, oauth_error
from huddle_identity.domain.user import ACTIVE
from huddle_shared.auth import Principal
from huddle_shared.errors import Forbidden, NotFound

AUTHORIZE_PATH = "/v1/auth/authorize"
TOKEN_PATH = "/v1/auth/token"  # noqa: S105 - a path
USERINFO_PATH = "/v1/auth/userinfo"
REVOKE_PATH = "/v1/auth/revoke"
JWKS_PATH = "/.well-known/jwks.json"
# Codes spent or expired this long ago are deleted: a reused code is detected until then.
_CODE_RETENTION = timedelta(days=1)
SPENT_CODE = "The authorization code is invalid, expired or already used"


class RequestRefused(Exception):
    """An authorization request that cannot go back to the client: the client is unknown or
    the redirect URI is not one it registered. Shown to the person, never redirected."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


class RedirectBack(Exception):
    """An authorization request refused with an OAuth error sent back to the client's
    (registered) redirect URI."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


@dataclass(frozen=True)
class Consent:
    """A valid authorization request: who asks, where the answer goes, for what."""

    client: FrontendClient
    redirect_uri: str
    scopes: tuple[str, ...]
    values: tuple[tuple[str, str], ...]
    # Where a person who forgot their password asks for a reset link (the console's page).
    forgot_password: str


def _server(identity: Identity, exchange: Exchange) -> ProviderServer:
    p = identity.provider
    return ProviderServer(
        issuer=p.issuer, clients=p.clients, tokens=identity.tokens, exchange=exchange
    )


def _request(
    identity: Identity,
    method: str,
    path: str,
    values: Sequence[tuple[str, str]],
    headers: Mapping[str, str] | None = None,
) -> ProtocolRequest:
    return ProtocolRequest(method, identity.provider.url(path), values, headers or {})


def _first(values: Sequence[tuple[str, str]], name: str) -> str | None:
    return next((v for k, v in values if k == name), None)


async def _nonce_seen(identity: Identity, values: Sequence[tuple[str, str]]) -> bool:
    nonce, client_id = _first(values, "nonce"), _first(values, "client_id")
    if not nonce or not client_id:
        return False
    async with identity.engine.connect() as conn:
        seen = await conn.scalar(
            select(authorization_codes.c.code_hash)
            .where(
                authorization_codes.c.client_id == client_id,
                authorization_codes.c.nonce == nonce,
            )
            .limit(1)
        )
    return seen is not None


def _printable(values: Sequence[tuple[str, str]]) -> bool:
    # RFC 6749 appendix A: every protocol parameter is printable ASCII (VSCHAR, and narrower).
    return all(value.isascii() and value.isprintable() for _, value in values)


def _validate(server: ProviderServer, request: ProtocolRequest) -> Any:
    if not _printable(request.payload.datalist_items()):
        raise RequestRefused("The request's parameters must be printable ASCII (RFC 6749)")
    try:
        return server.check_authorization(request)
    except OAuth2Error as error:
        if error.redirect_uri:
            _, _, headers = error()
            raise RedirectBack(dict(headers)["Location"]) from error
        raise RequestRefused(error.description or error.error) from error


async def check(identity: Identity, values: Sequence[tuple[str, str]]) -> Consent:
    """Validate an authorization request before the sign-in page is shown."""
    exchange = Exchange(now=identity.clock(), nonce_seen=await _nonce_seen(identity, values))
    request = _request(identity, "GET", AUTHORIZE_PATH, values)
    grant = _validate(_server(identity, exchange), request)
    return Consent(
        client=request.client,
        redirect_uri=grant.redirect_uri,
        scopes=tuple(request.scope.split()),
        values=tuple(values),
        forgot_password=identity.links.page("forgot-password"),
    )


async def sign_in(
    identity: Identity,
    values: Sequence[tuple[str, str]],
    *,
    email: str,
    password: str,
) -> str:
    """Sign a person in on the sign-in page with their password and answer the authorization
    request (see :func:`complete`). A wrong password raises InvalidGrant, throttling
    TooManyAttempts, as the token endpoint does."""
    row = await signin.authenticate(
        identity, username=email, password=password, now=identity.clock()
    )
    person = Person(row.user_id, row.org_id, tuple(row.org_roles), row.email, row.display_name)
    return await complete(identity, values, person, auth_method="password")


async def complete(
    identity: Identity,
    values: Sequence[tuple[str, str]],
    person: Person,
    *,
    auth_method: audit.Method,
    identity_provider: str | None = None,
) -> str:
    """Answer the authorization request for a person who has just signed in (``password``,
    or ``sso`` through their organisation's provider): the URL to send the browser to, the
    client's redirect URI with a code and the state."""
    now = identity.clock()
    exchange = Exchange(
        now=now, auth_method=auth_method, nonce_seen=await _nonce_seen(identity, values)
    )
    server = _server(identity, exchange)
    request = _request(identity, "GET", AUTHORIZE_PATH, values)
    grant = _validate(server, request)
    outcome = server.authorize(request, grant, person)
    code = exchange.new_code
    if outcome.location is None or code is None:
        raise RuntimeError(f"authorization answered {outcome.status} without a code")
    async with identity.engine.begin() as conn:
        await _store_code(conn, code, now + identity.provider.code_ttl)
    await audit.record(
        identity.engine,
        org_id=person.org_id,
        user_id=person.user_id,
        method=auth_method,
        result="succeeded",
        at=now,
        client_id=code.client_id,
        identity_provider=identity_provider,
    )
    return outcome.location


async def _store_code(conn: AsyncConnection, code: IssuedCode, expires_at: datetime) -> None:
    await conn.execute(
        delete(authorization_codes).where(
            authorization_codes.c.expires_at < code.auth_time - _CODE_RETENTION
        )
    )
    values = {f.name: getattr(code, f.name) for f in fields(IssuedCode) if f.name != "scopes"}
    await conn.execute(
        insert(authorization_codes).values(
            **values, scopes=list(code.scopes), expires_at=expires_at
        )
    )


async def _spend_code(identity: Identity, code: str, now: datetime) -> IssuedCode:
    """Spend a code for its first exchange, atomically. A code presented again means it was
    copied: the tokens of its first exchange are revoked (RFC 6749 §4.1.2)."""
    code_hash = digest(code)
    async with identity.engine.begin() as conn:
        row = (
            await conn.execute(
                update(authorization_codes)
                .where(
                    authorization_codes.c.code_hash == code_hash,
                    authorization_codes.c.used_at.is_(None),
                    authorization_codes.c.expires_at > now,
                )
                .values(used_at=now)
                .returning(authorization_codes)
            )
        ).one_or_none()
        if row is None:
            family = await conn.scalar(
                select(authorization_codes.c.family_id).where(
                    authorization_codes.c.code_hash == code_hash,
                    authorization_codes.c.used_at.isnot(None),
                )
            )
            if family is not None:
                await identity.tokens.revoke_family(conn, family, now)
    if row is None:
        raise InvalidGrant(SPENT_CODE)
    return IssuedCode(
        **{f.name: getattr(row, f.name) for f in fields(IssuedCode) if f.name != "scopes"},
        scopes=tuple(row.scopes),
    )


async def _person(identity: Identity, user_id: str) -> Person | None:
    async with identity.engine.connect() as conn:
        row = await queries.signed_in_person(conn, user_id=user_id)
    if row is None or row.status != ACTIVE:
        return None
    return Person(row.user_id, row.org_id, tuple(row.org_roles), row.email, row.display_name)


def _refused(body: Any) -> Exception:
    if isinstance(body, dict):
        return oauth_error(str(body.get("error", "")), body.get("error_description"))
    return InvalidRequest("The request was refused")


async def exchange_code(
    identity: Identity, values: Sequence[tuple[str, str]], *, now: datetime
) -> dict[str, Any]:
    """The token endpoint's ``authorization_code`` grant: tokens and an ID token for a code,
    its PKCE verifier, client id and redirect URI."""
    code = _first(values, "code")
    if not code:
        raise InvalidRequest("'code' is required for this grant type")
    if not _printable(values):
        raise InvalidRequest("The request's parameters must be printable ASCII (RFC 6749)")
    issued = await _spend_code(identity, code, now)
    person = await _person(identity, issued.user_id)
    if person is None:
        raise InvalidGrant(SPENT_CODE)
    exchange = Exchange(now=now, person=person, code=issued, key=await identity.keys.current(now))
    outcome = _server(identity, exchange).exchange_code(
        _request(identity, "POST", TOKEN_PATH, values)
    )
    if outcome.status != 200:
        raise _refused(outcome.body)
    refresh = exchange.new_refresh
    if refresh is not None:
        async with identity.engine.begin() as conn:
            await identity.tokens.store_refresh_token(
                conn,
                token_hash=refresh.token_hash,
                user_id=person.user_id,
                org_id=person.org_id,
                now=now,
                family_id=refresh.family_id,
            )
            await conn.execute(
                update(authorization_codes)
                .where(authorization_codes.c.code_hash == issued.code_hash)
                .values(family_id=refresh.family_id)
            )
    body: dict[str, Any] = outcome.body
    return body


async def revoke(identity: Identity, values: Sequence[tuple[str, str]]) -> None:
    """RFC 7009: a refresh token (and its family) stops working; an unknown token, or an
    access token (they expire by themselves within minutes), is no error."""
    now = identity.clock()
    if not _printable(values):
        raise InvalidRequest("The request's parameters must be printable ASCII (RFC 6749)")
    token = _first(values, "token")
    family = None
    if token:
        async with identity.engine.connect() as conn:
            family = await conn.scalar(
                select(refresh_tokens.c.family_id).where(
                    refresh_tokens.c.token_hash == digest(token)
                )
            )
    exchange = Exchange(now=now, revocable=Revocable(family) if family else None)
    outcome = _server(identity, exchange).revoke(_request(identity, "POST", REVOKE_PATH, values))
    if outcome.status != 200:
        raise _refused(outcome.body)
    if exchange.revoke_family is not None:
        async with identity.engine.begin() as conn:
            await identity.tokens.revoke_family(conn, exchange.revoke_family, now)


async def userinfo(identity: Identity, principal: Principal) -> dict[str, Any]:
    """OpenID Connect userinfo for a person's access token with the ``openid`` scope."""
    if principal.kind != "user":
        raise Forbidden("userinfo describes people; this token is an integration client's")
    if "openid" not in principal.scopes:
        raise Forbidden("This access token was not issued with the 'openid' scope")
    person = await _person(identity, principal.subject)
    if person is None:
        raise NotFound("This person no longer exists or is deactivated")
    return dict(user_info(person, sorted(principal.scopes)))


def discovery(identity: Identity) -> dict[str, Any]:
    """The OpenID provider metadata (OpenID Connect Discovery 1.0, RFC 8414)."""
    p = identity.provider
    return {
        "issuer": p.issuer,
        "authorization_endpoint": p.url(AUTHORIZE_PATH),
        "token_endpoint": p.url(TOKEN_PATH),
        "userinfo_endpoint": p.url(USERINFO_PATH),
        "revocation_endpoint": p.url(REVOKE_PATH),
        "jwks_uri": p.url(JWKS_PATH),
        "scopes_supported": list(SCOPES),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": [
            "authorization_code",
            "refresh_token",
            "client_credentials",
            *(["password"] if p.password_grant else []),
        ],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "token_endpoint_auth_methods_supported": [
            "none",
            "client_secret_basic",
            "client_secret_post",
        ],
        "revocation_endpoint_auth_methods_supported": ["none"],
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": [
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "amr",
            "at_hash",
            "name",
            "email",
            "org",
        ],
        "request_parameter_supported": False,
        "request_uri_parameter_supported": False,
    }
