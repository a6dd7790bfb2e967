"""The rules every operation of the five OpenAPI documents is held to, so that a frontend can
generate a client that is usable: stable hand-named operation ids, a summary and a description,
typed bodies with examples, the problems that can really occur, the headers that are sent, and
cursor pagination on every list. A new route that breaks one fails here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from jsonschema import Draft202012Validator

SERVICES = ("identity", "teams", "assessments", "insights", "integrations")
PROBLEM_JSON = "application/problem+json"
# SCIM (identity's /scim/v2, RFC 7644) is another protocol, with its own media type and its own
# error format, which SCIM clients (Entra ID, Okta) read: there, bodies are application/scim+json
# and errors the SCIM Error message; the rules are the same otherwise.
SCIM_PREFIX = "/scim/v2"
SCIM_JSON = "application/scim+json"
OPERATION_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# FastAPI's generated ids end in the path and the method (`..._v1_teams__team_id__get`).
GENERATED_ID = re.compile(r"_(get|post|put|patch|delete)$")
# Liveness answers 200 while the process runs: it reads nothing and takes nothing.
CANNOT_FAIL = {"GET /health/live"}
TYPED_KEYS = {"type", "$ref", "anyOf", "oneOf", "allOf", "enum", "const"}


def generate(service: str) -> dict[str, Any]:
    env = {**os.environ, "HUDDLE_ENVIRONMENT": "test"}
    result = subprocess.run(
        [sys.executable, "-m", f"huddle_{service}", "openapi"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture(scope="module", params=SERVICES)
def document(request: pytest.FixtureRequest) -> dict[str, Any]:
    return generate(request.param)


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    spec: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.method.upper()} {self.path}"

    def parameters(self, where: str) -> set[str]:
        return {p["name"] for p in self.spec.get("parameters", []) if p["in"] == where}

    def responses(self) -> dict[str, dict[str, Any]]:
        responses: dict[str, dict[str, Any]] = self.spec["responses"]
        return responses


def operations(document: dict[str, Any]) -> Iterator[Operation]:
    for path, methods in document["paths"].items():
        for method, spec in methods.items():
            yield Operation(method, path, spec)


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rpartition("/")[2]
        schema = document["components"]["schemas"][name]
    return schema


def untyped(document: dict[str, Any], schema: Any, where: str, seen: set[str]) -> Iterator[str]:
    """Places in a schema that a typed client would see as `unknown`/`Any`."""
    if schema is True or schema == {}:
        yield where
        return
    if not isinstance(schema, dict):
        return
    if "$ref" in schema:
        name = schema["$ref"].rpartition("/")[2]
        if name in seen:
            return
        seen.add(name)
        yield from untyped(document, resolve(document, schema), name, seen)
        return
    if not TYPED_KEYS & schema.keys():
        yield where
        return
    for key in ("anyOf", "oneOf", "allOf"):
        for index, part in enumerate(schema.get(key, [])):
            yield from untyped(document, part, f"{where}.{key}[{index}]", seen)
    if schema.get("type") == "object" or "properties" in schema:
        extra = schema.get("additionalProperties")
        if extra is True or (extra is None and not schema.get("properties")):
            yield f"{where} (an object without properties)"
        elif isinstance(extra, dict):
            yield from untyped(document, extra, f"{where}[*]", seen)
        for name, sub in schema.get("properties", {}).items():
            yield from untyped(document, sub, f"{where}.{name}", seen)
    if schema.get("type") == "array":
        yield from untyped(document, schema.get("items", {}), f"{where}[]", seen)


def has_example(document: dict[str, Any], media: dict[str, Any]) -> bool:
    if "example" in media or "examples" in media:
        return True
    return schema_has_example(document, media.get("schema", {}))


def schema_has_example(document: dict[str, Any], schema: dict[str, Any]) -> bool:
    """The schema's own examples, or, for an optional body (`anyOf: [Model, null]`), those of
    every part that is not null."""
    schema = resolve(document, schema) if schema else {}
    if schema.get("examples"):
        return True
    parts = [p for p in schema.get("anyOf", schema.get("oneOf", [])) if p.get("type") != "null"]
    return bool(parts) and all(schema_has_example(document, part) for part in parts)


def is_scim(operation: Operation) -> bool:
    return operation.path.startswith(SCIM_PREFIX + "/")


def json_bodies(operation: Operation) -> Iterator[tuple[str, dict[str, Any]]]:
    media_type = SCIM_JSON if is_scim(operation) else "application/json"
    for status, response in operation.responses().items():
        if status.startswith("2"):
            media = response.get("content", {}).get(media_type)
            if media is not None:
                yield status, media


# ---- the rules ------------------------------------------------------------------------------


def test_every_operation_has_a_hand_named_stable_operation_id(document: dict[str, Any]) -> None:
    ids = [op.spec.get("operationId", "") for op in operations(document)]
    bad = [i for i in ids if not OPERATION_ID.match(i) or GENERATED_ID.search(i) or "_v1_" in i]
    assert not bad, f"operation ids must be snake_case names chosen by hand: {bad}"
    assert len(ids) == len(set(ids)), "operation ids are unique in a document"


def test_every_operation_has_a_summary_and_a_description(document: dict[str, Any]) -> None:
    missing = [
        op.name
        for op in operations(document)
        if not op.spec.get("summary") or not op.spec.get("description")
    ]
    assert not missing, f"without a summary or a description: {missing}"


def test_every_success_body_is_fully_typed(document: dict[str, Any]) -> None:
    problems = [
        f"{op.name} {status}: {place}"
        for op in operations(document)
        for status, media in json_bodies(op)
        for place in untyped(document, media.get("schema", {}), "body", set())
    ]
    assert not problems, "untyped parts of response bodies:\n" + "\n".join(problems)


def test_every_request_and_response_body_has_an_example(document: dict[str, Any]) -> None:
    missing = [
        f"{op.name} {status}"
        for op in operations(document)
        for status, media in json_bodies(op)
        if not has_example(document, media)
    ]
    for op in operations(document):
        body = op.spec.get("requestBody", {}).get("content", {})
        for media_type, media in body.items():
            if not has_example(document, media):
                missing.append(f"{op.name} request {media_type}")
    assert not missing, f"bodies without an example: {missing}"


def examples_of(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example) for every example in the document: the components' own and
    those given beside a body's schema."""
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        for index, example in enumerate(schema.get("examples", [])):
            yield f"{name} example {index}", {"$ref": f"#/components/schemas/{name}"}, example
    for op in operations(document):
        bodies = [("request", op.spec.get("requestBody", {}))]
        bodies += list(op.responses().items())
        for status, body in bodies:
            for media_type, media in body.get("content", {}).items():
                if "example" in media and "schema" in media:
                    yield f"{op.name} {status} {media_type}", media["schema"], media["example"]


