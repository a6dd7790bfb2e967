"""The ``organizations`` and ``users`` read models, written in the command's transaction.

Unlike a projection folded from events alone, the ``users`` rows hold the readable email and
name, which the events carry only sealed: the handler passes the plaintext it was given, and
erasure nulls it here. So these rows are never rebuilt from the streams.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import organizations, users
from huddle_identity.domain.organization import Organization
from huddle_identity.domain.user import User
from huddle_shared.errors import Conflict


class SignInNameTaken(Conflict):
    """The email address or SCIM ``userName`` is already someone's: both are unique across
    Huddle, whatever their case."""


@dataclass(frozen=True)
class DirectoryValues:
    """The readable copies of a person's directory entry (see ``users``)."""

    external_id: str | None = None
    user_name: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    department: str | None = None


async def add_organization(conn: AsyncConnection, org: Organization) -> None:
    await conn.execute(
        insert(organizations).values(
            org_id=org.id, name=org.name, created_at=org.created_at, version=org.version
        )
    )


async def add_person(
    conn: AsyncConnection,
    user: User,
    *,
    email: str,
    display_name: str,
    now: datetime,
    directory: DirectoryValues | None = None,
) -> None:
    """The new person's row; 409 when the email address (or the SCIM userName) is already
    someone's sign-in name."""
    async with _unique_names(conn, "A user with this email address already exists"):
        await conn.execute(
            insert(users).values(
                user_id=user.id,
                org_id=user.org_id,
                email=email,
                display_name=display_name,
                profession=user.profession.value if user.profession else None,
                org_roles=_roles(user),
                status=user.status,
                created_at=now,
                updated_at=now,
                version=user.version,
                **asdict(directory or DirectoryValues()),
            )
        )


async def update_email(conn: AsyncConnection, user: User, *, email: str) -> None:
    """A new sign-in address; 409 when it is someone else's."""
    async with _unique_names(conn, "Someone already signs in with this email address"):
        await conn.execute(
            update(users)
            .where(users.c.user_id == user.id)
            .values(email=email, updated_at=user.updated_at, version=user.version)
        )


async def update_directory(conn: AsyncConnection, user: User, values: DirectoryValues) -> None:
    """The whole directory entry; 409 when its userName is someone else's sign-in name."""
    async with _unique_names(conn, "Someone already signs in with this user name"):
        await conn.execute(
            update(users)
            .where(users.c.user_id == user.id)
            .values(updated_at=user.updated_at, version=user.version, **asdict(values))
        )


@asynccontextmanager
async def _unique_names(conn: AsyncConnection, detail: str) -> AsyncIterator[None]:
    """A savepoint around a write that may take someone else's email or user name."""
    try:
        async with conn.begin_nested():
            yield
    except IntegrityError as exc:
        raise SignInNameTaken(detail) from exc


async def update_profile(conn: AsyncConnection, user: User, *, display_name: str | None) -> None:
    """Profession, org roles and version from the state; the name only when it was changed."""
    values: dict[str, object] = {"updated_at": user.updated_at, "version": user.version}
    if display_name is not None:
        values["display_name"] = display_name
    if user.profession is not None:
        values["profession"] = user.profession.value
    values["org_roles"] = _roles(user)
    await conn.execute(update(users).where(users.c.user_id == user.id).values(**values))


async def update_status(conn: AsyncConnection, user: User) -> None:
    await conn.execute(
        update(users)
        .where(users.c.user_id == user.id)
        .values(status=user.status, updated_at=user.updated_at, version=user.version)
    )


async def erase_personal_data(conn: AsyncConnection, user: User) -> None:
    """The only readable copies of the person's email and name go."""
    await conn.execute(
        update(users)
        .where(users.c.user_id == user.id)
        .values(
            email=None,
            display_name=None,
            profession=None,
            **asdict(DirectoryValues()),
            status=user.status,
            updated_at=user.updated_at,
            version=user.version,
        )
    )


def _roles(user: User) -> list[str]:
    return sorted(role.value for role in user.org_roles)
