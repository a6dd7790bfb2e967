"""Folds the teams, campaign and alert topics into integration events, in the batch transaction.

For each domain event: first what this service must remember (a team's organisation is not on
every event; a charter's review date drives the review schedule), then its translation
(``domain/translation.py``) under the organisation's sharing settings, then publication through
what bootstrap hands in: the feed, the organisation's topic and the webhook deliveries, all in
the consumer's transaction with its offsets, so each event is published exactly once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_integrations.domain.feed import FeedEntry
from huddle_integrations.domain.translation import Outgoing, outgoing, translate
from huddle_shared.consumer import ReceivedEvent
from huddle_shared.contracts import teams as t
from huddle_shared.events import DomainEvent


class Publish(Protocol):
    async def publish(
        self, conn: AsyncConnection, items: Sequence[Outgoing], *, trace: dict[str, str] | None
    ) -> list[FeedEntry]: ...


_REMEMBER_TEAM = text(
    "INSERT INTO teams (team_id, org_id) VALUES (:team, :org) ON CONFLICT (team_id) DO NOTHING"
)
_ARCHIVE = text("UPDATE teams SET archived = true WHERE team_id = :team")
_CHARTER = text(
    "UPDATE teams SET charter_revision = :revision, next_review_due = :due WHERE team_id = :team"
)
_REVIEW_DUE = text("UPDATE teams SET next_review_due = :due WHERE team_id = :team")
_SHARED = text("SELECT shared_fields FROM org_settings WHERE org_id = :org")


async def remember(conn: AsyncConnection, payload: DomainEvent, org_id: str) -> None:
    """What the review schedule needs to know of a team, from its events."""
    match payload:
        case t.TeamCreated():
            await conn.execute(_REMEMBER_TEAM, {"team": payload.team_id, "org": org_id})
        case t.TeamArchived():
            await conn.execute(_ARCHIVE, {"team": payload.team_id})
        case t.CharterRevised():
            await conn.execute(
                _CHARTER,
                {
                    "team": payload.team_id,
                    "revision": payload.revision,
                    "due": payload.next_review_due,
                },
            )
        case t.CharterReviewed():
            await conn.execute(
                _REVIEW_DUE, {"team": payload.team_id, "due": payload.next_review_due}
            )
        case t.ReviewCadenceChanged() if payload.next_review_due is not None:
            await conn.execute(
                _REVIEW_DUE, {"team": payload.team_id, "due": payload.next_review_due}
            )


async def shared_fields(conn: AsyncConnection, org_id: str) -> frozenset[str]:
    """The free-text fields ``org_id`` has opted in to sharing (none by default)."""
    fields = await conn.scalar(_SHARED, {"org": org_id})
    return frozenset(fields or ())


class IntegrationEvents:
    """The consumer's projection; ``apply_batch`` publishes a whole batch at once (one feed
    insert, one outbox insert, one fan-out), ``apply`` one event (to find a poison one)."""

    def __init__(self, *, publisher: Publish) -> None:
        self.publisher = publisher

    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
        await self.apply_batch(conn, [event])

    async def apply_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None:
        sharing: dict[str, frozenset[str]] = {}
        items: list[Outgoing] = []
        for event in events:
            envelope = event.envelope
            org_id = envelope.tenant_id
            await remember(conn, event.payload, org_id)
            if org_id not in sharing:
                sharing[org_id] = await shared_fields(conn, org_id)
            cause = _cause_trace(envelope.traceparent, envelope.tracestate)
            items += [
                outgoing(e, cause=envelope.id, time=envelope.time, trace=cause)
                for e in translate(event.payload, org_id=org_id, shared=sharing[org_id])
            ]
        await self.publisher.publish(conn, items, trace=None)


def _cause_trace(traceparent: str | None, tracestate: str | None) -> dict[str, str]:
    """The trace of the change behind an event, which its deliveries link to."""
    found = {"traceparent": traceparent, "tracestate": tracestate}
    return {k: v for k, v in found.items() if v}
