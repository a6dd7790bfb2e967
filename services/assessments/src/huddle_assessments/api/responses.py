"""Routes for responses and comments: answer once, read your own, never anyone else's."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.api.common import CampaignId, own_response_out
from huddle_assessments.api.deps import AssessmentsDep
from huddle_assessments.api.schemas import Comments, OwnResponse, ResponseCreate, ResponseReceipt
from huddle_assessments.application import queries, responses
from huddle_shared.aggregates import Caller
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, execute, respond
from huddle_shared.errors import Forbidden, NotFound
from huddle_shared.http import event_context
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", responses=PROBLEM_RESPONSES)


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
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Answer a campaign once; each bad item is named in a 422. A second response is a 409."""
    context = event_context(request, principal)
    answers = responses.Answers(answers=body.answers, comment=body.comment)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=deps.clock())
        response_id, scores = await responses.submit_response(
            conn, deps, campaign_id=str(campaign_id), answers=answers, caller=caller
        )
        return CommandResult(201, {"response_id": response_id, "scores": scores})

    # Not through ``write``: no idempotency record (it would tie the request, and so the
    # person, to the response; a retried submission is answered 409, which tells the client
    # it went through) and no ETag (a response is never read back by version).
    return respond(await execute(deps.engine, run, after_commit=deps.store.committed))


@router.get("/campaigns/{campaign_id}/responses/me", response_model=OwnResponse, tags=["responses"])
async def my_response(
    campaign_id: CampaignId, deps: AssessmentsDep, principal: CurrentPrincipal
) -> OwnResponse:
    """Your own answers to this campaign: the only individual response anyone can read."""
    async with deps.engine.connect() as conn:
        row = await queries.read_my_response(
            conn, link_key=deps.link_key, campaign_id=str(campaign_id), principal=principal
        )
    if row is None:
        raise NotFound("You have not responded to this campaign")
    return own_response_out(row)


@router.get("/campaigns/{campaign_id}/responses", tags=["responses"], status_code=403)
async def list_responses(
    campaign_id: CampaignId, deps: AssessmentsDep, principal: CurrentPrincipal
) -> JSONResponse:
    """Always refused: individual responses are never shown, to leads and admins included."""
    async with deps.engine.connect() as conn:
        await queries.campaign_view(conn, campaign_id=str(campaign_id), org_id=principal.org_id)
    raise Forbidden("Individual responses are never shown; see the insights dashboards")


@router.get("/campaigns/{campaign_id}/responses/{response_id}", tags=["responses"], status_code=403)
async def get_response(
    campaign_id: CampaignId,
    response_id: Annotated[uuid.UUID, Path()],
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Refused unless it is the caller's own (use /responses/me)."""
    async with deps.engine.connect() as conn:
        own = await queries.read_own_response(
            conn, link_key=deps.link_key, campaign_id=str(campaign_id), principal=principal
        )
    if own is None or own.response_id != str(response_id):
        raise Forbidden("Individual responses are never shown to anyone but their author")
    return JSONResponse(own_response_out(own).model_dump(mode="json"))


@router.get("/campaigns/{campaign_id}/comments", response_model=Comments, tags=["responses"])
async def campaign_comments(
    campaign_id: CampaignId, deps: AssessmentsDep, principal: CurrentPrincipal
) -> Comments:
    """Comments without authors, once the campaign has closed with ten or more responses.

    For team leads, admins and analysts. While the campaign is open the answer is suppressed
    whatever the count, so nobody can watch comments arrive one response at a time.
    """
    async with deps.engine.connect() as conn:
        texts = await queries.read_comments(
            conn, campaign_id=str(campaign_id), principal=principal, now=deps.clock()
        )
    if isinstance(texts, queries.CommentsWithheld):
        return Comments(suppressed=True, reason=_WITHHELD_BECAUSE[texts], comments=[])
    return Comments(suppressed=False, reason=None, comments=texts)


_WITHHELD_BECAUSE = {
    queries.CommentsWithheld.OPEN: "Comments are shown once the campaign has closed",
    queries.CommentsWithheld.TOO_FEW: (
        f"Comments are shown once at least {queries.COMMENT_THRESHOLD} people have responded"
    ),
}
