"""Routes for the team charter: read it, revise it, record a review, move a goal's status
and name its owners."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import JSONResponse

from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import write
from huddle_shared.deps import Runtime
from huddle_shared.http import IdempotencyKey, IfMatch, etag
from huddle_shared.openapi import ETAG, problems
from huddle_teams.api.common import (
    READ_403,
    TEAM_404,
    TEAM_ID_422,
    TeamId,
    write_responses,
)
from huddle_teams.api.schemas import (
    CharterIn,
    CharterOut,
    CharterRoleOut,
    GoalOut,
    GoalOwnersIn,
    GoalStatusIn,
    ReviewIn,
    ReviewOut,
)
from huddle_teams.application import handlers, queries
from huddle_teams.domain.charter import (
    ChangeGoalStatus,
    GoalDraft,
    ReviewCharter,
    ReviseCharter,
    SetGoalOwners,
)
from huddle_teams.domain.state import RoleDescription, Team

router = APIRouter(prefix="/v1/teams/{team_id}/charter", tags=["charter"])
GoalId = Annotated[str, Path(max_length=100, description="The goal id")]


def charter_out(team: Team, *, now: datetime) -> dict[str, Any]:
    charter, review = team.charter, team.last_review
    return CharterOut(
        team_id=team.id,
        revision=charter.revision if charter else 0,
        vision=charter.vision if charter else "",
        goals=[
            GoalOut(
                id=g.goal_id,
                title=g.title,
                measure=g.measure,
                due_date=g.due_date,
                status=g.status,
                owners=list(g.owners),
            )
            for g in (charter.goals if charter else ())
        ],
        norms=list(charter.norms) if charter else [],
        roles=[
            CharterRoleOut(role=r.role, responsibilities=list(r.responsibilities))
            for r in (charter.roles if charter else ())
        ],
        revised_on=charter.revised_on if charter else None,
        revised_by=charter.revised_by if charter else None,
        review_cadence_days=team.review_cadence_days,
        last_review=(
            ReviewOut(
                revision=review.revision,
                outcome=review.outcome,
                notes=review.notes,
                reviewed_on=review.reviewed_on,
                reviewed_by=review.reviewed_by,
                meeting_id=review.meeting_id,
            )
            if review
            else None
        ),
        last_revisited_on=team.last_revisited_on,
        next_review_due=team.next_review_due,
        review_overdue=team.next_review_due is not None and team.next_review_due < now.date(),
        version=team.version,
    ).model_dump(mode="json")


@router.get(
    "",
    response_model=CharterOut,
    operation_id="read_team_charter",
    summary="Read the team charter",
    responses={
        200: {"description": "The current charter", "headers": ETAG},
        **problems(403, 404, 422, _403=READ_403, _404=TEAM_404, _422=TEAM_ID_422),
    },
)
async def read_charter(
    team_id: TeamId, request: Request, runtime: Runtime, principal: CurrentPrincipal
) -> JSONResponse:
    """The current charter revision (revision 0, empty, before the first), its last review and
    when the next is due. The team's members, org admins and analysts may read it; `ETag` is the
    team's version, to send as `If-Match` when changing the charter."""
    async with runtime.engine.connect() as conn:
        team = await queries.read_team_details(
            conn, store=runtime.store, team_id=str(team_id), principal=principal
        )
    return JSONResponse(
        charter_out(team, now=runtime.clock()), headers={"ETag": etag(team.version)}
    )


