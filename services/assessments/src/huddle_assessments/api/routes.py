"""HTTP routes of the assessments service."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.adapters.tables import campaigns, instruments, team_members
from huddle_assessments.api.schemas import (
    CampaignCreate,
    CampaignOut,
    CampaignPage,
    CampaignSettings,
    Comments,
    InstrumentList,
    InstrumentOut,
    InstrumentSummary,
    OwnResponse,
    Participation,
    ResponseCreate,
    ResponseReceipt,
)
from huddle_assessments.application import campaigns as handlers
from huddle_assessments.application.access import require_manager, require_viewer
from huddle_assessments.application.deps import Assessments
from huddle_assessments.application.instruments import (
    HUDDLE_SCOPE,
    publish_instrument,
    visible_instrument,
)
from huddle_shared.auth import CurrentPrincipal, Principal
from huddle_shared.commands import CommandResult, execute, idempotency_request, respond
from huddle_shared.contracts.assessments import InstrumentDefinition
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.errors import Forbidden, NotFound
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

router = APIRouter(prefix="/v1", responses=PROBLEM_RESPONSES)
CampaignId = Annotated[uuid.UUID, Path(description="The campaign id")]
InstrumentId = Annotated[str, Path(max_length=64, description="The instrument version id")]
LOW_PARTICIPATION = 0.6


def _deps(request: Request) -> Assessments:
    deps: Assessments = request.app.state.assessments
    return deps


def _people_only(principal: Principal) -> None:
    if principal.kind != "user":
        raise Forbidden("Only people take part in campaigns")


# ---- instruments ---------------------------------------------------------------------------


def _instrument_out(row: Any) -> InstrumentOut:
    return InstrumentOut(
        id=row.instrument_id,
        key=row.key,
        version=row.version,
        owner=row.scope,
        kind=row.kind,
        title=row.title,
        definition=InstrumentDefinition.model_validate(row.definition),
        published_at=row.published_at,
    )


@router.get("/instruments", response_model=InstrumentList, tags=["instruments"])
async def list_instruments(request: Request, principal: CurrentPrincipal) -> InstrumentList:
    """Huddle's instruments and the ones the caller's organisation published."""
    async with _deps(request).engine.connect() as conn:
        rows = await conn.execute(
            select(instruments)
            .where(
                or_(instruments.c.scope == HUDDLE_SCOPE, instruments.c.scope == principal.org_id)
            )
            .order_by(instruments.c.scope != HUDDLE_SCOPE, instruments.c.key, instruments.c.version)
        )
        items = [
            InstrumentSummary(
                id=r.instrument_id,
                key=r.key,
                version=r.version,
                owner=r.scope,
                kind=r.kind,
                title=r.title,
            )
            for r in rows
        ]
    return InstrumentList(items=items)


@router.get("/instruments/{instrument_id}", response_model=InstrumentOut, tags=["instruments"])
async def get_instrument(
    instrument_id: Annotated[str, Path(max_length=64)],
    request: Request,
    principal: CurrentPrincipal,
) -> InstrumentOut:
    """One instrument version with its items, scale, subscales, scoring and bands."""
    async with _deps(request).engine.connect() as conn:
        await visible_instrument(conn, instrument_id=instrument_id, org_id=principal.org_id)
        row = (
            await conn.execute(
                select(instruments).where(instruments.c.instrument_id == instrument_id)
            )
        ).one()
    return _instrument_out(row)


@router.post("/instruments", status_code=201, response_model=InstrumentOut, tags=["instruments"])
async def create_instrument(
    body: InstrumentDefinition, request: Request, principal: CurrentPrincipal
) -> JSONResponse:
    """Publish the organisation's own instrument version; published versions never change."""
    principal.require_role(OrgRole.ORG_ADMIN)
    deps = _deps(request)

    async def run(conn: AsyncConnection) -> CommandResult:
        instrument_id = await publish_instrument(
            conn,
            deps,
            org_id=principal.org_id,
            definition=body,
            actor=principal.subject,
            now=deps.clock(),
        )
        row = (
            await conn.execute(
                select(instruments).where(instruments.c.instrument_id == instrument_id)
            )
        ).one()
        return CommandResult(
            201,
            _instrument_out(row).model_dump(mode="json"),
            {"Location": f"/v1/instruments/{instrument_id}"},
        )

    return respond(await execute(deps.engine, run, after_commit=deps.store.committed))


