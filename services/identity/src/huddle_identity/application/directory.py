"""The people of an organisation as its identity provider sees them (SCIM): reads and searches.

A criterion is a tree of comparisons on a handful of named fields, built by the SCIM API from a
filter it parsed; here it becomes SQL on the ``users`` read model, always within the caller's
organisation. Erased people are gone for SCIM: reading one answers 404, as a deleted resource.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, false, func, not_, or_, select, true
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import users
from huddle_identity.application import access
from huddle_identity.domain.user import ACTIVE, ERASED
from huddle_identity.projections.people import DirectoryValues
from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.errors import NotFound

Field = Literal[
    "id",
    "user_name",
    "email",
    "display_name",
    "given_name",
    "family_name",
    "external_id",
    "department",
    "profession",
    "active",
]
Operator = Literal["eq", "ne", "co", "sw", "ew", "pr"]


@dataclass(frozen=True)
class Match:
    """``field op value``; ``pr`` (present) takes no value."""

    field: Field
    op: Operator
    value: str | bool | None = None


@dataclass(frozen=True)
class AllOf:
    terms: tuple[Criterion, ...]


@dataclass(frozen=True)
class AnyOf:
    terms: tuple[Criterion, ...]


@dataclass(frozen=True)
class Negation:
    term: Criterion


Criterion = Match | AllOf | AnyOf | Negation
EVERYONE: Criterion = AllOf(())


@dataclass(frozen=True)
class DirectoryPerson:
    """A person with everything SCIM shows of them."""

    id: str
    org_id: str
    email: str
    display_name: str
    directory: DirectoryValues
    profession: Profession
    org_roles: frozenset[OrgRole]
    status: str
    created_at: datetime
    updated_at: datetime
    version: int

    @property
    def user_name(self) -> str:
        """The identity provider's user name; a person it never gave one signs in with, and is
        known by, their email."""
        return self.directory.user_name or self.email

    @property
    def active(self) -> bool:
        return self.status == ACTIVE


@dataclass(frozen=True)
class DirectoryPage:
    total: int
    people: list[DirectoryPerson]


_USER_NAME = func.coalesce(users.c.user_name, users.c.email)
# Columns compared as SCIM compares them: case-insensitively unless the attribute is caseExact.
_COLUMNS: dict[str, tuple[ColumnElement[Any], bool]] = {
    "id": (users.c.user_id, True),
    "user_name": (_USER_NAME, False),
    "email": (users.c.email, False),
    "display_name": (users.c.display_name, False),
    "given_name": (users.c.given_name, False),
    "family_name": (users.c.family_name, False),
    "external_id": (users.c.external_id, True),
    "department": (users.c.department, False),
    "profession": (users.c.profession, False),
}


def where(criterion: Criterion) -> ColumnElement[bool]:
    """The SQL condition of a criterion (pure: no I/O, unit-tested with the filter parser)."""
    match criterion:
        case AllOf(terms):
            return and_(true(), *(where(term) for term in terms))
        case AnyOf(terms):
            return or_(false(), *(where(term) for term in terms))
        case Negation(term):
            return not_(where(term))
        case Match("active", op, value):
            return _active(op, value)
        case Match(field, op, value):
            column, case_exact = _COLUMNS[field]
            return _compare(column, case_exact, op, value)
    raise TypeError(f"not a criterion: {criterion!r}")


def _active(op: Operator, value: str | bool | None) -> ColumnElement[bool]:
    if op == "pr":
        return true()
    is_active = users.c.status == ACTIVE
    if op == "eq":
        return is_active if value else not_(is_active)
    if op == "ne":
        return not_(is_active) if value else is_active
    raise ValueError(f"'{op}' does not apply to active")


def _compare(
    column: ColumnElement[Any], case_exact: bool, op: Operator, value: str | bool | None
) -> ColumnElement[bool]:
    if op == "pr":
        return and_(column.is_not(None), column != "")
    if value is None:  # ``eq null`` is a test for absence, ``ne null`` for presence
        return column.is_(None) if op == "eq" else column.is_not(None)
    text = str(value)
    left, right = (column, text) if case_exact else (func.lower(column), text.lower())
    if op == "eq":
        return left == right
    if op == "ne":
        return or_(column.is_(None), left != right)
    escaped = right.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = {"co": f"%{escaped}%", "sw": f"{escaped}%", "ew": f"%{escaped}"}[op]
    return left.like(pattern, escape="\\")


async def read_person(
    conn: AsyncConnection, *, user_id: str, principal: Principal
) -> DirectoryPerson:
    """A person of the connector's organisation; another organisation's, or an erased one,
    does not exist."""
    access.ensure_scim_connector(principal)
    return await person_of(conn, user_id=user_id, org_id=principal.org_id)


async def person_of(conn: AsyncConnection, *, user_id: str, org_id: str) -> DirectoryPerson:
    """:func:`read_person` without the access check, for handlers answering after a change."""
    row = (
        await conn.execute(
            select(users).where(
                users.c.user_id == user_id, users.c.org_id == org_id, users.c.status != ERASED
            )
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such user")
    return _person(row._mapping)


async def find_people(
    conn: AsyncConnection,
    *,
    principal: Principal,
    criterion: Criterion,
    start_index: int,
    count: int,
) -> DirectoryPage:
    """People matching ``criterion``, oldest first: ``count`` of them from the ``start_index``-th
    (1-based), and how many match in all."""
    access.ensure_scim_connector(principal)
    scope = and_(users.c.org_id == principal.org_id, users.c.status != ERASED, where(criterion))
    total = (await conn.execute(select(func.count()).select_from(users).where(scope))).scalar_one()
    if count <= 0:
        return DirectoryPage(total=int(total), people=[])
    rows = await conn.execute(
        select(users)
        .where(scope)
        .order_by(users.c.created_at, users.c.user_id)
        .offset(max(start_index, 1) - 1)
        .limit(count)
    )
    return DirectoryPage(total=int(total), people=[_person(row._mapping) for row in rows])


async def role_holders(
    conn: AsyncConnection, *, principal: Principal, role: OrgRole
) -> list[DirectoryPerson]:
    """Everyone of the organisation holding ``role`` (the members of its SCIM group)."""
    access.ensure_scim_connector(principal)
    rows = await conn.execute(
        select(users)
        .where(
            users.c.org_id == principal.org_id,
            users.c.status != ERASED,
            users.c.org_roles.contains([role.value]),
        )
        .order_by(users.c.created_at, users.c.user_id)
    )
    return [_person(row._mapping) for row in rows]


def _person(row: Any) -> DirectoryPerson:
    return DirectoryPerson(
        id=row["user_id"],
        org_id=row["org_id"],
        email=row["email"],
        display_name=row["display_name"],
        directory=DirectoryValues(
            external_id=row["external_id"],
            user_name=row["user_name"],
            given_name=row["given_name"],
            family_name=row["family_name"],
            department=row["department"],
        ),
        profession=Profession(row["profession"]),
        org_roles=frozenset(OrgRole(role) for role in row["org_roles"]),
        status=row["status"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        version=row["version"],
    )
