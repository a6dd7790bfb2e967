"""Routes for organisations and people."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import organizations, users
from huddle_identity.api.common import check_password, identity_of, user_out
from huddle_identity.api.schemas import (
    Deactivation,
    OrgCreate,
    OrgCreated,
    OrgOut,
    UserCreate,
    UserOut,
    UserPage,
    UserUpdate,
)
from huddle_identity.application import users as handlers
from huddle_identity.application.users import NewPerson
from huddle_shared.auth import CurrentPrincipal, Principal
from huddle_shared.commands import CommandResult, execute, idempotency_request, respond
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.errors import Forbidden, NotFound
from huddle_shared.eventstore import EventContext
from huddle_shared.http import (
    Cursor,
    IdempotencyKey,
    IfMatch,
    Limit,
    decode_cursor,
    encode_cursor,
    etag,
    event_context,
    parse_cursor_time,
)
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", responses=PROBLEM_RESPONSES)
UserId = Annotated[uuid.UUID, Path(description="The user id")]
OrgId = Annotated[uuid.UUID, Path(description="The organisation id")]
ADMIN = OrgRole.ORG_ADMIN


async def _row(conn: AsyncConnection, user_id: str, org_id: str) -> Any:
    row = (
        await conn.execute(
            select(users).where(users.c.user_id == user_id, users.c.org_id == org_id)
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such user")
    return row


async def _user_result(
    conn: AsyncConnection, user_id: str, org_id: str, viewer: Principal, status: int = 200
) -> CommandResult:
    row = await _row(conn, user_id, org_id)
    body = user_out(row, viewer)
    return CommandResult(status, body, {"ETag": etag(body["version"])})


@router.post(
    "/orgs",
    status_code=201,
    response_model=OrgCreated,
    tags=["organisations"],
    summary="Create an organisation with its first org admin",
)
async def create_org(body: OrgCreate, request: Request) -> JSONResponse:
    """Sign-up: a new tenant and the person who will administer it. No token needed."""
    identity = identity_of(request)
    person = body.admin
    check_password(person.password, email=person.email, display_name=person.display_name)
    org_id, admin_id = str(uuid.uuid4()), str(uuid.uuid4())
    admin = NewPerson(
        user_id=admin_id,
        email=person.email,
        display_name=person.display_name,
        profession=person.profession,
        org_roles=frozenset({ADMIN}),
        password_hash=await identity.passwords.hash(person.password),
    )
    viewer = Principal(admin_id, org_id, frozenset({ADMIN}), frozenset(), "user")

    async def run(conn: AsyncConnection) -> CommandResult:
        org, _ = await handlers.create_organization(
            conn, identity, org_id=org_id, name=body.name, admin=admin, now=identity.clock()
        )
        admin_row = await _row(conn, admin_id, org_id)
        out = OrgCreated(
            org=OrgOut(id=org.id, name=org.name, created_at=org.created_at),
            admin=UserOut.model_validate(user_out(admin_row, viewer)),
        )
        return CommandResult(201, out.model_dump(mode="json"), {"Location": f"/v1/orgs/{org_id}"})

    return respond(await execute(identity.engine, run, after_commit=identity.store.committed))


@router.get("/orgs/{org_id}", response_model=OrgOut, tags=["organisations"])
async def get_org(org_id: OrgId, request: Request, principal: CurrentPrincipal) -> OrgOut:
    """The caller's own organisation."""
    principal.require_org(str(org_id))
    async with identity_of(request).engine.connect() as conn:
        row = (
            await conn.execute(select(organizations).where(organizations.c.org_id == str(org_id)))
        ).one_or_none()
    if row is None:
        raise NotFound("No such organisation")
    return OrgOut(id=row.org_id, name=row.name, created_at=row.created_at)


