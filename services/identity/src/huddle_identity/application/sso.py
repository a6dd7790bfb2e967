"""Single sign-on: Huddle as an OpenID Connect relying party of an organisation's identity
provider (Entra ID, Okta, Ping, ADFS, Keycloak).

The sign-in page sends a person whose email domain an organisation connected to that
organisation's provider (home-realm discovery); the provider sends them back to
``/v1/auth/sso/callback`` with a code; identity exchanges it (confidential client, PKCE S256),
verifies the ID token (signature against the provider's JWKS, issuer, audience, nonce, expiry),
maps its claims onto the person, and then answers the frontend's own authorization request as
a password sign-in would. Every call to a provider goes through the vetted transport: a tenant
names the URL, so it must not reach the cluster's own network.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import (
    sso_connections,
    sso_domains,
    sso_links,
    sso_requests,
    users,
)
from huddle_identity.application import access, audit, handlers, queries
from huddle_identity.application.deps import Identity
from huddle_identity.application.idps import Connection, SsoFailed, verify_id_token
from huddle_identity.application.oauth import Person
from huddle_identity.application.passwords import secret_digest
from huddle_identity.application.registration import NewPerson
from huddle_identity.domain.organization import Organization
from huddle_identity.domain.sso import (
    ClaimsRefused,
    ConfigureSso,
    FederatedPerson,
    SsoSettings,
    decide_configure,
    decide_remove,
    email_domain,
    map_claims,
)
from huddle_identity.domain.user import ACTIVE
from huddle_shared import metrics
from huddle_shared.aggregates import Caller
from huddle_shared.auth import Principal
from huddle_shared.commands import CommandResult, execute
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.errors import Conflict, DomainRuleViolated, NotFound
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventContext, RecordedEvent
from huddle_shared.personal import unwrap_key, wrap_key

log = logging.getLogger("huddle.identity.sso")
CALLBACK_PATH = "/v1/auth/sso/callback"
SCOPE = "openid email profile"
ID_TOKEN_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"]
_JWKS_REFRESH_S = 10.0
_MAX_DOCUMENT = 512 * 1024


def failed(reason: str) -> None:
    metrics.SSO_FAILURES.add(1, {"reason": reason})


# ---- the connection, as the organisation configured it ----------------------------------------


def wrap_secret(identity: Identity, org_id: str, secret: str) -> bytes:
    return wrap_key(identity.master_key, secret.encode(), f"sso:{org_id}")


def _settings(row: Any) -> SsoSettings:
    """A connection's settings as its read-model row holds them."""
    return SsoSettings(
        issuer=row.issuer,
        client_id=row.client_id,
        email_domains=tuple(row.email_domains),
        claims=dict(row.claims),
        role_values={k: OrgRole(v) for k, v in row.role_values.items()},
        create_people=row.create_people,
        required=row.required,
    )


def _connection(identity: Identity, row: Any) -> Connection:
    secret = unwrap_key(identity.master_key, row.wrapped_secret, f"sso:{row.org_id}").decode()
    return Connection(org_id=row.org_id, settings=_settings(row), client_secret=secret)


async def connection_for_email(identity: Identity, email: str) -> Connection | None:
    """The connection of the organisation that claimed the email's domain, if one did."""
    async with identity.engine.connect() as conn:
        row = (
            await conn.execute(
                select(sso_connections)
                .join(sso_domains, sso_domains.c.org_id == sso_connections.c.org_id)
                .where(sso_domains.c.domain == email_domain(email))
            )
        ).one_or_none()
    return _connection(identity, row) if row is not None else None


async def connection_of(
    conn: AsyncConnection, identity: Identity, org_id: str
) -> Connection | None:
    row = (
        await conn.execute(select(sso_connections).where(sso_connections.c.org_id == org_id))
    ).one_or_none()
    return _connection(identity, row) if row is not None else None


