"""Closing campaigns whose window has ended, from every replica, safely.

Each due campaign is closed in its own transaction through the same path as a person's close;
a replica that loses the race gets a conflict and moves on, so running it everywhere is safe.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.adapters.tables import campaigns
from huddle_assessments.application.campaigns import close
from huddle_assessments.application.deps import Assessments
from huddle_shared.aggregates import Caller
from huddle_shared.aio import sleep_or_stop
from huddle_shared.auth import Principal
from huddle_shared.commands import CommandResult, execute
from huddle_shared.errors import Conflict
from huddle_shared.eventstore import EventContext

logger = logging.getLogger("huddle.assessments.campaigns")


def _scheduler(org_id: str, now: datetime) -> Caller:
    # The events record no actor: nobody closed the campaign, its window ended.
    principal = Principal(
        subject="scheduler", org_id=org_id, roles=frozenset(), scopes=frozenset(), kind="client"
    )
    return Caller(principal=principal, context=EventContext(tenant_id=org_id, actor=None), now=now)


async def close_due_campaigns(deps: Assessments) -> int:
    """Close every campaign whose window has ended (idempotent across replicas)."""
    now = deps.clock()
    async with deps.engine.connect() as conn:
        due = (
            await conn.execute(
                select(campaigns.c.campaign_id, campaigns.c.org_id).where(
                    campaigns.c.closed_at.is_(None), campaigns.c.closes_at <= now
                )
            )
        ).all()
    closed = 0
    for campaign_id, org_id in due:

        async def run(
            conn: AsyncConnection, cid: str = campaign_id, org: str = org_id
        ) -> CommandResult:
            await close(conn, deps, campaign_id=cid, caller=_scheduler(org, deps.clock()))
            return CommandResult(200, None)

        try:
            await execute(deps.engine, run, after_commit=deps.store.committed)
            closed += 1
        except Conflict:
            continue  # closed meanwhile, by a person or another replica
    return closed


async def keep_closing(deps: Assessments, stop: asyncio.Event, every_s: float) -> None:
    while not stop.is_set():
        try:
            await close_due_campaigns(deps)
        except Exception as exc:
            logger.warning("auto-close failed (%s); retrying", type(exc).__name__)
        await sleep_or_stop(stop, every_s)
