"""The dashboards' JSON, composed from team facts and the privacy rules."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import roster, team_changes, teams
from huddle_insights.application.facts import load_facts, load_team_facts
from huddle_insights.domain.facts import TeamFacts
from huddle_insights.domain.indices import (
    COMPETENCIES,
    PULSE,
    burnout_risk,
    charter_completeness,
    charter_freshness,
    collaboration,
    competencies,
    morale,
)
from huddle_insights.domain.privacy import measure, safe_breakdown
from huddle_shared.errors import NotFound

LOW_PARTICIPATION = 0.6
TIMELINE_DAYS = 365


def participation(facts: TeamFacts) -> dict[str, Any] | None:
    if not facts.campaigns:
        return None
    latest = facts.campaigns[-1]
    rate = latest.participation
    return {
        "campaign_id": latest.campaign_id,
        "eligible": latest.eligible,
        "responded": latest.responded,
        "rate": round(rate, 3) if rate is not None else None,
        "warning": "below 60 %: results may not represent the team"
        if rate is not None and rate < LOW_PARTICIPATION
        else None,
    }


def team_summary(facts: TeamFacts, as_of: date) -> dict[str, Any]:
    mood = morale(facts)
    collab = collaboration(facts, as_of)
    risk = burnout_risk(facts, as_of)
    return {
        "team_id": facts.team_id,
        "name": facts.name,
        "morale": mood.as_json(),
        "collaboration": {"value": collab["value"], "level": collab["level"]},
        "burnout_risk": {
            "value": risk.value,
            "level": risk.level,
            "confidence": risk.confidence,
            "reason": risk.reason,
        },
        "participation": participation(facts),
    }


async def _facts(conn: AsyncConnection, team_id: str, as_of: date) -> TeamFacts:
    facts = await load_team_facts(conn, team_id=team_id, as_of=as_of)
    if facts is None:
        raise NotFound("No such team")
    return facts


async def team_dashboard(conn: AsyncConnection, *, team_id: str, as_of: date) -> dict[str, Any]:
    facts = await _facts(conn, team_id, as_of)
    collab = collaboration(facts, as_of)
    risk = burnout_risk(facts, as_of)
    roles = (
        await conn.execute(
            select(roster.c.role).where(roster.c.team_id == team_id).order_by(roster.c.role)
        )
    ).scalars()
    changes = (
        await conn.execute(
            select(team_changes)
            .where(
                team_changes.c.team_id == team_id,
                team_changes.c.effective_date <= as_of,
                team_changes.c.effective_date > as_of - timedelta(days=TIMELINE_DAYS),
            )
            .order_by(team_changes.c.effective_date, team_changes.c.version)
        )
    ).all()
    charter = facts.charter
    return {
        "team_id": team_id,
        "name": facts.name,
        "as_of": as_of.isoformat(),
        "morale": morale(facts).as_json(),
        "morale_by_group": _morale_breakdown(facts),
        "collaboration": collab,
        "burnout_risk": risk.as_json(),
        "participation": participation(facts),
        "roster": {
            "members": facts.members,
            "by_profession": dict(
                sorted(Counter(p or "unknown" for p in facts.professions).items())
            ),
            "by_team_role": dict(sorted(Counter(roles).items())),
            "professions": len({p for p in facts.professions if p}),
        },
        "role_changes": [
            {
                "user_id": c.user_id,
                "change": c.kind,
                "from_role": c.from_role,
                "to_role": c.to_role,
                "effective_date": c.effective_date.isoformat(),
                "reason": c.reason,
            }
            for c in changes
        ],
        "charter": None
        if charter is None
        else {
            "completeness": charter_completeness(facts),
            "freshness": charter_freshness(facts, as_of),
            "days_since_last_review": (as_of - charter.last_touched).days,
            "review_cadence_days": charter.cadence_days,
            "overdue": (as_of - charter.last_touched).days > charter.cadence_days,
            "goals_by_status": charter.goals_by_status,
        },
        "competencies": competencies(facts),
    }


def _morale_breakdown(facts: TeamFacts) -> dict[str, Any]:
    pulses = facts.of_kind(PULSE)
    if not pulses:
        return {"suppressed": True, "reason": "no team pulse campaign yet", "groups": None}
    latest = pulses[-1]
    groups: dict[str, list[float]] = defaultdict(list)
    for s in latest.scores:
        if s.index is not None:
            groups[s.group].append(s.index)
    shown = safe_breakdown(groups, latest.min_group_size)
    if shown is None:
        return {
            "suppressed": True,
            "reason": "a breakdown would expose a group smaller than the minimum",
            "groups": None,
        }
    return {
        "suppressed": False,
        "reason": None,
        "groups": {g: m.as_json() for g, m in shown.items()},
    }


async def org_team_ids(conn: AsyncConnection, org_id: str) -> list[str]:
    rows = await conn.execute(
        select(teams.c.team_id)
        .where(teams.c.org_id == org_id, teams.c.archived.is_(False))
        .order_by(teams.c.name, teams.c.team_id)
    )
    return list(rows.scalars())


async def org_dashboard(conn: AsyncConnection, *, org_id: str, as_of: date) -> dict[str, Any]:
    summaries = []
    morale_means: list[float] = []
    team_ids = await org_team_ids(conn, org_id)
    all_facts = await load_facts(conn, team_ids=team_ids, as_of=as_of)
    for team_id in team_ids:
        facts = all_facts[team_id]
        summary = team_summary(facts, as_of)
        summaries.append(summary)
        # Organisation figures combine only teams whose own figure is shown: otherwise the
        # total minus the shown teams would reveal a suppressed one.
        value = summary["morale"]["value"]
        if value is not None:
            morale_means.append(value)
    levels = Counter(s["burnout_risk"]["level"] or "unknown" for s in summaries)
    return {
        "org_id": org_id,
        "as_of": as_of.isoformat(),
        "teams": summaries,
        "organisation": {
            "teams": len(summaries),
            "morale_mean_of_shown_teams": round(sum(morale_means) / len(morale_means), 1)
            if morale_means
            else None,
            "teams_by_burnout_risk": dict(sorted(levels.items())),
        },
    }


async def heatmap(conn: AsyncConnection, *, org_id: str, as_of: date) -> dict[str, Any]:
    rows = []
    team_ids = await org_team_ids(conn, org_id)
    all_facts = await load_facts(conn, team_ids=team_ids, as_of=as_of)
    for team_id in team_ids:
        facts = all_facts[team_id]
        rows.append({"team_id": team_id, "name": facts.name, "cells": competencies(facts)})
    return {
        "org_id": org_id,
        "as_of": as_of.isoformat(),
        "competencies": list(COMPETENCIES),
        "teams": rows,
    }


async def trends(
    conn: AsyncConnection, *, team_id: str, metric: str, start: date, end: date
) -> dict[str, Any]:
    """One point per closed campaign in the window, computed from what was known then."""
    facts = await _facts(conn, team_id, end)
    points = []
    for campaign in facts.campaigns:
        day = campaign.closed_at.date()
        if not start <= day <= end:
            continue
        if metric == "morale" and campaign.kind != PULSE:
            continue
        then = await _facts(conn, team_id, day)
        if metric == "morale":
            m = measure(
                [s.index for s in campaign.scores if s.index is not None], campaign.min_group_size
            )
            point: dict[str, Any] = m.as_json()
        elif metric == "collaboration":
            collab = collaboration(then, day)
            point = {"value": collab["value"], "suppressed": False, "reason": None}
        else:
            risk = burnout_risk(then, day)
            point = {
                "value": risk.value,
                "level": risk.level,
                "suppressed": risk.value is None,
                "reason": risk.reason,
            }
        points.append({"campaign_id": campaign.campaign_id, "date": day.isoformat(), **point})
    return {"team_id": team_id, "metric": metric, "points": points}
