"""The breaking-change check: today's code against every committed version of its OpenAPI
document, by oasdiff, less the changes declared in docs/openapi/accepted-breaking-changes.toml.

The check on the real documents passes trivially while docs/openapi/ has no history and no file
in the working tree (nothing a client could have been built from); from the first commit of the
documents on, each committed version is compared. The other tests build small documents and
show what the check refuses, what it lets through, and what a declaration does.
"""

from __future__ import annotations

import copy
import datetime
import json
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from huddle_devtools.contract import documents
from huddle_devtools.contract.breaking import (
    DECLARED_FILE,
    REASON_PLACEHOLDER,
    Change,
    DeclaredChange,
    Finding,
    breaking_changes,
    declaration,
    explain,
    load_declared,
    undeclared_changes,
)
from huddle_devtools.contract.documents import SERVICES, Baseline, baselines, document_path, render

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = REPO / documents.DOCUMENTS
TODAY = datetime.date(2026, 12, 3)


@pytest.mark.parametrize("service", SERVICES)
def test_the_code_breaks_no_version_of_its_document_that_clients_may_use(
    service: str, generated: dict[str, str], oasdiff: Path
) -> None:
    path = document_path(DOCUMENTS, service)
    findings = undeclared_changes(
        oasdiff,
        service=service,
        current=generated[service],
        baselines=baselines(path),
        declared=load_declared(DOCUMENTS / DECLARED_FILE),
    )
    assert findings == [], explain(findings, document=path, declared_file=DOCUMENTS / DECLARED_FILE)


def test_every_declared_change_names_its_service_and_has_a_reason_and_a_date() -> None:
    for entry in load_declared(DOCUMENTS / DECLARED_FILE):
        assert entry.service in SERVICES and entry.reason and entry.date


@pytest.mark.parametrize("service", SERVICES)
def test_oasdiff_reads_each_generated_document(
    service: str, generated: dict[str, str], oasdiff: Path
) -> None:
    assert breaking_changes(oasdiff, generated[service], generated[service]) == []


# ---- what the check refuses and lets through, on a small document -------------------------------


def json_body(schema: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


def small_document() -> dict[str, Any]:
    """Two operations the way FastAPI writes them: create a team, read a team."""
    team_id = {"name": "team_id", "in": "path", "required": True, "schema": {"type": "string"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Huddle teams", "version": "1.0.0"},
        "paths": {
            "/v1/teams": {
                "post": {
                    "operationId": "create_team",
                    "requestBody": {"required": True, **json_body("TeamCreate")},
                    "responses": {"201": {"description": "Created", **json_body("TeamOut")}},
                }
            },
            "/v1/teams/{team_id}": {
                "get": {
                    "operationId": "get_team",
                    "parameters": [team_id],
                    "responses": {"200": {"description": "OK", **json_body("TeamOut")}},
                }
            },
        },
        "components": {
            "schemas": {
                "TeamCreate": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"name": {"type": "string"}},
                    "required": ["name"],
                },
                "TeamOut": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                    },
                    "required": ["id", "name"],
                },
            }
        },
    }


def teams_findings(
    oasdiff: Path, old: Any, new: Any, declared: list[DeclaredChange] | None = None
) -> list[Finding]:
    """The undeclared changes from ``old`` (as if committed) to ``new``, as teams' documents."""
    return undeclared_changes(
        oasdiff,
        service="teams",
        current=render(new),
        baselines=[Baseline("commit 0123456789ab", render(old))],
        declared=declared or [],
    )


def check(
    oasdiff: Path, old: Any, new: Any, declared: list[DeclaredChange] | None = None
) -> list[tuple[str, str]]:
    """(rule, operation) of each undeclared change from ``old`` to ``new``."""
    return [(f.change.id, f.change.operation) for f in teams_findings(oasdiff, old, new, declared)]


