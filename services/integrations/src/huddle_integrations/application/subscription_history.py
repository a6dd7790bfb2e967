"""A webhook subscription's history, as events on its own stream (``webhook-<id>``).

The ``webhook_subscriptions`` row is the read model every request and the dispatcher use; each
change appends its events in the same transaction, with the row's ``version`` as the expected
stream version (the row is locked, so writers queue rather than conflict), and moves the version
on. The version is the subscription's ETag.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventContext, EventStore

STREAM_TYPE = "webhook_subscription"
_VERSION = text("UPDATE webhook_subscriptions SET version = :v WHERE id = :id")


def stream_id(subscription_id: uuid.UUID | str) -> str:
    return f"webhook-{subscription_id}"


async def record(
    conn: AsyncConnection,
    store: EventStore,
    *,
    subscription_id: uuid.UUID,
    org_id: str,
    actor: str | None,
    version: int,
    events: Sequence[DomainEvent],
    now: datetime,
    update_row: bool = True,
) -> int:
    """Append ``events`` after ``version``; the new version (the row's too, unless deleted)."""
    if not events:
        return version
    await store.append(
        conn,
        stream_id=stream_id(subscription_id),
        stream_type=STREAM_TYPE,
        expected_version=version,
        events=list(events),
        context=EventContext(tenant_id=org_id, actor=actor),
        now=now,
    )
    new_version = version + len(events)
    if update_row:
        await conn.execute(_VERSION, {"v": new_version, "id": subscription_id})
    return new_version
