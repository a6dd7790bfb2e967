"""Routes for integration clients of health-system IT."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import clients
from huddle_identity.api.common import identity_of
from huddle_identity.api.schemas import ClientCreate, ClientCreated, ClientOut, ClientPage
from huddle_identity.application import clients as handlers
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, execute, respond
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.errors import NotFound
from huddle_shared.http import event_context
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1/clients", tags=["integration clients"], responses=PROBLEM_RESPONSES)
ClientId = Annotated[uuid.UUID, Path(description="The client id")]


@router.post("", status_code=201, response_model=ClientCreated, summary="Register a client")
async def create_client(
    body: ClientCreate, request: Request, principal: CurrentPrincipal
) -> JSONResponse:
    """Returns the client secret once; only its digest is kept (org admins)."""
    principal.require_role(OrgRole.ORG_ADMIN)
    identity = identity_of(request)
    context = event_context(request, principal)
    client_id = str(uuid.uuid4())

    # No Idempotency-Key here on purpose: replaying would mean storing the secret.
    async def run(conn: AsyncConnection) -> CommandResult:
        client, secret = await handlers.register_client(
            conn,
            identity,
            client_id=client_id,
            name=body.name,
            scopes=frozenset(body.scopes),
            context=context,
            now=identity.clock(),
        )
        out = ClientCreated(
            client_id=client.id,
            name=client.name,
            scopes=sorted(client.scopes),
            created_at=identity.clock(),
            revoked=False,
            client_secret=secret,
        )
        return CommandResult(201, out.model_dump(mode="json"), {"Cache-Control": "no-store"})

    return respond(
        await execute(
            identity.engine, run, retry_on_conflict=False, after_commit=identity.store.committed
        )
    )


@router.get("", response_model=ClientPage, summary="List the organisation's clients")
async def list_clients(request: Request, principal: CurrentPrincipal) -> ClientPage:
    """Integration clients of the caller's organisation, without secrets (org admins)."""
    principal.require_role(OrgRole.ORG_ADMIN)
    async with identity_of(request).engine.connect() as conn:
        rows = await conn.execute(
            select(clients)
            .where(clients.c.org_id == principal.org_id)
            .order_by(clients.c.created_at, clients.c.client_id)
        )
        items = [
            ClientOut(
                client_id=r.client_id,
                name=r.name,
                scopes=r.scopes,
                created_at=r.created_at,
                revoked=r.revoked_at is not None,
            )
            for r in rows
        ]
    return ClientPage(items=items)


@router.post("/{client_id}/revoke", response_model=ClientOut, summary="Revoke a client")
async def revoke_client(
    client_id: ClientId, request: Request, principal: CurrentPrincipal
) -> ClientOut:
    """The client can no longer get tokens; tokens it holds expire within minutes."""
    principal.require_role(OrgRole.ORG_ADMIN)
    identity = identity_of(request)
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        await handlers.revoke_client(
            conn, identity, client_id=str(client_id), context=context, now=identity.clock()
        )
        return CommandResult(200, None)

    await execute(identity.engine, run, after_commit=identity.store.committed)
    async with identity.engine.connect() as conn:
        row = (
            await conn.execute(select(clients).where(clients.c.client_id == str(client_id)))
        ).one_or_none()
    if row is None:
        raise NotFound("No such client")
    return ClientOut(
        client_id=row.client_id,
        name=row.name,
        scopes=row.scopes,
        created_at=row.created_at,
        revoked=row.revoked_at is not None,
    )