# ---- campaigns -----------------------------------------------------------------------------


def _campaign_out(row: Any, now: Any) -> dict[str, Any]:
    status = (
        "closed"
        if row.closed_at is not None or now >= row.closes_at
        else ("scheduled" if now < row.opens_at else "open")
    )
    rate = row.responded_count / row.eligible_count if row.eligible_count else None
    warning = (
        "Participation is below 60 %: results may not represent the team"
        if rate is not None and rate < LOW_PARTICIPATION and status == "closed"
        else None
    )
    return CampaignOut(
        id=row.campaign_id,
        team_id=row.team_id,
        instrument_id=row.instrument_id,
        instrument_kind=row.instrument_kind,
        title=row.title,
        opens_at=row.opens_at,
        closes_at=row.closes_at,
        status=status,
        anonymity=row.anonymity,
        min_group_size=row.min_group_size,
        settings_locked=row.responded_count > 0,
        participation=Participation(
            eligible=row.eligible_count,
            responded=row.responded_count,
            rate=round(rate, 4) if rate is not None else None,
            warning=warning,
        ),
        closed_at=row.closed_at,
        version=row.version,
    ).model_dump(mode="json")


async def _campaign_row(conn: AsyncConnection, campaign_id: str, org_id: str) -> Any:
    row = (
        await conn.execute(
            select(campaigns).where(
                campaigns.c.campaign_id == campaign_id, campaigns.c.org_id == org_id
            )
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such campaign")
    return row


async def _campaign_result(
    conn: AsyncConnection, deps: Assessments, campaign_id: str, org_id: str, status: int = 200
) -> CommandResult:
    row = await _campaign_row(conn, campaign_id, org_id)
    return CommandResult(status, _campaign_out(row, deps.clock()), {"ETag": etag(row.version)})


@router.post("/campaigns", status_code=201, response_model=CampaignOut, tags=["campaigns"])
async def open_campaign(
    body: CampaignCreate,
    request: Request,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Open a campaign for a team (org admins and the team's clinical lead)."""
    _people_only(principal)
    deps = _deps(request)
    context = event_context(request, principal)
    idem = await idempotency_request(
        request, idempotency_key, scope=f"{principal.org_id}:{principal.subject}"
    )
    campaign_request = handlers.CampaignRequest(
        team_id=body.team_id,
        instrument_id=body.instrument_id,
        title=body.title,
        opens_at=body.opens_at,
        closes_at=body.closes_at,
        anonymity=body.anonymity,
        min_group_size=body.min_group_size,
    )

    async def run(conn: AsyncConnection) -> CommandResult:
        await require_manager(conn, principal, body.team_id)
        campaign = await handlers.open_campaign(
            conn, deps, request=campaign_request, context=context, now=deps.clock()
        )
        result = await _campaign_result(conn, deps, campaign.id, principal.org_id, 201)
        result.headers["Location"] = f"/v1/campaigns/{campaign.id}"
        return result

    return respond(
        await execute(deps.engine, run, idempotency=idem, after_commit=deps.store.committed)
    )


@router.get("/campaigns", response_model=CampaignPage, tags=["campaigns"])
async def list_campaigns(
    request: Request,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    team_id: Annotated[str | None, Query(max_length=64)] = None,
    status: Annotated[str | None, Query(pattern="^(scheduled|open|closed)$")] = None,
) -> CampaignPage:
    """Campaigns the caller may see: all for org admins and analysts, else their teams'."""
    _people_only(principal)
    deps = _deps(request)
    now = deps.clock()
    after = decode_cursor(cursor, 2)
    query = select(campaigns).where(campaigns.c.org_id == principal.org_id)
    if team_id is not None:
        query = query.where(campaigns.c.team_id == team_id)
    if status == "closed":
        query = query.where(or_(campaigns.c.closed_at.is_not(None), campaigns.c.closes_at <= now))
    elif status == "open":
        query = query.where(
            campaigns.c.closed_at.is_(None),
            campaigns.c.opens_at <= now,
            campaigns.c.closes_at > now,
        )
    elif status == "scheduled":
        query = query.where(campaigns.c.closed_at.is_(None), campaigns.c.opens_at > now)
    if not principal.has_any_role(OrgRole.ORG_ADMIN, OrgRole.ANALYST):
        query = query.where(
            campaigns.c.team_id.in_(
                select(team_members.c.team_id).where(team_members.c.user_id == principal.subject)
            )
        )
    if after is not None:
        created = parse_cursor_time(after[0])
        query = query.where(
            or_(
                campaigns.c.created_at > created,
                and_(campaigns.c.created_at == created, campaigns.c.campaign_id > str(after[1])),
            )
        )
    query = query.order_by(campaigns.c.created_at, campaigns.c.campaign_id).limit(limit + 1)
    async with deps.engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    items = [CampaignOut.model_validate(_campaign_out(r, now)) for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return CampaignPage(
        items=items,
        next_cursor=encode_cursor([last.created_at.isoformat(), last.campaign_id])
        if last
        else None,
    )


@router.get("/campaigns/{campaign_id}", response_model=CampaignOut, tags=["campaigns"])
async def get_campaign(
    campaign_id: CampaignId, request: Request, principal: CurrentPrincipal
) -> JSONResponse:
    """A campaign with its participation (eligible, responded, rate); never any answer."""
    _people_only(principal)
    deps = _deps(request)
    async with deps.engine.connect() as conn:
        row = await _campaign_row(conn, str(campaign_id), principal.org_id)
        await require_viewer(conn, principal, row.team_id)
        return respond(await _campaign_result(conn, deps, str(campaign_id), principal.org_id))


@router.patch("/campaigns/{campaign_id}", response_model=CampaignOut, tags=["campaigns"])
async def change_campaign_settings(
    campaign_id: CampaignId,
    body: CampaignSettings,
    request: Request,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> JSONResponse:
    """Change anonymity settings; refused (409) once the first response is in."""
    _people_only(principal)
    deps = _deps(request)
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        row = await _campaign_row(conn, str(campaign_id), principal.org_id)
        await require_manager(conn, principal, row.team_id)
        await handlers.change_settings(
            conn,
            deps,
            campaign_id=str(campaign_id),
            anonymity=body.anonymity,
            min_group_size=body.min_group_size,
            context=context,
            if_match=if_match,
            now=deps.clock(),
        )
        return await _campaign_result(conn, deps, str(campaign_id), principal.org_id)

    return respond(
        await execute(
            deps.engine, run, retry_on_conflict=if_match is None, after_commit=deps.store.committed
        )
    )


@router.post("/campaigns/{campaign_id}/close", response_model=CampaignOut, tags=["campaigns"])
async def close_campaign(
    campaign_id: CampaignId,
    request: Request,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> JSONResponse:
    """Close the campaign before its window ends."""
    _people_only(principal)
    deps = _deps(request)
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        row = await _campaign_row(conn, str(campaign_id), principal.org_id)
        await require_manager(conn, principal, row.team_id)
        await handlers.close_campaign(
            conn,
            deps,
            campaign_id=str(campaign_id),
            context=context,
            if_match=if_match,
            now=deps.clock(),
        )
        return await _campaign_result(conn, deps, str(campaign_id), principal.org_id)

    return respond(
        await execute(
            deps.engine, run, retry_on_conflict=if_match is None, after_commit=deps.store.committed
        )
    )


# ---- responses -----------------------------------------------------------------------------


@router.post(
    "/campaigns/{campaign_id}/responses",
    status_code=201,
    response_model=ResponseReceipt,
    tags=["responses"],
)
async def respond_to_campaign(
    campaign_id: CampaignId,
    body: ResponseCreate,
    request: Request,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Answer a campaign once; each bad item is named in a 422. A second response is a 409."""
    _people_only(principal)
    deps = _deps(request)
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        response_id, scores = await handlers.submit_response(
            conn,
            deps,
            campaign_id=str(campaign_id),
            user_id=principal.subject,
            answers=body.answers,
            comment=body.comment,
            context=context,
            now=deps.clock(),
        )
        return CommandResult(201, {"response_id": response_id, "scores": scores})

    # No idempotency record: it would tie the request (and so the person) to the response.
    # A retried submission is answered 409, which tells the client it went through.
    return respond(await execute(deps.engine, run, after_commit=deps.store.committed))


@router.get("/campaigns/{campaign_id}/responses/me", response_model=OwnResponse, tags=["responses"])
async def my_response(
    campaign_id: CampaignId, request: Request, principal: CurrentPrincipal
) -> OwnResponse:
    """Your own answers to this campaign: the only individual response anyone can read."""
    _people_only(principal)
    deps = _deps(request)
    async with deps.engine.connect() as conn:
        await _campaign_row(conn, str(campaign_id), principal.org_id)
        row = await handlers.own_response(
            conn, deps, campaign_id=str(campaign_id), user_id=principal.subject
        )
    if row is None:
        raise NotFound("You have not responded to this campaign")
    return OwnResponse(
        response_id=row.response_id,
        answers=row.answers,
        scores=row.scores,
        comment=row.comment,
        recorded_at=row.recorded_at,
    )


@router.get("/campaigns/{campaign_id}/responses", tags=["responses"], status_code=403)
async def list_responses(
    campaign_id: CampaignId, request: Request, principal: CurrentPrincipal
) -> JSONResponse:
    """Always refused: individual responses are never shown, to leads and admins included."""
    async with _deps(request).engine.connect() as conn:
        await _campaign_row(conn, str(campaign_id), principal.org_id)
    raise Forbidden("Individual responses are never shown; see the insights dashboards")


@router.get("/campaigns/{campaign_id}/responses/{response_id}", tags=["responses"], status_code=403)
async def get_response(
    campaign_id: CampaignId,
    response_id: Annotated[uuid.UUID, Path()],
    request: Request,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Refused unless it is the caller's own (use /responses/me)."""
    deps = _deps(request)
    async with deps.engine.connect() as conn:
        await _campaign_row(conn, str(campaign_id), principal.org_id)
        own = await handlers.own_response(
            conn, deps, campaign_id=str(campaign_id), user_id=principal.subject
        )
    if own is None or own.response_id != str(response_id):
        raise Forbidden("Individual responses are never shown to anyone but their author")
    return JSONResponse(
        OwnResponse(
            response_id=own.response_id,
            answers=own.answers,
            scores=own.scores,
            comment=own.comment,
            recorded_at=own.recorded_at,
        ).model_dump(mode="json")
    )


@router.get("/campaigns/{campaign_id}/comments", response_model=Comments, tags=["responses"])
async def campaign_comments(
    campaign_id: CampaignId, request: Request, principal: CurrentPrincipal
) -> Comments:
    """Comments without authors, once ten or more responded (team leads, admins, analysts)."""
    _people_only(principal)
    deps = _deps(request)
    async with deps.engine.connect() as conn:
        row = await _campaign_row(conn, str(campaign_id), principal.org_id)
        if not principal.has_any_role(OrgRole.ANALYST):
            await require_manager(conn, principal, row.team_id)
        texts = await handlers.comments(
            conn, campaign_id=str(campaign_id), responded=row.responded_count
        )
    if texts is None:
        return Comments(
            suppressed=True,
            reason=f"Comments are shown once at least {handlers.COMMENT_THRESHOLD} people "
            "have responded",
            comments=[],
        )
    return Comments(suppressed=False, reason=None, comments=texts)
