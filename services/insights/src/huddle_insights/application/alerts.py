"""Alerts: one event on insights.alerts.v1 each time a team's burnout-risk level changes.

A rise, a lowering (high to moderate) and a resolution (back to low after moderate or high)
each publish their event, with the confidence and every driver. Only a risk with evidence
counts (``Risk.alertable``: a level resting on at least two survey-based drivers): a new team
with no members and no survey, or a score made of structure alone, neither raises nor lowers
anything. Risk is evaluated after every batch for the teams it touched, and on a schedule for
every team (``reevaluate_all``), since time alone changes it: a charter going stale has no
event.

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
from huddle_shared.contracts.insights import (
    BurnoutRiskLowered,
    BurnoutRiskResolved,
    BurnoutRiskRose,
    DriverSummary,
)
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
        deadlock), each change is appended to its team's alert stream with a ledger row, and the
        levels that changed are written with one statement.
        """
        risks = await _risks(conn, as_of)
        if not risks:
            return
        states = await _lock_levels(conn, list(risks))
        changing = [t for t, risk in risks.items() if change_of(_level_of(states, t), risk.level)]
        orgs = await _orgs_of(conn, changing) if changing else {}
        ledger: list[dict[str, object]] = []
        levels: list[dict[str, object]] = []
        for team_id, risk in risks.items():
            state = states.get(team_id)
            previous = state.level if state else None
            sent = state.alerts_sent if state else 0
            change = change_of(previous, risk.level)
            if change is not None:
                made = _Change(change, team_id, orgs[team_id], previous, risk, as_of[team_id], sent)
                await self._publish(conn, made)
                ledger.append(made.ledger_row())
                sent += 1
            if risk.level != previous or change is not None:
                levels.append({"team_id": team_id, "level": risk.level, "alerts_sent": sent})
        await _store(conn, ledger, levels)

    async def reevaluate_all(self, conn: AsyncConnection, *, as_of: date) -> int:
        """Evaluate every active team as of ``as_of`` (the schedule's run); returns how many.

        Archived teams are left out: time passing over a team that no longer works together is
        not news, and its charter going stale must not raise an alert.
        """
        team_ids = [
            r.team_id
            for r in await conn.execute(
                select(teams.c.team_id).where(teams.c.archived.is_(False)).order_by(teams.c.team_id)
            )
        ]
        for start in range(0, len(team_ids), 500):
            chunk = team_ids[start : start + 500]
            await self.evaluate_many(conn, dict.fromkeys(chunk, as_of))
        return len(team_ids)

    async def _publish(self, conn: AsyncConnection, change: _Change) -> None:
        """One event on the team's alert stream, with every driver and the three largest."""
        risk = change.risk
        summaries = [
            DriverSummary(
                driver=d.name, contribution=d.contribution or 0.0, value=d.value, status=d.status
            )
            for d in risk.drivers
        ]
        top = sorted(
            (s for s in summaries if s.contribution),
            key=lambda s: (-s.contribution, s.driver),
        )[:3]
        event = EVENTS[change.kind](
            team_id=change.team_id,
            org_id=change.org_id,
            from_level=change.previous,
            to_level=risk.level or "low",
            risk=risk.value or 0.0,
            as_of=change.day,
            confidence=risk.confidence,
            top_drivers=top,
            drivers=summaries,
        )
        await self.store.append(
            conn,
            stream_id=f"alerts-{change.team_id}",
            stream_type="team_alerts",
            expected_version=change.sent,
            events=[event],
            context=EventContext(tenant_id=change.org_id, actor=None),
            now=datetime.now(UTC),
        )
        self.published += 1


EVENTS = {"rose": BurnoutRiskRose, "lowered": BurnoutRiskLowered, "resolved": BurnoutRiskResolved}


@dataclass(frozen=True, slots=True)
class _Change:
    """A team whose risk level changed: how, from what, to what, as of which day, after how many."""

    kind: str  # rose, lowered or resolved
    team_id: str
    org_id: str
    previous: str | None
    risk: Risk
    day: date
    sent: int  # alerts sent for the team before this one

    def ledger_row(self) -> dict[str, object]:
        return {
            "team_id": self.team_id,
            "trigger": f"{self.kind}:{self.previous}->{self.risk.level}"
            f"@{self.day.isoformat()}#{self.sent + 1}",
            "level": self.risk.level,
            "sent_at": datetime.now(UTC),
        }


async def _risks(conn: AsyncConnection, as_of: Mapping[str, date]) -> dict[str, Risk]:
    """The risk of each team with enough evidence to alert on, in team order."""
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
        if risk.alertable:
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


def change_of(previous: str | None, level: str | None) -> str | None:
    """What a level change from ``previous`` to ``level`` publishes, if anything."""
    if RANK[level] > RANK[previous] and RANK[level] >= RANK["moderate"]:
        return "rose"
    if previous == "high" and level == "moderate":
        return "lowered"
    if RANK[previous] >= RANK["moderate"] and level == "low":
        return "resolved"
    return None
