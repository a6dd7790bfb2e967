"""Routes for instruments: Huddle's own and the organisation's, as versioned data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.api.common import instrument_out
from huddle_assessments.api.deps import AssessmentsDep
from huddle_assessments.api.schemas import InstrumentList, InstrumentOut, InstrumentSummary
from huddle_assessments.application import instruments, queries
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, execute, respond
from huddle_shared.contracts.assessments import InstrumentDefinition
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", responses=PROBLEM_RESPONSES)


@router.get("/instruments", response_model=InstrumentList, tags=["instruments"])
async def list_instruments(deps: AssessmentsDep, principal: CurrentPrincipal) -> InstrumentList:
    """Huddle's instruments and the ones the caller's organisation published."""
    async with deps.engine.connect() as conn:
        rows = await queries.list_instruments(conn, principal=principal)
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
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
) -> InstrumentOut:
    """One instrument version with its items, scale, subscales, scoring and bands."""
    async with deps.engine.connect() as conn:
        row = await queries.read_instrument(conn, instrument_id=instrument_id, principal=principal)
    return instrument_out(row)


@router.post("/instruments", status_code=201, response_model=InstrumentOut, tags=["instruments"])
async def create_instrument(
    body: InstrumentDefinition, deps: AssessmentsDep, principal: CurrentPrincipal
) -> JSONResponse:
    """Publish the organisation's own instrument version; published versions never change."""

    # Not through ``write``: an instrument's ETag would be its stream version, which this
    # route never sent, and its ``version`` field is the instrument's own numbering.
    async def run(conn: AsyncConnection) -> CommandResult:
        row = await instruments.publish_own_instrument(
            conn, deps, principal=principal, definition=body, now=deps.clock()
        )
        return CommandResult(
            201,
            instrument_out(row).model_dump(mode="json"),
            {"Location": f"/v1/instruments/{row.instrument_id}"},
        )

    return respond(await execute(deps.engine, run, after_commit=deps.store.committed))
