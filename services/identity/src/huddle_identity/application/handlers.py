"""Use cases that change identity: organisations, people and integration clients.

Every handler runs on the caller's connection, inside the transaction that
:func:`huddle_shared.commands.execute` opens, so the events, their outbox rows, the read models
and the secrets beside them (credentials, per-person keys, refresh tokens) commit together or
not at all. Every change to an existing stream goes through
:meth:`huddle_shared.aggregates.Aggregate.change` (load, If-Match, decide, append).

The permission checks come first, before anything is loaded, as identity has always answered:
they depend on the caller only. A new person's password was checked and hashed before the
transaction began (:mod:`huddle_identity.application.registration`).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters import credentials
from huddle_identity.application import access, queries
from huddle_identity.application.deps import Identity
from huddle_identity.application.passwords import secret_digest
from huddle_identity.application.queries import ClientView, PersonView
from huddle_identity.application.registration import NewPerson
from huddle_identity.domain import user as user_domain
from huddle_identity.domain.organization import (
    Client,
    CreateOrganization,
    Organization,
    RegisterClient,
    decide_create_organization,
    decide_register_client,
    decide_revoke_client,
    evolve_client,
    evolve_organization,
)
from huddle_identity.domain.user import (
    DeactivateUser,
    EraseUser,
    RegisterUser,
    SetOrgRoles,
    UpdateProfile,
    User,
)
from huddle_identity.projections import clients as client_rows
from huddle_identity.projections import people
from huddle_identity.projections.people import DirectoryValues
from huddle_shared.aggregates import Aggregate, Caller
from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.errors import Conflict, NotFound
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventContext, RecordedEvent

USER = Aggregate[User](
    stream_type="user",
    evolve=lambda state, event, at, version: user_domain.evolve(
        state, event, at=at, version=version
    ),
    not_found=lambda: NotFound("No such user"),
)
ORGANIZATION = Aggregate[Organization](
    stream_type="organization",
    evolve=lambda state, event, at, version: evolve_organization(
        state, event, at=at, version=version
    ),
    not_found=lambda: NotFound("No such organisation"),
)
CLIENT = Aggregate[Client](
    stream_type="client",
    evolve=lambda state, event, at, version: evolve_client(state, event, at=at, version=version),
    not_found=lambda: NotFound("No such client"),
)


@dataclass(frozen=True)
class ProfileChange:
    """``None`` leaves a field as it is."""

    display_name: str | None = None
    profession: Profession | None = None
    org_roles: frozenset[OrgRole] | None = None


@dataclass(frozen=True)
class RegisteredClient:
    client: ClientView
    secret: str


# ---- organisations and people ----------------------------------------------------------------


async def create_organization(
    conn: AsyncConnection,
    identity: Identity,
    *,
    org_id: str,
    name: str,
    admin: NewPerson,
    now: datetime,
) -> tuple[Organization, PersonView]:
    """Sign-up: the tenant and its first org admin, who is also the actor of both."""
    context = EventContext(tenant_id=org_id, actor=admin.user_id)
    events = decide_create_organization(
        None, CreateOrganization(org_id=org_id, name=name, first_admin_id=admin.user_id)
    )
    org, _ = await ORGANIZATION.create(
        conn, store=identity.store, stream_id=org_id, events=events, context=context, now=now
    )
    await people.add_organization(conn, org)
    await register_person(conn, identity, person=admin, context=context, now=now)
    viewer = Principal(admin.user_id, org_id, frozenset({OrgRole.ORG_ADMIN}), frozenset(), "user")
    return org, await queries.person_seen_by(conn, user_id=admin.user_id, viewer=viewer)


async def register_user(
    conn: AsyncConnection, identity: Identity, *, person: NewPerson, caller: Caller
) -> PersonView:
    """Add a person to the caller's organisation (org admins)."""
    access.ensure_org_admin(caller.principal)
    await register_person(conn, identity, person=person, context=caller.context, now=caller.now)
    return await queries.person_seen_by(conn, user_id=person.user_id, viewer=caller.principal)


