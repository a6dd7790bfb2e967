"""Alerts: one event on insights.alerts.v1 each time a team's burnout-risk level rises.

The decision, the new level and the outbox row are written in the projection's batch
transaction, so a crash can neither lose an alert nor send it twice; the level lives outside
the rebuildable generations, so a rebuild (which runs without alerts) never repeats one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import alert_ledger, alert_levels, teams
from huddle_insights.application.facts import load_team_facts
from huddle_insights.domain.indices import burnout_risk
from huddle_shared.contracts.insights import BurnoutRiskRose, DriverSummary
from huddle_shared.eventstore import EventContext, EventStore

RANK = {None: 0, "low": 1, "moderate": 2, "high": 3}


class AlertPublisher:
    def __init__(self, *, store: EventStore) -> None:
        self.store = store
        self.published = 0

    async def evaluate(self, conn: AsyncConnection, *, team_id: str, as_of: date) -> None:
        facts = await load_team_facts(conn, team_id=team_id, as_of=as_of)
        if facts is None:
            return
        risk = burnout_risk(facts, as_of)
        if risk.level is None:
            return
        state = (
            await conn.execute(
                select(alert_levels).where(alert_levels.c.team_id == team_id).with_for_update()
            )
        ).one_or_none()
        previous = state.level if state else None
        sent = state.alerts_sent if state else 0
        rose = RANK[risk.level] > RANK[previous] and RANK[risk.level] >= RANK["moderate"]
        if rose:
            org_id = (
                await conn.execute(select(teams.c.org_id).where(teams.c.team_id == team_id))
            ).scalar_one()
            top = sorted(
                (d for d in risk.drivers if d.contribution),
                key=lambda d: (-(d.contribution or 0), d.name),
            )[:3]
            await self.store.append(
                conn,
                stream_id=f"alerts-{team_id}",
                stream_type="team_alerts",
                expected_version=sent,
                events=[
                    BurnoutRiskRose(
                        team_id=team_id,
                        org_id=org_id,
                        from_level=previous,
                        to_level=risk.level,
                        risk=risk.value or 0.0,
                        as_of=as_of,
                        top_drivers=[
                            DriverSummary(driver=d.name, contribution=d.contribution or 0.0)
                            for d in top
                        ],
                    )
                ],
                context=EventContext(tenant_id=org_id, actor=None),
                now=datetime.now(UTC),
            )
            await conn.execute(
                insert(alert_ledger)
                .values(
                    team_id=team_id,
                    trigger=f"{previous}->{risk.level}@{as_of.isoformat()}#{sent + 1}",
                    level=risk.level,
                    sent_at=datetime.now(UTC),
                )
                .on_conflict_do_nothing()
            )
            sent += 1
            self.published += 1
        if risk.level != previous or rose:
            stmt = insert(alert_levels).values(team_id=team_id, level=risk.level, alerts_sent=sent)
            await conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=[alert_levels.c.team_id],
                    set_={"level": stmt.excluded.level, "alerts_sent": stmt.excluded.alerts_sent},
                )
            )