async def sso_required_for(identity: Identity, email: str) -> bool:
    """Whether the email's domain belongs to an organisation whose people sign in only
    through its provider (their Huddle passwords do not work then)."""
    async with identity.engine.connect() as conn:
        required = await conn.scalar(
            select(sso_connections.c.required)
            .join(sso_domains, sso_domains.c.org_id == sso_connections.c.org_id)
            .where(sso_domains.c.domain == email_domain(email))
        )
    return bool(required)


# ---- a sign-in through the provider -----------------------------------------------------------


def callback_url(identity: Identity) -> str:
    return identity.provider.url(CALLBACK_PATH)


async def start(
    identity: Identity,
    connection: Connection,
    *,
    authorization_request: Sequence[tuple[str, str]],
    login_hint: str,
) -> str:
    """Where to send the browser: the provider's authorization endpoint, with a new state,
    nonce and PKCE challenge kept (by the state's digest) until the provider sends it back."""
    now = identity.clock()
    document = await identity.idps.metadata(connection.settings.issuer)
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    verifier = secrets.token_urlsafe(48)
    async with identity.engine.begin() as conn:
        await conn.execute(
            delete(sso_requests).where(sso_requests.c.expires_at < now - timedelta(days=1))
        )
        await conn.execute(
            insert(sso_requests).values(
                state_hash=secret_digest(state),
                org_id=connection.org_id,
                issuer=connection.settings.issuer,
                nonce=nonce,
                code_verifier=verifier,
                authorization_request=[list(pair) for pair in authorization_request],
                created_at=now,
                expires_at=now + identity.sso_request_ttl,
            )
        )
    uri: str = prepare_grant_uri(
        document["authorization_endpoint"],
        connection.settings.client_id,
        "code",
        redirect_uri=callback_url(identity),
        scope=SCOPE,
        state=state,
        nonce=nonce,
        code_challenge=create_s256_code_challenge(verifier),
        code_challenge_method="S256",
        login_hint=login_hint,
    )
    return uri


@dataclass(frozen=True)
class Returned:
    """A sign-in at a provider, back at the callback: the frontend's authorization request it
    belongs to, and who signed in (or why nobody did)."""

    authorization_request: list[tuple[str, str]]
    person: Person | None
    failure: SsoFailed | None
    issuer: str


async def _spend_request(identity: Identity, state: str, now: datetime) -> Any:
    async with identity.engine.begin() as conn:
        return (
            await conn.execute(
                update(sso_requests)
                .where(
                    sso_requests.c.state_hash == secret_digest(state),
                    sso_requests.c.used_at.is_(None),
                    sso_requests.c.expires_at > now,
                )
                .values(used_at=now)
                .returning(sso_requests)
            )
        ).one_or_none()


async def finish(
    identity: Identity, *, state: str, code: str | None, error: str | None
) -> Returned | None:
    """The provider's answer at the callback. None when the state is unknown, spent or
    expired (nothing to go back to); else the person signed in, or the failure."""
    now = identity.clock()
    request = await _spend_request(identity, state, now)
    if request is None:
        failed("state_invalid")
        return None
    back = [(str(k), str(v)) for k, v in request.authorization_request]
    try:
        person = await _signed_in(identity, request, code=code, error=error, now=now)
    except SsoFailed as failure:
        failed(failure.reason)
        log.info("single sign-on failed: %s (org %s)", failure.reason, request.org_id)
        await audit.record(
            identity.engine,
            org_id=request.org_id,
            user_id=None,
            method="sso",
            result="failed",
            reason=failure.reason,
            at=now,
            client_id=next((v for k, v in back if k == "client_id"), None),
            identity_provider=request.issuer,
        )
        return Returned(back, None, failure, request.issuer)
    return Returned(back, person, None, request.issuer)


