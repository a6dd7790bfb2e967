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
from huddle_shared.openapi import ETAG, LOCATION, problems

router = APIRouter(prefix="/v1", tags=["campaigns"])

_403_MANAGE = "Only org admins and the team's clinical lead manage its campaigns"
_404_CAMPAIGN = "No such campaign"
_412 = "The campaign changed since you read it; reload it and try again"


@router.post(
    "/campaigns",
    status_code=201,
    response_model=CampaignOut,
    operation_id="open_campaign",
    summary="Open a campaign for a team",
    responses={
        201: {"description": "The campaign", "headers": LOCATION | ETAG},
        **problems(
            403,
            404,
            409,
            _403=_403_MANAGE,
            _404="No such team or instrument",
            _409="The team is archived",
        ),
    },
)
async def open_campaign(
    body: CampaignCreate,
    request: Request,
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Open a campaign asking a team to answer an instrument within a window (org admins and
    the team's clinical lead). Everyone on the team at this moment may respond.

    A window that ends in the past or lasts over 180 days, or a minimum group below three, is a
    422. With an Idempotency-Key a retried request returns the first answer.
    """
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


@router.get(
    "/campaigns",
    response_model=CampaignPage,
    operation_id="list_campaigns",
    summary="List campaigns",
    responses=problems(
        403,
        _403="Only people take part in campaigns",
    ),
)
async def list_campaigns(
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
    team_id: Annotated[str | None, Query(max_length=64)] = None,
    status: Annotated[
        str | None,
        Query(pattern="^(scheduled|open|closed)$", description="scheduled, open or closed"),
    ] = None,
) -> CampaignPage:
    """Campaigns the caller may see, with their participation: all of the organisation's for
    org admins and analysts, else those of the caller's teams.

    Oldest first, with cursor pagination; integration clients are refused (403).
    """
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


@router.get(
    "/campaigns/{campaign_id}",
    response_model=CampaignOut,
    operation_id="read_campaign",
    summary="Read a campaign",
    responses={
        200: {"description": "The campaign", "headers": ETAG},
        **problems(
            403,
            404,
            _403="Only the team, org admins and analysts see this campaign",
            _404=_404_CAMPAIGN,
        ),
    },
)
async def get_campaign(
    campaign_id: CampaignId, deps: AssessmentsDep, principal: CurrentPrincipal
) -> JSONResponse:
    """A campaign with its status and participation (eligible, responded, rate); never any
    answer (the team's members, org admins and analysts).

    Its ETag is what the settings change and the close take in If-Match.
    """
    async with deps.engine.connect() as conn:
        campaign = await queries.read_campaign(
            conn, campaign_id=str(campaign_id), principal=principal
        )
    return JSONResponse(
        campaign_out(campaign, deps.clock()), headers={"ETag": etag(campaign.version)}
    )


@router.patch(
    "/campaigns/{campaign_id}",
    response_model=CampaignOut,
    operation_id="change_campaign_settings",
    summary="Change a campaign's anonymity settings",
    responses={
        200: {"description": "The campaign", "headers": ETAG},
        **problems(
            403,
            404,
            409,
            412,
            _403=_403_MANAGE,
            _404=_404_CAMPAIGN,
            _409="The campaign has closed, or its settings locked at the first response",
            _412=_412,
        ),
    },
)
async def change_campaign_settings(
    campaign_id: CampaignId,
    body: CampaignSettings,
    request: Request,
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> Response:
    """Change the anonymity and the minimum group size (org admins and the team's clinical
    lead); the campaign comes back.

    Refused (409) once the first response is in, or once the campaign has closed: people
    answered under the settings announced.
    """
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


@router.post(
    "/campaigns/{campaign_id}/close",
    response_model=CampaignOut,
    operation_id="close_campaign",
    summary="Close a campaign early",
    responses={
        200: {"description": "The closed campaign", "headers": ETAG},
        **problems(
            403,
            404,
            409,
            412,
            _403=_403_MANAGE,
            _404=_404_CAMPAIGN,
            _409="The campaign is already closed",
            _412=_412,
        ),
    },
)
async def close_campaign(
    campaign_id: CampaignId,
    request: Request,
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> Response:
    """Close the campaign before its window ends (org admins and the team's clinical lead);
    it takes no more responses. A campaign also closes by itself when its window ends.
    """
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
