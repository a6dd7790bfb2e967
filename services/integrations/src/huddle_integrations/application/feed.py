"""The HTTP event feed: an organisation's integration events after a cursor, with long-polling.

Reads the feed log the webhooks are fanned out from, so the feed and the webhooks carry the same
events with the same ids, in the same order. Each organisation's events are numbered by
themselves, and numbers are committed in order (see ``application/publish.py``), so the
organisation's highest number is a safe place to resume even when nothing it asked for (a type
filter, a time) came after it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_integrations.application.access import ensure_integrator
from huddle_integrations.domain.feed import FeedEntry, InvalidCursor, cursor_after, read_cursor
from huddle_shared.auth import Principal
from huddle_shared.contracts.integration import INTEGRATION_REGISTRY
from huddle_shared.errors import DomainRuleViolated

_PAGE = text(
    """
    SELECT seq, org_seq, event_id, org_id, type, subject, time, data, trace
    FROM feed
    WHERE org_id = :org AND org_seq > :after
      AND (CAST(:since AS timestamptz) IS NULL OR time >= CAST(:since AS timestamptz))
      AND (CAST(:types AS text[]) IS NULL OR type = ANY(CAST(:types AS text[])))
    ORDER BY org_seq
    LIMIT :limit
    """
)
_HIGHEST = text("SELECT last_seq FROM org_sequences WHERE org_id = :org")


@dataclass(frozen=True)
class FeedPage:
    entries: list[FeedEntry]
    next_cursor: str


def feed_types() -> list[str]:
    """Every integration event type a feed or a subscription can ask for."""
    return sorted(INTEGRATION_REGISTRY.specs)


def check_types(types: Sequence[str] | None) -> list[str] | None:
    if not types:
        return None
    unknown = sorted(set(types) - set(INTEGRATION_REGISTRY.specs))
    if unknown:
        raise DomainRuleViolated(
            "Unknown event types: " + ", ".join(unknown), known_types=feed_types()
        )
    return sorted(set(types))


def parse_cursor(cursor: str | None) -> int:
    if cursor is None:
        return 0
    try:
        return read_cursor(cursor)
    except InvalidCursor as exc:
        raise DomainRuleViolated("The cursor is not one this feed gave out") from exc


async def read_feed(
    engine: AsyncEngine,
    principal: Principal,
    *,
    after: str | None,
    since: datetime | None,
    types: Sequence[str] | None,
    limit: int,
    wait_s: float,
    poll_s: float,
) -> FeedPage:
    """Up to ``limit`` events of the caller's organisation; waits up to ``wait_s`` for one."""
    ensure_integrator(principal)
    start = parse_cursor(after)
    wanted = check_types(types)
    deadline = time.monotonic() + wait_s
    while True:
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    _PAGE,
                    {
                        "org": principal.org_id,
                        "after": start,
                        "since": since,
                        "types": wanted,
                        "limit": limit,
                    },
                )
            ).all()
            highest = (
                int(await conn.scalar(_HIGHEST, {"org": principal.org_id}) or 0) if not rows else 0
            )
        if rows or time.monotonic() >= deadline:
            break
        await asyncio.sleep(min(poll_s, max(deadline - time.monotonic(), 0)))
    entries = [
        FeedEntry(
            seq=int(r.seq),
            org_seq=int(r.org_seq),
            event_id=r.event_id,
            org_id=r.org_id,
            type=r.type,
            subject=r.subject,
            time=r.time,
            data=r.data,
            trace=r.trace,
        )
        for r in rows
    ]
    resume = entries[-1].org_seq if entries else max(start, highest)
    return FeedPage(entries=entries, next_cursor=cursor_after(resume))
