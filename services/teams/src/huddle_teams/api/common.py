"""What every teams route shares: the runtime, writes through ``execute``, idempotency keys."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Path, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.auth import Principal
from huddle_shared.commands import CommandResult, execute, idempotency_request
from huddle_shared.http import etag, event_context
from huddle_shared.runtime import ServiceRuntime
from huddle_teams.application.handlers import Caller
from huddle_teams.domain.state import Team

TeamId = Annotated[uuid.UUID, Path(description="The team id")]
UserId = Annotated[uuid.UUID, Path(description="The person's user id")]

Change = Callable[[AsyncConnection, Caller], Awaitable[Team]]
Render = Callable[[Team], Any]


def runtime_of(request: Request) -> ServiceRuntime:
    runtime: ServiceRuntime = request.app.state.runtime
    return runtime


async def write(
    request: Request,
    principal: Principal,
    *,
    change: Change,
    render: Render,
    status_code: int = 200,
    if_match: str | None = None,
    idempotency_key: str | None = None,
    location: Callable[[Team], str] | None = None,
    one_statement: bool = False,
) -> Response:
    """Run one team command in one transaction and answer with the new state and its ETag.

    With ``If-Match`` a concurrent write is refused (412/409) instead of being retried: the
    caller asked not to overwrite what it has not seen. ``one_statement``: ``change`` sends a
    single statement (see :func:`huddle_shared.commands.execute`).
    """
    runtime = runtime_of(request)
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(
            principal=principal, context=context, now=runtime.clock(), if_match=if_match
        )
        team = await change(conn, caller)
        headers = {"ETag": etag(team.version)}
        if location is not None:
            headers["Location"] = location(team)
        return CommandResult(status_code, render(team), headers)

    result = await execute(
        runtime.engine,
        run,
        idempotency=await idempotency_request(
            request, idempotency_key, scope=f"{principal.org_id}:{principal.subject}"
        ),
        retry_on_conflict=if_match is None,
        after_commit=runtime.store.committed,
        one_statement=one_statement,
    )
    if result.status_code == 204:
        return Response(status_code=204, headers=result.headers)
    return JSONResponse(result.body, status_code=result.status_code, headers=result.headers)
