"""Routes for integration clients of health-system IT: register, list, read, revoke (org admins)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.api.common import ClientId
from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.schemas import ClientCreate, ClientCreated, ClientOut, ClientPage
from huddle_identity.application import handlers, queries
from huddle_identity.application.queries import ClientView
from huddle_shared.aggregates import Caller
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, execute, respond
from huddle_shared.http import Cursor, Limit, event_context
from huddle_shared.openapi import LOCATION, problems
from huddle_shared.pagination import time_and_id_cursor

router = APIRouter(prefix="/v1/clients", tags=["integration clients"])

_ONLY_ADMINS = "Only org admins manage integration clients"
_NO_SUCH_CLIENT = "No such client in the caller's organisation"
_NO_STORE = {
    "Cache-Control": {
        "description": "`no-store`: the answer holds the client secret",
        "schema": {"type": "string"},
    }
}

# Neither write below goes through ``write``: both answer without an ETag, and registering must
# never store its answer for an Idempotency-Key, since that answer is the secret.


def client_out(client: ClientView) -> ClientOut:
    return ClientOut(
        client_id=client.client_id,
        name=client.name,
        scopes=client.scopes,
        created_at=client.created_at,
        revoked=client.revoked,
    )


@router.post(
    "",
    status_code=201,
    response_model=ClientCreated,
    operation_id="create_client",
    summary="Register an integration client",
    responses={
        201: {
            "description": "Registered; the secret is in this answer only",
            "headers": {**LOCATION, **_NO_STORE},
        },
        **problems(
            403,
            422,
            _403=_ONLY_ADMINS,
            _422="Invalid input, or an unknown scope "
            "(events:read, dashboards:read, fhir:read, scim)",
        ),
    },
)
async def create_client(
    body: ClientCreate, request: Request, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """Register a client of the caller's organisation (org admins). The answer holds the client
    secret, shown this once: only its digest is kept. It takes no Idempotency-Key, since
    replaying the answer would mean storing the secret."""
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=identity.clock())
        registered = await handlers.register_client(
            conn, identity, name=body.name, scopes=frozenset(body.scopes), caller=caller
        )
        out = ClientCreated(
            **client_out(registered.client).model_dump(), client_secret=registered.secret
        )
        headers = {"Location": f"/v1/clients/{out.client_id}", "Cache-Control": "no-store"}
        return CommandResult(201, out.model_dump(mode="json"), headers)

    return respond(
        await execute(
            identity.engine, run, retry_on_conflict=False, after_commit=identity.store.committed
        )
    )


@router.get(
    "",
    response_model=ClientPage,
    operation_id="list_clients",
    summary="List integration clients",
    responses=problems(403, _403=_ONLY_ADMINS),
)
async def list_clients(
    identity: IdentityDep, principal: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> ClientPage:
    """The integration clients of the caller's organisation, revoked ones included, without
    their secrets (org admins). Oldest first, with cursor pagination."""
    async with identity.engine.connect() as conn:
        listed = await queries.list_clients(
            conn, principal=principal, after=time_and_id_cursor(cursor), limit=limit
        )
    return ClientPage(
        items=[client_out(c) for c in listed.clients],
        next_cursor=listed.page.next_cursor(
            lambda row: [row["created_at"].isoformat(), row["client_id"]]
        ),
    )


@router.get(
    "/{client_id}",
    response_model=ClientOut,
    operation_id="read_client",
    summary="Read an integration client",
    responses=problems(403, 404, _403=_ONLY_ADMINS, _404=_NO_SUCH_CLIENT),
)
async def read_client(
    client_id: ClientId, identity: IdentityDep, principal: CurrentPrincipal
) -> ClientOut:
    """A client of the caller's organisation, without its secret (org admins); the path is the
    `Location` that registering it answered with."""
    async with identity.engine.connect() as conn:
        client = await queries.read_client(conn, client_id=str(client_id), principal=principal)
    return client_out(client)


@router.post(
    "/{client_id}/revoke",
    response_model=ClientOut,
    operation_id="revoke_client",
    summary="Revoke an integration client",
    responses=problems(
        403,
        404,
        409,
        _403=_ONLY_ADMINS,
        _404=_NO_SUCH_CLIENT,
        _409="Concurrent changes kept the revocation from completing; retry",
    ),
)
async def revoke_client(
    client_id: ClientId, request: Request, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """The client can no longer get tokens; the access tokens it holds expire within minutes
    (org admins). Revoking a revoked client changes nothing and answers the same."""
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=identity.clock())
        revoked = await handlers.revoke_client(
            conn, identity, client_id=str(client_id), caller=caller
        )
        return CommandResult(200, client_out(revoked).model_dump(mode="json"))

    return respond(await execute(identity.engine, run, after_commit=identity.store.committed))
