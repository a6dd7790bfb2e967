"""Dead letters for operators: list them with their reasons, replay them once a fix is out.

Every service that consumes mounts :data:`router` (``GET /v1/dead-letters``, ``POST
/v1/dead-letters/replay``) and offers :func:`dead_letter_command` as ``python -m
huddle_<service> replay-dead-letters [--list] [--id N ...]``. Both reach the consumers the
service's composition root built (``ServiceRuntime.consumers`` and the live ones it manages
elsewhere, such as insights' projection generation) and re-drive the stored records through
the same projection code (``ConsumerRuntime.replay_dead_letters``): a replayed letter is marked
in the transaction that applies it, so a second replay, or two at once, applies nothing again.

The routes take the operator key instead of a token: they concern the deployment, not a
tenant, and the records may belong to any organisation. Without a configured key the routes
answer 404, as if they did not exist. See docs/operations.md for the runbook.
"""

from __future__ import annotations

import argparse
import asyncio
import hmac
import json
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request
from pydantic import BaseModel, ConfigDict, Field, JsonValue

from huddle_shared import metrics
from huddle_shared.cli import Command
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.consumer.bookkeeping import DeadLetterSummary, list_dead_letters
from huddle_shared.errors import Forbidden, NotFound, ServiceUnavailable
from huddle_shared.http import BAD_CURSOR, BadRequest, Cursor, Limit, decode_cursor, encode_cursor
from huddle_shared.openapi import problems
from huddle_shared.runtime import ServiceRuntime

OPERATOR_HEADER = "X-Operator-Key"
OperatorKey = Annotated[
    str | None,
    Header(alias=OPERATOR_HEADER, max_length=512, description="The service's operator key"),
]


def ensure_operator(*, configured: str | None, given: str | None) -> None:
    """The operator key: unset, the operations routes do not exist; otherwise it must match."""
    if configured is None:
        raise NotFound("Not found")
    # Constant time: the comparison must not tell how much of a guessed key was right.
    if given is None or not hmac.compare_digest(given.encode(), configured.encode()):
        raise Forbidden(f"A valid {OPERATOR_HEADER} is required")


def require_operator(request: Request, operator_key: OperatorKey = None) -> None:
    """A dependency: the caller holds the operator key configured for this service."""
    runtime: ServiceRuntime = request.app.state.runtime
    configured = runtime.settings.operator_key
    ensure_operator(
        configured=configured.get_secret_value() if configured else None, given=operator_key
    )


def consumers_of(runtime: ServiceRuntime) -> list[ConsumerRuntime]:
    """The service's consumers: those it built, and the live ones another part manages."""
    live = runtime.live_consumers() if runtime.live_consumers is not None else []
    return [*runtime.consumers, *(c for c in live if c is not None)]


# ---- what both the routes and the command do ------------------------------------------------


_LETTER_EXAMPLE: dict[str, JsonValue] = {
    "id": 17,
    "group": "insights",
    "topic": "teams.team.v1",
    "partition": 3,
    "offset": 1042,
    "event_type": "huddle.teams.member_added.v1",
    "event_id": "6f1c2a9e-3b7d-4c55-9a0e-2d8f4b1e7c10",
    "subject": "0b7f3c1e-8d2a-4f6b-9c3e-5a1d7e9f2b48",
    "reason": "projection failed: KeyError",
    "created_at": "2026-11-30T08:15:02Z",
    "published_at": "2026-11-30T08:15:03Z",
    "replayed_at": None,
}


class DeadLetterOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [_LETTER_EXAMPLE]})

    id: int
    group: str = Field(description="The consumer group that set it aside")
    topic: str
    partition: int
    offset: int
    event_type: str | None = Field(description="`ce_type`, when the record carried one")
    event_id: str | None = Field(description="`ce_id`, when the record carried one")
    subject: str | None = Field(description="`ce_subject` (the aggregate id), when carried")
    reason: str = Field(description="Why it could not be applied (the latest failure is logged)")
    created_at: datetime
    published_at: datetime | None = Field(description="When it reached the dead-letter topic")
    replayed_at: datetime | None = Field(description="When a replay applied it (then never again)")


class DeadLetterPage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [_LETTER_EXAMPLE], "next_cursor": None}]}
    )

    items: list[DeadLetterOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


class ReplayRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"ids": [17, 18]}, {}]})

    ids: list[int] | None = Field(
        default=None,
        max_length=1000,
        description="Only these dead letters (default: every one not replayed yet)",
    )


class ReplayResult(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"replayed": 2, "still_failing": 0}]})

    replayed: int = Field(description="Applied now, and marked: no replay applies them again")
    still_failing: int = Field(description="Refused again; they stay for a later replay")


def _out(letter: DeadLetterSummary) -> DeadLetterOut:
    return DeadLetterOut(
        id=letter.id,
        group=letter.group_id,
        topic=letter.topic,
        partition=letter.partition,
        offset=letter.offset,
        event_type=letter.headers.get("ce_type"),
        event_id=letter.headers.get("ce_id"),
        subject=letter.headers.get("ce_subject"),
        reason=letter.reason,
        created_at=letter.created_at,
        published_at=letter.published_at,
        replayed_at=letter.replayed_at,
    )


def _running(consumers: Sequence[ConsumerRuntime]) -> Sequence[ConsumerRuntime]:
    if not consumers:
        raise ServiceUnavailable("The service's consumers are not running yet")
    return consumers