async def _signed_in(
    identity: Identity, request: Any, *, code: str | None, error: str | None, now: datetime
) -> Person:
    if error is not None:
        raise SsoFailed("idp_error", f"Your organisation's sign-in did not complete ({error[:80]})")
    if not code:
        raise SsoFailed("idp_error", "Your organisation's sign-in sent no code")
    async with identity.engine.connect() as conn:
        connection = await connection_of(conn, identity, request.org_id)
    if connection is None or connection.settings.issuer != request.issuer:
        raise SsoFailed("connection_changed", "Your organisation's sign-in was changed; try again")
    tokens = await identity.idps.exchange(
        connection, code=code, redirect_uri=callback_url(identity), verifier=request.code_verifier
    )
    claims = await verify_id_token(identity.idps, connection, tokens, nonce=request.nonce, now=now)
    try:
        federated = map_claims(connection.settings, claims)
    except ClaimsRefused as refused:
        raise SsoFailed(refused.reason, refused.detail) from refused
    return await _person_for(identity, connection, federated, now)


async def _person_for(
    identity: Identity, connection: Connection, federated: FederatedPerson, now: datetime
) -> Person:
    """The Huddle person the provider's subject is linked to; else the organisation's person
    with that email, linked now; else, when the organisation allows it, a new person."""
    issuer = connection.settings.issuer
    async with identity.engine.begin() as conn:
        user_id = await conn.scalar(
            select(sso_links.c.user_id).where(
                sso_links.c.issuer == issuer, sso_links.c.subject == federated.subject
            )
        )
        if user_id is None:
            user_id = await conn.scalar(
                select(users.c.user_id).where(
                    users.c.email == federated.email, users.c.org_id == connection.org_id
                )
            )
            if user_id is not None:
                await _link(conn, connection, federated, user_id, now)
        else:
            await conn.execute(
                update(sso_links)
                .where(sso_links.c.issuer == issuer, sso_links.c.subject == federated.subject)
                .values(last_sign_in_at=now)
            )
    if user_id is None:
        if not connection.settings.create_people:
            raise SsoFailed(
                "no_account", "You have no Huddle account yet; ask your organisation's admin."
            )
        user_id = await _create(identity, connection, federated, now)
    async with identity.engine.connect() as conn:
        row = await queries.signed_in_person(conn, user_id=user_id)
    if row is None or row.org_id != connection.org_id:
        raise SsoFailed("no_account", "You have no Huddle account in this organisation.")
    if row.status != ACTIVE:
        raise SsoFailed("deactivated", "Your Huddle account is deactivated.")
    return Person(row.user_id, row.org_id, tuple(row.org_roles), row.email, row.display_name)


async def _link(
    conn: AsyncConnection,
    connection: Connection,
    federated: FederatedPerson,
    user_id: str,
    now: datetime,
) -> None:
    await conn.execute(
        insert(sso_links).values(
            issuer=connection.settings.issuer,
            subject=federated.subject,
            user_id=user_id,
            org_id=connection.org_id,
            created_at=now,
            last_sign_in_at=now,
        )
    )


async def _create(
    identity: Identity, connection: Connection, federated: FederatedPerson, now: datetime
) -> str:
    """Register the person the provider vouches for, without a Huddle password, linked."""
    person = NewPerson(
        user_id=str(uuid.uuid4()),
        email=federated.email,
        display_name=federated.name,
        profession=federated.profession,
        org_roles=federated.org_roles,
        password_hash=None,
    )

    async def run(conn: AsyncConnection) -> CommandResult:
        context = EventContext(tenant_id=connection.org_id, actor=None)
        await handlers.register_person(conn, identity, person=person, context=context, now=now)
        await _link(conn, connection, federated, person.user_id, now)
        return CommandResult(201, None)

    await execute(identity.engine, run)
    return person.user_id


# ---- configuring the connection (org admins) ---------------------------------------------------


@dataclass(frozen=True)
class SsoView:
    org_id: str
    settings: SsoSettings
    version: int
    updated_at: datetime


async def view(conn: AsyncConnection, *, org_id: str, principal: Principal) -> SsoView:
    access.ensure_org_admin(principal)
    principal.require_org(org_id)
    row = (
        await conn.execute(select(sso_connections).where(sso_connections.c.org_id == org_id))
    ).one_or_none()
    if row is None:
        raise NotFound("This organisation has no single sign-on connection")
    return SsoView(
        org_id=row.org_id, settings=_settings(row), version=row.version, updated_at=row.updated_at
    )


