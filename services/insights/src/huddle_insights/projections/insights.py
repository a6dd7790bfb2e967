"""The insights projection the consumer gets: every event of identity, teams and assessments.

Events from different topics arrive in any order (a response before its campaign, a member
before the person's identity event): every table is keyed so that each fact lands on its own
and queries join them, which makes the result independent of arrival order.

A consumer batch is applied with a handful of statements rather than one or more per event:
:class:`BatchPlan` hands each event to the fold of its read models (``identity_facts``,
``teams_facts``, ``charter_facts``, ``assessments_facts``), which fold the batch in Python into
its net effect per table and write each kind of change with one statement. The folds must leave
exactly the tables that applying the events one by one, in order, would leave; each module says
how it keeps that for its tables.

One by one, an event whose values the database refuses (a NUL character in a text, an integer
out of range) fails and is set aside as a dead letter. A value a fold drops (an overwritten
update, a superseded revision's goals) is never sent, so the fold checks it instead: if it could
not have been stored the batch fails, and the consumer applies it event by event.

After each batch, in the same transaction, the teams it touched are handed to the alert
evaluation given at construction (the application's alert publisher), and the campaigns it
closed or answered to the results publication; the projection does not know what they do with
them. Both are None while rebuilding: history replayed into a new generation must not be sent
again.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.projections.assessments_facts import CampaignsPlan
from huddle_insights.projections.batch import Handlers
from huddle_insights.projections.charter_facts import ChartersPlan
from huddle_insights.projections.identity_facts import PeoplePlan
from huddle_insights.projections.teams_facts import TeamsPlan
from huddle_shared.consumer import ReceivedEvent
from huddle_shared.contracts.assessments import CampaignClosed, ResponseRecorded


class AlertEvaluation(Protocol):
    """What runs after each batch: each touched team with the day of its latest event."""

    async def evaluate_many(self, conn: AsyncConnection, as_of: Mapping[str, date]) -> None: ...


@dataclass(frozen=True, slots=True)
class Closing:
    """A campaign's close as a batch carried it: the number of responses it counted."""

    campaign_id: str
    org_id: str
    team_id: str
    closed_at: datetime
    responded_count: int


class ResultsPublication(Protocol):
    """What runs after each live batch: the campaigns it closed and every campaign it touched."""

    async def publish_ready(
        self, conn: AsyncConnection, *, closings: Sequence[Closing], touched: Collection[str]
    ) -> None: ...


class BatchPlan:
    """The net effect of a batch of events on every read model, folded in event order."""

    def __init__(self) -> None:
        self.people = PeoplePlan()
        self.teams = TeamsPlan()
        self.charters = ChartersPlan()
        self.campaigns = CampaignsPlan()
        self._handlers: Handlers = {
            **self.people.handlers(),
            **self.teams.handlers(),
            **self.charters.handlers(),
            **self.campaigns.handlers(),
        }

    def add(self, event: ReceivedEvent) -> None:
        handler = self._handlers.get(type(event.payload))
        if handler is not None:  # an event type insights does not read
            handler(event.payload, event.envelope)

    async def write(self, conn: AsyncConnection) -> None:
        # The tables are independent of each other; a fixed order keeps the locks in one order.
        await self.people.write(conn)
        await self.teams.write(conn)
        await self.charters.write(conn)
        await self.campaigns.write(conn)


class InsightsProjection:
    def __init__(
        self,
        *,
        alerts: AlertEvaluation | None = None,
        results: ResultsPublication | None = None,
    ) -> None:
        # None while rebuilding: history replayed into a new generation must not alert again,
        # nor publish a campaign's results again.
        self.alerts = alerts
        self.results = results

    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
        await self._apply_events(conn, [event])

    async def apply_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None:
        """Apply ``events`` as if one by one in order, with one statement per kind of change."""
        if type(self).apply is not InsightsProjection.apply:
            # A subclass that adds to ``apply`` (say, a log row per event) keeps its effect.
            for event in events:
                await self.apply(conn, event)
            return
        await self._apply_events(conn, events)

    @staticmethod
    async def _apply_events(conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None:
        plan = BatchPlan()
        for event in events:
            plan.add(event)
        await plan.write(conn)

    async def after_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None:
        if self.alerts is not None:
            await self.alerts.evaluate_many(conn, latest_day_per_team(events))
        if self.results is not None:
            closings = closings_in(events)
            await self.results.publish_ready(
                conn, closings=closings, touched=campaigns_touched(events)
            )


def latest_day_per_team(events: Sequence[ReceivedEvent]) -> dict[str, date]:
    """Each team an event of the batch names, with the day of its latest such event."""
    latest: dict[str, date] = {}
    for event in events:
        team_id = getattr(event.payload, "team_id", None)
        if isinstance(team_id, str):
            when = event.envelope.time.date()
            latest[team_id] = max(latest.get(team_id, when), when)
    return latest


def closings_in(events: Sequence[ReceivedEvent]) -> list[Closing]:
    """The campaign closes of the batch, in batch order."""
    return [
        Closing(
            campaign_id=e.payload.campaign_id,
            org_id=e.envelope.tenant_id,
            team_id=e.payload.team_id,
            closed_at=e.payload.closed_at,
            responded_count=e.payload.responded_count,
        )
        for e in events
        if isinstance(e.payload, CampaignClosed)
    ]


def campaigns_touched(events: Sequence[ReceivedEvent]) -> set[str]:
    """Every campaign the batch closed or recorded a response of."""
    return {
        e.payload.campaign_id
        for e in events
        if isinstance(e.payload, CampaignClosed | ResponseRecorded)
    }