@router.put(
    "",
    response_model=CharterOut,
    operation_id="revise_team_charter",
    summary="Revise the team charter",
    responses=write_responses(
        200,
        "The charter as revised",
        invalid="Invalid input, or the charter does not hold together: a repeated norm, a "
        "role described twice, an unknown goal id or a new goal due in the past",
    ),
)
async def revise_charter(
    team_id: TeamId,
    body: CharterIn,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Replace the charter with a new revision (org admins and the team's clinical lead):
    goals with an `id` are kept with their status, those without are new. The same wording
    again records nothing. Answers the charter and the team's new `ETag`."""
    new_goals = sum(1 for g in body.goals if g.id is None)
    command = ReviseCharter(
        vision=body.vision,
        goals=[GoalDraft(g.title, g.measure, g.due_date, goal_id=g.id) for g in body.goals],
        norms=body.norms,
        roles=[RoleDescription(r.role, tuple(r.responsibilities)) for r in body.roles],
        actor=principal.subject,
        new_goal_ids=[str(uuid.uuid4()) for _ in range(new_goals)],
    )
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.revise_charter(
            conn, store=runtime.store, team_id=str(team_id), command=command, caller=caller
        ),
        render=lambda team: charter_out(team, now=runtime.clock()),
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.post(
    "/reviews",
    status_code=201,
    response_model=CharterOut,
    operation_id="record_charter_review",
    summary="Record a charter review",
    responses=write_responses(
        201,
        "The charter with the review",
        invalid="Invalid input, the team has no charter yet, or the review is dated in the "
        "future or before the charter was last revisited",
    ),
)
async def review_charter(
    team_id: TeamId,
    body: ReviewIn,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Record that the team revisited its charter (org admins and the team's clinical lead);
    the next review falls one cadence later. Answers 201 with the charter, its path in
    `Location` and the team's new `ETag`."""
    command = ReviewCharter(
        outcome=body.outcome,
        notes=body.notes,
        reviewed_on=body.reviewed_on,
        actor=principal.subject,
    )
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.review_charter(
            conn, store=runtime.store, team_id=str(team_id), command=command, caller=caller
        ),
        render=lambda team: charter_out(team, now=runtime.clock()),
        status_code=201,
        if_match=if_match,
        idempotency_key=idempotency_key,
        location=lambda team: f"/v1/teams/{team.id}/charter",
    )


@router.put(
    "/goals/{goal_id}/status",
    response_model=CharterOut,
    operation_id="change_goal_status",
    summary="Set a goal's status",
    responses=write_responses(
        200,
        "The charter with the goal's new status",
        not_found="No such team, or its current charter has no such goal",
        invalid="Invalid input, the goal already has this status, or it is closed (achieved "
        "or dropped)",
    ),
)
async def change_goal_status(
    team_id: TeamId,
    goal_id: GoalId,
    body: GoalStatusIn,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Move a goal of the current charter to on track, at risk, achieved or dropped, with an
    optional note (org admins and the team's clinical lead); achieved and dropped close it for
    good. Answers the charter and the team's new `ETag`."""
    command = ChangeGoalStatus(
        goal_id=goal_id, status=body.status, note=body.note, actor=principal.subject
    )
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.change_goal_status(
            conn, store=runtime.store, team_id=str(team_id), command=command, caller=caller
        ),
        render=lambda team: charter_out(team, now=runtime.clock()),
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.put(
    "/goals/{goal_id}/owners",
    response_model=CharterOut,
    operation_id="set_goal_owners",
    summary="Name a goal's owners",
    responses=write_responses(
        200,
        "The charter with the goal's owners",
        not_found="No such team, or its current charter has no such goal",
        invalid="An owner who is not on the team or named twice, more than five owners, or a "
        "closed goal",
    ),
)
async def set_goal_owners(
    team_id: TeamId,
    goal_id: GoalId,
    body: GoalOwnersIn,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Name the members who own an open goal of the current charter (org admins and the team's
    clinical lead); the list replaces the owners, and an empty one leaves the goal unowned. A
    member who leaves the team comes off the goals they own. Answers the charter and the team's
    new `ETag`."""
    command = SetGoalOwners(
        goal_id=goal_id, owners=[str(o) for o in body.owners], actor=principal.subject
    )
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.set_goal_owners(
            conn, store=runtime.store, team_id=str(team_id), command=command, caller=caller
        ),
        render=lambda team: charter_out(team, now=runtime.clock()),
        if_match=if_match,
        idempotency_key=idempotency_key,
    )
