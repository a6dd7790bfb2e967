"""Every SQL read identity makes, with the access rules of the reads.

Reads come from the read models (``users``, ``organizations``, ``clients``), not from the event
streams: only the read models hold the readable copies of names and emails, which the events
carry sealed. A person is returned as the viewer may see them, so no route decides whether an
email is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import clients, credentials, organizations, users
from huddle_identity.application import access
from huddle_identity.domain.organization import Organization
from huddle_identity.domain.user import ACTIVE
from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.errors import NotFound
from huddle_shared.pagination import Page, contains, fetch_page


@dataclass(frozen=True)
class PersonView:
    """A person as one viewer may see them (``email`` is None when they may not)."""

    id: str
    org_id: str
    email: str | None
    display_name: str | None
    profession: Profession | None
    org_roles: list[OrgRole]
    status: str
    created_at: datetime
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class ClientView:
    client_id: str
    name: str
    scopes: list[str]
    created_at: datetime
    revoked: bool


@dataclass(frozen=True)
class PeoplePage:
    """The people on one page as the viewer sees them, and the page of rows (for its cursor)."""

    people: list[PersonView]
    page: Page


@dataclass(frozen=True)
class ClientsPage:
    """The clients on one page, and the page of rows (for its cursor)."""

    clients: list[ClientView]
    page: Page


@dataclass(frozen=True)
class PeopleFilters:
    profession: Profession | None = None
    org_role: OrgRole | None = None
    status: str | None = None
    name_contains: str | None = None


# ---- organisations ---------------------------------------------------------------------------


async def read_organization(
    conn: AsyncConnection, *, org_id: str, principal: Principal
) -> Organization:
    """The caller's own organisation; any other one does not exist."""
    access.ensure_same_organisation(principal, org_id=org_id)
    row = (
        await conn.execute(select(organizations).where(organizations.c.org_id == org_id))
    ).one_or_none()
    if row is None:
        raise NotFound("No such organisation")
    return Organization(
        id=row.org_id, name=row.name, created_at=row.created_at, version=row.version
    )


# ---- people ----------------------------------------------------------------------------------


async def read_me(conn: AsyncConnection, *, principal: Principal) -> PersonView:
    access.ensure_is_a_person(principal)
    return await person_seen_by(conn, user_id=principal.subject, viewer=principal)


async def read_person(conn: AsyncConnection, *, user_id: str, principal: Principal) -> PersonView:
    access.ensure_can_read_people(principal)
    return await person_seen_by(conn, user_id=user_id, viewer=principal)


