"""The ``clients`` read model: what the token endpoint checks and org admins list.

It also keeps the digest of each client's secret, which no event ever carries.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.adapters.tables import clients
from huddle_identity.domain.organization import Client


async def add_client(
    conn: AsyncConnection, client: Client, *, secret_hash: str, now: datetime
) -> None:
    await conn.execute(
        insert(clients).values(
            client_id=client.id,
            org_id=client.org_id,
            name=client.name,
            scopes=sorted(client.scopes),
            secret_hash=secret_hash,
            created_at=now,
            version=client.version,
        )
    )


async def mark_revoked(conn: AsyncConnection, client: Client, *, now: datetime) -> None:
    """First revocation wins: a client revoked before keeps its original time."""
    await conn.execute(
        update(clients)
        .where(clients.c.client_id == client.id, clients.c.revoked_at.is_(None))
        .values(revoked_at=now, version=client.version)
    )
