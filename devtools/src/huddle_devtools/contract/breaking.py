"""The breaking-change check: oasdiff between each baseline and today's document, less the changes
declared on purpose.

oasdiff (``scripts/contract-tools.sh`` installs the pinned version) reports a breaking change at
one of two levels: ``error`` (certainly breaks a client: an endpoint or a required response
field gone, a new required request field, a renamed operationId) and ``warning`` (breaks some: a
request field removed, which our ``additionalProperties: false`` bodies then refuse; an optional
response field removed). Both fail the check. A change that is meant
is declared in ``docs/openapi/accepted-breaking-changes.toml``, one ``[[accepted]]`` table per
change, as the check prints it, with a reason and a date: like the AsyncAPI document's
``docs/asyncapi-accepted-breaks.toml``, the file only grows, since the change stays in history.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from huddle_devtools.contract.documents import SERVICES, Baseline
from huddle_devtools.contract.process import run

DECLARED_FILE = "accepted-breaking-changes.toml"
DECLARED_KEYS = ("service", "id", "operation", "text", "reason", "date")
CONTRACT_TOOLS_SCRIPT = Path("scripts/contract-tools.sh")
# oasdiff's levels in its JSON output; `breaking` reports these two (info is not breaking).
LEVELS = {3: "error", 2: "warning"}
# Rules oasdiff counts as information that break a generated client all the same: a new
# operationId renames the client's method (the ids are hand-named to stay); an optional response
# field that goes is gone from the client's types, and code that reads it no longer compiles.
RAISED_LEVELS = {"api-operation-id-removed": "ERR", "response-optional-property-removed": "WARN"}
# JSON out, our levels, and no $ref outside the two documents (no fetch, no file read).
OASDIFF_OPTIONS = (
    "--format",
    "json",
    "--severity-levels",
    "levels.txt",
    "--allow-external-refs=false",
)
REASON_PLACEHOLDER = "<why no client breaks, or how the clients were told>"


def install_oasdiff(repo: Path) -> Path:
    """The pinned oasdiff: runs scripts/contract-tools.sh (instant once cached)."""
    printed = run(["bash", str(repo / CONTRACT_TOOLS_SCRIPT)], timeout=1200)
    paths = dict(line.split("=", 1) for line in printed.splitlines() if "=" in line)
    return Path(paths["OASDIFF"])


@dataclass(frozen=True)
class Change:
    """A breaking change as oasdiff reports it: its rule, level, operation and text."""

    id: str
    level: str
    operation: str
    text: str

    def __str__(self) -> str:
        return f"{self.level} [{self.id}] {self.operation}: {self.text}"


def breaking_changes(oasdiff: Path, base: str, revision: str) -> list[Change]:
    """What in ``revision`` breaks a client of ``base`` (two documents' texts)."""
    with tempfile.TemporaryDirectory(prefix="huddle-oasdiff-") as scratch:
        Path(scratch, "base.json").write_text(base)
        Path(scratch, "revision.json").write_text(revision)
        levels = "".join(f"{rule} {level}\n" for rule, level in RAISED_LEVELS.items())
        Path(scratch, "levels.txt").write_text(levels)
        # In a scratch directory with no OASDIFF_* variables: oasdiff reads a .oasdiff.* config
        # from its working directory, and OASDIFF_CONFIG, and neither may change the verdict.
        printed = run(
            [str(oasdiff), "breaking", "base.json", "revision.json", *OASDIFF_OPTIONS],
            cwd=scratch,
            env={k: v for k, v in os.environ.items() if not k.startswith("OASDIFF")},
            timeout=120,
        )
    return [
        Change(
            id=entry["id"],
            level=LEVELS[entry["level"]],
            operation=f"{entry['operation']} {entry['path']}",
            text=entry["text"],
        )
        for entry in json.loads(printed or "[]")
        if entry.get("level") in LEVELS
    ]


@dataclass(frozen=True)
class DeclaredChange:
    """A breaking change made on purpose: in this service, this rule, operation and text."""

    service: str
    id: str
    operation: str
    text: str
    reason: str
    date: datetime.date

    def covers(self, service: str, change: Change) -> bool:
        return (self.service, self.id, self.operation, self.text) == (
            service,
            change.id,
            change.operation,
            change.text,
        )


def load_declared(path: Path) -> list[DeclaredChange]:
    """The ``[[accepted]]`` entries of ``path``; none if it is absent."""
    if not path.exists():
        return []
    declared = []
    for entry in tomllib.loads(path.read_text()).get("accepted", []):
        missing = [k for k in DECLARED_KEYS if k not in entry]
        if missing:
            raise ValueError(f"{path}: a declared change lacks {', '.join(missing)}: {entry}")
        if str(entry["reason"]).strip() in ("", REASON_PLACEHOLDER):
            raise ValueError(f"{path}: a declared change needs a reason: {entry}")
        if not isinstance(entry["date"], datetime.date):
            raise ValueError(f"{path}: date is a TOML date (date = 2026-12-03): {entry}")
        if entry["service"] not in SERVICES:
            raise ValueError(f"{path}: no service {entry['service']!r} (one of {SERVICES})")
        declared.append(
            DeclaredChange(
                service=entry["service"],
                id=entry["id"],
                operation=entry["operation"],
                text=entry["text"],
                reason=str(entry["reason"]).strip(),
                date=entry["date"],
            )
        )
    return declared


@dataclass(frozen=True)
class Finding:
    """An undeclared breaking change, and the baselines it breaks."""

    service: str
    change: Change
    against: tuple[str, ...]


def undeclared_changes(
    oasdiff: Path,
    *,
    service: str,
    current: str,
    baselines: Iterable[Baseline],
    declared: Sequence[DeclaredChange],
) -> list[Finding]:
    """Each change in ``current`` that breaks a client of a baseline and is not declared, once
    (with every baseline it breaks), in the order oasdiff reports them."""
    against: dict[Change, list[str]] = {}
    for baseline in baselines:
        for change in breaking_changes(oasdiff, baseline.text, current):
            if not any(d.covers(service, change) for d in declared):
                against.setdefault(change, []).append(baseline.label)
    return [Finding(service, change, tuple(labels)) for change, labels in against.items()]


def explain(findings: Sequence[Finding], *, document: Path, declared_file: Path) -> str:
    """What broke, against which versions, and the entries that would declare it."""
    lines = [f"{document}: {len(findings)} breaking change(s) to the API its clients use:"]
    lines += [f"  {f.change}  (against {', '.join(f.against)})" for f in findings]
    lines += [
        "",
        "Keep the old contract (add fields as optional, keep what exists, a new path or a new "
        "version for the rest); or, if the break is meant, declare each change in "
        f"{declared_file} with its reason and commit it with the change:",
        "",
    ]
    lines += [declaration(f) for f in findings]
    return "\n".join(lines)


def declaration(finding: Finding, today: datetime.date | None = None) -> str:
    """The TOML entry that declares ``finding`` (strings in JSON's escapes, which TOML reads)."""
    change = finding.change
    return "\n".join(
        [
            "[[accepted]]",
            f"service = {json.dumps(finding.service)}",
            f"id = {json.dumps(change.id)}",
            f"operation = {json.dumps(change.operation)}",
            f"text = {json.dumps(change.text)}",
            f"reason = {json.dumps(REASON_PLACEHOLDER)}",
            f"date = {(today or datetime.datetime.now(datetime.UTC).date()).isoformat()}",
            "",
        ]
    )
