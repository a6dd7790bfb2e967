"""Alerts: one event on insights.alerts.v1 each time a team's burnout-risk level rises.

The decision, the new level and the outbox row are written in the projection's batch
transaction, so a crash can neither lose an alert nor send it twice; the level lives outside
the rebuildable generations, so a rebuild (which runs without alerts) never repeats one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import alert_ledger, alert_levels, teams
from huddle_insights.application.facts import load_facts
from huddle_insights.domain.indices import Risk, burnout_risk
from huddle_shared.contracts.insights import BurnoutRiskRose, DriverSummary
from huddle_shared.eventstore import EventContext, EventStore

RANK = {None: 0, "low": 1, "moderate": 2, "high": 3}


class AlertPublisher:
    def __init__(self, *, store: EventStore) -> None:
        self.store = store
        self.published = 0

    async def evaluate(self, conn: AsyncConnection, *, team_id: str, as_of: date) -> None:
        await self.evaluate_many(conn, {team_id: as_of})

    async def evaluate_many(self, conn: AsyncConnection, as_of: Mapping[str, date]) -> None:
        """Evaluate each team's risk as of its own date; publish the rises, keep the levels.

        The same decisions as evaluating the teams one at a time in team order, with one query
        per table for all of them: the levels are locked in team order (so two writers cannot
        deadlock), each rise is appended to its team's alert stream with a ledger row, and the
        levels that changed are written with one statement.
        """
        team_ids = sorted(as_of)
        if not team_ids:
            return
        all_facts = await load_facts(conn, team_ids=team_ids, as_of=as_of)
        risks: dict[str, Risk] = {}
        for team_id in team_ids:
            facts = all_facts.get(team_id)
            if facts is None:
                continue
            risk = burnout_risk(facts, as_of[team_id])
            if risk.level is not None:
                risks[team_id] = risk
        if not risks:
            return
        states = {
            r.team_id: r
            for r in await conn.execute(
                select(alert_levels)
                .where(alert_levels.c.team_id.in_(list(risks)))
                .order_by(alert_levels.c.team_id)
                .with_for_update()
            )
        }
        rising = [
            team_id
            for team_id, risk in risks.items()
            if _rises(states[team_id].level if team_id in states else None, risk.level)
        ]
        orgs: dict[str, str] = {}
        if rising:
            orgs = {
                r.team_id: r.org_id
                for r in await conn.execute(
                    select(teams.c.team_id, teams.c.org_id).where(teams.c.team_id.in_(rising))
                )
            }
        ledger: list[dict[str, object]] = []
        levels: list[dict[str, object]] = []
        for team_id, risk in risks.items():
            state = states.get(team_id)
            previous = state.level if state else None
            sent = state.alerts_sent if state else 0
            rose = _rises(previous, risk.level)
            day = as_of[team_id]
            if rose:
                org_id = orgs[team_id]
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
                            as_of=day,
                            top_drivers=[
                                DriverSummary(driver=d.name, contribution=d.contribution or 0.0)
                                for d in top
                            ],
                        )
                    ],
                    context=EventContext(tenant_id=org_id, actor=None),
                    now=datetime.now(UTC),
                )
                ledger.append(
                    {
                        "team_id": team_id,
                        "trigger": f"{previous}->{risk.level}@{day.isoformat()}#{sent + 1}",
                        "level": risk.level,
                        "sent_at": datetime.now(UTC),
                    }
                )
                sent += 1
                self.published += 1
            if risk.level != previous or rose:
                levels.append({"team_id": team_id, "level": risk.level, "alerts_sent": sent})
        if ledger:
            await conn.execute(insert(alert_ledger).on_conflict_do_nothing(), ledger)
        if levels:
            stmt = insert(alert_levels).values(levels)
            await conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=[alert_levels.c.team_id],
                    set_={"level": stmt.excluded.level, "alerts_sent": stmt.excluded.alerts_sent},
                )
            )


def _rises(previous: str | None, level: str | None) -> bool:
    return RANK[level] > RANK[previous] and RANK[level] >= RANK["moderate"]
