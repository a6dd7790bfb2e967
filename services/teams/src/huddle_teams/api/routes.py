"""HTTP routes of the teams service: schema in, command, handler, schema out."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, IdempotencyRequest, execute, fingerprint
from huddle_shared.contracts.teams import CareSetting
from huddle_shared.http import (
    Cursor,
    IdempotencyKey,
    IfMatch,
    Limit,
    decode_cursor,
    encode_cursor,
    etag,
    event_context,
    parse_cursor_time,
)
from huddle_shared.problems import PROBLEM_RESPONSES
from huddle_shared.runtime import ServiceRuntime
from huddle_teams.adapters.tables import team_list
from huddle_teams.api.schemas import TeamCreate, TeamOut, TeamPage, TeamUpdate
from huddle_teams.application import handlers
from huddle_teams.domain.team import CreateTeam, RenameTeam, Team

router = APIRouter(prefix="/v1/teams", tags=["teams"], responses=PROBLEM_RESPONSES)
TeamId = Annotated[uuid.UUID, Path(description="The team id")]
MANAGERS = ("org_admin",)


def _runtime(request: Request) -> ServiceRuntime:
    runtime: ServiceRuntime = request.app.state.runtime
    return runtime


def _out(team: Team) -> dict[str, object]:
    return TeamOut(
        id=team.id,
        org_id=team.org_id,
        name=team.name,
        care_setting=team.care_setting,
        description=team.description,
        version=team.version,
        created_at=team.created_at,
        updated_at=team.updated_at,
    ).model_dump(mode="json")


def _respond(result: CommandResult) -> JSONResponse:
    return JSONResponse(result.body, status_code=result.status_code, headers=result.headers)


async def _idempotency(
    request: Request, key: str | None, principal_scope: str
) -> IdempotencyRequest | None:
    if key is None:
        return None
    body = await request.body()
    return IdempotencyRequest(
        scope=principal_scope,
        key=key,
        fingerprint=fingerprint(request.method, request.url.path, body),
    )


@router.post("", status_code=201, response_model=TeamOut, summary="Create a care team")
async def create_team(
    body: TeamCreate,
    request: Request,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Create a team in the caller's organisation (org admins)."""
    principal.require_role(*MANAGERS)
    runtime = _runtime(request)
    context = event_context(request, principal)
    command = CreateTeam(
        team_id=str(uuid.uuid4()),
        org_id=principal.org_id,
        name=body.name,
        care_setting=body.care_setting,
        description=body.description,
        actor=principal.subject,
    )

    async def run(conn: AsyncConnection) -> CommandResult:
        team = await handlers.create_team(
            conn, store=runtime.store, command=command, context=context, now=runtime.clock()
        )
        return CommandResult(
            201,
            _out(team),
            {"ETag": etag(team.version), "Location": f"/v1/teams/{team.id}"},
        )

    idem = await _idempotency(request, idempotency_key, f"{principal.org_id}:{principal.subject}")
    return _respond(
        await execute(runtime.engine, run, idempotency=idem, after_commit=runtime.store.committed)
    )


@router.get("", response_model=TeamPage, summary="List the organisation's teams")
async def list_teams(
    request: Request,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    care_setting: Annotated[CareSetting | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200, description="Name contains")] = None,
) -> TeamPage:
    """Teams of the caller's organisation, oldest first, with cursor pagination."""
    after = decode_cursor(cursor, 2)
    query = select(team_list).where(team_list.c.org_id == principal.org_id)
    if care_setting is not None:
        query = query.where(team_list.c.care_setting == care_setting.value)
    if q:
        escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(team_list.c.name.ilike(f"%{escaped}%", escape="\\"))
    if after is not None:
        created = parse_cursor_time(after[0])
        team_id = after[1]
        query = query.where(
            or_(
                team_list.c.created_at > created,
                and_(team_list.c.created_at == created, team_list.c.team_id > str(team_id)),
            )
        )
    query = query.order_by(team_list.c.created_at, team_list.c.team_id).limit(limit + 1)
    async with _runtime(request).engine.connect() as conn:
        rows = (await conn.execute(query)).mappings().all()
    items = [
        TeamOut(
            id=r["team_id"],
            org_id=r["org_id"],
            name=r["name"],
            care_setting=CareSetting(r["care_setting"]),
            description=r["description"],
            version=r["version"],
            created_at=r["created_at"],
            updated_at=r["updated_at"],
        )
        for r in rows[:limit]
    ]
    next_cursor = (
        encode_cursor([rows[limit - 1]["created_at"].isoformat(), rows[limit - 1]["team_id"]])
        if len(rows) > limit
        else None
    )
    return TeamPage(items=items, next_cursor=next_cursor)


@router.get("/{team_id}", response_model=TeamOut, summary="Read a team")
async def get_team(team_id: TeamId, request: Request, principal: CurrentPrincipal) -> JSONResponse:
    """The team as of its latest event; the ETag is its stream version."""
    runtime = _runtime(request)
    async with runtime.engine.connect() as conn:
        team = await handlers.load_team(
            conn, store=runtime.store, team_id=str(team_id), org_id=principal.org_id
        )
    return JSONResponse(_out(team), headers={"ETag": etag(team.version)})


@router.patch("/{team_id}", response_model=TeamOut, summary="Rename or re-describe a team")
async def update_team(
    team_id: TeamId,
    body: TeamUpdate,
    request: Request,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Change the name and description; send `If-Match` to refuse a stale write (412)."""
    principal.require_role(*MANAGERS)
    runtime = _runtime(request)
    context = event_context(request, principal)
    command = RenameTeam(name=body.name, description=body.description, actor=principal.subject)

    async def run(conn: AsyncConnection) -> CommandResult:
        team = await handlers.rename_team(
            conn,
            store=runtime.store,
            team_id=str(team_id),
            command=command,
            context=context,
            if_match=if_match,
            now=runtime.clock(),
        )
        return CommandResult(200, _out(team), {"ETag": etag(team.version)})

    idem = await _idempotency(request, idempotency_key, f"{principal.org_id}:{principal.subject}")
    return _respond(
        await execute(
            runtime.engine,
            run,
            idempotency=idem,
            retry_on_conflict=if_match is None,
            after_commit=runtime.store.committed,
        )
    )
