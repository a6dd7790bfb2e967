"""Routes for the people of an organisation: add, list, read, update, deactivate, erase."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.api.common import UserId
from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.schemas import Deactivation, UserCreate, UserOut, UserPage, UserUpdate
from huddle_identity.application import handlers, queries, registration
from huddle_identity.application.queries import PersonView
from huddle_shared.aggregates import Caller
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, execute, write
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.http import Cursor, IdempotencyKey, IfMatch, Limit, etag, event_context
from huddle_shared.pagination import time_and_id_cursor
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1/users", tags=["people"], responses=PROBLEM_RESPONSES)


def person_out(person: PersonView) -> UserOut:
    return UserOut(
        id=person.id,
        org_id=person.org_id,
        email=person.email,
        display_name=person.display_name,
        profession=person.profession,
        org_roles=person.org_roles,
        status=person.status,
        created_at=person.created_at,
        updated_at=person.updated_at,
        version=person.version,
    )


def person_json(person: PersonView) -> dict[str, Any]:
    return person_out(person).model_dump(mode="json")


def _with_etag(person: PersonView) -> JSONResponse:
    return JSONResponse(person_json(person), headers={"ETag": etag(person.version)})


@router.post("", status_code=201, response_model=UserOut, summary="Add a person")
async def create_user(
    body: UserCreate,
    request: Request,
    identity: IdentityDep,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Add a person to the caller's organisation (org admins)."""
    person = await registration.person_to_add(
        identity.passwords,
        principal,
        email=body.email,
        password=body.password,
        display_name=body.display_name,
        profession=body.profession,
        org_roles=frozenset(body.org_roles),
    )
    return await write(
        request,
        principal,
        target=identity,
        change=lambda conn, caller: handlers.register_user(
            conn, identity, person=person, caller=caller
        ),
        render=person_json,
        status_code=201,
        idempotency_key=idempotency_key,
        location=lambda created: f"/v1/users/{created.id}",
    )


@router.get("", response_model=UserPage, summary="List people")
async def list_users(
    identity: IdentityDep,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    profession: Annotated[Profession | None, Query()] = None,
    org_role: Annotated[OrgRole | None, Query()] = None,
    status: Annotated[str | None, Query(pattern="^(active|deactivated|erased)$")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Name contains")] = None,
) -> UserPage:
    """People of the caller's organisation, oldest first, with cursor pagination."""
    filters = queries.PeopleFilters(
        profession=profession, org_role=org_role, status=status, name_contains=q
    )
    async with identity.engine.connect() as conn:
        listed = await queries.list_people(
            conn,
            principal=principal,
            filters=filters,
            after=time_and_id_cursor(cursor),
            limit=limit,
        )
    return UserPage(
        items=[person_out(p) for p in listed.people],
        next_cursor=listed.page.next_cursor(
            lambda row: [row["created_at"].isoformat(), row["user_id"]]
        ),
    )


@router.get("/me", response_model=UserOut, summary="Who am I")
async def me(identity: IdentityDep, principal: CurrentPrincipal) -> JSONResponse:
    """The calling person."""
    async with identity.engine.connect() as conn:
        return _with_etag(await queries.read_me(conn, principal=principal))


@router.get("/{user_id}", response_model=UserOut, summary="Read a person")
async def get_user(
    user_id: UserId, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """A person of the caller's organisation; the ETag is their stream version."""
    async with identity.engine.connect() as conn:
        return _with_etag(
            await queries.read_person(conn, user_id=str(user_id), principal=principal)
        )


@router.patch("/{user_id}", response_model=UserOut, summary="Update a person")
async def update_user(
    user_id: UserId,
    body: UserUpdate,
    request: Request,
    identity: IdentityDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """People change their own name and profession; org admins also change org roles."""
    change = handlers.ProfileChange(
        display_name=body.display_name,
        profession=body.profession,
        org_roles=frozenset(body.org_roles) if body.org_roles is not None else None,
    )
    return await write(
        request,
        principal,
        target=identity,
        change=lambda conn, caller: handlers.update_user(
            conn, identity, user_id=str(user_id), change=change, caller=caller
        ),
        render=person_json,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.post("/{user_id}/deactivate", response_model=UserOut, summary="Deactivate a person")
async def deactivate_user(
    user_id: UserId,
    request: Request,
    identity: IdentityDep,
    principal: CurrentPrincipal,
    body: Deactivation | None = None,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """The person can no longer sign in or refresh; access tokens expire within minutes."""
    reason = body.reason if body else ""
    return await write(
        request,
        principal,
        target=identity,
        change=lambda conn, caller: handlers.deactivate_user(
            conn, identity, user_id=str(user_id), reason=reason, caller=caller
        ),
        render=person_json,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.delete(
    "/{user_id}/personal-data", status_code=204, summary="Erase a person's personal data"
)
async def erase_user(
    user_id: UserId, request: Request, identity: IdentityDep, principal: CurrentPrincipal
) -> Response:
    """Destroys the person's key: history stays, their name and email become unreadable."""
    # Not ``write``: erasure answers a bare 204, without an ETag, and takes no Idempotency-Key
    # (erasing twice is already a no-op).
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=identity.clock())
        await handlers.erase_user(conn, identity, user_id=str(user_id), caller=caller)
        return CommandResult(204, None)

    await execute(identity.engine, run, after_commit=identity.store.committed)
    return Response(status_code=204)
