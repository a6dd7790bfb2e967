"""SCIM connectors presenting their client secret itself as the bearer token.

Entra ID's "Secret Token" and Okta's "HTTP Header" authentication send one fixed bearer token
with every request and cannot fetch a 15-minute access token first. Such a connector may send
its integration client's secret instead: the secret has 256 random bits, and only its SHA-256
digest is stored, so it is found by its digest (a lookup that tells nothing about other
secrets). Revoking the client stops it at once, as it stops new access tokens; only
``/scim/v2`` accepts a secret this way.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_identity.adapters.tables import clients
from huddle_identity.application.passwords import secret_digest
from huddle_shared.auth import Principal


async def connector_by_secret(engine: AsyncEngine, secret: str) -> Principal | None:
    """The client whose secret this is, as a principal, unless it was revoked; else None."""
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                select(clients.c.client_id, clients.c.org_id, clients.c.scopes).where(
                    clients.c.secret_hash == secret_digest(secret), clients.c.revoked_at.is_(None)
                )
            )
        ).one_or_none()
    if row is None:
        return None
    return Principal(
        subject=row.client_id,
        org_id=row.org_id,
        roles=frozenset(),
        scopes=frozenset(row.scopes),
        kind="client",
    )
