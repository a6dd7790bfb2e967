"""The webhook fan-out: one pending delivery per matching subscription for every published
integration event, written in the publishing transaction.

Deliveries are derived from committed events only: the rows commit with the feed entry and the
consumer's offsets or not at all, so a crash loses none and sends none that never happened.
Active and paused subscriptions get deliveries (a paused one's wait until it is resumed);
disabled ones get none. Ids are handed out under the feed's lock (``publish.py``), so within a
subscription a smaller id is an earlier event, which is what the dispatcher's per-aggregate
order rests on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_integrations.domain.feed import FeedEntry

_FAN_OUT = text(
    """
    INSERT INTO webhook_deliveries
        (subscription_id, org_id, feed_seq, event_id, event_type, ordering_key)
    SELECT s.id, e.org_id, e.seq, e.event_id, e.type, e.subject
    FROM unnest(CAST(:seqs AS bigint[]), CAST(:ids AS uuid[]), CAST(:orgs AS text[]),
                CAST(:types AS text[]), CAST(:subjects AS text[]))
         WITH ORDINALITY AS e(seq, event_id, org_id, type, subject, n)
    JOIN webhook_subscriptions s
      ON s.org_id = e.org_id
     AND s.status IN ('active', 'paused')
     AND (cardinality(s.event_types) = 0 OR e.type = ANY(s.event_types))
    ORDER BY e.n, s.id
    ON CONFLICT (subscription_id, event_id) DO NOTHING
    """
)


class WebhookFanout:
    """A :class:`~huddle_integrations.application.publish.Fanout` for webhook subscriptions."""

    def __init__(self, *, on_written: Callable[[], None] | None = None) -> None:
        # A hint for the in-process dispatcher; other replicas find the rows by polling.
        self.on_written = on_written

    async def __call__(self, conn: AsyncConnection, entries: Sequence[FeedEntry]) -> None:
        if not entries:
            return
        result = await conn.execute(
            _FAN_OUT,
            {
                "seqs": [e.seq for e in entries],
                "ids": [e.event_id for e in entries],
                "orgs": [e.org_id for e in entries],
                "types": [e.type for e in entries],
                "subjects": [e.subject for e in entries],
            },
        )
        if result.rowcount and self.on_written is not None:
            self.on_written()
