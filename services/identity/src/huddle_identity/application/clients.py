"""Integration clients: registered by an org admin, authenticated with a secret shown once.

Client secrets are 256 random bits, so a fast SHA-256 digest protects them as well as a slow
password hash would (there is nothing to guess); passwords, chosen by people, get Argon2id.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import clients
from huddle_identity.application.deps import Identity
from huddle_identity.domain.organization import (
    Client,
    RegisterClient,
    decide_register_client,
    decide_revoke_client,
    evolve_client,
)
from huddle_shared.errors import NotFound
from huddle_shared.eventstore import EventContext, RecordedEvent


def secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, digest: str) -> bool:
    return hmac.compare_digest(secret_digest(secret), digest)


def fold_client(events: list[RecordedEvent], state: Client | None = None) -> Client | None:
    for r in events:
        state = evolve_client(state, r.payload, at=r.recorded_at, version=r.version)
    return state


async def register_client(
    conn: AsyncConnection,
    identity: Identity,
    *,
    client_id: str,
    name: str,
    scopes: frozenset[str],
    context: EventContext,
    now: datetime,
) -> tuple[Client, str]:
    """Returns the client and its secret; only the digest is stored, so it is shown once."""
    events = decide_register_client(
        None,
        RegisterClient(
            client_id=client_id,
            org_id=context.tenant_id,
            name=name,
            scopes=scopes,
            actor=context.actor or "system",
        ),
    )
    recorded = await identity.store.append(
        conn,
        stream_id=client_id,
        stream_type="client",
        expected_version=0,
        events=events,
        context=context,
        now=now,
    )
    client = fold_client(recorded)
    assert client is not None
    secret = secrets.token_urlsafe(32)
    await conn.execute(
        insert(clients).values(
            client_id=client.id,
            org_id=client.org_id,
            name=client.name,
            scopes=sorted(client.scopes),
            secret_hash=secret_digest(secret),
            created_at=now,
            version=client.version,
        )
    )
    return client, secret


async def revoke_client(
    conn: AsyncConnection,
    identity: Identity,
    *,
    client_id: str,
    context: EventContext,
    now: datetime,
) -> Client:
    client = fold_client(await identity.store.load(conn, client_id, tenant_id=context.tenant_id))
    if client is None:
        raise NotFound("No such client")
    recorded = await identity.store.append(
        conn,
        stream_id=client_id,
        stream_type="client",
        expected_version=client.version,
        events=decide_revoke_client(client, context.actor or "system"),
        context=context,
        now=now,
    )
    client = fold_client(recorded, client) or client
    await conn.execute(
        update(clients)
        .where(clients.c.client_id == client_id, clients.c.revoked_at.is_(None))
        .values(revoked_at=now, version=client.version)
    )
    return client
