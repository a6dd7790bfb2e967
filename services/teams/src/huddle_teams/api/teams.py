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
from huddle_shared.openapi import ETAG, LOCATION, problems
from huddle_teams.api import fhir
from huddle_teams.api.common import (
    MANAGE_403,
    TEAM_404,
    TEAM_ID_422,
    WRITE_412,
    TeamId,
    write_responses,
)
from huddle_teams.api.fhir_schemas import CareTeam
from huddle_teams.api.schemas import TeamArchive, TeamCreate, TeamOut, TeamPage, TeamUpdate
from huddle_teams.application import handlers, queries
from huddle_teams.domain.state import Team, TeamStatus
from huddle_teams.domain.team import ArchiveTeam, CreateTeam, UpdateTeam

router = APIRouter(prefix="/v1/teams", tags=["teams"])


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


@router.post(
    "",
    status_code=201,
    response_model=TeamOut,
    operation_id="create_team",
    summary="Create a care team",
    responses={
        201: {"description": "The new team", "headers": {**LOCATION, **ETAG}},
        **problems(
            403,
            422,
            _403="Only org admins create teams",
            _422="Invalid input, or the Idempotency-Key was used for another request",
        ),
    },
)
async def create_team(
    body: TeamCreate,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Create a team in the caller's organisation; only org admins may. Answers 201 with the
    team, its path in `Location` and its version in `ETag`; with an `Idempotency-Key` a retry
    gets the first answer again instead of a second team."""
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


@router.get(
    "",
    response_model=TeamPage,
    operation_id="list_teams",
    summary="List the organisation's teams",
    responses=problems(
        403,
        422,
        _403="Integration clients read teams through the FHIR view only",
        _422="A filter or the page size is not valid",
    ),
)
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
    """The teams of the caller's organisation, oldest first, a page at a time (pass
    `next_cursor` back as `cursor`); filter by care setting, status, name or member. Any person
    of the organisation may list them; integration clients may not (403)."""
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


@router.get(
    "/{team_id}",
    response_model=TeamOut,
    operation_id="read_team",
    summary="Read a team",
    responses={
        200: {"description": "The team", "headers": ETAG},
        **problems(
            403,
            404,
            422,
            _403="Integration clients read teams through the FHIR view only",
            _404=TEAM_404,
            _422=TEAM_ID_422,
        ),
    },
)
async def read_team(
    team_id: TeamId, request: Request, runtime: Runtime, principal: CurrentPrincipal
) -> JSONResponse:
    """The team as of its latest event, for any person of its organisation. `ETag` is its
    version: send it as `If-Match` to change the team without overwriting someone else's
    change."""
    async with runtime.engine.connect() as conn:
        team = await queries.read_team(
            conn, store=runtime.store, team_id=str(team_id), principal=principal
        )
    return JSONResponse(team_out(team), headers={"ETag": etag(team.version)})


@router.patch(
    "/{team_id}",
    response_model=TeamOut,
    operation_id="update_team",
    summary="Rename a team, re-describe it or set its review cadence",
    responses=write_responses(
        200,
        "The team as changed",
        invalid="Invalid input: a blank name, or a cadence out of range",
    ),
)
async def update_team(
    team_id: TeamId,
    body: TeamUpdate,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Change only the fields given: name, description, review cadence (org admins and the
    team's clinical lead). Answers the team and its new `ETag`; a field given its current value
    records nothing. With `If-Match`, a stale version is refused with 412."""
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


@router.post(
    "/{team_id}/archive",
    response_model=TeamOut,
    operation_id="archive_team",
    summary="Archive a team",
    responses={
        200: {"description": "The archived team", "headers": ETAG},
        **problems(
            403,
            404,
            409,
            412,
            422,
            _403=MANAGE_403,
            _404=TEAM_404,
            _409="The team is already archived, or was changed at the same moment",
            _412=WRITE_412,
            _422="Invalid input: a reason over 1,000 characters, or a malformed header",
        ),
    },
)
async def archive_team(
    team_id: TeamId,
    request: Request,
    runtime: Runtime,
    principal: CurrentPrincipal,
    body: Annotated[
        TeamArchive | None,
        Body(
            openapi_examples={
                "with_reason": {
                    "summary": "With a reason",
                    "value": {"reason": "Merged into Riverside Family Practice North"},
                },
                "without": {
                    "summary": "Without a reason (the body may also be left out)",
                    "value": {},
                },
            }
        ),
    ] = None,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Archive the team (org admins and the team's clinical lead), with an optional reason.
    It can still be read, with its history, but refuses every further change with 409."""
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


# The route renders the resource itself, as application/fhir+json: the document says so (the
# model's schema, under that media type) without FastAPI adding an application/json body.
_CARE_TEAM_BODY = {
    fhir.FHIR_JSON: {"schema": {"$ref": f"#/components/schemas/{CareTeam.__name__}"}}
}


@router.get(
    "/{team_id}/fhir",
    response_model=CareTeam,
    response_class=Response,
    operation_id="read_care_team",
    summary="Read the team as a FHIR R4 CareTeam",
    responses={
        200: {
            "description": "A FHIR R4 CareTeam resource",
            "headers": ETAG,
            "content": _CARE_TEAM_BODY,
        },
        **problems(
            403,
            404,
            422,
            _403="Only the team's members, org admins, analysts and clients with the scope "
            "'fhir:read' read this",
            _404=TEAM_404,
            _422=TEAM_ID_422,
        ),
    },
)
async def read_care_team(
    team_id: TeamId, request: Request, runtime: Runtime, principal: CurrentPrincipal
) -> Response:
    """The team as an HL7 FHIR R4 `CareTeam` (application/fhir+json): every person in every
    team role over time as a participant with its period. For the team's members, org admins,
    analysts, and integration clients with the `fhir:read` scope; `ETag` is the team's version."""
    async with runtime.engine.connect() as conn:
        team = await queries.read_care_team(
            conn, store=runtime.store, team_id=str(team_id), principal=principal
        )
    return Response(
        content=fhir.care_team(team).model_dump_json(exclude_none=True),
        media_type=fhir.FHIR_JSON,
        headers={"ETag": etag(team.version)},
    )