def test_every_example_is_valid_for_its_schema(document: dict[str, Any]) -> None:
    """An example a frontend copies, or a mock server answers, is one the API could send."""
    problems = []
    for where, schema, example in examples_of(document):
        validator = Draft202012Validator({**schema, "components": document["components"]})
        for error in validator.iter_errors(example):
            problems.append(f"{where}: {error.json_path}: {error.message}")
    assert not problems, "\n".join(problems)


# The sign-in page is read by a person in a browser: its refusals are the page again, in HTML,
# with the reason (never a redirect to an unregistered URI). Nothing else answers errors in HTML.
HTML_ERRORS = {
    "GET /v1/auth/authorize",
    "POST /v1/auth/authorize",
    "GET /v1/auth/sso/callback",
}


def test_errors_are_problems_that_can_occur(document: dict[str, Any]) -> None:
    problems: list[str] = []
    for op in operations(document):
        errors = {s: r for s, r in op.responses().items() if s[0] in "45"}
        if not errors and op.name not in CANNOT_FAIL:
            problems.append(f"{op.name}: documents no error at all")
        for status, response in errors.items():
            content = response.get("content", {})
            if op.name in HTML_ERRORS and set(content) == {"text/html"}:
                if status == "429" and "Retry-After" not in response.get("headers", {}):
                    problems.append(f"{op.name} {status}: Retry-After not documented")
                continue
            media_type, title = (
                (SCIM_JSON, "ScimError") if is_scim(op) else (PROBLEM_JSON, "Problem")
            )
            if set(content) != {media_type}:
                problems.append(f"{op.name} {status}: not (only) {media_type}: {set(content)}")
                continue
            media = content[media_type]
            if resolve(document, media.get("schema", {})).get("title") != title:
                problems.append(f"{op.name} {status}: not the {title} schema")
            if not has_example(document, media):
                problems.append(f"{op.name} {status}: no example")
        has_body = "requestBody" in op.spec
        for status in ("413", "415"):
            if status in errors and not has_body:
                problems.append(f"{op.name}: {status} documented, but it takes no body")
        if "412" in errors and "If-Match" not in op.parameters("header"):
            problems.append(f"{op.name}: 412 documented, but it takes no If-Match")
        if op.method != "get" and not has_body and "415" in errors:
            problems.append(f"{op.name}: 415 without a body")
        for status in ("429", "503"):
            if status in errors and "Retry-After" not in errors[status].get("headers", {}):
                problems.append(f"{op.name} {status}: Retry-After not documented")
    assert not problems, "\n".join(problems)