async def person_seen_by(conn: AsyncConnection, *, user_id: str, viewer: Principal) -> PersonView:
    """A person of the viewer's organisation from the read model, without further checks.

    Handlers answer with it after a change, in the command's transaction.
    """
    row = (
        await conn.execute(
            select(users).where(users.c.user_id == user_id, users.c.org_id == viewer.org_id)
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such user")
    return _person(row._mapping, viewer)


async def list_people(
    conn: AsyncConnection,
    *,
    principal: Principal,
    filters: PeopleFilters,
    after: tuple[datetime, str] | None,
    limit: int,
) -> PeoplePage:
    """People of the caller's organisation, oldest first; ``after`` is the last row seen."""
    access.ensure_can_list_people(principal)
    query = select(users).where(users.c.org_id == principal.org_id)
    if filters.profession is not None:
        query = query.where(users.c.profession == filters.profession.value)
    if filters.org_role is not None:
        query = query.where(users.c.org_roles.contains([filters.org_role.value]))
    if filters.status is not None:
        query = query.where(users.c.status == filters.status)
    if filters.name_contains:
        query = query.where(contains(users.c.display_name, filters.name_contains))
    page = await fetch_page(
        conn,
        query,
        order_by=[users.c.created_at, users.c.user_id],
        after_keys=after,
        limit=limit,
    )
    return PeoplePage(people=[_person(row, principal) for row in page.rows], page=page)


async def current_display_name(conn: AsyncConnection, *, user_id: str) -> str | None:
    """The readable name on file, to tell whether a rename changes anything."""
    name: str | None = (
        await conn.execute(select(users.c.display_name).where(users.c.user_id == user_id))
    ).scalar_one()
    return name


async def other_active_admins(conn: AsyncConnection, *, org_id: str, user_id: str) -> int:
    """How many active org admins the organisation has besides ``user_id``."""
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


def _person(row: Any, viewer: Principal) -> PersonView:
    shows_email = access.may_see_email(viewer, user_id=row["user_id"])
    return PersonView(
        id=row["user_id"],
        org_id=row["org_id"],
        email=row["email"] if shows_email else None,
        display_name=row["display_name"],
        profession=Profession(row["profession"]) if row["profession"] is not None else None,
        org_roles=[OrgRole(role) for role in row["org_roles"]],
        status=row["status"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        version=row["version"],
    )


# ---- integration clients ---------------------------------------------------------------------


async def list_clients(
    conn: AsyncConnection,
    *,
    principal: Principal,
    after: tuple[datetime, str] | None,
    limit: int,
) -> ClientsPage:
    """The organisation's clients, oldest first, without their secrets (org admins);
    ``after`` is the last row seen."""
    access.ensure_org_admin(principal)
    page = await fetch_page(
        conn,
        select(clients).where(clients.c.org_id == principal.org_id),
        order_by=[clients.c.created_at, clients.c.client_id],
        after_keys=after,
        limit=limit,
    )
    return ClientsPage(clients=[_client(row) for row in page.rows], page=page)


async def read_client(conn: AsyncConnection, *, client_id: str, principal: Principal) -> ClientView:
    """A client of the caller's organisation, without its secret (org admins)."""
    access.ensure_org_admin(principal)
    row = (
        await conn.execute(
            select(clients).where(
                clients.c.client_id == client_id, clients.c.org_id == principal.org_id
            )
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such client")
    return _client(row._mapping)


async def client_view(conn: AsyncConnection, *, client_id: str) -> ClientView:
    row = (
        await conn.execute(select(clients).where(clients.c.client_id == client_id))
    ).one_or_none()
    if row is None:
        raise NotFound("No such client")
    return _client(row._mapping)


def _client(row: Any) -> ClientView:
    return ClientView(
        client_id=row["client_id"],
        name=row["name"],
        scopes=list(row["scopes"]),
        created_at=row["created_at"],
        revoked=row["revoked_at"] is not None,
    )


# ---- sign-in ---------------------------------------------------------------------------------


async def password_account(conn: AsyncConnection, *, email: str) -> Any:
    """The account signing in with ``email`` and its password hash, or None."""
    return (
        await conn.execute(
            select(
                users.c.user_id,
                users.c.org_id,
                users.c.org_roles,
                users.c.status,
                users.c.email,
                users.c.display_name,
                credentials.c.password_hash,
            )
            .select_from(users.join(credentials, users.c.user_id == credentials.c.user_id))
            .where(users.c.email == email)
        )
    ).one_or_none()


async def account_standing(conn: AsyncConnection, *, user_id: str) -> Any:
    """Status and org roles of a person refreshing a token, or None."""
    return (
        await conn.execute(
            select(users.c.status, users.c.org_roles).where(users.c.user_id == user_id)
        )
    ).one_or_none()


async def signed_in_person(conn: AsyncConnection, *, user_id: str) -> Any:
    """What tokens and ID tokens say of a person, with their status; None once erased."""
    return (
        await conn.execute(
            select(
                users.c.user_id,
                users.c.org_id,
                users.c.org_roles,
                users.c.status,
                users.c.email,
                users.c.display_name,
            ).where(users.c.user_id == user_id)
        )
    ).one_or_none()


async def client_account(conn: AsyncConnection, *, client_id: str) -> Any:
    """A client authenticating with its secret (digest, scopes, revocation), or None."""
    return (
        await conn.execute(select(clients).where(clients.c.client_id == client_id))
    ).one_or_none()
