"""Invitations and password resets: single-use links sent by mail.

A link carries 256 random bits; identity keeps only their SHA-256 digest, so the tables never
hold a usable link. Each link's mail is queued in the transaction that creates the link
(:mod:`huddle_identity.application.mail`). A link is refused once used, revoked, replaced (a
resent invitation, a newer reset) or expired, always with the same answer, which says nothing
about which of these it was.

Accepting an invitation registers the person exactly as an org admin adding them would (the
``UserRegistered`` event, sealed with the person's own key, names the inviter); the invitation's
copy of the email and name is cleared then. A reset sets the new password and revokes every
refresh token of the person: a session somebody else held ends with it.

The steps that hash a password (Argon2, slow on purpose) run before the transaction, on what
the link's row said; the transaction then checks again that the link is still good.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters import credentials
from huddle_identity.adapters.tables import invitations, organizations, password_resets, users
from huddle_identity.application import access, handlers, queries
from huddle_identity.application.deps import Identity
from huddle_identity.application.passwords import secret_digest
from huddle_identity.application.queries import PersonView
from huddle_identity.application.registration import NewPerson, checked_password_hash, new_person
from huddle_identity.application.sso import sso_required_for
from huddle_identity.application.throttle import throttle_key
from huddle_identity.domain.errors import InvalidLink, TooManyAttempts
from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.errors import Conflict, NotFound
from huddle_shared.pagination import Page, fetch_page

PENDING, ACCEPTED, REVOKED, EXPIRED = "pending", "accepted", "revoked", "expired"
INVITATION_PAGE, RESET_PAGE = "accept-invitation", "reset-password"
_EMAIL_TAKEN = "A user with this email address already exists"


@dataclass(frozen=True)
class InvitationView:
    id: str
    org_id: str
    email: str | None
    display_name: str | None
    profession: Profession
    org_roles: list[OrgRole]
    status: str
    invited_by: str
    created_at: datetime
    expires_at: datetime
    sent_count: int
    accepted_at: datetime | None
    user_id: str | None
    revoked_at: datetime | None


@dataclass(frozen=True)
class InvitationsPage:
    invitations: list[InvitationView]
    page: Page


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _status(row: Any, now: datetime) -> str:
    if row.accepted_at is not None:
        return ACCEPTED
    if row.revoked_at is not None:
        return REVOKED
    return EXPIRED if row.expires_at <= now else PENDING


def _view(row: Any, now: datetime) -> InvitationView:
    return InvitationView(
        id=row.invitation_id,
        org_id=row.org_id,
        email=row.email,
        display_name=row.display_name,
        profession=Profession(row.profession),
        org_roles=[OrgRole(r) for r in row.org_roles],
        status=_status(row, now),
        invited_by=row.invited_by,
        created_at=row.created_at,
        expires_at=row.expires_at,
        sent_count=row.sent_count,
        accepted_at=row.accepted_at,
        user_id=row.user_id,
        revoked_at=row.revoked_at,
    )


# ---- invitations -----------------------------------------------------------------------------


async def _queue_invitation(
    conn: AsyncConnection, identity: Identity, row: Any, *, token: str, now: datetime
) -> None:
    org_name = await conn.scalar(
        select(organizations.c.name).where(organizations.c.org_id == row.org_id)
    )
    inviter = await queries.current_display_name(conn, user_id=row.invited_by)
    await identity.mail.queue(
        conn,
        org_id=row.org_id,
        template="invitation",
        values={
            "to": row.email,
            "display_name": row.display_name,
            "org_name": org_name or "your organisation",
            "invited_by": inviter or "An administrator of your organisation",
            "link": identity.links.link(INVITATION_PAGE, token),
            "expires": f"{row.expires_at:%d %B %Y, %H:%M} UTC",
        },
        now=now,
    )


async def invite(
    conn: AsyncConnection,
    identity: Identity,
    *,
    principal: Principal,
    email: str,
    display_name: str,
    profession: Profession,
    org_roles: frozenset[OrgRole],
    now: datetime,
) -> InvitationView:
    """Invite someone into the caller's organisation (org admins); the mail goes out at once.

    409 when the address is already someone's sign-in name or has a pending invitation (resend
    that one); an expired invitation of the address is revoked and replaced.
    """
    access.ensure_org_admin(principal)
    if await conn.scalar(select(users.c.user_id).where(users.c.email == email)) is not None:
        raise Conflict(_EMAIL_TAKEN)
    current = (
        await conn.execute(
            select(invitations)
            .where(
                invitations.c.email == email,
                invitations.c.accepted_at.is_(None),
                invitations.c.revoked_at.is_(None),
            )
            .with_for_update()
        )
    ).one_or_none()
    if current is not None and current.expires_at > now:
        raise Conflict("This address has a pending invitation: resend it instead")
    if current is not None:
        await conn.execute(
            update(invitations)
            .where(invitations.c.invitation_id == current.invitation_id)
            .values(revoked_at=now, email=None, display_name=None)
        )
    token = new_token()
    try:
        async with conn.begin_nested():
            row = await _insert_invitation(
                conn,
                identity,
                principal=principal,
                email=email,
                display_name=display_name,
                profession=profession,
                org_roles=org_roles,
                token=token,
                now=now,
            )
    except IntegrityError as exc:  # invited at the same moment by someone else
        raise Conflict("This address has a pending invitation: resend it instead") from exc
    await _queue_invitation(conn, identity, row, token=token, now=now)
    return _view(row, now)


async def _insert_invitation(
    conn: AsyncConnection,
    identity: Identity,
    *,
    principal: Principal,
    email: str,
    display_name: str,
    profession: Profession,
    org_roles: frozenset[OrgRole],
    token: str,
    now: datetime,
) -> Any:
    return (
        await conn.execute(
            insert(invitations)
            .values(
                invitation_id=str(uuid.uuid4()),
                org_id=principal.org_id,
                email=email,
                display_name=display_name,
                profession=profession.value,
                org_roles=sorted(r.value for r in org_roles),
                token_hash=secret_digest(token),
                invited_by=principal.subject,
                created_at=now,
                sent_count=1,
                expires_at=now + identity.links.invitation_ttl,
            )
            .returning(invitations)
        )
    ).one()


async def _invitation_for_update(
    conn: AsyncConnection, *, invitation_id: str, principal: Principal
) -> Any:
    access.ensure_org_admin(principal)
    row = (
        await conn.execute(
            select(invitations)
            .where(
                invitations.c.invitation_id == invitation_id,
                invitations.c.org_id == principal.org_id,
            )
            .with_for_update()
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such invitation in the caller's organisation")
    return row


async def resend(
    conn: AsyncConnection,
    identity: Identity,
    *,
    invitation_id: str,
    principal: Principal,
    now: datetime,
) -> InvitationView:
    """A new link, valid for the full period again; the previous link stops working."""
    row = await _invitation_for_update(conn, invitation_id=invitation_id, principal=principal)
    if row.accepted_at is not None or row.revoked_at is not None:
        raise Conflict(f"This invitation was {_status(row, now)}: invite again instead")
    token = new_token()
    row = (
        await conn.execute(
            update(invitations)
            .where(invitations.c.invitation_id == invitation_id)
            .values(
                token_hash=secret_digest(token),
                expires_at=now + identity.links.invitation_ttl,
                sent_count=invitations.c.sent_count + 1,
            )
            .returning(invitations)
        )
    ).one()
    await _queue_invitation(conn, identity, row, token=token, now=now)
    return _view(row, now)


async def revoke(
    conn: AsyncConnection, *, invitation_id: str, principal: Principal, now: datetime
) -> InvitationView:
    """The link stops working; the invitee's email and name are forgotten. Idempotent."""
    row = await _invitation_for_update(conn, invitation_id=invitation_id, principal=principal)
    if row.accepted_at is not None:
        raise Conflict("This invitation was accepted: deactivate the person instead")
    if row.revoked_at is not None:
        return _view(row, now)
    row = (
        await conn.execute(
            update(invitations)
            .where(invitations.c.invitation_id == invitation_id)
            .values(revoked_at=now, email=None, display_name=None)
            .returning(invitations)
        )
    ).one()
    return _view(row, now)


