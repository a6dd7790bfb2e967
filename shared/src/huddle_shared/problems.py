"""RFC 9457 problem details: one shape for every error any Huddle API returns."""

from __future__ import annotations

import errno
import logging
import socket
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from huddle_shared.errors import HuddleError

PROBLEM_JSON = "application/problem+json"
PROBLEM_TYPE_BASE = "https://huddle.care/problems/"
logger = logging.getLogger("huddle.problems")


class Problem(BaseModel):
    """The RFC 9457 body. Extension members (e.g. ``errors``) are allowed."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None


def problem_response(
    *,
    status: int,
    title: str,
    detail: str | None = None,
    code: str | None = None,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code if code else "about:blank",
        "title": title,
        "status": status,
    }
    if detail is not None:
        body["detail"] = detail
    if instance is not None:
        body["instance"] = instance
    body.update(extensions)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def _validation_errors(exc: RequestValidationError) -> tuple[int, list[dict[str, Any]]]:
    errors = []
    status = 422
    for err in exc.errors():
        kind = str(err.get("type", ""))
        if kind == "json_invalid":
            status = 400
        # Never echo the rejected input back: it may hold a password or a survey answer.
        errors.append(
            {
                "location": [str(part) for part in err.get("loc", ())],
                "message": str(err.get("msg", "invalid")),
                "type": kind,
            }
        )
    return status, errors


def install_problem_handlers(app: FastAPI) -> None:
    """Map every exception to a problem response; nothing internal ever reaches the client."""
    app.add_exception_handler(HuddleError, _huddle_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OperationalError, _database_unavailable)
    app.add_exception_handler(InterfaceError, _database_unavailable)
    app.add_exception_handler(DBAPIError, _database_unavailable)
    # Connection failures raised before any SQL runs (refused, reset, pool timeout). Handled
    # here rather than by the catch-all, which Starlette re-raises after answering.
    app.add_exception_handler(OSError, _os_error)
    app.add_exception_handler(SQLAlchemyTimeoutError, _database_unavailable)
    app.add_exception_handler(asyncpg.InterfaceError, _database_unavailable)
    app.add_exception_handler(asyncpg.CannotConnectNowError, _database_unavailable)
    app.add_exception_handler(Exception, _unexpected)


async def _huddle_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HuddleError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    if exc.status == 503:
        headers = {"Retry-After": "5"}
    return problem_response(
        status=exc.status,
        title=exc.title,
        detail=exc.detail,
        code=exc.code,
        instance=request.url.path,
        headers=headers,
        **exc.extensions,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    title = {
        404: "Not found",
        405: "Method not allowed",
        413: "Request body too large",
        415: "Unsupported media type",
    }.get(exc.status_code, "HTTP error")
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem_response(
        status=exc.status_code,
        title=title,
        detail=detail,
        instance=request.url.path,
        headers=dict(exc.headers) if exc.headers else None,
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    status, errors = _validation_errors(exc)
    return problem_response(
        status=status,
        title="Malformed JSON body" if status == 400 else "Invalid request",
        detail="The request did not pass validation; see 'errors'.",
        code="invalid-request",
        instance=request.url.path,
        errors=errors,
    )


async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, DBAPIError) and _unstorable_text(exc):
        return problem_response(
            status=422,
            title="Invalid request",
            detail="A text holds a character that cannot be stored (such as NUL).",
            code="invalid-request",
            instance=request.url.path,
        )
    if (
        isinstance(exc, DBAPIError)
        and not exc.connection_invalidated
        and not isinstance(exc, OperationalError | InterfaceError)
    ):
        return await _unexpected(request, exc)
    logger.warning("database unavailable: %s", type(exc).__name__)
    return problem_response(
        status=503,
        title="Service temporarily unavailable",
        detail="The database is unreachable; retry shortly.",
        code="service-unavailable",
        instance=request.url.path,
        headers={"Retry-After": "5"},
    )


async def _os_error(request: Request, exc: Exception) -> JSONResponse:
    """A lost connection is a 503; any other OSError (a missing file, a full disk) is a bug."""
    if _looks_like_connection_loss(exc):
        return await _database_unavailable(request, exc)
    return await _unexpected(request, exc)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    if _looks_like_connection_loss(exc):
        return await _database_unavailable(request, exc)
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(
        status=500,
        title="Internal server error",
        detail="Something went wrong on our side; it has been logged.",
        code="internal",
        instance=request.url.path,
    )


# PostgreSQL refuses a NUL character in text (22021) and in JSONB (22P05). Such text comes
# from the client, and the transaction is rolled back: the client's error, not ours.
_UNSTORABLE_TEXT = frozenset({"22021", "22P05"})


def _unstorable_text(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in _UNSTORABLE_TEXT


# The errors of a connection that cannot be made or was lost (not of files or disks).
_NETWORK_ERRNOS = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ECONNABORTED,
        errno.EPIPE,
        errno.ETIMEDOUT,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ENETDOWN,
        errno.EHOSTDOWN,
        errno.EADDRNOTAVAIL,
    }
)


def _looks_like_connection_loss(exc: BaseException) -> bool:
    """Connection failures surface as OSError/timeouts from the pool before any SQL runs."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(
            current,
            ConnectionError
            | TimeoutError
            | asyncpg.CannotConnectNowError
            | asyncpg.ConnectionDoesNotExistError
            | asyncpg.InterfaceError,
        ):
            return True
        if isinstance(current, socket.gaierror) or (
            isinstance(current, OSError) and current.errno in _NETWORK_ERRNOS
        ):
            return True
        current = current.__cause__ or current.__context__
    return False
