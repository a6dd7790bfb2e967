"""Provisioning by the organisation's identity provider (SCIM): the same people, decisions, read
models and secrets as the rest of identity, driven by a connector.

A connector says what a person should be (:class:`WantedPerson`); Huddle compares it, in
plaintext, with what it holds and decides only the differences, each with the decision the
rest of identity uses: a rename, an email change, the directory entry, a deactivation (which
revokes every refresh token at once) or a reactivation. Deleting a person erases them exactly as
an org admin's erasure does, and groups are the org roles, changed one person at a time through
the role decision, so the last active org admin is kept whatever the connector asks.

A change is computed from the person as read *before* the transaction (a new password is hashed
there, never inside one); the transaction refuses it if the person changed meanwhile, and the
change is computed again from the new state, up to three times.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters import credentials
from huddle_identity.application import access, directory, handlers, queries
from huddle_identity.application.deps import Identity
from huddle_identity.application.directory import DirectoryPerson
from huddle_identity.application.registration import NewPerson, checked_password_hash
from huddle_identity.domain import user as user_domain
from huddle_identity.domain.user import (
    ACTIVE,
    DEACTIVATED,
    ERASED,
    ChangeEmail,
    DeactivateUser,
    DirectoryEntry,
    ReactivateUser,
    SetDirectoryEntry,
    SetOrgRoles,
    UpdateProfile,
    User,
)
from huddle_identity.projections import people
from huddle_identity.projections.people import DirectoryValues
from huddle_shared.aggregates import Caller
from huddle_shared.auth import Principal
from huddle_shared.commands import CommandResult, execute
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.errors import ConcurrencyConflict, DomainRuleViolated, NotFound
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventContext, RecordedEvent
from huddle_shared.personal import Sealed

MAX_ATTEMPTS = 3
DEPROVISIONED = "Deactivated by the organisation's identity provider (SCIM)"


@dataclass(frozen=True)
class WantedPerson:
    """A person as the identity provider wants them. ``None`` leaves Huddle's value as it is
    (for a new person: profession ``other``, active); ``password`` is a new one, in clear until
    it is hashed, outside any transaction."""

    email: str
    display_name: str
    directory: DirectoryValues
    profession: Profession | None = None
    active: bool | None = None
    password: str | None = None


class UnknownMember(DomainRuleViolated):
    """A group member that is no person of the organisation."""


# ---- people ----------------------------------------------------------------------------------


async def provision_person(
    identity: Identity, *, wanted: WantedPerson, principal: Principal, context: EventContext
) -> DirectoryPerson:
    """A new person of the connector's organisation, with org role ``member`` (groups add the
    others); 409 when their email or user name is already someone's."""
    access.ensure_scim_connector(principal)
    person = NewPerson(
        user_id=str(uuid.uuid4()),
        email=wanted.email,
        display_name=wanted.display_name,
        profession=wanted.profession or Profession.OTHER,
        org_roles=frozenset({OrgRole.MEMBER}),
        password_hash=await _password_hash(identity, wanted),
    )
    actor = context.actor or "system"

    def follow_up(user: User, key: bytes) -> list[DomainEvent]:
        events: list[DomainEvent] = []
        if wanted.directory != DirectoryValues():
            entry = _sealed(identity, key, user.id, wanted.directory)
            events += user_domain.decide_set_directory_entry(user, SetDirectoryEntry(entry, actor))
        if wanted.active is False:
            # A new person holds no admin role: no organisation can lose its last admin here.
            command = DeactivateUser(actor=actor, reason=DEPROVISIONED, other_active_admins=1)
            events += user_domain.decide_deactivate_user(user, command)
        return events

    async def run(conn: AsyncConnection) -> CommandResult:
        await handlers.register_person(
            conn,
            identity,
            person=person,
            context=context,
            now=identity.clock(),
            follow_up=follow_up,
            directory=wanted.directory,
        )
        return CommandResult(
            201, await directory.person_of(conn, user_id=person.user_id, org_id=principal.org_id)
        )

    result = await execute(
        identity.engine, run, retry_on_conflict=False, after_commit=identity.store.committed
    )
    return cast(DirectoryPerson, result.body)


