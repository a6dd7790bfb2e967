"""Routes for a team's action plans: agree or propose, list, read, revise, owners, status,
check-ins. Who may do what is in ``application/access.py``."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable
from datetime import date
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.aggregates import Caller
from huddle_shared.auth import CurrentPrincipal, Principal
from huddle_shared.commands import write
from huddle_shared.contracts.practice import (
    OPEN_ACTION_STATUSES,
    ActionPrompt,
    ActionStatus,
    DashboardDriver,
    PromptKind,
)
from huddle_shared.deps import Runtime
from huddle_shared.eventstore import EventStore
from huddle_shared.http import Cursor, IdempotencyKey, IfMatch, Limit, etag
from huddle_shared.openapi import ETAG, LOCATION, problems
from huddle_shared.pagination import time_and_id_cursor
from huddle_shared.runtime import ServiceRuntime
from huddle_teams.api.action_plan_schemas import (
    ActionCreate,
    ActionOut,
    ActionPage,
    ActionRevise,
    ActionStatusIn,
    ActionSummary,
    CheckInIn,
    CheckInOut,
    OwnersIn,
    PromptIn,
    PromptOut,
)
from huddle_teams.api.common import READ_403, TEAM_404, TeamId
from huddle_teams.application import action_plans
from huddle_teams.domain import action_plan as domain
from huddle_teams.domain.action_plan import Action

C = TypeVar("C", contravariant=True)

router = APIRouter(prefix="/v1/teams/{team_id}/actions", tags=["actions"])
ActionId = Annotated[uuid.UUID, Path(description="The action id")]

ACTION_404 = "No such team, or the team has no such action"
ACTION_409 = (
    "The action is done or dropped, the status is not a next step of its lifecycle, the team "
    "is archived, or it was changed at the same moment (reload and retry)"
)
CREATE_409 = "The team is archived"
ACTION_412 = "If-Match is not the action's current version: reload it and try again"
WORK_403 = "Only the team's members and org admins work on its actions"
MANAGE_ACTIONS_403 = (
    "Only org admins and the team's clinical lead commit, revise, assign or drop actions"
)


def _responses(
    status: int, description: str, *, invalid: str, forbidden: str, creates: bool = False
) -> dict[int | str, dict[str, Any]]:
    """A write's documented answers; a new action has no version to match yet (no 412)."""
    headers = {**LOCATION, **ETAG} if status == 201 else ETAG
    if creates:
        refusals = problems(
            403, 404, 409, 422, _403=forbidden, _404=TEAM_404, _409=CREATE_409, _422=invalid
        )
    else:
        refusals = problems(
            403,
            404,
            409,
            412,
            422,
            _403=forbidden,
            _404=ACTION_404,
            _409=ACTION_409,
            _412=ACTION_412,
            _422=invalid,
        )
    return {status: {"description": description, "headers": headers}, **refusals}


def _prompt(body: PromptIn) -> ActionPrompt:
    return ActionPrompt(
        kind=body.kind,
        campaign_id=str(body.campaign_id) if body.campaign_id else None,
        driver=body.driver,
        goal_id=body.goal_id,
        meeting_id=str(body.meeting_id) if body.meeting_id else None,
    )


def _prompt_out(prompt: ActionPrompt) -> PromptOut:
    return PromptOut(
        kind=prompt.kind,
        campaign_id=prompt.campaign_id,
        driver=prompt.driver,
        goal_id=prompt.goal_id,
        meeting_id=prompt.meeting_id,
    )


def action_out(action: Action, *, today: date) -> dict[str, Any]:
    return ActionOut(
        id=action.id,
        team_id=action.team_id,
        title=action.title,
        why=action.why,
        owners=list(action.owners),
        due_date=action.due_date,
        status=action.status,
        overdue=action.overdue(today),
        prompted_by=_prompt_out(action.prompted_by),
        goal_ids=list(action.goal_ids),
        check_ins=[
            CheckInOut(
                id=c.check_in_id,
                checked_in_on=c.checked_in_on,
                note=c.note,
                checked_in_by=c.checked_in_by,
            )
            for c in action.check_ins
        ],
        created_by=action.created_by,
        created_at=action.created_at,
        updated_at=action.updated_at,
        closed_on=action.closed_on,
        drop_reason=action.drop_reason,
        version=action.version,
    ).model_dump(mode="json")


