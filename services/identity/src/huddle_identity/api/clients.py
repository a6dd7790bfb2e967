"""Routes for integration clients of health-system IT: register, list, revoke (org admins)."""

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
from huddle_shared.http import event_context
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1/clients", tags=["integration clients"], responses=PROBLEM_RESPONSES)

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


@router.post("", status_code=201, response_model=ClientCreated, summary="Register a client")
async def create_client(
    body: ClientCreate, request: Request, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """Returns the client secret once; only its digest is kept (org admins)."""
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=identity.clock())
        registered = await handlers.register_client(
            conn, identity, name=body.name, scopes=frozenset(body.scopes), caller=caller
        )
        out = ClientCreated(
            **client_out(registered.client).model_dump(), client_secret=registered.secret
        )
        return CommandResult(201, out.model_dump(mode="json"), {"Cache-Control": "no-store"})

    return respond(
        await execute(
            identity.engine, run, retry_on_conflict=False, after_commit=identity.store.committed
        )
    )


@router.get("", response_model=ClientPage, summary="List the organisation's clients")
async def list_clients(identity: IdentityDep, principal: CurrentPrincipal) -> ClientPage:
    """Integration clients of the caller's organisation, without secrets (org admins)."""
    async with identity.engine.connect() as conn:
        listed = await queries.list_clients(conn, principal=principal)
    return ClientPage(items=[client_out(c) for c in listed])


@router.post("/{client_id}/revoke", response_model=ClientOut, summary="Revoke a client")
async def revoke_client(
    client_id: ClientId, request: Request, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """The client can no longer get tokens; tokens it holds expire within minutes."""
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=identity.clock())
        revoked = await handlers.revoke_client(
            conn, identity, client_id=str(client_id), caller=caller
        )
        return CommandResult(200, client_out(revoked).model_dump(mode="json"))

    return respond(await execute(identity.engine, run, after_commit=identity.store.committed))