async def register_invited(
    conn: AsyncConnection,
    identity: Identity,
    *,
    person: NewPerson,
    org_id: str,
    invited_by: str,
    now: datetime,
) -> PersonView:
    """An invitee accepting: registered in the inviting organisation, with the inviter as the
    actor of the registration (the invitation, not the invitee, decided who joins)."""
    context = EventContext(tenant_id=org_id, actor=invited_by)
    await register_person(conn, identity, person=person, context=context, now=now)
    viewer = Principal(person.user_id, org_id, person.org_roles, frozenset(), "user")
    return await queries.person_seen_by(conn, user_id=person.user_id, viewer=viewer)


async def update_user(
    conn: AsyncConnection,
    identity: Identity,
    *,
    user_id: str,
    change: ProfileChange,
    caller: Caller,
) -> PersonView:
    """Rename, change profession; org roles too for org admins (never the last admin's)."""
    access.ensure_can_update_person(
        caller.principal, user_id=user_id, changes_roles=change.org_roles is not None
    )
    actor = caller.context.actor or "system"
    renamed_to: str | None = None

    async def decide(user: User) -> list[DomainEvent]:
        nonlocal renamed_to
        renamed_to = None
        sealed_name = None
        name = change.display_name
        if name is not None and name != await queries.current_display_name(conn, user_id=user_id):
            key = await identity.vault.get(conn, user_id)
            if key is None:
                raise Conflict("This person's data was erased")
            sealed_name = identity.vault.seal(key, user_id, "display_name", name)
            renamed_to = name
        events = user_domain.decide_update_profile(
            user, UpdateProfile(display_name=sealed_name, profession=change.profession, actor=actor)
        )
        if change.org_roles is not None:
            admins = await queries.other_active_admins(conn, org_id=user.org_id, user_id=user_id)
            events += user_domain.decide_set_org_roles(
                user, SetOrgRoles(roles=change.org_roles, actor=actor, other_active_admins=admins)
            )
        return events

    async def rows(conn: AsyncConnection, user: User, _: list[RecordedEvent]) -> None:
        await people.update_profile(conn, user, display_name=renamed_to)

    return await _change_user(conn, identity, user_id, caller, decide, rows)


async def deactivate_user(
    conn: AsyncConnection, identity: Identity, *, user_id: str, reason: str, caller: Caller
) -> PersonView:
    """No more sign-in or refresh; access tokens already issued expire on their own."""
    access.ensure_org_admin(caller.principal)

    async def decide(user: User) -> list[DomainEvent]:
        admins = await queries.other_active_admins(conn, org_id=user.org_id, user_id=user_id)
        command = DeactivateUser(
            actor=caller.context.actor or "system", reason=reason, other_active_admins=admins
        )
        return user_domain.decide_deactivate_user(user, command)

    async def rows(conn: AsyncConnection, user: User, _: list[RecordedEvent]) -> None:
        await status_changed(conn, identity, user, now=caller.now)

    return await _change_user(conn, identity, user_id, caller, decide, rows)


async def status_changed(
    conn: AsyncConnection, identity: Identity, user: User, *, now: datetime
) -> None:
    """The read model follows a (de)activation; no refresh token outlives an active account."""
    await people.update_status(conn, user)
    if user.status != user_domain.ACTIVE:
        await identity.tokens.revoke_user(conn, user.id, now)


async def erase_user(
    conn: AsyncConnection,
    identity: Identity,
    *,
    user_id: str,
    caller: Caller,
    authorise: Callable[[Principal], None] = access.ensure_org_admin,
) -> User:
    """Crypto-shredding: the person's key, readable copies, credentials and tokens go.

    Org admins erase (``DELETE /v1/users/{id}/personal-data``); a SCIM connector erases the same
    way when its identity provider deletes the person (``authorise`` says who may)."""
    authorise(caller.principal)

    async def decide(user: User) -> list[DomainEvent]:
        admins = await queries.other_active_admins(conn, org_id=user.org_id, user_id=user_id)
        command = EraseUser(actor=caller.context.actor or "system", other_active_admins=admins)
        return user_domain.decide_erase_user(user, command)

    async def shred(conn: AsyncConnection, user: User, _: list[RecordedEvent]) -> None:
        await identity.vault.destroy(conn, kid=user.id, now=caller.now)
        await people.erase_personal_data(conn, user)
        await credentials.remove(conn, user_id=user.id)
        await credentials.remove_reset_links(conn, user_id=user.id)
        await identity.tokens.revoke_user(conn, user.id, caller.now)

    # Erasing twice decides no event, so nothing is written: DELETE is idempotent.
    return await USER.change(
        conn,
        store=identity.store,
        stream_id=user_id,
        caller=caller,
        decide=decide,
        after_append=shred,
    )


