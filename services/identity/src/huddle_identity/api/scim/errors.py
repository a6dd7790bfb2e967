"""Errors under ``/scim/v2`` in SCIM's own format (RFC 7644 §3.12), and the SCIM metric.

Everywhere else identity answers RFC 9457 problems; a SCIM client expects
``urn:ietf:params:scim:api:messages:2.0:Error`` with the status as a string and a ``scimType``
where one is defined, as ``application/scim+json``. So, for paths under the prefix only: every
exception handler of the app answers in that format (a domain error keeps its status, a broken
business rule is ``400 invalidValue``, a userName or email already taken ``409 uniqueness``);
and an outer middleware turns the problems the request guard sends before any route runs
(413, 415) into SCIM errors too, and counts every answer in ``huddle_scim_requests_total``.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from scim2_models import Context, Error, SCIMException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from huddle_identity.api.scim.resources import PREFIX, SCIM_JSON
from huddle_identity.projections.people import SignInNameTaken
from huddle_shared import metrics
from huddle_shared.errors import DomainRuleViolated, HuddleError
from huddle_shared.problems import PROBLEM_JSON

Handler = Callable[[Request, Any], Response | Awaitable[Response]]
_AUTHENTICATE = {"WWW-Authenticate": 'Bearer realm="scim"'}


def is_scim(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def scim_error(
    status: int, detail: str, scim_type: str | None = None, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body = Error(status=status, scim_type=scim_type, detail=detail).model_dump(
        scim_ctx=Context.RESOURCE_QUERY_RESPONSE
    )
    if status == 401:
        headers = {**_AUTHENTICATE, **(headers or {})}
    return JSONResponse(body, status_code=status, media_type=SCIM_JSON, headers=headers)


def from_exception(exc: SCIMException) -> JSONResponse:
    if isinstance(exc.__cause__, ValidationError):
        # scim2-models words a value a patch could not write as pydantic's whole report.
        error = Error.from_validation_errors(exc.__cause__)[0]
        return scim_error(exc.status, error.detail or exc.detail, exc.scim_type or None)
    return scim_error(exc.status, exc.detail, exc.scim_type or None)


def from_validation(exc: ValidationError) -> JSONResponse:
    """A payload scim2-models refused: the first error, with its scimType, no value echoed."""
    error = Error.from_validation_errors(exc)[0]
    return scim_error(error.status or 400, error.detail or "Invalid request", error.scim_type)


def from_huddle_error(exc: HuddleError) -> JSONResponse:
    if isinstance(exc, SignInNameTaken):
        return scim_error(409, exc.detail, "uniqueness")
    if isinstance(exc, DomainRuleViolated) or exc.status == 422:
        # A business rule refused it (the last active org admin, a password the policy
        # refuses): the value is not one Huddle can take.
        return scim_error(400, exc.detail, "invalidValue")
    if exc.status == 400:
        return scim_error(400, exc.detail, "invalidValue")
    headers = {"Retry-After": "5"} if exc.status == 503 else None
    return scim_error(exc.status, exc.detail, headers=headers)


def _from_problem(response: Response) -> Response:
    """A problem response turned into a SCIM error (same status, 422 as 400)."""
    if not response.headers.get("content-type", "").startswith(PROBLEM_JSON):
        return response
    try:
        problem: dict[str, Any] = json.loads(bytes(response.body))
    except ValueError:
        problem = {}
    status = int(problem.get("status", response.status_code))
    detail = str(problem.get("detail") or problem.get("title") or "Error")
    errors = problem.get("errors")
    if isinstance(errors, list) and errors:
        detail = "; ".join(
            f"{'.'.join(str(p) for p in e.get('location', []))}: {e.get('message', 'invalid')}"
            for e in errors
            if isinstance(e, dict)
        )
    scim_type = None
    if status in (400, 422):
        malformed = problem.get("title") == "Malformed JSON body"
        scim_type = "invalidSyntax" if malformed else "invalidValue"
        status = 400
    passed = {k: v for k, v in response.headers.items() if k.lower() in ("retry-after",)}
    return scim_error(status, detail, scim_type, headers=passed)


def _scim_aware(handler: Handler) -> Handler:
    async def original(request: Request, exc: Any) -> Response:
        answered = handler(request, exc)
        return await answered if inspect.isawaitable(answered) else answered

    async def handle(request: Request, exc: Any) -> Response:
        if not is_scim(request.url.path):
            return await original(request, exc)
        if isinstance(exc, HuddleError):
            return from_huddle_error(exc)
        return _from_problem(await original(request, exc))

    return handle


async def _scim_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SCIMException)
    return from_exception(exc)


def install(app: FastAPI) -> None:
    """SCIM errors under the prefix, from every exception handler; the outer middleware."""
    for exc_type, handler in list(app.exception_handlers.items()):
        app.add_exception_handler(exc_type, _scim_aware(handler))
    app.add_exception_handler(SCIMException, _scim_exception)
    app.add_middleware(ScimMiddleware)


# ---- the outer middleware: early problems, and the metric -------------------------------------

_RESOURCES = frozenset({"Users", "Groups", "ServiceProviderConfig", "ResourceTypes", "Schemas"})
_OPERATIONS = {"POST": "create", "PUT": "replace", "PATCH": "patch", "DELETE": "delete"}


def operation_of(method: str, path: str) -> tuple[str, str]:
    """(resource, operation) of a SCIM request, from its path: never an id, so few labels."""
    parts = [part for part in path.removeprefix(PREFIX).split("/") if part]
    resource = parts[0] if parts and parts[0] in _RESOURCES else "other"
    if len(parts) == 2 and parts[1] == ".search" and method == "POST":
        return resource, "search"
    if method == "GET":
        return resource, "read" if len(parts) > 1 else "list"
    return resource, _OPERATIONS.get(method, "other")


class ScimMiddleware:
    """For requests under the prefix: problems (from the request guard) become SCIM errors, and
    each answer is counted by resource, operation and result (``ok`` or the status)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_scim(scope["path"]):
            await self.app(scope, receive, send)
            return
        resource, operation = operation_of(scope["method"], scope["path"])
        status = 500
        held: Message | None = None  # the start of a problem response, until its body comes

        async def translate(message: Message) -> None:
            nonlocal status, held
            if message["type"] == "http.response.start":
                status = message["status"]
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if content_type.startswith(PROBLEM_JSON.encode()):
                    held = message
                    return
            elif held is not None and message["type"] == "http.response.body":
                headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in held["headers"]}
                problem = Response(message.get("body", b""), status, headers=headers)
                problem.headers["content-type"] = PROBLEM_JSON
                converted = _from_problem(problem)
                status = converted.status_code
                own = {name for name, _ in converted.raw_headers}
                kept = [(k, v) for k, v in held["headers"] if k.lower() not in own]
                await send(
                    {
                        "type": "http.response.start",
                        "status": converted.status_code,
                        "headers": [*kept, *converted.raw_headers],
                    }
                )
                await send({"type": "http.response.body", "body": converted.body})
                return
            await send(message)

        try:
            await self.app(scope, receive, translate)
        finally:
            result = "ok" if status < 400 else str(status)
            metrics.SCIM_REQUESTS.add(
                1, {"resource": resource, "operation": operation, "result": result}
            )
