"""Campaign results: one event on insights.results.v1 per campaign, once it has closed.

Health-system IT receives a closed campaign's team-level scores, computed by the dashboards'
own code under the same privacy rules (``domain/indices.campaign_results``): below the minimum
group every score is withheld; there is never a breakdown, an individual answer, a comment or a
respondent reference.

A campaign's close and its responses come on different topics, in any order, so the results
are sent when the second of two things has happened: the close has been consumed (it says how
many responses it counted) and the read models hold that many responses of the campaign. After
every live batch, in the batch's transaction:

1. the campaigns the batch touched are locked (an advisory lock each, in one order), so that a
   close and its last response consumed at the same moment by two replicas cannot both miss
   the other's: the second to take the lock sees what the first committed;
2. each close of the batch leaves a row in ``campaign_results`` (outside the generations) with
   the number of responses it counted;
3. every row not yet published whose campaign now has all its responses is claimed
   (``published_at`` set where it was unset, skipping rows another replica is claiming) and its
   event appended to the campaign's results stream, with its outbox row.

Only the live generation's projection has a publisher: a rebuild replays history and sends
nothing, and since the claim lives outside the generations, a later generation that meets the
same events again finds the campaign already published. Rows still waiting (a response not yet
consumed, or set aside as a dead letter and replayed later) are looked at again after every
batch.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime

from sqlalchemy import BigInteger, bindparam, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import campaign_results
from huddle_insights.application.facts import (
    ClosedCampaign,
    load_closed_campaigns,
    response_counts,
)
from huddle_insights.domain.indices import campaign_results as results_of
from huddle_insights.projections.insights import Closing
from huddle_shared.contracts.insights import CampaignResultsPublished
from huddle_shared.eventstore import EventContext, EventStore
from huddle_shared.relay import lease_key

STREAM_TYPE = "campaign_results"
# unnest keeps the array's order, so the locks are taken in key order (no deadlock between two).
_LOCK = text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(:keys) AS k").bindparams(
    bindparam("keys", type_=ARRAY(BigInteger))
)


def stream_of(campaign_id: str) -> str:
    return f"results-{campaign_id}"


def results_event(campaign: ClosedCampaign) -> CampaignResultsPublished:
    """The event for a closed campaign: its participation and the scores the rules allow."""
    result = campaign.result
    results = results_of(result)
    return CampaignResultsPublished(
        campaign_id=result.campaign_id,
        team_id=campaign.team_id,
        org_id=campaign.org_id,
        instrument_kind=result.kind,
        closed_at=result.closed_at,
        eligible_count=result.eligible,
        responded_count=results.respondents,
        participation_rate=results.participation,
        min_group_size=results.min_group_size,
        suppressed=results.suppressed,
        reason=results.reason,
        scores=results.scores,
        morale_level=results.morale_level,
    )


class ResultsPublisher:
    def __init__(self, *, store: EventStore) -> None:
        self.store = store
        self.published = 0

    async def publish_ready(
        self, conn: AsyncConnection, *, closings: Sequence[Closing], touched: Collection[str]
    ) -> None:
        """Record the batch's closes, then publish every waiting campaign that is complete."""
        await _lock(conn, {*touched, *(c.campaign_id for c in closings)})
        if closings:
            await conn.execute(
                insert(campaign_results).on_conflict_do_nothing(),
                [
                    {
                        "campaign_id": c.campaign_id,
                        "org_id": c.org_id,
                        "team_id": c.team_id,
                        "closed_at": c.closed_at,
                        "responded_count": c.responded_count,
                        "published_at": None,
                    }
                    for c in sorted(closings, key=lambda c: c.campaign_id)
                ],
            )
        waiting = await _waiting(conn)
        if not waiting:
            return
        counts = await response_counts(conn, list(waiting))
        complete = sorted(c for c, expected in waiting.items() if counts.get(c, 0) >= expected)
        closed = await load_closed_campaigns(conn, complete)
        for campaign_id in await _claim(conn, [c for c in complete if c in closed]):
            await self._publish(conn, closed[campaign_id])

    async def _publish(self, conn: AsyncConnection, campaign: ClosedCampaign) -> None:
        event = results_event(campaign)
        await self.store.append(
            conn,
            stream_id=stream_of(event.campaign_id),
            stream_type=STREAM_TYPE,
            expected_version=0,
            events=[event],
            context=EventContext(tenant_id=campaign.org_id, actor=None),
            now=datetime.now(UTC),
        )
        self.published += 1


async def _lock(conn: AsyncConnection, campaign_ids: Collection[str]) -> None:
    """Advisory transaction locks on the campaigns, always taken in the same (key) order."""
    if not campaign_ids:
        return
    keys = sorted({lease_key(f"huddle-insights-results:{c}") for c in campaign_ids})
    await conn.execute(_LOCK, {"keys": keys})


async def _waiting(conn: AsyncConnection) -> dict[str, int]:
    """Closed campaigns not yet published, with the number of responses their close counted."""
    rows = await conn.execute(
        select(campaign_results.c.campaign_id, campaign_results.c.responded_count).where(
            campaign_results.c.published_at.is_(None)
        )
    )
    return {r.campaign_id: int(r.responded_count) for r in rows}


async def _claim(conn: AsyncConnection, campaign_ids: list[str]) -> list[str]:
    """Mark the campaigns published; only those no one else marked first come back, in order.

    Rows another transaction is claiming at this moment are skipped rather than waited for
    (it publishes them; if it rolls back they are still waiting for the next batch), so two
    replicas sweeping the same rows can neither deadlock nor both publish.
    """
    if not campaign_ids:
        return []
    claimable = (
        select(campaign_results.c.campaign_id)
        .where(
            campaign_results.c.campaign_id.in_(campaign_ids),
            campaign_results.c.published_at.is_(None),
        )
        .order_by(campaign_results.c.campaign_id)
        .with_for_update(skip_locked=True)
    )
    rows = await conn.execute(
        update(campaign_results)
        .where(campaign_results.c.campaign_id.in_(claimable.scalar_subquery()))
        .values(published_at=datetime.now(UTC))
        .returning(campaign_results.c.campaign_id)
    )
    return sorted(r.campaign_id for r in rows)
