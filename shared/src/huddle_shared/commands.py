"""Running a command: one transaction, idempotency keys, and retry on a concurrent append.

Routes call :func:`write` with a closure that runs a handler (load a stream, decide, append);
:func:`execute` runs it in one transaction. With an ``Idempotency-Key`` the response is stored in
that same transaction, so a retried request replays the first answer instead of acting twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_shared.aggregates import Caller, Versioned
from huddle_shared.auth import Principal
from huddle_shared.errors import ConcurrencyConflict, DomainRuleViolated
from huddle_shared.eventstore import EventStore
from huddle_shared.http import etag, event_context

MAX_ATTEMPTS = 3

# Built once: a ``text()`` parses its SQL for bind parameters when it is constructed.
_LOOKUP = text(
    "SELECT fingerprint, status_code, body, headers FROM idempotency_keys "
    "WHERE scope = :s AND key = :k"
)
_RECORD = text(
    "INSERT INTO idempotency_keys (scope, key, fingerprint, status_code, body, headers) "
    "VALUES (:s, :k, :f, :c, CAST(:b AS jsonb), CAST(:h AS jsonb))"
)


@dataclass(frozen=True)
class CommandResult:
    status_code: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class IdempotencyRequest:
    scope: str
    key: str
    fingerprint: str


def fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


async def _lookup(conn: AsyncConnection, req: IdempotencyRequest) -> CommandResult | None:
    row = (await conn.execute(_LOOKUP, {"s": req.scope, "k": req.key})).one_or_none()
    if row is None:
        return None
    if row.fingerprint != req.fingerprint:
        raise DomainRuleViolated("This Idempotency-Key was already used for a different request")
    return CommandResult(row.status_code, row.body, dict(row.headers))


async def execute(
    engine: AsyncEngine,
    run: Callable[[AsyncConnection], Awaitable[CommandResult]],
    *,
    idempotency: IdempotencyRequest | None = None,
    retry_on_conflict: bool = True,
    after_commit: Callable[[], None] | None = None,
    one_statement: bool = False,
) -> CommandResult:
    """Run ``run`` in a transaction; replay a stored result for a repeated idempotency key.

    Without ``If-Match`` a concurrent append is retried: the command is decided again against
    the new state, so it either still holds or is refused by the rules, and no update is lost.

    ``one_statement`` declares that ``run`` sends exactly one SQL statement (an append that
    carries its read-model write, ``EventStore.append(also=...)``). When no idempotency record
    is to be added, that statement is its own transaction, exactly as atomic: it runs without
    BEGIN and COMMIT, two round trips fewer.
    """
    if idempotency is not None:
        async with engine.connect() as conn:
            stored = await _lookup(conn, idempotency)
        if stored is not None:
            return stored
    attempts = MAX_ATTEMPTS if retry_on_conflict else 1
    autocommit = one_statement and idempotency is None
    for attempt in range(1, attempts + 1):
        try:
            async with _transaction(engine, autocommit=autocommit) as conn:
                result = await run(conn)
                if idempotency is not None and result.status_code < 500:
                    await conn.execute(
                        _RECORD,
                        {
                            "s": idempotency.scope,
                            "k": idempotency.key,
                            "f": idempotency.fingerprint,
                            "c": result.status_code,
                            "b": _json(result.body),
                            "h": _json(result.headers),
                        },
                    )
        except ConcurrencyConflict:
            if attempt == attempts:
                raise
            continue
        except IntegrityError as exc:
            constraint = getattr(getattr(exc.orig, "__cause__", None), "constraint_name", None)
            if idempotency is None or constraint != "pk_idempotency_keys":
                raise
            # A twin request with the same key committed first: answer as it was answered.
            async with engine.connect() as conn:
                stored = await _lookup(conn, idempotency)
            assert stored is not None
            return stored
        if after_commit is not None:
            after_commit()
        return result
    raise AssertionError("unreachable")


@asynccontextmanager
async def _transaction(engine: AsyncEngine, *, autocommit: bool) -> AsyncIterator[AsyncConnection]:
    """``engine.begin()``, or for a single statement a connection in autocommit mode."""
    if not autocommit:
        async with engine.begin() as conn:
            yield conn
        return
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        yield conn


def _json(value: Any) -> str:
    return json.dumps(value, default=str)


async def idempotency_request(
    request: Request, key: str | None, *, scope: str
) -> IdempotencyRequest | None:
    """The idempotency record of this request, or None without an ``Idempotency-Key``."""
    if key is None:
        return None
    body = await request.body()
    return IdempotencyRequest(
        scope=scope, key=key, fingerprint=fingerprint(request.method, request.url.path, body)
    )


def respond(result: CommandResult) -> JSONResponse:
    return JSONResponse(result.body, status_code=result.status_code, headers=result.headers)


S = TypeVar("S", bound=Versioned)


class CommandTarget(Protocol):
    """What a write needs from a service's wiring (a ``ServiceRuntime`` or a service's deps)."""

    @property
    def engine(self) -> AsyncEngine: ...

    @property
    def store(self) -> EventStore: ...

    @property
    def clock(self) -> Callable[[], datetime]: ...


async def write(
    request: Request,
    principal: Principal,
    *,
    target: CommandTarget,
    change: Callable[[AsyncConnection, Caller], Awaitable[S]],
    render: Callable[[S], Any],
    status_code: int = 200,
    if_match: str | None = None,
    idempotency_key: str | None = None,
    location: Callable[[S], str] | None = None,
    one_statement: bool = False,
) -> Response:
    """Run one command in one transaction and answer with the new state and its ETag.

    With ``If-Match`` a concurrent write is refused (412/409) instead of being retried: the
    caller asked not to overwrite what it has not seen. ``one_statement``: ``change`` sends a
    single statement (see :func:`execute`). A ``status_code`` of 204 answers without a body.
    """
    context = event_context(request, principal)

    async def run(conn: AsyncConnection) -> CommandResult:
        caller = Caller(principal=principal, context=context, now=target.clock(), if_match=if_match)
        state = await change(conn, caller)
        headers = {"ETag": etag(state.version)}
        if location is not None:
            headers["Location"] = location(state)
        body = None if status_code == 204 else render(state)
        return CommandResult(status_code, body, headers)

    result = await execute(
        target.engine,
        run,
        idempotency=await idempotency_request(
            request, idempotency_key, scope=f"{principal.org_id}:{principal.subject}"
        ),
        retry_on_conflict=if_match is None,
        after_commit=target.store.committed,
        one_statement=one_statement,
    )
    if result.status_code == 204:
        return Response(status_code=204, headers=result.headers)
    return respond(result)
