"""Routes for instruments: Huddle's own and the organisation's, as versioned data."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.api.common import instrument_out
from huddle_assessments.api.deps import AssessmentsDep
from huddle_assessments.api.schemas import (
    HANDOVER_CHECK,
    InstrumentOut,
    InstrumentPage,
    InstrumentSummary,
)
from huddle_assessments.application import instruments, queries
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, execute, respond
from huddle_shared.contracts.assessments import InstrumentDefinition
from huddle_shared.http import Cursor, Limit
from huddle_shared.openapi import LOCATION, problems

router = APIRouter(prefix="/v1", tags=["instruments"])

# The definition is an event contract (huddle_shared.contracts), so its example sits here.
NewInstrument = Annotated[
    InstrumentDefinition,
    Body(
        openapi_examples={
            "handover_check": {
                "summary": "An organisation's own instrument",
                "value": HANDOVER_CHECK,
            }
        }
    ),
]


@router.get(
    "/instruments",
    response_model=InstrumentPage,
    operation_id="list_instruments",
    summary="List the instruments",
)
async def list_instruments(
    deps: AssessmentsDep, principal: CurrentPrincipal, limit: Limit = 50, cursor: Cursor = None
) -> InstrumentPage:
    """Huddle's own instruments, then those the caller's organisation published, by key and
    version (any caller of the organisation, integration clients included).

    Summaries only; read one for its items, scale and scoring. Cursor pagination.
    """
    async with deps.engine.connect() as conn:
        page = await queries.list_instruments(conn, principal=principal, cursor=cursor, limit=limit)
    return InstrumentPage(
        items=[_summary(r) for r in page.rows],
        next_cursor=page.next_cursor(queries.instrument_cursor_keys),
    )


def _summary(row: Any) -> InstrumentSummary:
    return InstrumentSummary(
        id=row["instrument_id"],
        key=row["key"],
        version=row["version"],
        owner=row["scope"],
        kind=row["kind"],
        title=row["title"],
    )


@router.get(
    "/instruments/{instrument_id}",
    response_model=InstrumentOut,
    operation_id="read_instrument",
    summary="Read an instrument version",
    responses=problems(404, _404="No such instrument"),
)
async def get_instrument(
    instrument_id: Annotated[str, Path(max_length=64)],
    deps: AssessmentsDep,
    principal: CurrentPrincipal,
) -> InstrumentOut:
    """One instrument version with its items, scale, subscales, scoring and bands (any caller
    of the organisation). Another organisation's own instrument is a 404."""
    async with deps.engine.connect() as conn:
        row = await queries.read_instrument(conn, instrument_id=instrument_id, principal=principal)
    return instrument_out(row)


@router.post(
    "/instruments",
    status_code=201,
    response_model=InstrumentOut,
    operation_id="publish_instrument",
    summary="Publish an instrument version",
    responses={
        201: {"description": "The published version", "headers": LOCATION},
        **problems(403, _403="Only org admins publish instruments"),
    },
)
async def create_instrument(
    body: NewInstrument, deps: AssessmentsDep, principal: CurrentPrincipal
) -> JSONResponse:
    """Publish the organisation's own instrument version (org admins); publishing the same key
    again adds the next version, and a published version never changes.

    A definition that does not hold together (an unknown item in a subscale, a bad scale, a
    key starting with `huddle.`) is a 422 naming each problem.
    """

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
