"""Loading teams' facts as of a date from the read models (the only I/O of the indices).

One query per table for any number of teams: an organisation's dashboard costs the same handful
of round trips whether it has three teams or three hundred.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

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
    return (await load_facts(conn, team_ids=[team_id], as_of=as_of)).get(team_id)


async def load_facts(
    conn: AsyncConnection, *, team_ids: Sequence[str], as_of: date | Mapping[str, date]
) -> dict[str, TeamFacts]:
    """Each team's facts as of ``as_of``: one date for all, or a date per team.

    With a date per team the queries read up to the latest of them and each team's rows are
    cut at its own date here, so many teams still cost one query per table.
    """
    ids = list(team_ids)
    if not ids:
        return {}
    if isinstance(as_of, date):
        days = dict.fromkeys(ids, as_of)
    else:
        days = dict(as_of)
        ids = [i for i in ids if i in days]
        if not ids:
            return {}
    day_of = days.__getitem__
    latest = max(days[i] for i in ids)
    found = {
        r.team_id: r for r in await conn.execute(select(teams).where(teams.c.team_id.in_(ids)))
    }
    if not found:
        return {}
    ids = [i for i in ids if i in found]

    professions: dict[str, list[str | None]] = defaultdict(list)
    for member in await conn.execute(
        select(roster.c.team_id, roster.c.user_id, people.c.profession)
        .select_from(roster.outerjoin(people, people.c.user_id == roster.c.user_id))
        .where(roster.c.team_id.in_(ids))
        .order_by(roster.c.team_id, roster.c.user_id)
    ):
        professions[member.team_id].append(member.profession)

    churn: dict[str, list[date]] = defaultdict(list)
    for change in await conn.execute(
        select(team_changes.c.team_id, team_changes.c.effective_date)
        .where(
            team_changes.c.team_id.in_(ids),
            team_changes.c.kind.in_(("role_changed", "left")),
            team_changes.c.effective_date <= latest,
        )
        .order_by(team_changes.c.team_id, team_changes.c.effective_date)
    ):
        if change.effective_date <= day_of(change.team_id):
            churn[change.team_id].append(change.effective_date)

    cadence = {i: found[i].review_cadence_days for i in ids}
    charters = await _charters(conn, ids, latest, day_of, cadence)
    results = await _campaigns(conn, ids, latest, day_of)
    return {
        team_id: TeamFacts(
            team_id=team_id,
            name=found[team_id].name,
            members=len(professions[team_id]),
            professions=tuple(professions[team_id]),
            churn_dates=tuple(churn[team_id]),
            charter=charters.get(team_id),
            campaigns=tuple(results[team_id]),
        )
        for team_id in ids
    }


async def _charters(
    conn: AsyncConnection,
    ids: list[str],
    latest: date,
    day_of: Callable[[str], date],
    cadence: dict[str, int],
) -> dict[str, Charter]:
    latest_revision: dict[str, Any] = {}
    last_touched: dict[str, date] = {}
    for r in await conn.execute(
        select(charter_events)
        .where(charter_events.c.team_id.in_(ids), charter_events.c.on_date <= latest)
        .order_by(charter_events.c.team_id, charter_events.c.version)
    ):
        if r.on_date > day_of(r.team_id):
            continue
        if r.kind == "revised":
            latest_revision[r.team_id] = r
        last_touched[r.team_id] = max(last_touched.get(r.team_id, r.on_date), r.on_date)
    statuses: dict[str, dict[str, int]] = defaultdict(dict)
    for r in await conn.execute(
        select(goals.c.team_id, goals.c.status, func.count().label("n"))
        .where(goals.c.team_id.in_(list(latest_revision)))
        .group_by(goals.c.team_id, goals.c.status)
        .order_by(goals.c.team_id, goals.c.status)
    ):
        statuses[r.team_id][r.status] = int(r.n)
    charters = {}
    for team_id, revised in latest_revision.items():
        charters[team_id] = Charter(
            has_vision=bool(revised.has_vision),
            goals=revised.goals or 0,
            norms=revised.norms or 0,
            roles=revised.roles or 0,
            last_touched=last_touched[team_id],
            cadence_days=cadence[team_id],
            goals_by_status=statuses[team_id],
        )
    return charters


async def _campaigns(
    conn: AsyncConnection, ids: list[str], latest: date, day_of: Callable[[str], date]
) -> dict[str, list[CampaignResult]]:
    closed = [
        c
        for c in await conn.execute(
            select(campaigns)
            .where(
                campaigns.c.team_id.in_(ids),
                campaigns.c.closed_at.is_not(None),
                campaigns.c.closed_at < end_of(latest),
            )
            .order_by(campaigns.c.closed_at, campaigns.c.campaign_id)
        )
        if c.closed_at < end_of(day_of(c.team_id))
    ]
    scores = await _scores(conn, [c.campaign_id for c in closed])
    by_team: dict[str, list[CampaignResult]] = defaultdict(list)
    for c in closed:
        by_team[c.team_id].append(_result(c, scores[c.campaign_id]))
    return by_team


@dataclass(frozen=True)
class ClosedCampaign:
    """A closed campaign's result with the team and organisation it belongs to."""

    org_id: str
    team_id: str
    result: CampaignResult


async def load_closed_campaigns(
    conn: AsyncConnection, campaign_ids: Sequence[str]
) -> dict[str, ClosedCampaign]:
    """The given campaigns that the read models know as closed, each with all its responses."""
    if not campaign_ids:
        return {}
    closed = (
        await conn.execute(
            select(campaigns)
            .where(
                campaigns.c.campaign_id.in_(list(campaign_ids)),
                campaigns.c.closed_at.is_not(None),
            )
            .order_by(campaigns.c.campaign_id)
        )
    ).all()
    scores = await _scores(conn, [c.campaign_id for c in closed])
    return {
        c.campaign_id: ClosedCampaign(c.org_id, c.team_id, _result(c, scores[c.campaign_id]))
        for c in closed
    }


async def response_counts(conn: AsyncConnection, campaign_ids: Sequence[str]) -> dict[str, int]:
    """How many responses of each campaign the read models hold (absent: none)."""
    if not campaign_ids:
        return {}
    rows = await conn.execute(
        select(responses.c.campaign_id, func.count().label("n"))
        .where(responses.c.campaign_id.in_(list(campaign_ids)))
        .group_by(responses.c.campaign_id)
    )
    return {r.campaign_id: int(r.n) for r in rows}


async def _scores(conn: AsyncConnection, campaign_ids: list[str]) -> dict[str, list[Score]]:
    """Each respondent's scores per campaign, in response-id order (no identity, no time)."""
    scores: dict[str, list[Score]] = defaultdict(list)
    if not campaign_ids:
        return scores
    for r in await conn.execute(
        select(responses)
        .where(responses.c.campaign_id.in_(campaign_ids))
        .order_by(responses.c.response_id)
    ):
        scores[r.campaign_id].append(
            Score(
                overall=r.overall,
                index=r.score_index,
                subscales=dict(r.subscales),
                flags=dict(r.flags),
                group=r.respondent_group,
            )
        )
    return scores


def _result(c: Any, scores: list[Score]) -> CampaignResult:
    return CampaignResult(
        campaign_id=c.campaign_id,
        kind=c.kind,
        title=c.title,
        closed_at=c.closed_at,
        min_group_size=c.min_group_size,
        eligible=c.eligible_count,
        scores=tuple(scores),
    )