async def revise_person(
    identity: Identity,
    *,
    user_id: str,
    want: Callable[[DirectoryPerson], WantedPerson],
    principal: Principal,
    context: EventContext,
    if_match: str | None = None,
) -> DirectoryPerson:
    """Bring a person to what ``want`` makes of them as they are now (a SCIM replace or patch).

    With ``If-Match`` a stale version is refused (412); without, a concurrent change makes the
    change be computed again from the new state."""
    access.ensure_scim_connector(principal)
    # A retry does not check and hash the same password again (for the same person's names).
    hashed: dict[tuple[str, str, str], str] = {}
    for attempt in range(1, MAX_ATTEMPTS + 1):
        async with identity.engine.connect() as conn:
            held = await directory.read_person(conn, user_id=user_id, principal=principal)
        wanted = want(held)
        caller = Caller(
            principal=principal, context=context, now=identity.clock(), if_match=if_match
        )
        password_hash = None
        if wanted.password is not None:
            key = (wanted.password, wanted.email, wanted.display_name)
            if key not in hashed:
                hashed[key] = cast(str, await _password_hash(identity, wanted))
            password_hash = hashed[key]
        try:
            return await _revise(
                identity, held=held, wanted=wanted, password_hash=password_hash, caller=caller
            )
        except ConcurrencyConflict:
            if if_match is not None or attempt == MAX_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


async def _revise(
    identity: Identity,
    *,
    held: DirectoryPerson,
    wanted: WantedPerson,
    password_hash: str | None,
    caller: Caller,
) -> DirectoryPerson:

    async def run(conn: AsyncConnection) -> CommandResult:
        person = await _reconcile(
            conn, identity, held=held, wanted=wanted, password_hash=password_hash, caller=caller
        )
        return CommandResult(200, person)

    result = await execute(
        identity.engine, run, retry_on_conflict=False, after_commit=identity.store.committed
    )
    return cast(DirectoryPerson, result.body)


async def deprovision_person(
    identity: Identity, *, user_id: str, principal: Principal, context: EventContext
) -> None:
    """Erase the person as an org admin's erasure does; an erased person is gone (404)."""
    access.ensure_scim_connector(principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        await directory.person_of(conn, user_id=user_id, org_id=principal.org_id)
        caller = Caller(principal=principal, context=context, now=identity.clock())
        await handlers.erase_user(
            conn, identity, user_id=user_id, caller=caller, authorise=access.ensure_scim_connector
        )
        return CommandResult(204, None)

    await execute(identity.engine, run, after_commit=identity.store.committed)


async def _reconcile(
    conn: AsyncConnection,
    identity: Identity,
    *,
    held: DirectoryPerson,
    wanted: WantedPerson,
    password_hash: str | None,
    caller: Caller,
) -> DirectoryPerson:
    actor = caller.context.actor or "system"
    renamed = wanted.display_name if wanted.display_name != held.display_name else None
    new_email = wanted.email if wanted.email != held.email else None
    new_entry = wanted.directory if wanted.directory != held.directory else None

    async def decide(user: User) -> list[DomainEvent]:
        if user.status == ERASED:
            raise NotFound("No such user")
        if user.version != held.version:
            raise ConcurrencyConflict("The person changed since the change was computed")
        key = await identity.vault.get(conn, user.id)
        assert key is not None, "a person who is not erased has a key"
        profile = UpdateProfile(
            display_name=_seal(identity, key, user.id, "display_name", renamed),
            profession=wanted.profession,
            actor=actor,
        )
        events = user_domain.decide_update_profile(user, profile)
        if new_email is not None:
            email = identity.vault.seal(key, user.id, "email", new_email)
            events += user_domain.decide_change_email(user, ChangeEmail(email, actor))
        if new_entry is not None:
            entry = _sealed(identity, key, user.id, new_entry)
            events += user_domain.decide_set_directory_entry(user, SetDirectoryEntry(entry, actor))
        if wanted.active is False and user.status == ACTIVE:
            admins = await _other_admins(conn, user)
            events += user_domain.decide_deactivate_user(
                user, DeactivateUser(actor=actor, reason=DEPROVISIONED, other_active_admins=admins)
            )
        if wanted.active is True and user.status == DEACTIVATED:
            events += user_domain.decide_reactivate_user(user, ReactivateUser(actor))
        return events

    async def rows(conn: AsyncConnection, user: User, _: list[RecordedEvent]) -> None:
        await people.update_profile(conn, user, display_name=renamed)
        if new_email is not None:
            await people.update_email(conn, user, email=new_email)
        if new_entry is not None:
            await people.update_directory(conn, user, new_entry)
        if user.status != held.status:
            await handlers.status_changed(conn, identity, user, now=caller.now)

    await handlers.USER.change(
        conn,
        store=identity.store,
        stream_id=held.id,
        caller=caller,
        decide=decide,
        after_append=rows,
    )
    if password_hash is not None:
        await _set_password(
            conn, identity, user_id=held.id, password_hash=password_hash, now=caller.now
        )
    return await directory.person_of(conn, user_id=held.id, org_id=held.org_id)


async def _set_password(
    conn: AsyncConnection, identity: Identity, *, user_id: str, password_hash: str, now: datetime
) -> None:
    """A password the identity provider sets ends every session, as a reset does."""
    if not await credentials.replace(conn, user_id=user_id, password_hash=password_hash, now=now):
        await credentials.store(conn, user_id=user_id, password_hash=password_hash, now=now)
    await identity.tokens.revoke_user(conn, user_id, now)


async def _password_hash(identity: Identity, wanted: WantedPerson) -> str | None:
    if wanted.password is None:
        return None
    return await checked_password_hash(
        identity.passwords, wanted.password, email=wanted.email, display_name=wanted.display_name
    )


# ---- groups: the org roles -------------------------------------------------------------------


async def change_role_holders(
    identity: Identity,
    *,
    role: OrgRole,
    grant: Iterable[str],
    revoke: Iterable[str],
    principal: Principal,
    context: EventContext,
) -> None:
    """Give ``role`` to the people of ``grant`` and take it from those of ``revoke``, in one
    transaction: a refusal (the last active org admin, someone left without any role, someone
    who is no person of the organisation) changes nobody."""
    access.ensure_scim_connector(principal)
    changes = dict.fromkeys(grant, True) | dict.fromkeys(revoke, False)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=identity.clock())
        # One person after the other, in a stable order: concurrent changes lock alike.
        for user_id, granted in sorted(changes.items()):
            await _change_role(
                conn, identity, user_id=user_id, role=role, granted=granted, caller=caller
            )
        return CommandResult(204, None)

    await execute(identity.engine, run, after_commit=identity.store.committed)


