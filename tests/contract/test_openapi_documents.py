"""The five OpenAPI documents are committed under docs/openapi/ like docs/asyncapi.json, and kept
current: a route changed without ``make openapi`` fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from huddle_devtools.contract import documents
from huddle_devtools.contract.__main__ import main
from huddle_devtools.contract.documents import SERVICES, document_path, render

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = REPO / documents.DOCUMENTS


@pytest.mark.parametrize("service", SERVICES)
def test_the_committed_openapi_document_is_what_the_code_generates(
    service: str, generated: dict[str, str]
) -> None:
    path = document_path(DOCUMENTS, service)
    assert path.exists(), f"docs/openapi/{service}.json is missing: run `make openapi`, commit it"
    assert path.read_text() == generated[service], (
        f"docs/openapi/{service}.json is stale: run `make openapi` and commit the result"
    )


def test_a_document_is_rendered_in_a_stable_form(generated: dict[str, str]) -> None:
    for text in generated.values():
        assert text == render(json.loads(text))
        assert text.endswith("}\n") and text.startswith('{\n  "openapi": "3.')


def test_make_openapi_writes_each_document_and_refuses_one_that_breaks_its_clients(
    tmp_path: Path,
    generated: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A teams document in the working tree with one endpoint more than the code serves.
    teams = json.loads(generated["teams"])
    teams["paths"]["/v1/teams/{team_id}/legacy-export"] = {
        "get": {"operationId": "legacy_export", "responses": {"200": {"description": "OK"}}}
    }
    written_before = render(teams)
    document_path(tmp_path, "teams").write_text(written_before)
    monkeypatch.chdir(REPO)

    assert main(["--write", str(tmp_path)]) == 1

    assert document_path(tmp_path, "teams").read_text() == written_before, "left as it was"
    for service in SERVICES:
        if service != "teams":
            assert document_path(tmp_path, service).read_text() == generated[service]
    message = capsys.readouterr().err
    assert "GET /v1/teams/{team_id}/legacy-export" in message
    assert "api-path-removed-without-deprecation" in message
    assert "accepted-breaking-changes.toml" in message and "[[accepted]]" in message
