"""Alerts: one event on insights.alerts.v1 each time a team's burnout-risk level rises.

The decision, the new level and the outbox row are written in the projection's batch
transaction, so a crash can neither lose an alert nor send it twice; the level lives outside
the rebuildable generations, so a rebuild (which runs without alerts) never repeats one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Row, select
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
        risks = await _risks(conn, as_of)
        if not risks:
            return
        states = await _lock_levels(conn, list(risks))
        rising = [t for t, risk in risks.items() if _rises(_level_of(states, t), risk.level)]
        orgs = await _orgs_of(conn, rising) if rising else {}
        ledger: list[dict[str, object]] = []
        levels: list[dict[str, object]] = []
        for team_id, risk in risks.items():
            state = states.get(team_id)
            previous = state.level if state else None
            sent = state.alerts_sent if state else 0
            rose = _rises(previous, risk.level)
            if rose:
                rise = _Rise(team_id, orgs[team_id], previous, risk, as_of[team_id], sent)
                await self._publish(conn, rise)
                ledger.append(rise.ledger_row())
                sent += 1
            if risk.level != previous or rose:
                levels.append({"team_id": team_id, "level": risk.level, "alerts_sent": sent})
        await _store(conn, ledger, levels)

    async def _publish(self, conn: AsyncConnection, rise: _Rise) -> None:
        """One BurnoutRiskRose on the team's alert stream, with its three largest drivers."""
        risk = rise.risk
        top = sorted(
            (d for d in risk.drivers if d.contribution),
            key=lambda d: (-(d.contribution or 0), d.name),
        )[:3]
        await self.store.append(
            conn,
            stream_id=f"alerts-{rise.team_id}",
            stream_type="team_alerts",
            expected_version=rise.sent,
            events=[
                BurnoutRiskRose(
                    team_id=rise.team_id,
                    org_id=rise.org_id,
                    from_level=rise.previous,
                    to_level=risk.level,
                    risk=risk.value or 0.0,
                    as_of=rise.day,
                    top_drivers=[
                        DriverSummary(driver=d.name, contribution=d.contribution or 0.0)
                        for d in top
                    ],
                )
            ],
            context=EventContext(tenant_id=rise.org_id, actor=None),
            now=datetime.now(UTC),
        )
        self.published += 1


@dataclass(frozen=True, slots=True)
class _Rise:
    """A team whose risk level rose: from what, to what, as of which day, after how many."""

    team_id: str
    org_id: str
    previous: str | None
    risk: Risk
    day: date
    sent: int  # alerts sent for the team before this one

    def ledger_row(self) -> dict[str, object]:
        return {
            "team_id": self.team_id,
            "trigger": f"{self.previous}->{self.risk.level}@{self.day.isoformat()}#{self.sent + 1}",
            "level": self.risk.level,
            "sent_at": datetime.now(UTC),
        }


async def _risks(conn: AsyncConnection, as_of: Mapping[str, date]) -> dict[str, Risk]:
    """The risk of each team that has a level, in team order."""
    team_ids = sorted(as_of)
    if not team_ids:
        return {}
    all_facts = await load_facts(conn, team_ids=team_ids, as_of=as_of)
    risks: dict[str, Risk] = {}
    for team_id in team_ids:
        facts = all_facts.get(team_id)
        if facts is None:
            continue
        risk = burnout_risk(facts, as_of[team_id])
        if risk.level is not None:
            risks[team_id] = risk
    return risks


async def _lock_levels(conn: AsyncConnection, team_ids: list[str]) -> dict[str, Row[Any]]:
    return {
        r.team_id: r
        for r in await conn.execute(
            select(alert_levels)
            .where(alert_levels.c.team_id.in_(team_ids))
            .order_by(alert_levels.c.team_id)
            .with_for_update()
        )
    }


def _level_of(states: Mapping[str, Row[Any]], team_id: str) -> str | None:
    state = states.get(team_id)
    return state.level if state else None


async def _orgs_of(conn: AsyncConnection, team_ids: list[str]) -> dict[str, str]:
    return {
        r.team_id: r.org_id
        for r in await conn.execute(
            select(teams.c.team_id, teams.c.org_id).where(teams.c.team_id.in_(team_ids))
        )
    }


async def _store(
    conn: AsyncConnection, ledger: list[dict[str, object]], levels: list[dict[str, object]]
) -> None:
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
