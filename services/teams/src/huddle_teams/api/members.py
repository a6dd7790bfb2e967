"""Routes for membership: list members, add one, change a member's role, remove one."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import write
from huddle_shared.contracts.teams import TeamRole
from huddle_shared.deps import Runtime
from huddle_shared.http import (
    Cursor,
    IdempotencyKey,
    IfMatch,
    Limit,
    decode_cursor,
    encode_cursor,
    etag,
)
from huddle_shared.openapi import ETAG, problems
from huddle_teams.api.common import (
    PAGE_422,
    READ_403,
    TEAM_404,
    TeamId,
    UserId,
    write_responses,
)
from huddle_teams.api.schemas import MemberAdd, MemberOut, MemberPage, MemberRoleChange, TeamOut
from huddle_teams.api.teams import team_out
from huddle_teams.application import handlers, queries
from huddle_teams.domain.membership import AddMember, ChangeMemberRole, RemoveMember

router = APIRouter(prefix="/v1/teams/{team_id}/members", tags=["membership"])
MEMBER_404 = "No such team, or the person is not on it"


@router.get(
    "",
    response_model=MemberPage,
    operation_id="list_team_members",
    summary="List the team's members",
    responses={
        200: {"description": "A page of members", "headers": ETAG},
        **problems(
            403,
            404,
            422,
            _403=READ_403,
            _404=TEAM_404,
            _422=PAGE_422,
        ),
    },
)
async def list_members(
    team_id: TeamId,
    request: Request,
    response: Response,
    runtime: Runtime,
    principal: CurrentPrincipal,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> MemberPage:
    """The team's current members with their team role and what the directory knows of them,
    ordered by user id, a page at a time. The team's members, org admins and analysts may read
    it. `ETag` is the team's version, to send as `If-Match` when adding a member."""
    after = decode_cursor(cursor, 1)
    async with runtime.engine.connect() as conn:
        page, version = await queries.list_members(
            conn,
            team_id=str(team_id),
            principal=principal,
            after=str(after[0]) if after else None,
            limit=limit,
        )
    items = [member_out(r) for r in page.rows]
    next_cursor = encode_cursor([page.rows[-1]["user_id"]]) if page.has_more else None
    response.headers["ETag"] = etag(version)
    return MemberPage(items=items, next_cursor=next_cursor)


def member_out(row: Any) -> MemberOut:
    return MemberOut(
        user_id=row["user_id"],
        role=TeamRole(row["role"]),
        role_since=row["role_since"],
        joined_on=row["joined_on"],
        profession=row["profession"],
        user_status=row["user_status"],
    )


@router.get(
    "/{user_id}",
    response_model=MemberOut,
    operation_id="read_team_member",
    summary="Read a member",
    responses={
        200: {"description": "The member", "headers": ETAG},
        **problems(
            403,
            404,
            _403=READ_403,
            _404="No such team, or the person is not a member of it now",
        ),
    },
)
async def read_member(
    team_id: TeamId,
    user_id: UserId,
    response: Response,
    runtime: Runtime,
    principal: CurrentPrincipal,
) -> MemberOut:
    """A current member of the team, with their team role and what the directory knows of them
    (the `Location` of adding them). The same callers as the member list; `ETag` is the team's
    version, to send as `If-Match` when changing their role or removing them."""
    async with runtime.engine.connect() as conn:
        row, version = await queries.read_member(
            conn, team_id=str(team_id), user_id=str(user_id), principal=principal
        )
    response.headers["ETag"] = etag(version)
    return member_out(row)


@router.post(
    "",
    status_code=201,
    response_model=TeamOut,
    operation_id="add_team_member",
    summary="Add a member",
    responses=write_responses(
        201,
        "The team with its new member",
        conflict="The person is already on the team, the team is archived, or it was changed "
        "at the same moment",
        invalid="Invalid input, no such person in the organisation, the person is not "
        "active, or the effective date is in the future",
    ),
)
async def add_member(
    team_id: TeamId,
    body: MemberAdd,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Add an active person of the organisation in a team role, from the effective date (today
    when absent); org admins and the team's clinical lead may. Answers 201 with the team, the
    member's path in `Location` and the team's new `ETag`."""
    command = AddMember(
        user_id=str(body.user_id),
        role=body.role,
        effective_date=body.effective_date,
        actor=principal.subject,
    )
    store = runtime.store
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.add_member(
            conn, store=store, team_id=str(team_id), command=command, caller=caller
        ),
        render=team_out,
        status_code=201,
        if_match=if_match,
        idempotency_key=idempotency_key,
        location=lambda team: f"/v1/teams/{team.id}/members/{body.user_id}",
    )


@router.put(
    "/{user_id}/role",
    response_model=TeamOut,
    operation_id="change_member_role",
    summary="Change a member's role",
    responses=write_responses(
        200,
        "The team as changed",
        not_found=MEMBER_404,
        invalid="Invalid input, the member already holds the role, or the effective date "
        "is in the future or before their current role began",
    ),
)
async def change_member_role(
    team_id: TeamId,
    user_id: UserId,
    body: MemberRoleChange,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Give a member another team role from an effective date, with the reason why and its
    kind (`category`); org admins and the team's clinical lead may. Answers the team and its new
    `ETag`; the change shows in the history and the FHIR view."""
    command = ChangeMemberRole(
        user_id=str(user_id),
        role=body.role,
        reason=body.reason,
        effective_date=body.effective_date,
        actor=principal.subject,
        category=body.category,
    )
    store = runtime.store
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.change_member_role(
            conn, store=store, team_id=str(team_id), command=command, caller=caller
        ),
        render=team_out,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.delete(
    "/{user_id}",
    status_code=204,
    operation_id="remove_team_member",
    summary="Remove a member",
    responses=write_responses(
        204,
        "Removed; no body",
        not_found=MEMBER_404,
        invalid="Invalid input, or the effective date is in the future or before their "
        "current role began",
    ),
)
async def remove_member(
    team_id: TeamId,
    user_id: UserId,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    effective_date: Annotated[
        date | None, Query(description="The member's last day; today when absent")
    ] = None,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Take a person off the team; their role ends on the effective date (today when absent).
    Org admins and the team's clinical lead may. Answers 204 with the team's new `ETag`."""
    command = RemoveMember(
        user_id=str(user_id), effective_date=effective_date, actor=principal.subject
    )
    store = runtime.store
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.remove_member(
            conn, store=store, team_id=str(team_id), command=command, caller=caller
        ),
        render=lambda _team: None,
        status_code=204,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )
