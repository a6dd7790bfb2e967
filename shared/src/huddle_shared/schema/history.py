"""Every committed version of the AsyncAPI document, and the breaks of them knowingly accepted.

The current contracts must read what *any* earlier committed document let be published, not
only the last one: a break committed once and "fixed" later still left its events behind. A
break that was accepted on purpose (history cannot be rewritten) is declared in a committed
file beside the document, one entry per break with its reason, like oasdiff's declared changes.
"""

from __future__ import annotations

import json
import subprocess
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from huddle_shared.schema.compatibility import Break, document_breaks

ACCEPTED_FILE = "asyncapi-accepted-breaks.toml"


@dataclass(frozen=True)
class AcceptedBreak:
    """A declared break: this event type, at this path, by this rule, was accepted because …"""

    event_type: str
    rule: str
    path: str
    reason: str

    def covers(self, found: Break) -> bool:
        return (found.event_type, found.rule.value, found.path) == (
            self.event_type,
            self.rule,
            self.path,
        )


def load_accepted(path: Path) -> list[AcceptedBreak]:
    """The declared breaks of ``path`` (TOML ``[[accepted]]`` tables); none if it is absent."""
    if not path.exists():
        return []
    entries = tomllib.loads(path.read_text()).get("accepted", [])
    accepted = []
    for entry in entries:
        missing = [k for k in ("type", "rule", "path", "reason") if k not in entry]
        if missing or not str(entry.get("reason", "")).strip():
            raise ValueError(f"{path}: an accepted break needs type, rule, path and a reason")
        accepted.append(
            AcceptedBreak(entry["type"], entry["rule"], entry["path"], entry["reason"].strip())
        )
    return accepted


def committed_documents(document: Path) -> list[tuple[str, dict[str, Any]]]:
    """(commit, document) for every commit that changed ``document``, newest first.

    Empty outside a git work tree. A shallow clone yields the versions it has.
    """
    top = _git(document.resolve().parent, "rev-parse", "--show-toplevel")
    if top is None:
        return []
    root = Path(top.strip()).resolve()
    relative = document.resolve().relative_to(root).as_posix()
    log = _git(root, "log", "--format=%H", "--", relative)
    versions = []
    for commit in (log or "").split():
        text = _git(root, "show", f"{commit}:{relative}")
        if text is not None:  # None: the commit deleted the file
            versions.append((commit, json.loads(text)))
    return versions


def unaccepted_breaks(
    current: Mapping[str, Any],
    earlier: Iterable[tuple[str, Mapping[str, Any]]],
    accepted: Iterable[AcceptedBreak] = (),
) -> list[tuple[str, Break]]:
    """(where, break) for each way ``current`` cannot read an ``earlier`` document (by its
    label, e.g. a commit), less the declared ones."""
    declared = list(accepted)
    found = []
    for label, document in earlier:
        for each in document_breaks(document, current):
            if not any(a.covers(each) for a in declared):
                found.append((label, each))
    return found


def _git(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