async def read_invitation(
    conn: AsyncConnection, *, invitation_id: str, principal: Principal, now: datetime
) -> InvitationView:
    access.ensure_org_admin(principal)
    row = (
        await conn.execute(
            select(invitations).where(
                invitations.c.invitation_id == invitation_id,
                invitations.c.org_id == principal.org_id,
            )
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such invitation in the caller's organisation")
    return _view(row, now)


async def list_invitations(
    conn: AsyncConnection,
    *,
    principal: Principal,
    status: str | None,
    after: tuple[datetime, str] | None,
    limit: int,
    now: datetime,
) -> InvitationsPage:
    """The organisation's invitations, oldest first (org admins); ``status`` filters."""
    access.ensure_org_admin(principal)
    query = select(invitations).where(invitations.c.org_id == principal.org_id)
    open_ = invitations.c.accepted_at.is_(None) & invitations.c.revoked_at.is_(None)
    if status == ACCEPTED:
        query = query.where(invitations.c.accepted_at.is_not(None))
    elif status == REVOKED:
        query = query.where(invitations.c.revoked_at.is_not(None))
    elif status == PENDING:
        query = query.where(open_, invitations.c.expires_at > now)
    elif status == EXPIRED:
        query = query.where(open_, invitations.c.expires_at <= now)
    page = await fetch_page(
        conn,
        query,
        order_by=[invitations.c.created_at, invitations.c.invitation_id],
        after_keys=after,
        limit=limit,
    )
    return InvitationsPage([_view(row, now) for row in page.rows], page)


async def _good_invitation(conn: AsyncConnection, token: str, now: datetime, *, lock: bool) -> Any:
    query = select(invitations).where(invitations.c.token_hash == secret_digest(token))
    row = (await conn.execute(query.with_for_update() if lock else query)).one_or_none()
    if row is None or _status(row, now) != PENDING:
        raise InvalidLink()
    return row


async def invitee(identity: Identity, *, token: str, password: str, now: datetime) -> NewPerson:
    """The person a still-good invitation describes, with their password checked and hashed
    (before the transaction that accepts: Argon2 must not hold it open)."""
    async with identity.engine.connect() as conn:
        row = await _good_invitation(conn, token, now, lock=False)
    return await new_person(
        identity.passwords,
        email=row.email,
        password=password,
        display_name=row.display_name,
        profession=Profession(row.profession),
        org_roles=frozenset(OrgRole(r) for r in row.org_roles),
    )


async def accept(
    conn: AsyncConnection, identity: Identity, *, token: str, person: NewPerson, now: datetime
) -> PersonView:
    """Register the invitee; the link is used up in the same transaction."""
    row = await _good_invitation(conn, token, now, lock=True)
    if row.email != person.email:  # resent or replaced between the two steps
        raise InvalidLink()
    viewer = await handlers.register_invited(
        conn, identity, person=person, org_id=row.org_id, invited_by=row.invited_by, now=now
    )
    await conn.execute(
        update(invitations)
        .where(invitations.c.invitation_id == row.invitation_id)
        .values(accepted_at=now, user_id=person.user_id, email=None, display_name=None)
    )
    return viewer


# ---- password resets -------------------------------------------------------------------------


async def request_reset(identity: Identity, *, email: str, now: datetime) -> None:
    """Queue a reset link for the active account signing in with ``email``; for any other
    address, nothing. The caller answers the same either way. Throttled per address typed."""
    key = throttle_key("reset", email)
    retry_after = await identity.throttle.retry_after(key, now)
    if retry_after is not None:
        raise TooManyAttempts(retry_after)
    # Every request counts, whether or not the account exists: the limit reveals nothing.
    await identity.throttle.record_failure(key, now, limit=identity.links.reset_requests)
    if await sso_required_for(identity, email):
        return  # its organisation's provider is the only way in: no Huddle password to reset
    async with identity.engine.begin() as conn:
        account = await queries.password_account(conn, email=email)
        if account is None or account.status != "active":
            return
        token = new_token()
        await conn.execute(
            insert(password_resets).values(
                token_hash=secret_digest(token),
                user_id=account.user_id,
                requested_at=now,
                expires_at=now + identity.links.reset_ttl,
            )
        )
        name = await queries.current_display_name(conn, user_id=account.user_id)
        await identity.mail.queue(
            conn,
            org_id=account.org_id,
            template="password_reset",
            values={
                "to": email,
                "display_name": name or email,
                "link": identity.links.link(RESET_PAGE, token),
                "minutes": str(int(identity.links.reset_ttl.total_seconds() // 60)),
            },
            now=now,
        )


async def _good_reset(conn: AsyncConnection, token: str, now: datetime, *, lock: bool) -> Any:
    query = (
        select(password_resets, users.c.email, users.c.display_name, users.c.status)
        .select_from(password_resets.join(users, users.c.user_id == password_resets.c.user_id))
        .where(password_resets.c.token_hash == secret_digest(token))
    )
    row = (
        await conn.execute(query.with_for_update(of=password_resets) if lock else query)
    ).one_or_none()
    if row is None or row.used_at is not None or row.expires_at <= now or row.status != "active":
        raise InvalidLink()
    return row


async def new_password_hash(identity: Identity, *, token: str, password: str, now: datetime) -> str:
    """The new password, checked against the policy for this person, hashed (outside the
    transaction that sets it)."""
    async with identity.engine.connect() as conn:
        row = await _good_reset(conn, token, now, lock=False)
    return await checked_password_hash(
        identity.passwords, password, email=row.email, display_name=row.display_name or ""
    )


async def complete_reset(
    conn: AsyncConnection, identity: Identity, *, token: str, password_hash: str, now: datetime
) -> None:
    """Set the password; this link and every other open reset link of the person are used
    up, and every refresh token of theirs is revoked."""
    row = await _good_reset(conn, token, now, lock=True)
    replaced = await credentials.replace(
        conn, user_id=row.user_id, password_hash=password_hash, now=now
    )
    if not replaced:
        await credentials.store(conn, user_id=row.user_id, password_hash=password_hash, now=now)
    await conn.execute(
        update(password_resets)
        .where(password_resets.c.user_id == row.user_id, password_resets.c.used_at.is_(None))
        .values(used_at=now)
    )
    await identity.tokens.revoke_user(conn, row.user_id, now)
    await identity.throttle.reset(throttle_key("user", row.email))
