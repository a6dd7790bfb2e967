"""Routes for the people of an organisation: add, list, read, update, deactivate, erase."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request, Response
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
from huddle_shared.openapi import ETAG, LOCATION, problems
from huddle_shared.pagination import time_and_id_cursor

router = APIRouter(prefix="/v1/users", tags=["people"])

_ONLY_ADMINS = "Only org admins may do this"
_NO_SUCH_PERSON = "No such person in the caller's organisation"
_LAST_ADMIN = (
    "Invalid input, an Idempotency-Key already used for another request, or it would leave the "
    "organisation without an active org admin"
)
_CONCURRENT = "Changed by someone else meanwhile; read it again and retry"


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


@router.post(
    "",
    status_code=201,
    response_model=UserOut,
    operation_id="create_user",
    summary="Add a person",
    responses={
        201: {"description": "The person as added", "headers": {**LOCATION, **ETAG}},
        **problems(
            403,
            409,
            422,
            _403=_ONLY_ADMINS,
            _409="A user with this email address already exists",
            _422="Invalid input, a password the policy refuses (every reason is named), or an "
            "Idempotency-Key already used for another request",
        ),
    },
)
async def create_user(
    body: UserCreate,
    request: Request,
    identity: IdentityDep,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Add a person to the caller's organisation with an initial password, a profession and org
    roles (org admins). Emails are unique across Huddle (409); a retry with the same
    Idempotency-Key answers as the first request did."""
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


@router.get(
    "",
    response_model=UserPage,
    operation_id="list_users",
    summary="List people",
    responses=problems(
        403,
        _403="Integration clients cannot list people",
    ),
)
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
    """The people of the caller's organisation (any person), oldest first, with cursor
    pagination and optional filters. Emails are shown to org admins, and to each person in their
    own entry; otherwise `email` is null."""
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


@router.get(
    "/me",
    response_model=UserOut,
    operation_id="read_current_user",
    summary="Read the calling person",
    responses={
        200: {"description": "The calling person, with their email", "headers": ETAG},
        **problems(404, _404="The caller is an integration client, not a person"),
    },
)
async def read_current_user(identity: IdentityDep, principal: CurrentPrincipal) -> JSONResponse:
    """The person the access token belongs to, with their email; the ETag is their stream
    version. An integration client's token answers 404: a client is not a person."""
    async with identity.engine.connect() as conn:
        return _with_etag(await queries.read_me(conn, principal=principal))


@router.get(
    "/{user_id}",
    response_model=UserOut,
    operation_id="read_user",
    summary="Read a person",
    responses={
        200: {"description": "The person", "headers": ETAG},
        **problems(403, 404, _403="Integration clients cannot read people", _404=_NO_SUCH_PERSON),
    },
)
async def read_user(
    user_id: UserId, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """A person of the caller's organisation (any person); the ETag is their stream version, to
    send as If-Match when changing them. The email is shown to org admins and to the person
    only."""
    async with identity.engine.connect() as conn:
        return _with_etag(
            await queries.read_person(conn, user_id=str(user_id), principal=principal)
        )


@router.patch(
    "/{user_id}",
    response_model=UserOut,
    operation_id="update_user",
    summary="Update a person",
    responses={
        200: {"description": "The person as changed", "headers": ETAG},
        **problems(
            403,
            404,
            409,
            412,
            422,
            _403="Only org admins change someone else, or anyone's org roles",
            _404=_NO_SUCH_PERSON,
            _409="The person's data was erased, or they changed meanwhile",
            _422=_LAST_ADMIN,
        ),
    },
)
async def update_user(
    user_id: UserId,
    body: UserUpdate,
    request: Request,
    identity: IdentityDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Change the fields given: people change their own name and profession; org admins change
    anyone's, and org roles too. With If-Match a stale version is refused (412). An
    organisation always keeps one active org admin (422)."""
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


@router.post(
    "/{user_id}/deactivate",
    response_model=UserOut,
    operation_id="deactivate_user",
    summary="Deactivate a person",
    responses={
        200: {"description": "The person, deactivated", "headers": ETAG},
        **problems(
            403,
            404,
            409,
            412,
            422,
            _403=_ONLY_ADMINS,
            _404=_NO_SUCH_PERSON,
            _409="Already deactivated, erased, or changed meanwhile",
            _422=_LAST_ADMIN,
        ),
    },
)
async def deactivate_user(
    user_id: UserId,
    request: Request,
    identity: IdentityDep,
    principal: CurrentPrincipal,
    body: Annotated[
        Deactivation | None,
        Body(
            openapi_examples={
                "with a reason": {"value": {"reason": "Left the practice"}},
                "without": {"value": {}},
            }
        ),
    ] = None,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """The person can no longer sign in or refresh (org admins); their access tokens expire
    within minutes. The body and its reason are optional. The last active org admin cannot be
    deactivated (422)."""
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
    "/{user_id}/personal-data",
    status_code=204,
    operation_id="erase_user",
    summary="Erase a person's personal data",
    responses=problems(
        403,
        404,
        409,
        422,
        _403=_ONLY_ADMINS,
        _404=_NO_SUCH_PERSON,
        _409=_CONCURRENT,
        _422="It would leave the organisation without an active org admin",
    ),
)
async def erase_user(
    user_id: UserId, request: Request, identity: IdentityDep, principal: CurrentPrincipal
) -> Response:
    """Destroy the person's key (org admins): history stays, their name and email become
    unreadable everywhere, and they can no longer sign in. Erasing twice answers 204 again. The
    last active org admin cannot be erased (422)."""
    # Not ``write``: erasure answers a bare 204, without an ETag, and takes no Idempotency-Key
    # (erasing twice is already a no-op).
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=identity.clock())
        await handlers.erase_user(conn, identity, user_id=str(user_id), caller=caller)
        return CommandResult(204, None)

    await execute(identity.engine, run, after_commit=identity.store.committed)
    return Response(status_code=204)
