"""Routes for responses and comments: answer once, read your own, never anyone else's."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.api.common import CampaignId, own_response_out
from huddle_assessments.api.deps import AssessmentsDep
from huddle_assessments.api.schemas import (
    CommentPage,
    OwnResponse,
    ResponseCreate,
    ResponseReceipt,
)
from huddle_assessments.application import queries, responses
from huddle_shared.aggregates import Caller
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, execute, respond
from huddle_shared.errors import Forbidden, NotFound
from huddle_shared.http import Cursor, Limit, event_context
from huddle_shared.openapi import LOCATION, problems

router = APIRouter(prefix="/v1", tags=["responses"])

_404_CAMPAIGN = "No such campaign"


@router.post(
    "/campaigns/{campaign_id}/responses",
    status_code=201,
    response_model=ResponseReceipt,
    operation_id="submit_campaign_response",
    summary="Answer a campaign",
    responses={
        201: {"description": "The response's id and scores", "headers": LOCATION},
        **problems(
            403,
            404,
            409,
            _403="Only the team's members when the campaign opened can respond",
            _404=_404_CAMPAIGN,
            _409="Already responded, or the campaign is not open",
        ),
    },
)
async def respond_to_campaign(
    campaign_id: CampaignId,
    body: ResponseCreate,
    request: Request,
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Answer an open campaign, once (the team's members when it opened); the scores come back.

    Each bad item is named in a 422, and a second response is a 409. Nobody but the author
    ever reads the answers or learns who wrote the comment.
    """
    context = event_context(request, principal)
    answers = responses.Answers(answers=body.answers, comment=body.comment)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=deps.clock())
        response_id, scores = await responses.submit_response(
            conn, deps, campaign_id=str(campaign_id), answers=answers, caller=caller
        )
        return CommandResult(
            201,
            {"response_id": response_id, "scores": scores},
            {"Location": f"/v1/campaigns/{campaign_id}/responses/{response_id}"},
        )

    # Not through ``write``: no idempotency record (it would tie the request, and so the
    # person, to the response; a retried submission is answered 409, which tells the client
    # it went through) and no ETag (a response is never read back by version).
    return respond(await execute(deps.engine, run, after_commit=deps.store.committed))


@router.get(
    "/campaigns/{campaign_id}/responses/me",
    response_model=OwnResponse,
    operation_id="read_my_campaign_response",
    summary="Read your own response",
    responses=problems(
        403,
        404,
        _403="Only people take part in campaigns",
        _404="No such campaign, or you have not responded to it",
    ),
)
async def my_response(
    campaign_id: CampaignId, deps: AssessmentsDep, principal: CurrentPrincipal
) -> OwnResponse:
    """Your own answers, scores and comment for this campaign: the only individual response
    anyone can read. A 404 when you have not responded."""
    async with deps.engine.connect() as conn:
        row = await queries.read_my_response(
            conn, link_key=deps.link_key, campaign_id=str(campaign_id), principal=principal
        )
    if row is None:
        raise NotFound("You have not responded to this campaign")
    return own_response_out(row)


@router.get(
    "/campaigns/{campaign_id}/responses",
    status_code=403,
    operation_id="list_campaign_responses",
    summary="List responses (always refused)",
    responses=problems(
        403,
        404,
        _403="Individual responses are never shown; see the insights dashboards",
        _404=_404_CAMPAIGN,
    ),
)
async def list_responses(
    campaign_id: CampaignId, deps: AssessmentsDep, principal: CurrentPrincipal
) -> JSONResponse:
    """Always refused (403): individual responses are never shown, to leads and admins
    included. Read the team's aggregates from the insights dashboards instead."""
    async with deps.engine.connect() as conn:
        await queries.campaign_view(conn, campaign_id=str(campaign_id), org_id=principal.org_id)
    raise Forbidden("Individual responses are never shown; see the insights dashboards")


@router.get(
    "/campaigns/{campaign_id}/responses/{response_id}",
    response_model=OwnResponse,
    operation_id="read_campaign_response",
    summary="Read a response (your own only)",
    responses=problems(
        403,
        404,
        _403="Individual responses are never shown to anyone but their author",
        _404=_404_CAMPAIGN,
    ),
)
async def get_response(
    campaign_id: CampaignId,
    response_id: Annotated[uuid.UUID, Path(description="The response id")],
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """A response by its id, for its author only; anyone else is refused (403), leads and
    admins included. The same as reading your own response."""
    async with deps.engine.connect() as conn:
        own = await queries.read_own_response(
            conn, link_key=deps.link_key, campaign_id=str(campaign_id), principal=principal
        )
    if own is None or own.response_id != str(response_id):
        raise Forbidden("Individual responses are never shown to anyone but their author")
    return JSONResponse(own_response_out(own).model_dump(mode="json"))


@router.get(
    "/campaigns/{campaign_id}/comments",
    response_model=CommentPage,
    operation_id="list_campaign_comments",
    summary="List a campaign's comments",
    responses=problems(
        403,
        404,
        _403="Only analysts, org admins and the team's clinical lead read comments",
        _404=_404_CAMPAIGN,
    ),
)
async def campaign_comments(
    campaign_id: CampaignId,
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> CommentPage:
    """Comments without authors, in random order and pages, once the campaign has closed with
    ten or more responses (analysts, org admins and the team's clinical lead).

    Until then the answer is `suppressed` with no items and a `reason`: while the campaign
    is open whatever the count, so nobody can watch comments arrive one response at a time.
    """
    async with deps.engine.connect() as conn:
        page = await queries.read_comments(
            conn,
            campaign_id=str(campaign_id),
            principal=principal,
            now=deps.clock(),
            cursor=cursor,
            limit=limit,
        )
    if isinstance(page, queries.CommentsWithheld):
        return CommentPage(
            suppressed=True, reason=_WITHHELD_BECAUSE[page], items=[], next_cursor=None
        )
    return CommentPage(
        suppressed=False,
        reason=None,
        items=[r["text"] for r in page.rows],
        next_cursor=page.next_cursor(lambda r: [r["comment_id"]]),
    )


_WITHHELD_BECAUSE = {
    queries.CommentsWithheld.OPEN: "Comments are shown once the campaign has closed",
    queries.CommentsWithheld.TOO_FEW: (
        f"Comments are shown once at least {queries.COMMENT_THRESHOLD} people have responded"
    ),
}