@router.post(
    "/users", status_code=201, response_model=UserOut, tags=["people"], summary="Add a person"
)
async def create_user(
    body: UserCreate,
    request: Request,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Add a person to the caller's organisation (org admins)."""
    principal.require_role(ADMIN)
    identity = identity_of(request)
    check_password(body.password, email=body.email, display_name=body.display_name)
    idem = await idempotency_request(
        request, idempotency_key, scope=f"{principal.org_id}:{principal.subject}"
    )
    person = NewPerson(
        user_id=str(uuid.uuid4()),
        email=body.email,
        display_name=body.display_name,
        profession=body.profession,
        org_roles=frozenset(body.org_roles),
        password_hash=await identity.passwords.hash(body.password),
    )
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        await handlers.register_user(
            conn,
            identity,
            org_id=principal.org_id,
            person=person,
            context=context,
            now=identity.clock(),
        )
        result = await _user_result(conn, person.user_id, principal.org_id, principal, 201)
        result.headers["Location"] = f"/v1/users/{person.user_id}"
        return result

    return respond(
        await execute(identity.engine, run, idempotency=idem, after_commit=identity.store.committed)
    )


@router.get("/users", response_model=UserPage, tags=["people"], summary="List people")
async def list_users(
    request: Request,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    profession: Annotated[Profession | None, Query()] = None,
    org_role: Annotated[OrgRole | None, Query()] = None,
    status: Annotated[str | None, Query(pattern="^(active|deactivated|erased)$")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Name contains")] = None,
) -> UserPage:
    """People of the caller's organisation, oldest first, with cursor pagination."""
    if principal.kind != "user":
        raise Forbidden("Only people can list people")
    after = decode_cursor(cursor, 2)
    query = select(users).where(users.c.org_id == principal.org_id)
    if profession is not None:
        query = query.where(users.c.profession == profession.value)
    if org_role is not None:
        query = query.where(users.c.org_roles.contains([org_role.value]))
    if status is not None:
        query = query.where(users.c.status == status)
    if q:
        escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(users.c.display_name.ilike(f"%{escaped}%", escape="\\"))
    if after is not None:
        created = parse_cursor_time(after[0])
        query = query.where(
            or_(
                users.c.created_at > created,
                and_(users.c.created_at == created, users.c.user_id > str(after[1])),
            )
        )
    query = query.order_by(users.c.created_at, users.c.user_id).limit(limit + 1)
    async with identity_of(request).engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    items = [UserOut.model_validate(user_out(r, principal)) for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = encode_cursor([last.created_at.isoformat(), last.user_id]) if last else None
    return UserPage(items=items, next_cursor=next_cursor)


@router.get("/users/me", response_model=UserOut, tags=["people"], summary="Who am I")
async def me(request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """The calling person."""
    if principal.kind != "user":
        raise NotFound("Integration clients are not people")
    async with identity_of(request).engine.connect() as conn:
        return respond(await _user_result(conn, principal.subject, principal.org_id, principal))


@router.get("/users/{user_id}", response_model=UserOut, tags=["people"], summary="Read a person")
async def get_user(user_id: UserId, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """A person of the caller's organisation; the ETag is their stream version."""
    if principal.kind != "user":
        raise Forbidden("Only people can read people")
    async with identity_of(request).engine.connect() as conn:
        return respond(await _user_result(conn, str(user_id), principal.org_id, principal))


async def _command(
    request: Request,
    principal: Principal,
    user_id: str,
    idempotency_key: str | None,
    action: Callable[[AsyncConnection, EventContext], Awaitable[None]],
) -> JSONResponse:
    identity = identity_of(request)
    context = event_context(request, principal)
    idem = await idempotency_request(
        request, idempotency_key, scope=f"{principal.org_id}:{principal.subject}"
    )

    async def run(conn: AsyncConnection) -> CommandResult:
        await action(conn, context)
        return await _user_result(conn, user_id, principal.org_id, principal)

    return respond(
        await execute(identity.engine, run, idempotency=idem, after_commit=identity.store.committed)
    )


@router.patch(
    "/users/{user_id}", response_model=UserOut, tags=["people"], summary="Update a person"
)
async def update_user(
    user_id: UserId,
    body: UserUpdate,
    request: Request,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """People change their own name and profession; org admins also change org roles."""
    is_self = principal.subject == str(user_id)
    if body.org_roles is not None or not is_self:
        principal.require_role(ADMIN)
    identity = identity_of(request)

    async def action(conn: AsyncConnection, context: EventContext) -> None:
        await handlers.update_user(
            conn,
            identity,
            user_id=str(user_id),
            display_name=body.display_name,
            profession=body.profession,
            org_roles=frozenset(body.org_roles) if body.org_roles is not None else None,
            context=context,
            if_match=if_match,
            now=identity.clock(),
        )

    return await _command(request, principal, str(user_id), idempotency_key, action)


@router.post(
    "/users/{user_id}/deactivate",
    response_model=UserOut,
    tags=["people"],
    summary="Deactivate a person",
)
async def deactivate_user(
    user_id: UserId,
    request: Request,
    principal: CurrentPrincipal,
    body: Deactivation | None = None,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """The person can no longer sign in or refresh; access tokens expire within minutes."""
    principal.require_role(ADMIN)
    identity = identity_of(request)

    async def action(conn: AsyncConnection, context: EventContext) -> None:
        await handlers.deactivate_user(
            conn,
            identity,
            user_id=str(user_id),
            reason=body.reason if body else "",
            context=context,
            if_match=if_match,
            now=identity.clock(),
        )

    return await _command(request, principal, str(user_id), idempotency_key, action)


@router.delete(
    "/users/{user_id}/personal-data",
    status_code=204,
    tags=["people"],
    summary="Erase a person's personal data",
)
async def erase_user(user_id: UserId, request: Request, principal: CurrentPrincipal) -> Response:
    """Destroys the person's key: history stays, their name and email become unreadable."""
    principal.require_role(ADMIN)
    identity = identity_of(request)
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        await handlers.erase_user(
            conn, identity, user_id=str(user_id), context=context, now=identity.clock()
        )
        return CommandResult(204, None)

    await execute(identity.engine, run, after_commit=identity.store.committed)
    return Response(status_code=204)
