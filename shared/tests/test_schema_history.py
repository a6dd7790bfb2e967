"""The CI check: today's event contracts read everything any committed AsyncAPI document let be
published, and ``make asyncapi`` refuses to write a document that would not."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from huddle_shared.asyncapi import build_document, main, render
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.integration import INTEGRATION_REGISTRY
from huddle_shared.schema.compatibility import Rule, document_breaks
from huddle_shared.schema.history import (
    ACCEPTED_FILE,
    AcceptedBreak,
    committed_documents,
    load_accepted,
    unaccepted_breaks,
)

DOCS = Path(__file__).parents[2] / "docs"
COMMITTED = DOCS / "asyncapi.json"


def current() -> dict[str, Any]:
    return build_document(REGISTRY, integration=INTEGRATION_REGISTRY)


def in_a_git_work_tree() -> bool:
    done = subprocess.run(
        ["git", "rev-parse", "--is-inside-work-tree"],
        cwd=DOCS,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode == 0 and done.stdout.strip() == "true"


def test_the_contracts_read_every_committed_version_of_the_document() -> None:
    if not in_a_git_work_tree():
        pytest.skip("not a git work tree: no committed versions to compare with")
    versions = committed_documents(COMMITTED)
    assert versions, "docs/asyncapi.json has no committed version"
    accepted = load_accepted(DOCS / ACCEPTED_FILE)
    problems = unaccepted_breaks(current(), versions, accepted)
    assert problems == [], "\n".join(f"{commit[:12]}: {b}" for commit, b in problems)


def test_the_contracts_read_the_document_in_the_working_tree() -> None:
    earlier = json.loads(COMMITTED.read_text())
    assert document_breaks(earlier, current()) == []


def test_every_declared_break_has_a_reason() -> None:
    for entry in load_accepted(DOCS / ACCEPTED_FILE):
        assert entry.reason and entry.event_type.startswith("huddle.")
        assert entry.rule in {r.value for r in Rule}


def test_a_declared_break_is_let_through_and_only_that_one(tmp_path: Path) -> None:
    old = current()
    new = copy.deepcopy(old)
    new["components"]["schemas"]["TeamCreated"]["properties"]["name"]["maxLength"] = 100
    new["components"]["schemas"]["TeamRenamed"]["properties"]["name"]["maxLength"] = 100
    declared = tmp_path / ACCEPTED_FILE
    declared.write_text(
        "[[accepted]]\n"
        'type = "huddle.teams.team_created.v1"\n'
        'rule = "constraint-narrowed"\n'
        'path = "name"\n'
        'reason = "a test"\n'
    )
    accepted = load_accepted(declared)
    assert accepted == [
        AcceptedBreak("huddle.teams.team_created.v1", "constraint-narrowed", "name", "a test")
    ]
    left = unaccepted_breaks(new, [("old", old)], accepted)
    assert [(where, b.event_type, b.path) for where, b in left] == [
        ("old", "huddle.teams.team_renamed.v1", "name")
    ]


def test_a_declared_break_without_a_reason_is_refused(tmp_path: Path) -> None:
    declared = tmp_path / ACCEPTED_FILE
    declared.write_text('[[accepted]]\ntype = "t"\nrule = "type-removed"\npath = ""\nreason = ""\n')
    with pytest.raises(ValueError, match="reason"):
        load_accepted(declared)


def test_an_event_type_that_disappears_or_moves_is_a_break() -> None:
    old = current()
    new = copy.deepcopy(old)
    del new["components"]["messages"]["huddle_teams_member_role_changed_v1"]
    channel = new["channels"]["teams.team.v1"]["messages"]
    del channel["huddle_teams_member_role_changed_v1"]
    moved = channel.pop("huddle_teams_team_renamed_v1")
    new["channels"]["identity.user.v1"]["messages"]["huddle_teams_team_renamed_v1"] = moved
    found = {(b.event_type, b.rule) for b in document_breaks(old, new)}
    assert found == {
        ("huddle.teams.member_role_changed.v1", Rule.TYPE_REMOVED),
        ("huddle.teams.team_renamed.v1", Rule.TOPIC_CHANGED),
    }


def test_make_asyncapi_refuses_to_overwrite_with_an_incompatible_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A published document in which team roles had one more value than today's contracts know.
    published = current()
    published["components"]["schemas"]["TeamRole"]["enum"].append("chaplain")
    target = tmp_path / "asyncapi.json"
    target.write_text(json.dumps(published))
    before = target.read_text()

    assert main(["--write", str(target)]) == 1
    assert target.read_text() == before, "the document was left as it was"
    message = capsys.readouterr().err
    assert "huddle.teams.member_added.v1 role" in message and '"chaplain"' in message
    assert "new version" in message


def test_make_asyncapi_writes_a_compatible_document(tmp_path: Path) -> None:
    target = tmp_path / "asyncapi.json"
    target.write_text(COMMITTED.read_text())
    assert main(["--write", str(target)]) == 0
    assert target.read_text() == render(REGISTRY, INTEGRATION_REGISTRY)
