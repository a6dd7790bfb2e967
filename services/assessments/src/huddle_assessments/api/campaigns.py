"""Routes for campaigns: open one for a team, list, read, change settings, close."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from huddle_assessments.api.common import CampaignId, campaign_out
from huddle_assessments.api.deps import AssessmentsDep
from huddle_assessments.api.schemas import (
    CampaignCreate,
    CampaignOut,
    CampaignPage,
    CampaignSettings,
)
from huddle_assessments.application import campaigns, queries
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import write
from huddle_shared.http import Cursor, IdempotencyKey, IfMatch, Limit, etag
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", responses=PROBLEM_RESPONSES)


@router.post("/campaigns", status_code=201, response_model=CampaignOut, tags=["campaigns"])
async def open_campaign(
    body: CampaignCreate,
    request: Request,
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Open a campaign for a team (org admins and the team's clinical lead)."""
    campaign_request = campaigns.CampaignRequest(
        team_id=body.team_id,
        instrument_id=body.instrument_id,
        title=body.title,
        opens_at=body.opens_at,
        closes_at=body.closes_at,
        anonymity=body.anonymity,
        min_group_size=body.min_group_size,
    )
    return await write(
        request,
        principal,
        target=deps,
        change=lambda conn, caller: campaigns.open_campaign(
            conn, deps, request=campaign_request, caller=caller
        ),
        render=lambda campaign: campaign_out(campaign, deps.clock()),
        status_code=201,
        idempotency_key=idempotency_key,
        location=lambda campaign: f"/v1/campaigns/{campaign.id}",
    )


@router.get("/campaigns", response_model=CampaignPage, tags=["campaigns"])
async def list_campaigns(
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    team_id: Annotated[str | None, Query(max_length=64)] = None,
    status: Annotated[str | None, Query(pattern="^(scheduled|open|closed)$")] = None,
) -> CampaignPage:
    """Campaigns the caller may see: all for org admins and analysts, else their teams'."""
    now = deps.clock()
    async with deps.engine.connect() as conn:
        page = await queries.list_campaigns(
            conn,
            principal=principal,
            filters=queries.CampaignFilters(team_id=team_id, status=status),
            now=now,
            cursor=cursor,
            limit=limit,
        )
    items = [
        CampaignOut.model_validate(campaign_out(queries.CampaignView.of(r), now)) for r in page.rows
    ]
    return CampaignPage(
        items=items,
        next_cursor=page.next_cursor(lambda r: [r["created_at"].isoformat(), r["campaign_id"]]),
    )


@router.get("/campaigns/{campaign_id}", response_model=CampaignOut, tags=["campaigns"])
async def get_campaign(
    campaign_id: CampaignId, deps: AssessmentsDep, principal: CurrentPrincipal
) -> JSONResponse:
    """A campaign with its participation (eligible, responded, rate); never any answer."""
    async with deps.engine.connect() as conn:
        campaign = await queries.read_campaign(
            conn, campaign_id=str(campaign_id), principal=principal
        )
    return JSONResponse(
        campaign_out(campaign, deps.clock()), headers={"ETag": etag(campaign.version)}
    )


@router.patch("/campaigns/{campaign_id}", response_model=CampaignOut, tags=["campaigns"])
async def change_campaign_settings(
    campaign_id: CampaignId,
    body: CampaignSettings,
    request: Request,
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> Response:
    """Change anonymity settings; refused (409) once the first response is in."""
    return await write(
        request,
        principal,
        target=deps,
        change=lambda conn, caller: campaigns.change_settings(
            conn,
            deps,
            campaign_id=str(campaign_id),
            anonymity=body.anonymity,
            min_group_size=body.min_group_size,
            caller=caller,
        ),
        render=lambda campaign: campaign_out(campaign, deps.clock()),
        if_match=if_match,
    )


@router.post("/campaigns/{campaign_id}/close", response_model=CampaignOut, tags=["campaigns"])
async def close_campaign(
    campaign_id: CampaignId,
    request: Request,
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> Response:
    """Close the campaign before its window ends."""
    return await write(
        request,
        principal,
        target=deps,
        change=lambda conn, caller: campaigns.close_campaign(
            conn, deps, campaign_id=str(campaign_id), caller=caller
        ),
        render=lambda campaign: campaign_out(campaign, deps.clock()),
        if_match=if_match,
    )