def test_removing_an_endpoint_breaks_its_clients(oasdiff: Path) -> None:
    old = small_document()
    new = copy.deepcopy(old)
    del new["paths"]["/v1/teams/{team_id}"]
    assert check(oasdiff, old, new) == [
        ("api-path-removed-without-deprecation", "GET /v1/teams/{team_id}")
    ]


def test_a_new_required_request_field_breaks_its_clients(oasdiff: Path) -> None:
    old = small_document()
    new = copy.deepcopy(old)
    created = new["components"]["schemas"]["TeamCreate"]
    created["properties"]["care_setting"] = {"type": "string"}
    created["required"].append("care_setting")
    assert check(oasdiff, old, new) == [("new-required-request-property", "POST /v1/teams")]


def test_removing_a_response_field_breaks_its_clients_required_or_not(oasdiff: Path) -> None:
    old = small_document()
    new = copy.deepcopy(old)
    team = new["components"]["schemas"]["TeamOut"]
    del team["properties"]["name"], team["properties"]["note"]
    team["required"].remove("name")
    assert sorted(check(oasdiff, old, new)) == [
        ("response-optional-property-removed", "GET /v1/teams/{team_id}"),
        ("response-optional-property-removed", "POST /v1/teams"),
        ("response-required-property-removed", "GET /v1/teams/{team_id}"),
        ("response-required-property-removed", "POST /v1/teams"),
    ]


def test_renaming_an_operation_id_breaks_the_generated_clients(oasdiff: Path) -> None:
    old = small_document()
    new = copy.deepcopy(old)
    new["paths"]["/v1/teams"]["post"]["operationId"] = "make_team"
    assert check(oasdiff, old, new) == [("api-operation-id-removed", "POST /v1/teams")]


def test_an_optional_field_and_a_new_endpoint_break_no_client(oasdiff: Path) -> None:
    old = small_document()
    new = copy.deepcopy(old)
    new["components"]["schemas"]["TeamCreate"]["properties"]["description"] = {"type": "string"}
    new["components"]["schemas"]["TeamOut"]["properties"]["description"] = {"type": "string"}
    new["paths"]["/v1/teams/{team_id}/members"] = copy.deepcopy(new["paths"]["/v1/teams/{team_id}"])
    new["paths"]["/v1/teams/{team_id}/members"]["get"]["operationId"] = "list_members"
    assert check(oasdiff, old, new) == []


def test_a_declared_breaking_change_passes_and_only_that_one(oasdiff: Path) -> None:
    old = small_document()
    new = copy.deepcopy(old)
    del new["paths"]["/v1/teams/{team_id}"]
    new["paths"]["/v1/teams"]["post"]["operationId"] = "make_team"
    declared = DeclaredChange(
        service="teams",
        id="api-path-removed-without-deprecation",
        operation="GET /v1/teams/{team_id}",
        text="API path removed without deprecation",
        reason="a test",
        date=TODAY,
    )
    assert check(oasdiff, old, new, [declared]) == [("api-operation-id-removed", "POST /v1/teams")]
    in_another_service = DeclaredChange(**{**declared.__dict__, "service": "identity"})
    assert len(check(oasdiff, old, new, [in_another_service])) == 2


def test_a_change_is_reported_once_with_every_version_it_breaks(oasdiff: Path) -> None:
    old = small_document()
    new = copy.deepcopy(old)
    del new["paths"]["/v1/teams/{team_id}"]
    older = copy.deepcopy(old)
    older["info"]["description"] = "before the description changed"
    findings = undeclared_changes(
        oasdiff,
        service="teams",
        current=render(new),
        baselines=[Baseline("commit aaaa", render(old)), Baseline("commit bbbb", render(older))],
        declared=[],
    )
    assert [(f.change.id, f.against) for f in findings] == [
        ("api-path-removed-without-deprecation", ("commit aaaa", "commit bbbb"))
    ]


