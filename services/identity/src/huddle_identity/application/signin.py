"""The OAuth 2.0 token endpoint's grants: password, refresh_token, client_credentials."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from huddle_identity.adapters import credentials
from huddle_identity.application import audit, queries
from huddle_identity.application.deps import Identity
from huddle_identity.application.passwords import secret_matches
from huddle_identity.application.sso import sso_required_for
from huddle_identity.application.throttle import throttle_key
from huddle_identity.domain.errors import InvalidClient, InvalidGrant, InvalidScope, TooManyAttempts
from huddle_identity.domain.user import ACTIVE

WRONG_CREDENTIALS = "The email address or password is incorrect"
SSO_REQUIRED = (
    "Your organisation signs you in through its own identity provider: leave the password "
    "empty on the sign-in page and continue"
)


async def _refuse_if_locked(identity: Identity, key: str, now: datetime) -> None:
    retry_after = await identity.throttle.retry_after(key, now)
    if retry_after is not None:
        raise TooManyAttempts(retry_after)


def _token_response(
    access: str, ttl: int, scopes: list[str], refresh: str | None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": ttl,
        "scope": " ".join(scopes),
    }
    if refresh is not None:
        body["refresh_token"] = refresh
    return body


async def authenticate(
    identity: Identity,
    *,
    username: str,
    password: str,
    now: datetime,
    method: audit.Method = "password",
) -> Any:
    """The active account of ``username`` if ``password`` is its password (re-hashed when the
    parameters changed); else InvalidGrant, or TooManyAttempts while throttled. Unknown
    account, wrong password and deactivated account cost the same and answer the same."""
    key = throttle_key("user", username)
    await _refuse_if_locked(identity, key, now)
    email = username.strip().lower()
    # By the email's domain, before any account is looked at: it tells nothing about one.
    if await sso_required_for(identity, email):
        raise InvalidGrant(SSO_REQUIRED)
    async with identity.engine.connect() as conn:
        row = await queries.password_account(conn, email=email)
    ok = await identity.passwords.verify(row.password_hash if row else None, password)
    if row is None or not ok or row.status != ACTIVE:
        await identity.throttle.record_failure(key, now)
        if row is not None:  # someone's account: its organisation's admins may see the attempt
            reason = "deactivated" if ok else "wrong_password"
            await audit.record(
                identity.engine,
                org_id=row.org_id,
                user_id=row.user_id,
                method=method,
                result="failed",
                reason=reason,
                at=now,
            )
        raise InvalidGrant(WRONG_CREDENTIALS)
    await identity.throttle.reset(key)
    if identity.passwords.needs_rehash(row.password_hash):
        rehashed = await identity.passwords.hash(password)
        async with identity.engine.begin() as conn:
            await credentials.replace(conn, user_id=row.user_id, password_hash=rehashed, now=now)
    return row


async def password_grant(
    identity: Identity, *, username: str, password: str, now: datetime
) -> dict[str, Any]:
    row = await authenticate(
        identity, username=username, password=password, now=now, method="password_grant"
    )
    async with identity.engine.begin() as conn:
        refresh = await identity.tokens.new_refresh_token(
            conn, user_id=row.user_id, org_id=row.org_id, now=now
        )
    await audit.record(
        identity.engine,
        org_id=row.org_id,
        user_id=row.user_id,
        method="password_grant",
        result="succeeded",
        at=now,
    )
    access = await identity.tokens.access_token(
        subject=row.user_id,
        org_id=row.org_id,
        roles=row.org_roles,
        scopes=[],
        client=False,
        now=now,
    )
    return _token_response(access, int(identity.tokens.access_ttl.total_seconds()), [], refresh)


async def refresh_grant(identity: Identity, *, refresh_token: str, now: datetime) -> dict[str, Any]:
    grant = await identity.tokens.spend_refresh_token(refresh_token, now)
    async with identity.engine.begin() as conn:
        row = await queries.account_standing(conn, user_id=grant.user_id)
        if row is None or row.status != ACTIVE:
            await identity.tokens.revoke_family(conn, grant.family_id, now)
            refreshed = None
        else:
            refreshed = await identity.tokens.new_refresh_token(
                conn,
                user_id=grant.user_id,
                org_id=grant.org_id,
                now=now,
                family_id=grant.family_id,
            )
    if refreshed is None or row is None:
        raise InvalidGrant("The refresh token is invalid, expired or already used")
    access = await identity.tokens.access_token(
        subject=grant.user_id,
        org_id=grant.org_id,
        roles=row.org_roles,
        scopes=[],
        client=False,
        now=now,
    )
    return _token_response(access, int(identity.tokens.access_ttl.total_seconds()), [], refreshed)


async def client_credentials_grant(
    identity: Identity,
    *,
    client_id: str,
    client_secret: str,
    scope: str | None,
    now: datetime,
) -> dict[str, Any]:
    key = throttle_key("client", client_id)
    await _refuse_if_locked(identity, key, now)
    async with identity.engine.connect() as conn:
        row = await queries.client_account(conn, client_id=client_id)
    if (
        row is None
        or row.revoked_at is not None
        or not secret_matches(client_secret, row.secret_hash)
    ):
        await identity.throttle.record_failure(key, now)
        raise InvalidClient("Client authentication failed")
    await identity.throttle.reset(key)
    allowed = set(row.scopes)
    requested = set(scope.split()) if scope else allowed
    if not requested <= allowed:
        raise InvalidScope("Requested scope exceeds the client's scopes")
    access = await identity.tokens.access_token(
        subject=row.client_id,
        org_id=row.org_id,
        roles=[],
        scopes=requested,
        client=True,
        now=now,
    )
    return _token_response(
        access, int(identity.tokens.access_ttl.total_seconds()), sorted(requested), None
    )
