"""The OpenAPI contract's shared parts: the problem responses an operation can really give, the
response headers, and the inference of the errors that come from the request's shape.

Every route names its own operation-specific problems (``problems(403, 404, 409)``);
:func:`document_request_errors` adds to the generated document (once, when it is first
asked for) what the shared layers answer for every route of a kind: 401 where a principal is
required, 400/413/415/422 where a JSON body is read, 422 where parameters are validated, 400
where a ``cursor`` is taken, 503 where the database is used. So a dashboard ``GET`` documents
neither 413 nor 415, and a new route cannot forget 401.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import ConfigDict, TypeAdapter

from huddle_shared.auth import current_principal
from huddle_shared.http import BAD_CURSOR, BadRequest
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


def json_examples(*examples: Any) -> dict[str, Any]:
    """A model's ``json_schema_extra``: its examples, which the OpenAPI document carries as
    written (see :func:`install_contract`) and the contract rules validate against it."""
    return {"examples": list(examples)}


def example_config(*examples: Any) -> ConfigDict:
    """A model's ``model_config`` that only gives its examples."""
    return ConfigDict(json_schema_extra=json_examples(*examples))


def problem(status: int, description: str | None = None) -> dict[str, Any]:
    """One problem response: application/problem+json, the Problem schema, an example (whose
    detail is ``description`` when the operation gives its own)."""
    meaning, code, title, detail = _PROBLEMS[status]
    example = {"type": PROBLEM_TYPE_BASE + code, "title": title, "status": status}
    example["detail"] = description or detail
    if status == 400 and description == BAD_CURSOR:
        example.update(type=PROBLEM_TYPE_BASE + BadRequest.code, title=BadRequest.title)
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


def _calls(dependant: Dependant) -> set[Any]:
    return {d.call for d in _dependants(dependant) if d.call is not None}


def _has_parameters(dependant: Dependant) -> bool:
    return any(
        d.path_params or d.query_params or d.header_params or d.cookie_params
        for d in _dependants(dependant)
    )


def _query_names(dependant: Dependant) -> set[str]:
    return {p.alias for d in _dependants(dependant) for p in d.query_params}


def inferred_statuses(
    dependant: Dependant, *, has_body: bool, uses_database: bool
) -> dict[int, str | None]:
    """What the shared layers can answer for a route, whatever the route itself does: status to
    the operation-specific description (None: the generic one)."""
    statuses: dict[int, str | None] = {}
    if current_principal in _calls(dependant):
        statuses[401] = None
    if has_body:
        statuses.update({400: None, 413: None, 415: None, 422: None})
    if _has_parameters(dependant):
        statuses[422] = None
    if "cursor" in _query_names(dependant):
        statuses.setdefault(400, BAD_CURSOR)
    if uses_database:
        statuses[503] = None
    return statuses


def _operations(app: FastAPI) -> Iterator[tuple[str, str, Dependant, bool]]:
    """(path, method, dependant, has a body) of every documented operation, through the router
    inclusions (FastAPI 0.165 keeps included routes as lazily built contexts)."""
    for context in iter_route_contexts(app.routes):
        if not isinstance(context.original_route, APIRoute) or not context.include_in_schema:
            continue
        dependant: Dependant = context.dependant
        has_body = context.body_field is not None
        for method in sorted(context.methods or ()):
            yield context.path_format or "", method.lower(), dependant, has_body


PROBLEM_REF = "#/components/schemas/Problem"
# FastAPI's own 422 (its HTTPValidationError under application/json) is not what Huddle sends.
_FASTAPI_422 = "#/components/schemas/HTTPValidationError"


def _is_fastapi_422(response: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return bool(schema.get("$ref") == _FASTAPI_422)


def _problem_response(status: int, description: str | None) -> dict[str, Any]:
    """``problem`` as it reads in the generated document."""
    response = problem(status, description)
    media = {"schema": {"$ref": PROBLEM_REF}, **response["content"][PROBLEM_JSON]}
    documented: dict[str, Any] = {
        "description": response["description"],
        "content": {PROBLEM_JSON: media},
    }
    if "headers" in response:
        documented["headers"] = response["headers"]
    return documented


def document_request_errors(
    app: FastAPI, document: dict[str, Any], *, without_database: Iterable[str] = ()
) -> None:
    """Add the inferred problem responses to every operation of ``document`` (``app``'s
    generated schema), keeping what an operation documents itself. ``without_database``: paths
    that never touch the database (liveness)."""
    exempt = set(without_database)
    paths = document.get("paths", {})
    added = False
    for path, method, dependant, has_body in _operations(app):
        operation = paths.get(path, {}).get(method)
        if operation is None:
            continue
        responses = operation.setdefault("responses", {})
        inferred = inferred_statuses(dependant, has_body=has_body, uses_database=path not in exempt)
        if _is_fastapi_422(responses.get("422", {})):
            del responses["422"]
        for status, description in sorted(inferred.items()):
            if str(status) not in responses:
                responses[str(status)] = _problem_response(status, description)
                added = True
        operation["responses"] = dict(sorted(responses.items()))
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    if added and "Problem" not in schemas:
        schemas["Problem"] = Problem.model_json_schema(mode="serialization")
    if _FASTAPI_422 not in json.dumps(paths):
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)


def _problem_content_only(document: dict[str, Any]) -> None:
    """Error responses are application/problem+json only: FastAPI puts a response model's
    schema under the route's own media type (application/json, application/fhir+json); move it
    beside the example."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if not str(status).startswith(("4", "5")) or PROBLEM_JSON not in content:
                    continue
                for media_type in [m for m in content if m != PROBLEM_JSON]:
                    other = content.pop(media_type)
                    if "schema" in other:
                        content[PROBLEM_JSON].setdefault("schema", other["schema"])


def _model_examples(app: FastAPI) -> dict[str, list[Any]]:
    """Each body model's own ``examples`` by schema name, as pydantic gives them."""
    found: dict[str, list[Any]] = {}
    for context in iter_route_contexts(app.routes):
        if not isinstance(context.original_route, APIRoute):
            continue
        fields = [context.body_field, context.response_field, *context.response_fields.values()]
        for field in fields:
            if field is None:
                continue
            adapter: TypeAdapter[Any] = TypeAdapter(field.field_info.annotation)
            for mode in ("validation", "serialization"):
                schema = adapter.json_schema(mode=mode)
                named = [(schema.get("title"), schema), *schema.get("$defs", {}).items()]
                for name, sub in named:
                    if isinstance(name, str) and "examples" in sub:
                        found.setdefault(name, sub["examples"])
    return found


def _restore_examples(app: FastAPI, document: dict[str, Any]) -> None:
    """FastAPI writes the document without null members (``exclude_none``), inside examples
    too, so an example of a required, nullable field (``"next_cursor": null``) lost it and no
    longer matched its schema: put back each model's examples as written."""
    examples = _model_examples(app)
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        own = examples.get(name.removesuffix("-Input").removesuffix("-Output"))
        if "examples" in schema and own is not None:
            schema["examples"] = own


def install_contract(app: FastAPI, *, without_database: Iterable[str] = ()) -> None:
    """Document the inferred errors and serve the document with problem+json error bodies."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            _problem_content_only(document)
            _restore_examples(app, document)
            document_request_errors(app, document, without_database=without_database)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