def test_the_headers_that_are_sent_are_documented(document: dict[str, Any]) -> None:
    problems: list[str] = []
    by_path: dict[str, dict[str, Operation]] = {}
    for op in operations(document):
        by_path.setdefault(op.path, {})[op.method] = op
    for op in operations(document):
        headers = {
            status: set(response.get("headers", {})) for status, response in op.responses().items()
        }
        if "201" in headers and "Location" not in headers["201"]:
            problems.append(f"{op.name} 201: Location not documented")
        if "If-Match" in op.parameters("header"):
            success = next((s for s in headers if s.startswith("2") and s != "204"), None)
            if success is not None and "ETag" not in headers[success]:
                problems.append(f"{op.name} {success}: ETag not documented (it takes If-Match)")
            read = by_path[op.path].get("get")
            if read is not None and "ETag" not in headers.get("200", set()) | set(
                read.responses().get("200", {}).get("headers", {})
            ):
                problems.append(f"GET {op.path} 200: ETag not documented (writes take If-Match)")
    assert not problems, "\n".join(problems)


def test_every_list_is_cursor_paginated(document: dict[str, Any]) -> None:
    problems: list[str] = []
    for op in operations(document):
        for status, media in json_bodies(op):
            schema = resolve(document, media.get("schema", {}))
            if schema.get("type") == "array":
                problems.append(f"{op.name} {status}: a bare array (wrap it in a page)")
                continue
            items = schema.get("properties", {}).get("items")
            if op.method == "get" and items is not None and items.get("type") == "array":
                if "next_cursor" not in schema.get("properties", {}):
                    problems.append(f"{op.name}: a list without next_cursor")
                if not {"limit", "cursor"} <= op.parameters("query"):
                    problems.append(f"{op.name}: a list without limit and cursor parameters")
    assert not problems, "\n".join(problems)


def test_the_token_endpoint_documents_its_rate_limit() -> None:
    token = generate("identity")["paths"]["/v1/auth/token"]["post"]["responses"]
    assert "429" in token
    assert "Retry-After" in token["429"].get("headers", {})


def test_the_rules_catch_a_route_that_breaks_them() -> None:
    """Not vacuous: a schema-less object, a bare array and a missing example are found."""
    document: dict[str, Any] = {"components": {"schemas": {}}}
    assert list(untyped(document, {"type": "object", "additionalProperties": True}, "b", set()))
    assert list(untyped(document, {}, "b", set()))
    assert not list(
        untyped(
            document, {"type": "object", "additionalProperties": {"type": "number"}}, "b", set()
        )
    )
    assert not has_example(document, {"schema": {"type": "string"}})
    optional = {"anyOf": [{"type": "object"}, {"type": "null"}]}
    assert not has_example(document, {"schema": optional})
    assert has_example(document, {"schema": {"anyOf": [{"examples": [{}]}, {"type": "null"}]}})
    assert GENERATED_ID.search("change_member_role_v1_teams__team_id__members__user_id__role_put")