def test_the_failure_says_what_broke_and_the_entry_that_declares_it(
    oasdiff: Path, tmp_path: Path
) -> None:
    old = small_document()
    new = copy.deepcopy(old)
    new["components"]["schemas"]["TeamCreate"]["properties"]["code"] = {"type": "string"}
    new["components"]["schemas"]["TeamCreate"]["required"].append("code")
    findings = teams_findings(oasdiff, old, new)
    message = explain(findings, document=Path("docs/openapi/teams.json"), declared_file=Path("x"))
    assert "error [new-required-request-property] POST /v1/teams" in message
    assert "added the new required request property `code`" in message
    assert "(against commit 0123456789ab)" in message

    # The printed entry, with its reason filled in, declares exactly that change.
    entry = declaration(findings[0], TODAY)
    assert entry in message.replace(datetime.date.today().isoformat(), TODAY.isoformat())
    declared_file = tmp_path / DECLARED_FILE
    declared_file.write_text(entry.replace(REASON_PLACEHOLDER, "no client sends teams yet"))
    declared = load_declared(declared_file)
    assert declared[0].date == TODAY
    assert teams_findings(oasdiff, old, new, declared) == []


@pytest.mark.parametrize(
    ("field", "value", "complaint"),
    [
        ("reason", "", "reason"),
        ("reason", REASON_PLACEHOLDER, "reason"),
        ("date", "2026-12-03", "TOML date"),
        ("service", "billing", "no service"),
    ],
)
def test_a_declaration_without_a_reason_a_date_or_a_known_service_is_refused(
    tmp_path: Path, field: str, value: str, complaint: str
) -> None:
    entry = {
        "service": "teams",
        "id": "api-path-removed-without-deprecation",
        "operation": "GET /v1/teams/{team_id}",
        "text": "API path removed without deprecation",
        "reason": "a test",
        field: value,
    }
    lines = [f"{k} = {json.dumps(v)}" for k, v in entry.items()]
    if field != "date":
        lines.append("date = 2026-12-03")
    declared_file = tmp_path / DECLARED_FILE
    declared_file.write_text("[[accepted]]\n" + "\n".join(lines) + "\n")
    assert tomllib.loads(declared_file.read_text())["accepted"]
    with pytest.raises(ValueError, match=complaint):
        load_declared(declared_file)


# ---- the baselines -------------------------------------------------------------------------------


def test_a_document_never_committed_is_its_own_baseline_once_it_is_written(tmp_path: Path) -> None:
    path = tmp_path / "teams.json"
    assert baselines(path) == [], "nothing yet: the first `make openapi` compares with nothing"
    path.write_text(render(small_document()))
    assert baselines(path) == [Baseline("the working tree", render(small_document()))]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_every_committed_version_of_a_document_is_a_baseline_each_text_once(
    tmp_path: Path,
) -> None:
    """In a repository of the test's own: every commit that changed the document, newest
    first, each distinct text once, then the working tree's file when it differs."""
    _git(tmp_path, "init", "-q")
    path = tmp_path / "docs" / "openapi" / "teams.json"
    path.parent.mkdir(parents=True)
    first, second = small_document(), small_document()
    second["info"]["version"] = "1.1.0"
    for version in (first, second):
        path.write_text(render(version))
        _git(tmp_path, "add", "-A")
        _git(tmp_path, "commit", "-q", "-m", "a version")
    (tmp_path / "other.txt").write_text("a commit that does not touch the document")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "unrelated")

    found = baselines(path)
    assert [b.text for b in found] == [render(second), render(first)]
    assert all(b.label.startswith("commit ") for b in found)

    edited = small_document()
    edited["info"]["version"] = "1.2.0"
    path.write_text(render(edited))
    assert baselines(path)[-1] == Baseline("the working tree", render(edited))
    assert len(baselines(path)) == 3


def test_a_change_reads_as_its_rule_operation_and_text() -> None:
    change = Change("api-path-removed-without-deprecation", "error", "GET /v1/x", "API path gone")
    assert str(change) == "error [api-path-removed-without-deprecation] GET /v1/x: API path gone"
