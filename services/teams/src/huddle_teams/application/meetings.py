"""Use cases of a team's meeting records: record one (with the actions its decisions agree and
the charter review it held), list and read them.

Each record is its own stream (stream type ``meeting``). Recording loads the team first (another
organisation's team is 404; the team's membership decides who may record), appends the record
and its ``team_meetings`` row, then creates each decided action prompted by the meeting and, for
a retrospective or charter review meeting, records the charter's review dated the day it was
held: all in the caller's one transaction, so a refusal of any part writes none of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.aggregates import Aggregate, Caller
from huddle_shared.auth import Principal
from huddle_shared.contracts.practice import MeetingKind
from huddle_shared.errors import field_error
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventStore
from huddle_shared.pagination import Page, fetch_page
from huddle_teams.adapters.tables import team_meetings
from huddle_teams.application import access, action_plans, handlers
from huddle_teams.application.team_aggregate import load_team
from huddle_teams.domain import meeting as domain
from huddle_teams.domain.action_plan import CreateAction
from huddle_teams.domain.charter import ReviewCharter
from huddle_teams.domain.errors import InvalidMeeting, MeetingNotFound
from huddle_teams.domain.meeting import Meeting
from huddle_teams.projections.meeting_list import write_meeting_row


def _evolve(state: Meeting | None, event: DomainEvent, at: datetime, version: int) -> Meeting:
    return domain.evolve(state, event, at=at, version=version)


MEETING = Aggregate[Meeting](
    stream_type="meeting", evolve=_evolve, not_found=lambda: MeetingNotFound("No such meeting")
)


@dataclass(frozen=True)
class Recorded:
    meeting: Meeting
    reviewed_charter: bool

    @property
    def version(self) -> int:
        return self.meeting.version


async def record_meeting(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    command: domain.RecordMeeting,
    actions: Sequence[CreateAction],
    review: ReviewCharter | None,
    caller: Caller,
) -> Recorded:
    """Record a meeting; ``actions`` are its decisions' actions (prompted by this meeting),
    ``review`` the charter review it held."""
    team = await load_team(conn, store=store, team_id=team_id, org_id=caller.context.tenant_id)
    access.ensure_can_record_meetings(
        caller.principal, team_role=team.role_of(caller.principal.subject)
    )
    if review is not None and command.kind not in domain.MEETINGS_THAT_REVIEW:
        raise InvalidMeeting(
            "Only a retrospective or a charter review meeting records the charter's review",
            errors=[field_error("body", "charter_review", message="wrong kind", kind="kind")],
        )
    meeting, _ = await MEETING.create(
        conn,
        store=store,
        stream_id=command.meeting_id,
        events=domain.decide_record_meeting(team, command, now=caller.now),
        context=caller.context,
        now=caller.now,
    )
    await write_meeting_row(conn, meeting, reviewed=review is not None)
    for action in actions:
        await action_plans.create_action(
            conn, store=store, team_id=team.id, command=action, caller=caller
        )
    if review is not None:
        await handlers.review_charter(
            conn,
            store=store,
            team_id=team.id,
            command=replace(review, reviewed_on=meeting.held_on, meeting_id=meeting.id),
            caller=replace(caller, if_match=None),
        )
    return Recorded(meeting, review is not None)


# ---- reads ---------------------------------------------------------------------------------


async def read_meeting(
    conn: AsyncConnection, *, store: EventStore, team_id: str, meeting_id: str, principal: Principal
) -> Recorded:
    team = await load_team(conn, store=store, team_id=team_id, org_id=principal.org_id)
    access.ensure_can_read_details(principal, team_role=team.role_of(principal.subject))
    meeting = await MEETING.load(
        conn, store=store, stream_id=meeting_id, tenant_id=principal.org_id
    )
    if meeting.team_id != team.id:
        raise MeetingNotFound("No such meeting on this team")
    reviewed = await conn.scalar(
        select(team_meetings.c.reviewed_charter).where(team_meetings.c.meeting_id == meeting.id)
    )
    return Recorded(meeting, bool(reviewed))


async def list_meetings(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    principal: Principal,
    kinds: Sequence[MeetingKind],
    after: tuple[date, str] | None,
    limit: int,
) -> Page:
    """The team's meetings, the most recently held first; ``after`` is the last row seen."""
    team = await load_team(conn, store=store, team_id=team_id, org_id=principal.org_id)
    access.ensure_can_read_details(principal, team_role=team.role_of(principal.subject))
    conditions: list[ColumnElement[bool]] = [
        team_meetings.c.team_id == team.id,
        team_meetings.c.org_id == principal.org_id,
    ]
    if kinds:
        conditions.append(team_meetings.c.kind.in_([k.value for k in kinds]))
    query = select(team_meetings).where(and_(*conditions))
    if after is not None:
        held_on, last_id = after
        query = query.where(
            (team_meetings.c.held_on < held_on)
            | ((team_meetings.c.held_on == held_on) & (team_meetings.c.meeting_id < last_id))
        )
    order = [team_meetings.c.held_on.desc(), team_meetings.c.meeting_id.desc()]
    return await fetch_page(conn, query, order_by=order, after_keys=None, limit=limit)
