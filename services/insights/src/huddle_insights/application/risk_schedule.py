"""Burnout risk re-evaluated on a schedule: time changes it even when no event arrives.

A charter past its review cadence grows staler every day, and churn leaves the 90-day window,
with nothing on the stream to say so. Every ``interval_s`` the schedule evaluates every team of
the active generation as of today, in one transaction, through the same alert publisher as the
projection's batches: a change publishes its event, an unchanged level publishes nothing, and
replicas running it at once serialise on the levels' row locks.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_insights.application.alerts import AlertPublisher
from huddle_shared.aio import sleep_or_stop

logger = logging.getLogger("huddle.insights.risk_schedule")


class RiskSchedule:
    def __init__(
        self,
        *,
        alerts: AlertPublisher,
        engine: Callable[[], Awaitable[AsyncEngine]],
        interval_s: float,
    ) -> None:
        self.alerts = alerts
        self.engine = engine
        self.interval_s = interval_s
        self.runs = 0

    async def run_once(self, *, as_of: date | None = None) -> int:
        """Evaluate every team as of ``as_of`` (today, UTC); returns how many were evaluated."""
        day = as_of or datetime.now(UTC).date()
        async with (await self.engine()).begin() as conn:
            evaluated = await self.alerts.reevaluate_all(conn, as_of=day)
        self.runs += 1
        return evaluated

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await sleep_or_stop(stop, self.interval_s)
            if stop.is_set():
                return
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # the next run tries again; the projection is unaffected
                logger.exception("scheduled risk evaluation failed")