async def dead_letter_page(
    consumers: Sequence[ConsumerRuntime],
    *,
    after_id: int | None = None,
    replayed: bool | None = None,
    limit: int = 100,
) -> tuple[list[DeadLetterOut], bool]:
    """The consumers' dead letters, oldest first; and whether more follow."""
    consumers = _running(consumers)
    # A service's consumers record their bookkeeping in the one database of the service.
    async with consumers[0].engine.connect() as conn:
        letters, more = await list_dead_letters(
            conn,
            group_ids=[c.group_id for c in consumers],
            after_id=after_id,
            replayed=replayed,
            limit=limit,
        )
    return [_out(letter) for letter in letters], more


async def replay_dead_letters(
    consumers: Sequence[ConsumerRuntime], *, ids: Sequence[int] | None = None
) -> ReplayResult:
    """Re-drive the dead letters (only ``ids`` when given) through their projections."""
    replayed = failing = 0
    for consumer in _running(consumers):
        applied, failed = await consumer.replay_dead_letters(ids)
        metrics.DEAD_LETTERS_REPLAYED.add(
            applied, {"group": consumer.group_id, "result": "applied"}
        )
        metrics.DEAD_LETTERS_REPLAYED.add(failed, {"group": consumer.group_id, "result": "failed"})
        replayed, failing = replayed + applied, failing + failed
    return ReplayResult(replayed=replayed, still_failing=failing)


# ---- the routes ------------------------------------------------------------------------------

router = APIRouter(
    prefix="/v1/dead-letters",
    tags=["operations"],
    # Without a configured key the routes answer 404; a wrong or missing key 403.
    responses=problems(
        403,
        404,
        _403=f"A valid {OPERATOR_HEADER} is required",
        _404="No operator key is configured: the route does not exist",
    ),
    dependencies=[Depends(require_operator)],
)


def _runtime(request: Request) -> ServiceRuntime:
    runtime: ServiceRuntime = request.app.state.runtime
    return runtime


@router.get(
    "",
    response_model=DeadLetterPage,
    operation_id="list_dead_letters",
    summary="List dead letters",
)
async def list_the_dead_letters(
    request: Request,
    limit: Limit = 50,
    cursor: Cursor = None,
    replayed: Annotated[
        bool | None, Query(description="Only replayed (true) or only waiting (false) ones")
    ] = None,
) -> DeadLetterPage:
    """What the consumers set aside and why, oldest first (operators)."""
    after = decode_cursor(cursor, 1)
    if after is not None and not isinstance(after[0], int):
        raise BadRequest(BAD_CURSOR)
    items, more = await dead_letter_page(
        consumers_of(_runtime(request)),
        after_id=after[0] if after else None,
        replayed=replayed,
        limit=limit,
    )
    next_cursor = encode_cursor([items[-1].id]) if more and items else None
    return DeadLetterPage(items=items, next_cursor=next_cursor)


@router.post(
    "/replay",
    response_model=ReplayResult,
    operation_id="replay_dead_letters",
    summary="Replay dead letters",
)
async def replay_the_dead_letters(
    request: Request, body: ReplayRequest | None = None
) -> ReplayResult:
    """Re-drive every dead letter not replayed yet, or the given ids, after a fix (operators)."""
    return await replay_dead_letters(
        consumers_of(_runtime(request)), ids=body.ids if body else None
    )


# ---- the command -----------------------------------------------------------------------------


LiveConsumers = Callable[[FastAPI], Awaitable[Sequence[ConsumerRuntime]]]


async def _built_consumers(app: FastAPI) -> Sequence[ConsumerRuntime]:
    return consumers_of(app.state.runtime)


def dead_letter_command(
    build_app: Callable[[], FastAPI], *, consumers: LiveConsumers = _built_consumers
) -> Command:
    """``replay-dead-letters [--list [--all]] [--id N ...]`` for ``service_main``.

    It builds the service as its composition root does (nothing connects until used), so the
    replay runs the very projection code the service runs, and prints JSON lines. A service
    whose consumers exist only once it runs (insights' generations) passes ``consumers``.
    """

    def arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--list", action="store_true", help="only list the dead letters not replayed yet"
        )
        parser.add_argument("--all", action="store_true", help="with --list: the replayed ones too")
        parser.add_argument(
            "--id",
            type=int,
            action="append",
            dest="ids",
            metavar="ID",
            help="only this one (repeat)",
        )

    def run(args: argparse.Namespace) -> None:
        # One JSON document per line (log lines share stdout): each dead letter, or the result.
        for line in asyncio.run(_run_command(build_app(), consumers, args)):
            print(json.dumps(line, default=str), flush=True)

    return Command(
        help="list the dead letters, or replay them after a fix",
        run=run,
        add_arguments=arguments,
    )


async def _run_command(
    app: FastAPI, find_consumers: LiveConsumers, args: argparse.Namespace
) -> list[dict[str, Any]]:
    runtime: ServiceRuntime = app.state.runtime
    consumers: Sequence[ConsumerRuntime] = []
    try:
        consumers = await find_consumers(app)
        if not args.list:
            return [(await replay_dead_letters(consumers, ids=args.ids)).model_dump()]
        letters: list[DeadLetterOut] = []
        after: int | None = None
        while True:
            page, more = await dead_letter_page(
                consumers, after_id=after, replayed=None if args.all else False, limit=200
            )
            letters += page
            if not more or not page:
                break
            after = page[-1].id
        return [letter.model_dump(mode="json") for letter in letters]
    finally:
        for engine in {id(e): e for e in [runtime.engine, *(c.engine for c in consumers)]}.values():
            await engine.dispose()