@router.post(
    "",
    status_code=201,
    response_model=ActionOut,
    operation_id="create_team_action",
    summary="Agree or propose an action",
    responses=_responses(
        201,
        "The new action",
        invalid="Invalid input: an owner not on the team, a due date in the past, a goal not "
        "of the current charter, a prompt that does not name what its kind needs (`errors` "
        "names the field)",
        forbidden="Only the team's members and org admins propose actions; only org admins "
        "and the clinical lead commit them",
        creates=True,
    ),
)
async def create_action(
    team_id: TeamId,
    body: ActionCreate,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """A new action for the team, with why it matters, its owners (members of the team), when
    it is due and what prompted it: a campaign's result, a dashboard driver or a charter goal.
    The clinical lead and org admins agree it (committed); any other member of the team
    proposes it, for the lead to commit. Answers 201 with the action, its path in `Location`
    and its version in `ETag`."""
    command = domain.CreateAction(
        action_id=str(uuid.uuid4()),
        title=body.title,
        why=body.why,
        owners=[str(o) for o in body.owners],
        due_date=body.due_date,
        status=ActionStatus(body.status) if body.status else None,
        prompted_by=_prompt(body.prompted_by),
        goal_ids=body.goal_ids,
        actor=principal.subject,
    )
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: action_plans.create_action(
            conn, store=runtime.store, team_id=str(team_id), command=command, caller=caller
        ),
        render=lambda action: action_out(action, today=runtime.clock().date()),
        status_code=201,
        idempotency_key=idempotency_key,
        location=lambda action: f"/v1/teams/{action.team_id}/actions/{action.id}",
    )


@router.get(
    "",
    response_model=ActionPage,
    operation_id="list_team_actions",
    summary="List the team's actions",
    responses=problems(
        400,
        403,
        404,
        422,
        _403=READ_403,
        _404=TEAM_404,
        _422="A filter or the page size is not valid",
    ),
)
async def list_actions(
    team_id: TeamId,
    runtime: Runtime,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    status: Annotated[
        list[ActionStatus] | None, Query(description="Only these statuses (repeatable)")
    ] = None,
    owner: Annotated[uuid.UUID | None, Query(description="Only actions this person owns")] = None,
    overdue: Annotated[bool, Query(description="Only open actions due before today")] = False,
    prompted_by: Annotated[
        PromptKind | None, Query(description="Only actions prompted by this kind of thing")
    ] = None,
) -> ActionPage:
    """The team's actions, newest first, a page at a time (pass `next_cursor` back as
    `cursor`), without their check-ins; the team's members, org admins and analysts read
    them."""
    today = runtime.clock().date()
    filters = action_plans.ActionFilters(
        statuses=status or (),
        owner=str(owner) if owner else None,
        overdue_on=today if overdue else None,
        prompted_by=prompted_by,
    )
    async with runtime.engine.connect() as conn:
        page = await action_plans.list_actions(
            conn,
            store=runtime.store,
            team_id=str(team_id),
            principal=principal,
            filters=filters,
            after=time_and_id_cursor(cursor),
            limit=limit,
        )
    items = [
        ActionSummary(
            id=r["action_id"],
            title=r["title"],
            owners=list(r["owners"]),
            due_date=r["due_date"],
            status=ActionStatus(r["status"]),
            overdue=ActionStatus(r["status"]) in OPEN_ACTION_STATUSES and r["due_date"] < today,
            prompted_by=_summary_prompt(r["prompted_kind"], r["prompted_ref"]),
            goal_ids=list(r["goal_ids"]),
            check_in_count=r["check_in_count"],
            last_check_in_on=r["last_check_in_on"],
            closed_on=r["closed_on"],
            created_at=r["created_at"],
            version=r["version"],
        )
        for r in page.rows
    ]
    next_cursor = page.next_cursor(lambda r: [r["created_at"].isoformat(), r["action_id"]])
    return ActionPage(items=items, next_cursor=next_cursor)


def _summary_prompt(kind: str, ref: str | None) -> PromptOut:
    prompt_kind = PromptKind(kind)
    return PromptOut(
        kind=prompt_kind,
        campaign_id=ref if prompt_kind is PromptKind.CAMPAIGN else None,
        driver=DashboardDriver(ref) if prompt_kind is PromptKind.DRIVER and ref else None,
        goal_id=ref if prompt_kind is PromptKind.GOAL else None,
        meeting_id=ref if prompt_kind is PromptKind.MEETING else None,
    )


@router.get(
    "/{action_id}",
    response_model=ActionOut,
    operation_id="read_team_action",
    summary="Read an action with its check-ins",
    responses={
        200: {"description": "The action", "headers": ETAG},
        **problems(403, 404, 422, _403=READ_403, _404=ACTION_404, _422="An id is not a UUID"),
    },
)
async def read_action(
    team_id: TeamId, action_id: ActionId, runtime: Runtime, principal: CurrentPrincipal
) -> JSONResponse:
    """The action as of its last change, with its check-ins; `ETag` is its version, to send
    as `If-Match` when changing it."""
    async with runtime.engine.connect() as conn:
        action = await action_plans.read_action(
            conn,
            store=runtime.store,
            team_id=str(team_id),
            action_id=str(action_id),
            principal=principal,
        )
    return JSONResponse(
        action_out(action, today=runtime.clock().date()), headers={"ETag": etag(action.version)}
    )