# ---- integration clients ---------------------------------------------------------------------


async def register_client(
    conn: AsyncConnection,
    identity: Identity,
    *,
    name: str,
    scopes: frozenset[str],
    caller: Caller,
) -> RegisteredClient:
    """The client and its secret; only the digest is stored, so the secret is shown once."""
    access.ensure_org_admin(caller.principal)
    client_id = str(uuid.uuid4())
    command = RegisterClient(
        client_id=client_id,
        org_id=caller.context.tenant_id,
        name=name,
        scopes=scopes,
        actor=caller.context.actor or "system",
    )
    client, _ = await CLIENT.create(
        conn,
        store=identity.store,
        stream_id=client_id,
        events=decide_register_client(None, command),
        context=caller.context,
        now=caller.now,
    )
    secret = secrets.token_urlsafe(32)
    await client_rows.add_client(conn, client, secret_hash=secret_digest(secret), now=caller.now)
    return RegisteredClient(await queries.client_view(conn, client_id=client_id), secret)


async def revoke_client(
    conn: AsyncConnection, identity: Identity, *, client_id: str, caller: Caller
) -> ClientView:
    """No new tokens for the client; revoking twice changes nothing."""
    access.ensure_org_admin(caller.principal)

    def decide(client: Client) -> list[DomainEvent]:
        return decide_revoke_client(client, caller.context.actor or "system")

    async def rows(conn: AsyncConnection, client: Client, _: list[RecordedEvent]) -> None:
        await client_rows.mark_revoked(conn, client, now=caller.now)

    await CLIENT.change(
        conn,
        store=identity.store,
        stream_id=client_id,
        caller=caller,
        decide=decide,
        after_append=rows,
    )
    return await queries.client_view(conn, client_id=client_id)


# ---- shared steps ----------------------------------------------------------------------------

ReadModels = Callable[[AsyncConnection, User, list[RecordedEvent]], Awaitable[None]]


# Decides what follows a registration in the same append, from the new person's state and key
# (a SCIM connector's directory entry, or its deactivation).
FollowUp = Callable[[User, bytes], list[DomainEvent]]


async def register_person(
    conn: AsyncConnection,
    identity: Identity,
    *,
    person: NewPerson,
    context: EventContext,
    now: datetime,
    follow_up: FollowUp | None = None,
    directory: DirectoryValues | None = None,
) -> User:
    """Seal the person's email and name with their own new key, append, write the rows.

    Callers check access first. ``follow_up`` adds events to the registration's append, and
    ``directory`` the readable copies of the directory entry they set."""
    key = await identity.vault.create(conn, kid=person.user_id, now=now)
    command = RegisterUser(
        user_id=person.user_id,
        org_id=context.tenant_id,
        email=identity.vault.seal(key, person.user_id, "email", person.email),
        display_name=identity.vault.seal(key, person.user_id, "display_name", person.display_name),
        profession=person.profession,
        org_roles=person.org_roles,
        actor=context.actor,
    )
    events = user_domain.decide_register_user(None, command)
    if follow_up is not None:
        events += follow_up(USER.evolved(None, events, now=now), key)
    user, _ = await USER.create(
        conn,
        store=identity.store,
        stream_id=person.user_id,
        events=events,
        context=context,
        now=now,
    )
    await people.add_person(
        conn,
        user,
        email=person.email,
        display_name=person.display_name,
        now=now,
        directory=directory,
    )
    if person.password_hash is not None:
        await credentials.store(conn, user_id=user.id, password_hash=person.password_hash, now=now)
    return user


async def _change_user(
    conn: AsyncConnection,
    identity: Identity,
    user_id: str,
    caller: Caller,
    decide: Callable[[User], Awaitable[list[DomainEvent]]],
    read_models: ReadModels,
) -> PersonView:
    """The one way an existing person changes, answered with the row as the caller sees it."""
    await USER.change(
        conn,
        store=identity.store,
        stream_id=user_id,
        caller=caller,
        decide=decide,
        after_append=read_models,
    )
    return await queries.person_seen_by(conn, user_id=user_id, viewer=caller.principal)
