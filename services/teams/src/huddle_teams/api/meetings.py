"""Routes for a team's meeting records: record one (with the actions its decisions agree and
the charter review it held), list them, read one. Who may do what is in
``application/access.py``."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import write
from huddle_shared.contracts.practice import ActionPrompt, DecisionOutcome, MeetingKind, PromptKind
from huddle_shared.deps import Runtime
from huddle_shared.http import BAD_CURSOR, BadRequest, Cursor, IdempotencyKey, Limit, decode_cursor
from huddle_shared.openapi import LOCATION, problems
from huddle_teams.api.common import READ_403, TEAM_404, TeamId
from huddle_teams.api.meeting_schemas import (
    DecisionOut,
    MeetingIn,
    MeetingOut,
    MeetingPage,
    MeetingSummary,
)
from huddle_teams.application import meetings
from huddle_teams.domain.action_plan import CreateAction
from huddle_teams.domain.charter import ReviewCharter
from huddle_teams.domain.meeting import Decision, RecordMeeting

router = APIRouter(prefix="/v1/teams/{team_id}/meetings", tags=["meetings"])
MeetingId = Annotated[uuid.UUID, Path(description="The meeting id")]

MEETING_404 = "No such team, or the team has no such meeting"
RECORD_403 = (
    "Only the team's members and org admins record its meetings; only org admins and the "
    "clinical lead record a charter review or commit actions at one"
)


def meeting_out(recorded: meetings.Recorded) -> dict[str, Any]:
    m = recorded.meeting
    return MeetingOut(
        id=m.id,
        team_id=m.team_id,
        kind=m.kind,
        held_on=m.held_on,
        participants=m.participants,
        went_well=list(m.went_well),
        to_change=list(m.to_change),
        decisions=[
            DecisionOut(id=d.decision_id, text=d.text, outcome=d.outcome, action_id=d.action_id)
            for d in m.decisions
        ],
        reviewed_charter=recorded.reviewed_charter,
        recorded_by=m.recorded_by,
        recorded_at=m.recorded_at,
    ).model_dump(mode="json")


@router.post(
    "",
    status_code=201,
    response_model=MeetingOut,
    operation_id="record_team_meeting",
    summary="Record a huddle, retrospective or charter review meeting",
    responses={
        201: {"description": "The meeting record", "headers": LOCATION},
        **problems(
            403,
            404,
            409,
            422,
            _403=RECORD_403,
            _404=TEAM_404,
            _409="The team is archived",
            _422="Invalid input: a date in the future or over a year ago, a blank item, a "
            "decided action whose owner is not on the team or due in the past, a charter review "
            "at a huddle (`errors` names the field)",
        ),
    },
)
async def record_meeting(
    team_id: TeamId,
    body: MeetingIn,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """The record of a meeting the team held: its kind, the day, how many took part (a count,
    never who), what went well, what to change and what it decided. A decision with an
    `action` agrees it there and then (committed when the lead or an org admin records,
    proposed otherwise), prompted by this meeting; a retrospective or charter review meeting
    may record the charter's review, dated the day it was held. All of it is written together
    or not at all. Answers 201 with the record and its path in `Location`."""
    meeting_id = str(uuid.uuid4())
    decisions: list[Decision] = []
    actions: list[CreateAction] = []
    for d in body.decisions:
        if d.action is None:
            outcome = (
                DecisionOutcome.CHARTER_REVISION
                if d.proposes_charter_revision
                else DecisionOutcome.NOTED
            )
            decisions.append(Decision(str(uuid.uuid4()), d.text, outcome))
            continue
        action_id = str(uuid.uuid4())
        decisions.append(Decision(str(uuid.uuid4()), d.text, DecisionOutcome.ACTION, action_id))
        actions.append(
            CreateAction(
                action_id=action_id,
                title=d.action.title or d.text[:200],
                why=d.action.why,
                owners=[str(o) for o in d.action.owners],
                due_date=d.action.due_date,
                status=None,
                prompted_by=ActionPrompt(kind=PromptKind.MEETING, meeting_id=meeting_id),
                goal_ids=d.action.goal_ids,
                actor=principal.subject,
            )
        )
    command = RecordMeeting(
        meeting_id=meeting_id,
        kind=body.kind,
        participants=body.participants,
        actor=principal.subject,
        held_on=body.held_on,
        went_well=body.went_well,
        to_change=body.to_change,
        decisions=decisions,
    )
    review = (
        ReviewCharter(
            outcome=body.charter_review.outcome,
            actor=principal.subject,
            notes=body.charter_review.notes,
        )
        if body.charter_review is not None
        else None
    )
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: meetings.record_meeting(
            conn,
            store=runtime.store,
            team_id=str(team_id),
            command=command,
            actions=actions,
            review=review,
            caller=caller,
        ),
        render=meeting_out,
        status_code=201,
        idempotency_key=idempotency_key,
        location=lambda r: f"/v1/teams/{r.meeting.team_id}/meetings/{r.meeting.id}",
    )


@router.get(
    "",
    response_model=MeetingPage,
    operation_id="list_team_meetings",
    summary="List the team's meetings",
    responses=problems(
        400, 403, 404, 422, _403=READ_403, _404=TEAM_404, _422="A filter or the page size"
    ),
)
async def list_meetings(
    team_id: TeamId,
    runtime: Runtime,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    kind: Annotated[
        list[MeetingKind] | None, Query(description="Only these kinds (repeatable)")
    ] = None,
) -> MeetingPage:
    """The team's meetings, the most recently held first, a page at a time (pass
    `next_cursor` back as `cursor`), without their notes; the team's members, org admins and
    analysts read them."""
    async with runtime.engine.connect() as conn:
        page = await meetings.list_meetings(
            conn,
            store=runtime.store,
            team_id=str(team_id),
            principal=principal,
            kinds=kind or (),
            after=_day_and_id_cursor(cursor),
            limit=limit,
        )
    items = [
        MeetingSummary(
            id=r["meeting_id"],
            kind=MeetingKind(r["kind"]),
            held_on=r["held_on"],
            participants=r["participants"],
            decision_count=r["decision_count"],
            action_ids=list(r["action_ids"]),
            reviewed_charter=r["reviewed_charter"],
            recorded_at=r["recorded_at"],
        )
        for r in page.rows
    ]
    next_cursor = page.next_cursor(lambda r: [r["held_on"].isoformat(), r["meeting_id"]])
    return MeetingPage(items=items, next_cursor=next_cursor)


@router.get(
    "/{meeting_id}",
    response_model=MeetingOut,
    operation_id="read_team_meeting",
    summary="Read a meeting record",
    responses=problems(403, 404, 422, _403=READ_403, _404=MEETING_404, _422="An id is not a UUID"),
)
async def read_meeting(
    team_id: TeamId, meeting_id: MeetingId, runtime: Runtime, principal: CurrentPrincipal
) -> dict[str, Any]:
    """The meeting record with what went well, what to change and its decisions."""
    async with runtime.engine.connect() as conn:
        recorded = await meetings.read_meeting(
            conn,
            store=runtime.store,
            team_id=str(team_id),
            meeting_id=str(meeting_id),
            principal=principal,
        )
    return meeting_out(recorded)


def _day_and_id_cursor(cursor: str | None) -> tuple[date, str] | None:
    values = decode_cursor(cursor, 2)
    if values is None:
        return None
    try:
        return date.fromisoformat(str(values[0])), str(values[1])
    except ValueError as exc:
        raise BadRequest(BAD_CURSOR) from exc
