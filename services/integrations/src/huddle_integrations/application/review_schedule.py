"""Charter reviews coming due and going overdue: found by a schedule, as time passing is not an
event. Each team's due and overdue announcements are published once per due date, in the same
transaction that records them (row locks with SKIP LOCKED let replicas share the work).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_integrations.application.publish import Publisher
from huddle_integrations.domain.translation import (
    ReviewState,
    outgoing,
    review_cause,
    reviews_to_announce,
)
from huddle_shared.aio import sleep_or_stop
from huddle_shared.contracts import integration as out
from huddle_shared.runtime import utc_now

logger = logging.getLogger("huddle.integrations.reviews")
CHUNK = 500

_DUE = text(
    """
    SELECT team_id, org_id, charter_revision, next_review_due,
           review_due_sent_for, review_overdue_sent_for
    FROM teams
    WHERE NOT archived AND next_review_due <= :today
      AND (review_due_sent_for IS DISTINCT FROM next_review_due
           OR (next_review_due <= :overdue_on
               AND review_overdue_sent_for IS DISTINCT FROM next_review_due))
    ORDER BY team_id
    LIMIT :chunk
    FOR UPDATE SKIP LOCKED
    """
)
_SENT = text(
    """
    UPDATE teams SET
        review_due_sent_for = CASE WHEN :due_sent THEN next_review_due
                                   ELSE review_due_sent_for END,
        review_overdue_sent_for = CASE WHEN :overdue_sent THEN next_review_due
                                       ELSE review_overdue_sent_for END
    WHERE team_id = :team
    """
)


class ReviewSchedule:
    def __init__(
        self,
        *,
        engine: AsyncEngine,
        publisher: Publisher,
        interval_s: float,
        overdue_after_days: int,
        clock: Callable[[], date] = lambda: utc_now().date(),
    ) -> None:
        self.engine = engine
        self.publisher = publisher
        self.interval_s = interval_s
        self.overdue_after_days = overdue_after_days
        self.clock = clock
        self.runs = 0

    async def run_once(self, today: date | None = None) -> int:
        """Announce every review that has come due or gone overdue; returns how many events."""
        today = today or self.clock()
        published = 0
        while True:
            async with self.engine.begin() as conn:
                rows = (
                    await conn.execute(
                        _DUE,
                        {
                            "today": today,
                            "overdue_on": today - timedelta(days=self.overdue_after_days),
                            "chunk": CHUNK,
                        },
                    )
                ).all()
                for row in rows:
                    state = ReviewState(
                        org_id=row.org_id,
                        team_id=row.team_id,
                        revision=row.charter_revision,
                        next_review_due=row.next_review_due,
                        due_sent_for=row.review_due_sent_for,
                        overdue_sent_for=row.review_overdue_sent_for,
                    )
                    events = reviews_to_announce(
                        state, today=today, overdue_after_days=self.overdue_after_days
                    )
                    now = utc_now()
                    items = [
                        outgoing(e, cause=review_cause(state, e.event_type), time=now)
                        for e in events
                    ]
                    published += len(await self.publisher.publish(conn, items))
                    await conn.execute(
                        _SENT,
                        {
                            "team": state.team_id,
                            "due_sent": any(isinstance(e, out.CharterReviewDue) for e in events),
                            "overdue_sent": any(
                                isinstance(e, out.CharterReviewOverdue) for e in events
                            ),
                        },
                    )
            if len(rows) < CHUNK:
                break
        self.runs += 1
        return published

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning("review schedule run failed (%s); retrying", type(exc).__name__)
            await sleep_or_stop(stop, self.interval_s)