@router.patch(
    "/{action_id}",
    response_model=ActionOut,
    operation_id="revise_team_action",
    summary="Revise an action",
    responses=_responses(
        200,
        "The action as revised",
        invalid="Invalid input: a due date in the past, or a goal not of the current charter",
        forbidden=MANAGE_ACTIONS_403,
    ),
)
async def revise_action(
    team_id: TeamId,
    action_id: ActionId,
    body: ActionRevise,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Reword an open action, move its due date or change the goals it serves (org admins and
    the clinical lead); what is left out stays, and the same values again record nothing."""
    command = domain.ReviseAction(
        actor=principal.subject,
        title=body.title,
        why=body.why,
        due_date=body.due_date,
        goal_ids=body.goal_ids,
    )
    return await _change(
        request,
        runtime,
        principal,
        action_plans.revise_action,
        command,
        team_id,
        action_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.put(
    "/{action_id}/owners",
    response_model=ActionOut,
    operation_id="set_team_action_owners",
    summary="Give an action its owners",
    responses=_responses(
        200,
        "The action with its owners",
        invalid="Invalid input: an owner not on the team, or named twice",
        forbidden=MANAGE_ACTIONS_403,
    ),
)
async def set_owners(
    team_id: TeamId,
    action_id: ActionId,
    body: OwnersIn,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Replace the owners of an open action with one to five members of the team (org admins
    and the clinical lead)."""
    command = domain.SetOwners(owners=[str(o) for o in body.owners], actor=principal.subject)
    return await _change(
        request,
        runtime,
        principal,
        action_plans.set_owners,
        command,
        team_id,
        action_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.put(
    "/{action_id}/status",
    response_model=ActionOut,
    operation_id="change_team_action_status",
    summary="Move an action on: commit, start, finish or drop it",
    responses=_responses(
        200,
        "The action with its new status",
        invalid="Invalid input: dropping without a reason, or a date in the future or before "
        "the action was agreed",
        forbidden="Only the team's members and org admins start or finish actions; only org "
        "admins and the clinical lead commit or drop them",
    ),
)
async def change_status(
    team_id: TeamId,
    action_id: ActionId,
    body: ActionStatusIn,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Proposed → committed → in progress → done, or dropped (with a reason) while open. The
    clinical lead and org admins commit and drop; any member of the team starts and finishes.
    Done and dropped are final."""
    command = domain.ChangeActionStatus(
        status=body.status,
        actor=principal.subject,
        reason=body.reason,
        effective_on=body.effective_on,
    )
    return await _change(
        request,
        runtime,
        principal,
        action_plans.change_status,
        command,
        team_id,
        action_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.post(
    "/{action_id}/check-ins",
    status_code=201,
    response_model=ActionOut,
    operation_id="check_in_on_team_action",
    summary="Check in on an action",
    responses=_responses(
        201,
        "The action with the check-in",
        invalid="Invalid input: a blank note, or a date in the future or before the action "
        "was agreed",
        forbidden=WORK_403,
    ),
)
async def check_in(
    team_id: TeamId,
    action_id: ActionId,
    body: CheckInIn,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Say how an open action is going, on a date (today by default); any member of the team
    and org admins. Answers 201 with the action, its path in `Location` and its `ETag`."""
    command = domain.RecordCheckIn(
        check_in_id=str(uuid.uuid4()),
        note=body.note,
        actor=principal.subject,
        checked_in_on=body.checked_in_on,
    )
    return await _change(
        request,
        runtime,
        principal,
        action_plans.check_in,
        command,
        team_id,
        action_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
        status_code=201,
    )


class _UseCase(Protocol[C]):
    def __call__(
        self,
        conn: AsyncConnection,
        *,
        store: EventStore,
        team_id: str,
        action_id: str,
        command: C,
        caller: Caller,
    ) -> Awaitable[Action]: ...


async def _change(
    request: Request,
    runtime: ServiceRuntime,
    principal: Principal,
    use_case: _UseCase[C],
    command: C,
    team_id: uuid.UUID,
    action_id: uuid.UUID,
    *,
    if_match: str | None,
    idempotency_key: str | None,
    status_code: int = 200,
) -> Response:
    """Run one of the use cases that change an existing action, and answer with it."""
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: use_case(
            conn,
            store=runtime.store,
            team_id=str(team_id),
            action_id=str(action_id),
            command=command,
            caller=caller,
        ),
        render=lambda action: action_out(action, today=runtime.clock().date()),
        status_code=status_code,
        if_match=if_match,
        idempotency_key=idempotency_key,
        location=(
            (lambda action: f"/v1/teams/{action.team_id}/actions/{action.id}")
            if status_code == 201
            else None
        ),
    )
