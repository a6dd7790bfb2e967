"""Routes for the team itself: create, list, read, update, archive, and its FHIR view."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request, Response
from fastapi.responses import JSONResponse

from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import write
from huddle_shared.contracts.teams import CareSetting
from huddle_shared.deps import Runtime
from huddle_shared.http import (
    Cursor,
    IdempotencyKey,
    IfMatch,
    Limit,
    decode_cursor,
    encode_cursor,
    etag,
    parse_cursor_time,
)
from huddle_shared.problems import PROBLEM_RESPONSES
from huddle_teams.api import fhir
from huddle_teams.api.common import TeamId
from huddle_teams.api.schemas import TeamArchive, TeamCreate, TeamOut, TeamPage, TeamUpdate
from huddle_teams.application import handlers, queries
from huddle_teams.domain.state import Team, TeamStatus
from huddle_teams.domain.team import ArchiveTeam, CreateTeam, UpdateTeam

router = APIRouter(prefix="/v1/teams", tags=["teams"], responses=PROBLEM_RESPONSES)


def team_out(team: Team) -> dict[str, Any]:
    return TeamOut(
        id=team.id,
        org_id=team.org_id,
        name=team.name,
        care_setting=team.care_setting,
        description=team.description,
        status=team.status,
        review_cadence_days=team.review_cadence_days,
        next_review_due=team.next_review_due,
        member_count=len(team.members),
        charter_revision=team.charter.revision if team.charter else 0,
        version=team.version,
        created_at=team.created_at,
        updated_at=team.updated_at,
        archived_at=team.archived_at,
    ).model_dump(mode="json")


@router.post("", status_code=201, response_model=TeamOut, summary="Create a care team")
async def create_team(
    body: TeamCreate,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Create a team in the caller's organisation (org admins)."""
    command = CreateTeam(
        team_id=str(uuid.uuid4()),
        org_id=principal.org_id,
        name=body.name,
        care_setting=body.care_setting,
        description=body.description,
        review_cadence_days=body.review_cadence_days,
        actor=principal.subject,
    )
    store = runtime.store
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.create_team(
            conn, store=store, command=command, caller=caller
        ),
        render=team_out,
        status_code=201,
        idempotency_key=idempotency_key,
        location=lambda team: f"/v1/teams/{team.id}",
        one_statement=True,  # handlers.create_team: the append carries the team-list row
    )


@router.get("", response_model=TeamPage, summary="List the organisation's teams")
async def list_teams(
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    care_setting: Annotated[CareSetting | None, Query()] = None,
    status: Annotated[TeamStatus | None, Query(description="active or archived")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Name contains")] = None,
    member: Annotated[uuid.UUID | None, Query(description="Teams this person is on")] = None,
) -> TeamPage:
    """Teams of the caller's organisation, oldest first, with cursor pagination."""
    after = decode_cursor(cursor, 2)
    filters = queries.TeamFilters(
        care_setting=care_setting,
        status=status,
        name_contains=q,
        member_id=str(member) if member else None,
    )
    async with runtime.engine.connect() as conn:
        page = await queries.list_teams(
            conn,
            principal=principal,
            filters=filters,
            after=(parse_cursor_time(after[0]), str(after[1])) if after else None,
            limit=limit,
        )
    items = [
        TeamOut(
            id=r["team_id"],
            org_id=r["org_id"],
            name=r["name"],
            care_setting=CareSetting(r["care_setting"]),
            description=r["description"],
            status=TeamStatus(r["status"]),
            review_cadence_days=r["review_cadence_days"],
            next_review_due=r["next_review_due"],
            member_count=r["member_count"],
            charter_revision=r["charter_revision"],
            version=r["version"],
            created_at=r["created_at"],
            updated_at=r["updated_at"],
            archived_at=r["archived_at"],
        )
        for r in page.rows
    ]
    last = page.rows[-1] if page.rows else None
    next_cursor = (
        encode_cursor([last["created_at"].isoformat(), last["team_id"]])
        if page.has_more and last is not None
        else None
    )
    return TeamPage(items=items, next_cursor=next_cursor)


@router.get("/{team_id}", response_model=TeamOut, summary="Read a team")
async def get_team(
    team_id: TeamId, request: Request, runtime: Runtime, principal: CurrentPrincipal
) -> JSONResponse:
    """The team as of its latest event; the ETag is its stream version."""
    async with runtime.engine.connect() as conn:
        team = await queries.read_team(
            conn, store=runtime.store, team_id=str(team_id), principal=principal
        )
    return JSONResponse(team_out(team), headers={"ETag": etag(team.version)})


@router.patch("/{team_id}", response_model=TeamOut, summary="Rename, re-describe, set cadence")
async def update_team(
    team_id: TeamId,
    body: TeamUpdate,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Change the fields given (name, description, review cadence); `If-Match` refuses stale."""
    command = UpdateTeam(
        actor=principal.subject,
        name=body.name,
        description=body.description,
        review_cadence_days=body.review_cadence_days,
    )
    store = runtime.store
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.update_team(
            conn, store=store, team_id=str(team_id), command=command, caller=caller
        ),
        render=team_out,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.post("/{team_id}/archive", response_model=TeamOut, summary="Archive a team")
async def archive_team(
    team_id: TeamId,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    body: Annotated[TeamArchive | None, Body()] = None,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Archive the team: it keeps its history and refuses every further change (409)."""
    command = ArchiveTeam(actor=principal.subject, reason=body.reason if body else "")
    store = runtime.store
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: handlers.archive_team(
            conn, store=store, team_id=str(team_id), command=command, caller=caller
        ),
        render=team_out,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )


@router.get(
    "/{team_id}/fhir",
    summary="The team as a FHIR R4 CareTeam",
    response_class=Response,
    responses={200: {"content": {fhir.FHIR_JSON: {}}, "description": "A FHIR R4 CareTeam"}},
)
async def get_care_team(
    team_id: TeamId, request: Request, runtime: Runtime, principal: CurrentPrincipal
) -> Response:
    """The team as an R4 `CareTeam`; also for integration clients with the `fhir:read` scope."""
    async with runtime.engine.connect() as conn:
        team = await queries.read_care_team(
            conn, store=runtime.store, team_id=str(team_id), principal=principal
        )
    return Response(
        content=fhir.care_team(team).model_dump_json(),
        media_type=fhir.FHIR_JSON,
        headers={"ETag": etag(team.version)},
    )
