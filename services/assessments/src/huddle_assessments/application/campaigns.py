"""Use cases that change a campaign: open it, change its anonymity settings, close it.

A campaign is its own stream (``assessments.campaign.v1``); every change goes through
:meth:`huddle_shared.aggregates.Aggregate.change` on the caller's connection, inside the
transaction :func:`huddle_shared.commands.execute` opened, with the ``campaigns`` read model
and the respondent groups written in the same transaction. The caller is resolved first (404
for another organisation's campaign), then authorised, then the version is checked.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.adapters.tables import (
    campaign_eligibility,
    campaigns,
    known_teams,
    people,
    team_members,
)
from huddle_assessments.application import access
from huddle_assessments.application.deps import Assessments
from huddle_assessments.application.instruments import visible_instrument
from huddle_assessments.application.queries import CampaignView, campaign_view
from huddle_assessments.domain import campaign as domain
from huddle_assessments.domain.campaign import Campaign
from huddle_shared.aggregates import Aggregate, Caller
from huddle_shared.contracts.assessments import Anonymity
from huddle_shared.errors import Conflict, NotFound
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import RecordedEvent

OTHER_GROUP = "other"


def _evolve(state: Campaign | None, event: DomainEvent, _at: datetime, version: int) -> Campaign:
    return domain.evolve(state, event, version=version)


CAMPAIGN = Aggregate[Campaign](
    stream_type="campaign", evolve=_evolve, not_found=lambda: NotFound("No such campaign")
)


@dataclass(frozen=True)
class CampaignRequest:
    team_id: str
    instrument_id: str
    title: str | None
    opens_at: datetime | None
    closes_at: datetime
    anonymity: Anonymity
    min_group_size: int


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


async def locked_row(conn: AsyncConnection, campaign_id: str) -> Any:
    # The row lock serialises responses and settings changes of one campaign, so "no response
    # yet" cannot change between the check and the write.
    return (
        await conn.execute(
            select(campaigns).where(campaigns.c.campaign_id == campaign_id).with_for_update()
        )
    ).one()


# ---- open ----------------------------------------------------------------------------------


async def open_campaign(
    conn: AsyncConnection, deps: Assessments, *, request: CampaignRequest, caller: Caller
) -> CampaignView:
    """Open a campaign for a team (org admins and the team's clinical lead)."""
    access.ensure_person(caller.principal)
    await access.require_manager(conn, caller.principal, request.team_id)
    org_id = caller.context.tenant_id
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
            opens_at=request.opens_at or caller.now,
            closes_at=request.closes_at,
            anonymity=request.anonymity,
            min_group_size=request.min_group_size,
            eligible_count=len(professions),
            actor=caller.context.actor or "system",
        ),
        caller.now,
    )
    campaign, _ = await CAMPAIGN.create(
        conn,
        store=deps.store,
        stream_id=campaign_id,
        events=events,
        context=caller.context,
        now=caller.now,
    )
    await _insert_read_model(conn, campaign, org_id=org_id, now=caller.now)
    groups = respondent_groups(professions, campaign.min_group_size)
    if groups:
        await conn.execute(
            insert(campaign_eligibility),
            [
                {"campaign_id": campaign_id, "user_id": u, "respondent_group": g}
                for u, g in groups.items()
            ],
        )
    return await campaign_view(conn, campaign_id=campaign_id, org_id=org_id)


async def _insert_read_model(
    conn: AsyncConnection, campaign: Campaign, *, org_id: str, now: datetime
) -> None:
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


# ---- settings ------------------------------------------------------------------------------


async def change_settings(
    conn: AsyncConnection,
    deps: Assessments,
    *,
    campaign_id: str,
    anonymity: Anonymity | None,
    min_group_size: int | None,
    caller: Caller,
) -> CampaignView:
    """Change anonymity settings; refused (409) once the first response is in."""
    await _authorise_manager(conn, campaign_id=campaign_id, caller=caller)

    async def decide(campaign: Campaign) -> list[DomainEvent]:
        row = await locked_row(conn, campaign_id)
        return domain.decide_change_settings(
            campaign,
            domain.ChangeSettings(
                anonymity=anonymity or campaign.anonymity,
                min_group_size=min_group_size or campaign.min_group_size,
                responses_so_far=row.responded_count,
                actor=caller.context.actor or "system",
            ),
            caller.now,
        )

    await CAMPAIGN.change(
        conn,
        store=deps.store,
        stream_id=campaign_id,
        caller=caller,
        decide=decide,
        after_append=_settings_changed,
    )
    return await campaign_view(conn, campaign_id=campaign_id, org_id=caller.context.tenant_id)


async def _settings_changed(
    conn: AsyncConnection, campaign: Campaign, _recorded: list[RecordedEvent]
) -> None:
    await conn.execute(
        update(campaigns)
        .where(campaigns.c.campaign_id == campaign.id)
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
        .where(campaign_eligibility.c.campaign_id == campaign.id)
    )
    groups = respondent_groups({r.user_id: r.profession for r in eligible}, campaign.min_group_size)
    for user_id, group in groups.items():
        await conn.execute(
            update(campaign_eligibility)
            .where(
                campaign_eligibility.c.campaign_id == campaign.id,
                campaign_eligibility.c.user_id == user_id,
            )
            .values(respondent_group=group)
        )


# ---- close ---------------------------------------------------------------------------------


async def close_campaign(
    conn: AsyncConnection, deps: Assessments, *, campaign_id: str, caller: Caller
) -> CampaignView:
    """Close the campaign before its window ends (org admins and the team's clinical lead)."""
    await _authorise_manager(conn, campaign_id=campaign_id, caller=caller)
    await close(conn, deps, campaign_id=campaign_id, caller=caller)
    return await campaign_view(conn, campaign_id=campaign_id, org_id=caller.context.tenant_id)


async def close(
    conn: AsyncConnection, deps: Assessments, *, campaign_id: str, caller: Caller
) -> None:
    """Close without an access check: for a person already authorised, or the scheduler."""

    async def decide(campaign: Campaign) -> list[DomainEvent]:
        row = await locked_row(conn, campaign_id)
        return domain.decide_close_campaign(
            campaign,
            domain.CloseCampaign(responded_count=row.responded_count, actor=caller.context.actor),
            caller.now,
        )

    await CAMPAIGN.change(
        conn,
        store=deps.store,
        stream_id=campaign_id,
        caller=caller,
        decide=decide,
        after_append=_closed,
    )


async def _closed(
    conn: AsyncConnection, campaign: Campaign, _recorded: list[RecordedEvent]
) -> None:
    await conn.execute(
        update(campaigns)
        .where(campaigns.c.campaign_id == campaign.id)
        .values(closed_at=campaign.closed_at, version=campaign.version)
    )


async def _authorise_manager(conn: AsyncConnection, *, campaign_id: str, caller: Caller) -> None:
    # 404 for another organisation's campaign before 403, and both before the version check.
    access.ensure_person(caller.principal)
    campaign = await campaign_view(conn, campaign_id=campaign_id, org_id=caller.context.tenant_id)
    await access.require_manager(conn, caller.principal, campaign.team_id)
