"""Answering a campaign: once per person, scored at once, never tied to the person.

The response is a stream of its own (many people answer at once without contending), recorded
with no actor. The person is linked to it only through a keyed hash (``respondent_links``), so
they can read their own answers and cannot answer twice, while nothing stored or published
names them. There is no idempotency record either: it would tie the request to the response.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.adapters.tables import (
    campaign_comments,
    campaign_eligibility,
    campaigns,
    respondent_links,
    responses,
)
from huddle_assessments.application import access
from huddle_assessments.application.campaigns import CAMPAIGN, OTHER_GROUP, locked_row
from huddle_assessments.application.deps import Assessments
from huddle_assessments.application.instruments import visible_instrument
from huddle_assessments.domain import campaign as domain
from huddle_assessments.projections.directory import link_hash
from huddle_shared.aggregates import Caller
from huddle_shared.contracts.assessments import ResponseRecorded
from huddle_shared.eventstore import EventContext


@dataclass(frozen=True)
class Answers:
    answers: Mapping[str, object]
    comment: str | None


async def submit_response(
    conn: AsyncConnection, deps: Assessments, *, campaign_id: str, answers: Answers, caller: Caller
) -> tuple[str, dict[str, Any]]:
    """Answer a campaign once; the response id and its scores."""
    access.ensure_person(caller.principal)
    org_id = caller.context.tenant_id
    user_id = caller.principal.subject
    campaign = await CAMPAIGN.load(conn, store=deps.store, stream_id=campaign_id, tenant_id=org_id)
    definition, _, _ = await visible_instrument(
        conn, instrument_id=campaign.instrument_id, org_id=org_id
    )
    row = await locked_row(conn, campaign_id)
    group = await _respondent_group(conn, campaign_id=campaign_id, user_id=user_id)
    link = link_hash(deps.link_key, campaign_id, user_id)
    response_id = str(uuid.uuid4())
    event = domain.decide_record_response(
        campaign,
        definition,
        domain.SubmitResponse(
            response_id=response_id,
            respondent_ref=str(uuid.uuid4()),
            respondent_group=group if group is not None else OTHER_GROUP,
            answers=answers.answers,
            is_eligible=group is not None,
            already_responded=await _has_responded(conn, link),
        ),
        caller.now,
    )
    await deps.store.append(
        conn,
        stream_id=response_id,
        stream_type="response",
        expected_version=0,
        events=[event],
        context=EventContext(
            tenant_id=org_id,
            actor=None,  # the stored event must not name the respondent either
            correlation_id=caller.context.correlation_id,
            trace_headers=caller.context.trace_headers,
        ),
        now=caller.now,
    )
    await _record(conn, event, campaign_id=campaign_id, link=link, answers=answers)
    await conn.execute(
        update(campaigns)
        .where(campaigns.c.campaign_id == campaign_id)
        .values(responded_count=row.responded_count + 1)
    )
    return response_id, event.scores.model_dump(mode="json")


async def _respondent_group(conn: AsyncConnection, *, campaign_id: str, user_id: str) -> str | None:
    """The person's respondent group, or None when they were not eligible at the opening."""
    group: str | None = (
        await conn.execute(
            select(campaign_eligibility.c.respondent_group).where(
                campaign_eligibility.c.campaign_id == campaign_id,
                campaign_eligibility.c.user_id == user_id,
            )
        )
    ).scalar_one_or_none()
    return group


async def _has_responded(conn: AsyncConnection, link: str) -> bool:
    query = select(respondent_links.c.link_hash).where(respondent_links.c.link_hash == link)
    return (await conn.execute(query)).first() is not None


async def _record(
    conn: AsyncConnection,
    event: ResponseRecorded,
    *,
    campaign_id: str,
    link: str,
    answers: Answers,
) -> None:
    await conn.execute(
        insert(responses).values(
            response_id=event.response_id,
            campaign_id=campaign_id,
            respondent_ref=event.respondent_ref,
            answers=dict(answers.answers),
            scores=event.scores.model_dump(mode="json"),
            comment=answers.comment,
            recorded_at=event.recorded_at,
        )
    )
    await conn.execute(
        insert(respondent_links).values(
            link_hash=link, campaign_id=campaign_id, response_id=event.response_id
        )
    )
    if answers.comment:
        await conn.execute(
            insert(campaign_comments).values(
                comment_id=str(uuid.uuid4()), campaign_id=campaign_id, text=answers.comment
            )
        )
