"""Use cases for campaigns and responses."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.adapters.tables import (
    campaign_comments,
    campaign_eligibility,
    campaigns,
    known_teams,
    people,
    respondent_links,
    responses,
    team_members,
)
from huddle_assessments.application.deps import Assessments
from huddle_assessments.application.instruments import visible_instrument
from huddle_assessments.domain import campaign as domain
from huddle_assessments.domain.campaign import Campaign
from huddle_assessments.projections.directory import link_hash
from huddle_shared.aio import sleep_or_stop
from huddle_shared.commands import execute
from huddle_shared.contracts.assessments import Anonymity
from huddle_shared.errors import Conflict, NotFound
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventContext, RecordedEvent
from huddle_shared.http import check_if_match

COMMENT_THRESHOLD = 10
OTHER_GROUP = "other"
logger = logging.getLogger("huddle.assessments.campaigns")


@dataclass(frozen=True)
class CampaignRequest:
    team_id: str
    instrument_id: str
    title: str | None
    opens_at: datetime | None
    closes_at: datetime
    anonymity: Anonymity
    min_group_size: int


def fold(events: list[RecordedEvent], state: Campaign | None = None) -> Campaign | None:
    for r in events:
        state = domain.evolve(state, r.payload, version=r.version)
    return state


async def load_campaign(
    conn: AsyncConnection, deps: Assessments, *, campaign_id: str, org_id: str
) -> Campaign:
    campaign = fold(await deps.store.load(conn, campaign_id, tenant_id=org_id))
    if campaign is None:
        raise NotFound("No such campaign")
    return campaign


def respondent_groups(professions: Mapping[str, str | None], min_group_size: int) -> dict[str, str]:
    """A person's group is their profession only if enough eligible people share it.

    Smaller professions are merged into ``other`` before anything leaves the service, so a
    lone pharmacist's scores never travel labelled as the pharmacist's.
    """
    counts = Counter(p for p in professions.values() if p)
    return {
        user: prof if prof and counts[prof] >= min_group_size else OTHER_GROUP
        for user, prof in professions.items()
    }


async def _eligible_professions(conn: AsyncConnection, team_id: str) -> dict[str, str | None]:
    rows = await conn.execute(
        select(team_members.c.user_id, people.c.profession, people.c.status)
        .select_from(team_members.outerjoin(people, people.c.user_id == team_members.c.user_id))
        .where(team_members.c.team_id == team_id)
    )
    return {r.user_id: r.profession for r in rows if r.status not in ("deactivated", "erased")}


async def open_campaign(
    conn: AsyncConnection,
    deps: Assessments,
    *,
    request: CampaignRequest,
    context: EventContext,
    now: datetime,
) -> Campaign:
    org_id = context.tenant_id
    team = (
        await conn.execute(
            select(known_teams).where(
                known_teams.c.team_id == request.team_id, known_teams.c.org_id == org_id
            )
        )
    ).one_or_none()
    if team is None:
        raise NotFound("No such team (or it has not reached assessments yet)")
    if team.archived:
        raise Conflict("The team is archived")
    definition, _, _ = await visible_instrument(
        conn, instrument_id=request.instrument_id, org_id=org_id
    )
    professions = await _eligible_professions(conn, request.team_id)
    campaign_id = str(uuid.uuid4())
    events = domain.decide_open_campaign(
        None,
        domain.OpenCampaign(
            campaign_id=campaign_id,
            org_id=org_id,
            team_id=request.team_id,
            instrument_id=request.instrument_id,
            instrument_kind=definition.kind,
            title=request.title or definition.title,
            opens_at=request.opens_at or now,
            closes_at=request.closes_at,
            anonymity=request.anonymity,
            min_group_size=request.min_group_size,
            eligible_count=len(professions),
            actor=context.actor or "system",
        ),
        now,
    )
    campaign = await _append(conn, deps, None, campaign_id, events, context, now)
    await conn.execute(
        insert(campaigns).values(
            campaign_id=campaign.id,
            org_id=org_id,
            team_id=campaign.team_id,
            instrument_id=campaign.instrument_id,
            instrument_kind=campaign.instrument_kind.value,
            title=campaign.title,
            opens_at=campaign.opens_at,
            closes_at=campaign.closes_at,
            anonymity=campaign.anonymity.value,
            min_group_size=campaign.min_group_size,
            eligible_count=campaign.eligible_count,
            responded_count=0,
            created_at=now,
            version=campaign.version,
        )
    )
    groups = respondent_groups(professions, campaign.min_group_size)
    if groups:
        await conn.execute(
            insert(campaign_eligibility),
            [
                {"campaign_id": campaign_id, "user_id": u, "respondent_group": g}
                for u, g in groups.items()
            ],
        )
    return campaign


async def _locked_row(conn: AsyncConnection, campaign_id: str) -> Any:
    # The row lock serialises responses and settings changes of one campaign, so "no response
    # yet" cannot change between the check and the write.
    return (
        await conn.execute(
            select(campaigns).where(campaigns.c.campaign_id == campaign_id).with_for_update()
        )
    ).one()


async def change_settings(
    conn: AsyncConnection,
    deps: Assessments,
    *,
    campaign_id: str,
    anonymity: Anonymity | None,
    min_group_size: int | None,
    context: EventContext,
    if_match: str | None,
    now: datetime,
) -> Campaign:
    campaign = await load_campaign(conn, deps, campaign_id=campaign_id, org_id=context.tenant_id)
    check_if_match(if_match, campaign.version)
    row = await _locked_row(conn, campaign_id)
    events = domain.decide_change_settings(
        campaign,
        domain.ChangeSettings(
            anonymity=anonymity or campaign.anonymity,
            min_group_size=min_group_size or campaign.min_group_size,
            responses_so_far=row.responded_count,
            actor=context.actor or "system",
        ),
        now,
    )
    campaign = await _append(conn, deps, campaign, campaign_id, events, context, now)
    await conn.execute(
        update(campaigns)
        .where(campaigns.c.campaign_id == campaign_id)
        .values(
            anonymity=campaign.anonymity.value,
            min_group_size=campaign.min_group_size,
            version=campaign.version,
        )
    )
    eligible = await conn.execute(
        select(campaign_eligibility.c.user_id, people.c.profession)
        .select_from(
            campaign_eligibility.outerjoin(
                people, people.c.user_id == campaign_eligibility.c.user_id
            )
        )
        .where(campaign_eligibility.c.campaign_id == campaign_id)
    )
    groups = respondent_groups({r.user_id: r.profession for r in eligible}, campaign.min_group_size)
    for user_id, group in groups.items():
        await conn.execute(
            update(campaign_eligibility)
            .where(
                campaign_eligibility.c.campaign_id == campaign_id,
                campaign_eligibility.c.user_id == user_id,
            )
            .values(respondent_group=group)
        )
    return campaign


async def close_campaign(
    conn: AsyncConnection,
    deps: Assessments,
    *,
    campaign_id: str,
    context: EventContext,
    if_match: str | None,
    now: datetime,
) -> Campaign:
    campaign = await load_campaign(conn, deps, campaign_id=campaign_id, org_id=context.tenant_id)
    check_if_match(if_match, campaign.version)
    row = await _locked_row(conn, campaign_id)
    events = domain.decide_close_campaign(
        campaign,
        domain.CloseCampaign(responded_count=row.responded_count, actor=context.actor),
        now,
    )
    campaign = await _append(conn, deps, campaign, campaign_id, events, context, now)
    await conn.execute(
        update(campaigns)
        .where(campaigns.c.campaign_id == campaign_id)
        .values(closed_at=campaign.closed_at, version=campaign.version)
    )
    return campaign


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
        context = EventContext(tenant_id=org_id, actor=None)

        async def run(
            conn: AsyncConnection, cid: str = campaign_id, ctx: EventContext = context
        ) -> Any:
            await close_campaign(
                conn, deps, campaign_id=cid, context=ctx, if_match=None, now=deps.clock()
            )

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


async def submit_response(
    conn: AsyncConnection,
    deps: Assessments,
    *,
    campaign_id: str,
    user_id: str,
    answers: Mapping[str, object],
    comment: str | None,
    context: EventContext,
    now: datetime,
) -> tuple[str, dict[str, Any]]:
    campaign = await load_campaign(conn, deps, campaign_id=campaign_id, org_id=context.tenant_id)
    definition, _, _ = await visible_instrument(
        conn, instrument_id=campaign.instrument_id, org_id=context.tenant_id
    )
    row = await _locked_row(conn, campaign_id)
    eligibility = (
        await conn.execute(
            select(campaign_eligibility.c.respondent_group).where(
                campaign_eligibility.c.campaign_id == campaign_id,
                campaign_eligibility.c.user_id == user_id,
            )
        )
    ).one_or_none()
    link = link_hash(deps.link_key, campaign_id, user_id)
    already = (
        await conn.execute(
            select(respondent_links.c.link_hash).where(respondent_links.c.link_hash == link)
        )
    ).first() is not None
    response_id = str(uuid.uuid4())
    event = domain.decide_record_response(
        campaign,
        definition,
        domain.SubmitResponse(
            response_id=response_id,
            respondent_ref=str(uuid.uuid4()),
            respondent_group=eligibility.respondent_group if eligibility else OTHER_GROUP,
            answers=answers,
            is_eligible=eligibility is not None,
            already_responded=already,
        ),
        now,
    )
    # The response is its own stream: many people answer at once without contending.
    await deps.store.append(
        conn,
        stream_id=response_id,
        stream_type="response",
        expected_version=0,
        events=[event],
        context=EventContext(
            tenant_id=context.tenant_id,
            actor=None,  # the stored event must not name the respondent either
            correlation_id=context.correlation_id,
            trace_headers=context.trace_headers,
        ),
        now=now,
    )
    scores = event.scores.model_dump(mode="json")
    await conn.execute(
        insert(responses).values(
            response_id=response_id,
            campaign_id=campaign_id,
            respondent_ref=event.respondent_ref,
            answers=dict(answers),
            scores=scores,
            comment=comment,
            recorded_at=event.recorded_at,
        )
    )
    await conn.execute(
        insert(respondent_links).values(
            link_hash=link, campaign_id=campaign_id, response_id=response_id
        )
    )
    if comment:
        await conn.execute(
            insert(campaign_comments).values(
                comment_id=str(uuid.uuid4()), campaign_id=campaign_id, text=comment
            )
        )
    await conn.execute(
        update(campaigns)
        .where(campaigns.c.campaign_id == campaign_id)
        .values(responded_count=row.responded_count + 1)
    )
    return response_id, scores


async def own_response(
    conn: AsyncConnection, deps: Assessments, *, campaign_id: str, user_id: str
) -> Any:
    link = link_hash(deps.link_key, campaign_id, user_id)
    return (
        await conn.execute(
            select(responses)
            .select_from(
                respondent_links.join(
                    responses, responses.c.response_id == respondent_links.c.response_id
                )
            )
            .where(respondent_links.c.link_hash == link)
        )
    ).one_or_none()


async def comments(conn: AsyncConnection, *, campaign_id: str, responded: int) -> list[str] | None:
    """The comments, or None while fewer than ten people have responded."""
    if responded < COMMENT_THRESHOLD:
        return None
    rows = await conn.execute(
        select(campaign_comments.c.text)
        .where(campaign_comments.c.campaign_id == campaign_id)
        # Random ids make a random order: the list says nothing about who answered when.
        .order_by(campaign_comments.c.comment_id)
    )
    return [r.text for r in rows]


async def _append(
    conn: AsyncConnection,
    deps: Assessments,
    state: Campaign | None,
    campaign_id: str,
    events: list[DomainEvent],
    context: EventContext,
    now: datetime,
) -> Campaign:
    recorded = await deps.store.append(
        conn,
        stream_id=campaign_id,
        stream_type="campaign",
        expected_version=state.version if state else 0,
        events=events,
        context=context,
        now=now,
    )
    updated = fold(recorded, state)
    assert updated is not None
    return updated
