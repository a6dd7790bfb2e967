"""Loading a team's facts as of a date from the read models (the only I/O of the indices)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import (
    campaigns,
    charter_events,
    goals,
    people,
    responses,
    roster,
    team_changes,
    teams,
)
from huddle_insights.domain.facts import CampaignResult, Charter, Score, TeamFacts


def end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)


async def load_team_facts(conn: AsyncConnection, *, team_id: str, as_of: date) -> TeamFacts | None:
    team = (await conn.execute(select(teams).where(teams.c.team_id == team_id))).one_or_none()
    if team is None:
        return None
    members = (
        await conn.execute(
            select(roster.c.user_id, people.c.profession)
            .select_from(roster.outerjoin(people, people.c.user_id == roster.c.user_id))
            .where(roster.c.team_id == team_id)
            .order_by(roster.c.user_id)
        )
    ).all()
    churn = (
        await conn.execute(
            select(team_changes.c.effective_date)
            .where(
                team_changes.c.team_id == team_id,
                team_changes.c.kind.in_(("role_changed", "left")),
                team_changes.c.effective_date <= as_of,
            )
            .order_by(team_changes.c.effective_date)
        )
    ).scalars()
    charter = await _charter(conn, team_id, as_of, team.review_cadence_days)
    closed = (
        await conn.execute(
            select(campaigns)
            .where(
                campaigns.c.team_id == team_id,
                campaigns.c.closed_at.is_not(None),
                campaigns.c.closed_at < end_of(as_of),
            )
            .order_by(campaigns.c.closed_at, campaigns.c.campaign_id)
        )
    ).all()
    by_campaign: dict[str, list[Score]] = defaultdict(list)
    if closed:
        rows = await conn.execute(
            select(responses)
            .where(responses.c.campaign_id.in_([c.campaign_id for c in closed]))
            .order_by(responses.c.response_id)
        )
        for r in rows:
            by_campaign[r.campaign_id].append(
                Score(
                    overall=r.overall,
                    index=r.score_index,
                    subscales=dict(r.subscales),
                    flags=dict(r.flags),
                    group=r.respondent_group,
                )
            )
    return TeamFacts(
        team_id=team_id,
        name=team.name,
        members=len(members),
        professions=tuple(m.profession for m in members),
        churn_dates=tuple(churn),
        charter=charter,
        campaigns=tuple(
            CampaignResult(
                campaign_id=c.campaign_id,
                kind=c.kind,
                title=c.title,
                closed_at=c.closed_at,
                min_group_size=c.min_group_size,
                eligible=c.eligible_count,
                scores=tuple(by_campaign[c.campaign_id]),
            )
            for c in closed
        ),
    )


async def _charter(
    conn: AsyncConnection, team_id: str, as_of: date, cadence_days: int
) -> Charter | None:
    revised = (
        await conn.execute(
            select(charter_events)
            .where(
                charter_events.c.team_id == team_id,
                charter_events.c.kind == "revised",
                charter_events.c.on_date <= as_of,
            )
            .order_by(charter_events.c.version.desc())
            .limit(1)
        )
    ).one_or_none()
    if revised is None:
        return None
    last_touched = (
        await conn.execute(
            select(func.max(charter_events.c.on_date)).where(
                charter_events.c.team_id == team_id, charter_events.c.on_date <= as_of
            )
        )
    ).scalar_one()
    statuses = (
        await conn.execute(
            select(goals.c.status, func.count())
            .where(goals.c.team_id == team_id)
            .group_by(goals.c.status)
            .order_by(goals.c.status)
        )
    ).all()
    return Charter(
        has_vision=bool(revised.has_vision),
        goals=revised.goals or 0,
        norms=revised.norms or 0,
        roles=revised.roles or 0,
        last_touched=last_touched,
        cadence_days=cadence_days,
        goals_by_status={s: int(n) for s, n in statuses},
    )
