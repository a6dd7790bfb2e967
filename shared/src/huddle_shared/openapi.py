"""The OpenAPI contract's shared parts: the problem responses an operation can really give, the
response headers, and the inference of the errors that come from the request's shape.

Every route names its own operation-specific problems (``problems(403, 404, 409)``);
:func:`document_request_errors` adds, when a service's app is built, what the shared layers
answer for every route of a kind: 401 where a principal is required, 400/413/415/422 where a JSON
body is read, 422 where parameters are validated, 503 where the database is used. So a dashboard
``GET`` documents neither 413 nor 415, and a new route cannot forget 401.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from huddle_shared.auth import current_principal
from huddle_shared.problems import PROBLEM_JSON, PROBLEM_TYPE_BASE, Problem

# status: (description, code, title, detail) — the example follows what the handlers send.
_PROBLEMS: dict[int, tuple[str, str, str, str]] = {
    400: (
        "Malformed request: the body is not valid JSON",
        "invalid-request",
        "Malformed JSON body",
        "The request did not pass validation; see 'errors'.",
    ),
    401: (
        "Missing, expired or invalid access token",
        "unauthorized",
        "Authentication required",
        "A valid bearer token is required.",
    ),
    403: (
        "The caller's roles or organisation do not allow this",
        "forbidden",
        "Not allowed",
        "Only org admins may do this.",
    ),
    404: (
        "Not found, or it belongs to another organisation",
        "not-found",
        "Not found",
        "No such team",
    ),
    409: (
        "Conflicts with the current state (a concurrent change, or a state that refuses it)",
        "conflict",
        "Conflict",
        "The team is archived.",
    ),
    412: (
        "If-Match did not match the current version (someone changed it first)",
        "precondition-failed",
        "Precondition failed",
        'The current version is "4".',
    ),
    413: (
        "The body is larger than the service accepts",
        "body-too-large",
        "Request body too large",
        "The body exceeds 1048576 bytes.",
    ),
    415: (
        "The body is not of a media type this operation accepts",
        "unsupported-media-type",
        "Unsupported media type",
        "Send application/json.",
    ),
    422: (
        "Invalid input, or a business rule refused it",
        "invalid-request",
        "Invalid request",
        "The request did not pass validation; see 'errors'.",
    ),
    429: (
        "Too many attempts; retry after the time in Retry-After",
        "too-many-requests",
        "Too many requests",
        "Too many failed sign-ins; retry later.",
    ),
    503: (
        "Temporarily unavailable (the database or Kafka is unreachable); retry after Retry-After",
        "service-unavailable",
        "Service temporarily unavailable",
        "The database is unreachable; retry shortly.",
    ),
}

RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before retrying",
        "schema": {"type": "integer", "minimum": 0},
    }
}
ETAG = {
    "ETag": {
        "description": "The representation's version; send it in If-Match to change it safely",
        "schema": {"type": "string"},
    }
}
LOCATION = {
    "Location": {
        "description": "The path of the created resource",
        "schema": {"type": "string", "format": "uri-reference"},
    }
}

_RETRYABLE = {429, 503}


def problem(status: int, description: str | None = None) -> dict[str, Any]:
    """One problem response: application/problem+json, the Problem schema, an example (whose
    detail is ``description`` when the operation gives its own)."""
    meaning, code, title, detail = _PROBLEMS[status]
    example = {"type": PROBLEM_TYPE_BASE + code, "title": title, "status": status}
    example["detail"] = description or detail
    response: dict[str, Any] = {
        "model": Problem,
        "description": description or meaning,
        "content": {PROBLEM_JSON: {"example": example}},
    }
    if status in _RETRYABLE:
        response["headers"] = RETRY_AFTER
    return response


def problems(*statuses: int, **descriptions: str) -> dict[int | str, dict[str, Any]]:
    """The operation's own problem responses; ``descriptions`` say what a status means for this
    operation, as ``_404="No such team"``."""
    overrides = {int(key.lstrip("_")): text for key, text in descriptions.items()}
    return {status: problem(status, overrides.get(status)) for status in statuses}


def _dependants(dependant: Dependant) -> Iterator[Dependant]:
    yield dependant
    for sub in dependant.dependencies:
        yield from _dependants(sub)


def _calls(route: APIRoute) -> set[Any]:
    return {d.call for d in _dependants(route.dependant) if d.call is not None}


def _has_parameters(route: APIRoute) -> bool:
    return any(
        d.path_params or d.query_params or d.header_params or d.cookie_params
        for d in _dependants(route.dependant)
    )


def inferred_statuses(route: APIRoute, *, uses_database: bool) -> set[int]:
    """What the shared layers can answer for this route, whatever the route itself does."""
    statuses: set[int] = set()
    if current_principal in _calls(route):
        statuses.add(401)
    if route.body_field is not None:
        statuses |= {400, 413, 415, 422}
    if _has_parameters(route):
        statuses.add(422)
    if uses_database:
        statuses.add(503)
    return statuses


def document_request_errors(app: FastAPI, *, without_database: Iterable[str] = ()) -> None:
    """Add the inferred problem responses to every route of ``app`` (before its schema is
    generated). ``without_database``: paths that never touch the database (liveness)."""
    exempt = set(without_database)
    for route in app.routes:
        if not isinstance(route, APIRoute):
            continue
        for status in sorted(inferred_statuses(route, uses_database=route.path not in exempt)):
            route.responses.setdefault(status, problem(status))


def _problem_content_only(document: dict[str, Any]) -> None:
    """Error responses are application/problem+json only: FastAPI puts a response model's
    schema under application/json; move it beside the example."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if not str(status).startswith(("4", "5")) or PROBLEM_JSON not in content:
                    continue
                plain = content.pop("application/json", None)
                if plain is not None and "schema" in plain:
                    content[PROBLEM_JSON].setdefault("schema", plain["schema"])


def install_contract(app: FastAPI, *, without_database: Iterable[str] = ()) -> None:
    """Document the inferred errors and serve the document with problem+json error bodies."""
    document_request_errors(app, without_database=without_database)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            _problem_content_only(document)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
