"""Publishing integration events: one transaction writes the feed row, the outbox row for the
organisation's Kafka topic, and (through the fan-outs) the webhook deliveries.
Each event is numbered twice: ``seq`` across the service (internal) and ``org_seq`` within its
organisation (what integrators see: the CloudEvents ``sequence``, the feed's cursors, the Kafka
stream version), so no tenant learns from the numbers how busy the others are.

Always called inside the caller's transaction (the consumer's batch, or the review schedule's),
so an event is published with what caused it or not at all. Feed rows are numbered under a
transaction-scoped advisory lock: numbers are handed out and committed in the same order, so a
reader resuming after number N can never miss a row that commits later with a smaller number.
Events already in the feed (same id: a replay of the upstream topics) are not published again.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol

from opentelemetry import propagate
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_integrations.domain.feed import SOURCE, FeedEntry
from huddle_integrations.domain.translation import Outgoing
from huddle_shared import metrics
from huddle_shared.fastpath import outbox_record
from huddle_shared.relay import lease_key

logger = logging.getLogger("huddle.integrations.publish")
FEED_LOCK = lease_key("huddle-integrations-feed")

_KNOWN = text("SELECT event_id FROM feed WHERE event_id = ANY(CAST(:ids AS uuid[]))")
_NUMBER = text(
    "INSERT INTO org_sequences (org_id, last_seq) VALUES (:org, :n) "
    "ON CONFLICT (org_id) DO UPDATE SET last_seq = org_sequences.last_seq + :n "
    "RETURNING last_seq"
)
_INSERT_FEED = text(
    """
    INSERT INTO feed (event_id, org_id, org_seq, type, subject, time, data, trace)
    SELECT e.event_id, e.org_id, e.org_seq, e.type, e.subject, e.time, e.data::jsonb,
           e.trace::jsonb
    FROM unnest(CAST(:ids AS uuid[]), CAST(:orgs AS text[]), CAST(:org_seqs AS bigint[]),
                CAST(:types AS text[]), CAST(:subjects AS text[]),
                CAST(:times AS timestamptz[]), CAST(:datas AS text[]), CAST(:traces AS text[]))
         WITH ORDINALITY AS e(event_id, org_id, org_seq, type, subject, time, data, trace, n)
    ORDER BY e.n
    RETURNING seq, event_id
    """
)
_INSERT_OUTBOX = text(
    "INSERT INTO outbox (event_id, topic, key, headers, payload) "
    "VALUES (:event_id, :topic, :key, CAST(:headers AS jsonb), :payload)"
)


class Fanout(Protocol):
    """Something more to do, in the same transaction, with every newly published entry."""

    async def __call__(self, conn: AsyncConnection, entries: Sequence[FeedEntry]) -> None: ...


class TopicEnsurer(Protocol):
    async def ensure(self, conn: AsyncConnection, org_id: str) -> str: ...


def current_trace() -> dict[str, str]:
    """The W3C trace context of the current span (the cause's), to link deliveries to it."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return {k: v for k, v in carrier.items() if k in ("traceparent", "tracestate")}


async def _number(conn: AsyncConnection, items: Sequence[Outgoing]) -> list[int]:
    """Each item's number in its organisation's sequence, in order (under the feed lock)."""
    counts = Counter(item.org_id for item in items)
    next_of: dict[str, int] = {}
    for org_id, n in counts.items():
        last = int((await conn.execute(_NUMBER, {"org": org_id, "n": n})).scalar_one())
        next_of[org_id] = last - n + 1
    numbers = []
    for item in items:
        numbers.append(next_of[item.org_id])
        next_of[item.org_id] += 1
    return numbers


class Publisher:
    def __init__(self, *, topics: TopicEnsurer, fanouts: Sequence[Fanout] = ()) -> None:
        self.topics = topics
        self.fanouts: list[Fanout] = list(fanouts)

    def add_fanout(self, fanout: Fanout) -> None:
        self.fanouts.append(fanout)

    async def publish(
        self,
        conn: AsyncConnection,
        items: Sequence[Outgoing],
        *,
        trace: dict[str, str] | None = None,
    ) -> list[FeedEntry]:
        """Log, outbox and fan out ``items``; those already published (same id) are skipped."""
        if not items:
            return []
        default_trace = current_trace() if trace is None else trace
        await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": FEED_LOCK})
        known = set(
            (await conn.execute(_KNOWN, {"ids": [item.event_id for item in items]})).scalars()
        )
        fresh: list[Outgoing] = []
        for item in items:  # a replay, or the same event twice in one batch: published once
            if item.event_id not in known:
                known.add(item.event_id)
                fresh.append(item)
        if not fresh:
            return []
        org_seqs = await _number(conn, fresh)
        datas = [item.event.model_dump(mode="json") for item in fresh]
        rows = (
            await conn.execute(
                _INSERT_FEED,
                {
                    "ids": [item.event_id for item in fresh],
                    "orgs": [item.org_id for item in fresh],
                    "org_seqs": org_seqs,
                    "types": [item.type for item in fresh],
                    "subjects": [item.subject for item in fresh],
                    "times": [item.time for item in fresh],
                    "datas": [json.dumps(d) for d in datas],
                    "traces": [json.dumps(item.trace or default_trace) for item in fresh],
                },
            )
        ).all()
        seqs = {row.event_id: int(row.seq) for row in rows}
        entries = [
            FeedEntry(
                seq=seqs[item.event_id],
                event_id=item.event_id,
                org_id=item.org_id,
                type=item.type,
                subject=item.subject,
                time=item.time,
                data=data,
                org_seq=org_seq,
                trace=item.trace or default_trace,
            )
            for item, data, org_seq in zip(fresh, datas, org_seqs, strict=True)
        ]
        if not entries:
            return []
        await conn.execute(_INSERT_OUTBOX, [await self._outbox_row(conn, e) for e in entries])
        for fanout in self.fanouts:
            await fanout(conn, entries)
        for entry in entries:
            metrics.INTEGRATION_EVENTS.add(1, {"type": entry.type})
        return entries

    async def _outbox_row(self, conn: AsyncConnection, entry: FeedEntry) -> dict[str, Any]:
        topic = await self.topics.ensure(conn, entry.org_id)
        key, payload, headers = outbox_record(
            event_id=entry.event_id,
            event_type=entry.type,
            source=SOURCE,
            subject=entry.subject,
            time=entry.time,
            tenant_id=entry.org_id,
            stream_version=entry.org_seq,
            data=entry.data,
            trace_headers=entry.trace,
        )
        return {
            "event_id": entry.event_id,
            "topic": topic,
            "key": key,
            "headers": headers,
            "payload": payload,
        }
