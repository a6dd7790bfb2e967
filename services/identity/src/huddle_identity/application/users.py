"""Use cases for organisations and people: load the stream, decide, append, update read models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import credentials, organizations, users
from huddle_identity.application.deps import Identity
from huddle_identity.domain import user as user_domain
from huddle_identity.domain.organization import (
    CreateOrganization,
    Organization,
    decide_create_organization,
    evolve_organization,
)
from huddle_identity.domain.user import (
    ACTIVE,
    DeactivateUser,
    EraseUser,
    RegisterUser,
    SetOrgRoles,
    UpdateProfile,
    User,
)
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.errors import Conflict, NotFound
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventContext, RecordedEvent
from huddle_shared.http import check_if_match


@dataclass(frozen=True)
class NewPerson:
    user_id: str
    email: str
    display_name: str
    profession: Profession
    org_roles: frozenset[OrgRole]
    password_hash: str


def fold_user(events: list[RecordedEvent], state: User | None = None) -> User | None:
    for r in events:
        state = user_domain.evolve(state, r.payload, at=r.recorded_at, version=r.version)
    return state


async def load_user(
    conn: AsyncConnection, identity: Identity, *, user_id: str, org_id: str
) -> User:
    """The person as of their last event; someone of another organisation does not exist."""
    user = fold_user(await identity.store.load(conn, user_id, tenant_id=org_id))
    if user is None:
        raise NotFound("No such user")
    return user


async def other_active_admins(conn: AsyncConnection, *, org_id: str, user_id: str) -> int:
    count = await conn.execute(
        select(func.count())
        .select_from(users)
        .where(
            users.c.org_id == org_id,
            users.c.user_id != user_id,
            users.c.status == ACTIVE,
            users.c.org_roles.contains([OrgRole.ORG_ADMIN.value]),
        )
    )
    return int(count.scalar_one())


async def create_organization(
    conn: AsyncConnection,
    identity: Identity,
    *,
    org_id: str,
    name: str,
    admin: NewPerson,
    now: datetime,
) -> tuple[Organization, User]:
    events = decide_create_organization(
        None, CreateOrganization(org_id=org_id, name=name, first_admin_id=admin.user_id)
    )
    context = EventContext(tenant_id=org_id, actor=admin.user_id)
    recorded = await identity.store.append(
        conn,
        stream_id=org_id,
        stream_type="organization",
        expected_version=0,
        events=events,
        context=context,
        now=now,
    )
    org: Organization | None = None
    for r in recorded:
        org = evolve_organization(org, r.payload, at=r.recorded_at, version=r.version)
    assert org is not None
    await conn.execute(
        insert(organizations).values(
            org_id=org.id, name=org.name, created_at=org.created_at, version=org.version
        )
    )
    user = await register_user(
        conn, identity, org_id=org_id, person=admin, context=context, now=now
    )
    return org, user


async def register_user(
    conn: AsyncConnection,
    identity: Identity,
    *,
    org_id: str,
    person: NewPerson,
    context: EventContext,
    now: datetime,
) -> User:
    key = await identity.vault.create(conn, kid=person.user_id, now=now)
    command = RegisterUser(
        user_id=person.user_id,
        org_id=org_id,
        email=identity.vault.seal(key, person.user_id, "email", person.email),
        display_name=identity.vault.seal(key, person.user_id, "display_name", person.display_name),
        profession=person.profession,
        org_roles=person.org_roles,
        actor=context.actor,
    )
    events = user_domain.decide_register_user(None, command)
    recorded = await identity.store.append(
        conn,
        stream_id=person.user_id,
        stream_type="user",
        expected_version=0,
        events=events,
        context=context,
        now=now,
    )
    user = fold_user(recorded)
    assert user is not None
    try:
        async with conn.begin_nested():
            await conn.execute(
                insert(users).values(
                    user_id=user.id,
                    org_id=org_id,
                    email=person.email,
                    display_name=person.display_name,
                    profession=person.profession.value,
                    org_roles=sorted(r.value for r in user.org_roles),
                    status=user.status,
                    created_at=now,
                    updated_at=now,
                    version=user.version,
                )
            )
    except IntegrityError as exc:
        raise Conflict("A user with this email address already exists") from exc
    await conn.execute(
        insert(credentials).values(
            user_id=user.id, password_hash=person.password_hash, updated_at=now
        )
    )
    return user


async def update_user(
    conn: AsyncConnection,
    identity: Identity,
    *,
    user_id: str,
    display_name: str | None,
    profession: Profession | None,
    org_roles: frozenset[OrgRole] | None,
    context: EventContext,
    if_match: str | None,
    now: datetime,
) -> User:
    org_id = context.tenant_id
    actor = context.actor or "system"
    user = await load_user(conn, identity, user_id=user_id, org_id=org_id)
    check_if_match(if_match, user.version)
    row = (await conn.execute(select(users).where(users.c.user_id == user_id))).one()
    sealed_name = None
    if display_name is not None and display_name != row.display_name:
        key = await identity.vault.get(conn, user_id)
        if key is None:
            raise Conflict("This person's data was erased")
        sealed_name = identity.vault.seal(key, user_id, "display_name", display_name)
    events = user_domain.decide_update_profile(
        user, UpdateProfile(display_name=sealed_name, profession=profession, actor=actor)
    )
    if org_roles is not None:
        admins = await other_active_admins(conn, org_id=org_id, user_id=user_id)
        events += user_domain.decide_set_org_roles(
            user, SetOrgRoles(roles=org_roles, actor=actor, other_active_admins=admins)
        )
    user = await _append(conn, identity, user, events, context, now)
    values: dict[str, object] = {"updated_at": user.updated_at, "version": user.version}
    if sealed_name is not None:
        values["display_name"] = display_name
    if user.profession is not None:
        values["profession"] = user.profession.value
    values["org_roles"] = sorted(r.value for r in user.org_roles)
    await conn.execute(update(users).where(users.c.user_id == user_id).values(**values))
    return user


async def deactivate_user(
    conn: AsyncConnection,
    identity: Identity,
    *,
    user_id: str,
    reason: str,
    context: EventContext,
    if_match: str | None,
    now: datetime,
) -> User:
    user = await load_user(conn, identity, user_id=user_id, org_id=context.tenant_id)
    check_if_match(if_match, user.version)
    admins = await other_active_admins(conn, org_id=context.tenant_id, user_id=user_id)
    events = user_domain.decide_deactivate_user(
        user,
        DeactivateUser(actor=context.actor or "system", reason=reason, other_active_admins=admins),
    )
    user = await _append(conn, identity, user, events, context, now)
    await conn.execute(
        update(users)
        .where(users.c.user_id == user_id)
        .values(status=user.status, updated_at=user.updated_at, version=user.version)
    )
    # Existing access tokens expire on their own; no refresh token may outlive the account.
    await identity.tokens.revoke_user(conn, user_id, now)
    return user


async def erase_user(
    conn: AsyncConnection,
    identity: Identity,
    *,
    user_id: str,
    context: EventContext,
    now: datetime,
) -> User:
    user = await load_user(conn, identity, user_id=user_id, org_id=context.tenant_id)
    admins = await other_active_admins(conn, org_id=context.tenant_id, user_id=user_id)
    events = user_domain.decide_erase_user(
        user, EraseUser(actor=context.actor or "system", other_active_admins=admins)
    )
    user = await _append(conn, identity, user, events, context, now)
    await identity.vault.destroy(conn, kid=user_id, now=now)
    await conn.execute(
        update(users)
        .where(users.c.user_id == user_id)
        .values(
            email=None,
            display_name=None,
            profession=None,
            status=user.status,
            updated_at=user.updated_at,
            version=user.version,
        )
    )
    await conn.execute(delete(credentials).where(credentials.c.user_id == user_id))
    await identity.tokens.revoke_user(conn, user_id, now)
    return user


async def _append(
    conn: AsyncConnection,
    identity: Identity,
    user: User,
    events: list[DomainEvent],
    context: EventContext,
    now: datetime,
) -> User:
    recorded = await identity.store.append(
        conn,
        stream_id=user.id,
        stream_type="user",
        expected_version=user.version,
        events=events,
        context=context,
        now=now,
    )
    updated = fold_user(recorded, user)
    assert updated is not None
    return updated