async def _change_role(
    conn: AsyncConnection,
    identity: Identity,
    *,
    user_id: str,
    role: OrgRole,
    granted: bool,
    caller: Caller,
) -> None:
    try:
        held = await directory.person_of(conn, user_id=user_id, org_id=caller.principal.org_id)
    except NotFound as exc:
        raise UnknownMember(f"No person of the organisation has the id {user_id!r}") from exc
    roles = held.org_roles | {role} if granted else held.org_roles - {role}
    if roles == held.org_roles:
        return
    actor = caller.context.actor or "system"

    async def decide(user: User) -> list[DomainEvent]:
        admins = await _other_admins(conn, user)
        command = SetOrgRoles(roles=roles, actor=actor, other_active_admins=admins)
        return user_domain.decide_set_org_roles(user, command)

    async def rows(conn: AsyncConnection, user: User, _: list[RecordedEvent]) -> None:
        await people.update_profile(conn, user, display_name=None)

    await handlers.USER.change(
        conn,
        store=identity.store,
        stream_id=user_id,
        caller=caller,
        decide=decide,
        after_append=rows,
    )


# ---- shared steps ----------------------------------------------------------------------------


async def _other_admins(conn: AsyncConnection, user: User) -> int:
    return await queries.other_active_admins(conn, org_id=user.org_id, user_id=user.id)


def _seal(
    identity: Identity, key: bytes, user_id: str, field: str, value: str | None
) -> Sealed | None:
    return None if value is None else identity.vault.seal(key, user_id, field, value)


def _sealed(
    identity: Identity, key: bytes, user_id: str, values: DirectoryValues
) -> DirectoryEntry:
    """The directory entry with its personal values sealed with the person's own key."""
    return DirectoryEntry(
        external_id=values.external_id,
        user_name=_seal(identity, key, user_id, "user_name", values.user_name),
        given_name=_seal(identity, key, user_id, "given_name", values.given_name),
        family_name=_seal(identity, key, user_id, "family_name", values.family_name),
        department=_seal(identity, key, user_id, "department", values.department),
    )