async def configure(
    conn: AsyncConnection,
    identity: Identity,
    *,
    org_id: str,
    settings: SsoSettings,
    client_secret: str | None,
    caller: Caller,
) -> SsoView:
    """Connect the organisation's provider, or change the connection (the secret may be left
    out then, and is kept). ``settings`` are :func:`validated` ones. Each email domain belongs
    to one organisation."""
    access.ensure_org_admin(caller.principal)
    caller.principal.require_org(org_id)
    claimed = (
        (
            await conn.execute(
                select(sso_domains.c.domain).where(
                    sso_domains.c.domain.in_(settings.email_domains), sso_domains.c.org_id != org_id
                )
            )
        )
        .scalars()
        .all()
    )
    if claimed:
        raise Conflict(
            "Another organisation signs in with: " + ", ".join(sorted(claimed)),
        )

    def decide(org: Organization) -> list[DomainEvent]:
        if org.sso is None and not client_secret:
            raise DomainRuleViolated("The client secret is needed to connect a provider")
        command = ConfigureSso(org_id=org_id, settings=settings, actor=caller.context.actor or "")
        return decide_configure(org.sso, command)

    async def rows(conn: AsyncConnection, org: Organization, _: list[RecordedEvent]) -> None:
        await _write_connection(conn, identity, org, client_secret, caller.now)

    org = await handlers.ORGANIZATION.change(
        conn,
        store=identity.store,
        stream_id=org_id,
        caller=caller,
        decide=decide,
        after_append=rows,
    )
    if client_secret and org.sso is not None:
        # A new secret alone is no event (secrets never are): it replaces the stored one.
        await conn.execute(
            update(sso_connections)
            .where(sso_connections.c.org_id == org_id)
            .values(wrapped_secret=wrap_secret(identity, org_id, client_secret))
        )
    return await view(conn, org_id=org_id, principal=caller.principal)


async def _write_connection(
    conn: AsyncConnection,
    identity: Identity,
    org: Organization,
    client_secret: str | None,
    now: datetime,
) -> None:
    settings = org.sso
    if settings is None:
        return
    values = {
        "issuer": settings.issuer,
        "client_id": settings.client_id,
        "email_domains": list(settings.email_domains),
        "claims": dict(settings.claims),
        "role_values": {k: str(v) for k, v in settings.role_values.items()},
        "create_people": settings.create_people,
        "required": settings.required,
        "version": org.version,
        "updated_at": now,
    }
    if client_secret:
        values["wrapped_secret"] = wrap_secret(identity, org.id, client_secret)
    statement = pg_insert(sso_connections).values(org_id=org.id, **values)
    await conn.execute(
        statement.on_conflict_do_update(index_elements=[sso_connections.c.org_id], set_=values)
    )
    await conn.execute(delete(sso_domains).where(sso_domains.c.org_id == org.id))
    await conn.execute(
        insert(sso_domains),
        [{"domain": d, "org_id": org.id} for d in settings.email_domains],
    )


async def remove(
    conn: AsyncConnection, identity: Identity, *, org_id: str, caller: Caller
) -> Organization:
    """Disconnect the provider: its people sign in with passwords again (links are kept for
    a later connection to the same provider)."""
    access.ensure_org_admin(caller.principal)
    caller.principal.require_org(org_id)

    def decide(org: Organization) -> list[DomainEvent]:
        if org.sso is None:
            raise NotFound("This organisation has no single sign-on connection")
        return decide_remove(org.sso, org_id, caller.context.actor or "")

    async def rows(conn: AsyncConnection, org: Organization, _: list[RecordedEvent]) -> None:
        await conn.execute(delete(sso_domains).where(sso_domains.c.org_id == org_id))
        await conn.execute(delete(sso_connections).where(sso_connections.c.org_id == org_id))

    return await handlers.ORGANIZATION.change(
        conn,
        store=identity.store,
        stream_id=org_id,
        caller=caller,
        decide=decide,
        after_append=rows,
    )
