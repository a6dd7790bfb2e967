"""Markdown headings and the anchors GitHub gives them: where the alerts' runbook_url links land
in docs/operations.md."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RUNBOOK = REPO / "docs" / "operations.md"
# runbook_url annotations are relative to the repository (huddle_devtools.prometheus_rule can
# make them absolute in a PrometheusRule of your own).
RUNBOOK_URL_PREFIX = "docs/operations.md#"
# The level-2 section whose level-3 headings are one per alert, each named after it.
ALERTS_SECTION = "Alerts"

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


def github_anchor(text: str) -> str:
    """The id GitHub gives a heading: its text (without markup), lower-cased, punctuation other
    than ``-`` and ``_`` dropped, spaces as hyphens."""
    plain = _LINK.sub(r"\1", text).replace("`", "")
    return re.sub(r"[^\w\- ]", "", plain.strip().lower()).replace(" ", "-")


def _outside_code(markdown: str) -> Iterator[str]:
    """The lines outside fenced code blocks (a ``# comment`` in a shell block is no heading)."""
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield line


def headings(markdown: str) -> list[Heading]:
    """The ATX headings, with GitHub's anchors (a repeated anchor gets ``-1``, ``-2``, … as on
    GitHub)."""
    found: list[Heading] = []
    seen: Counter[str] = Counter()
    for line in _outside_code(markdown):
        match = _HEADING.match(line)
        if match is None:
            continue
        level, text = len(match.group(1)), match.group(2)
        anchor = github_anchor(text)
        if seen[anchor]:
            anchor = f"{anchor}-{seen[anchor]}"
        seen[github_anchor(text)] += 1
        found.append(Heading(level, text, anchor))
    return found


def alert_sections(found: list[Heading]) -> list[Heading]:
    """The level-3 headings of the level-2 section named ALERTS_SECTION."""
    sections: list[Heading] = []
    inside = False
    for heading in found:
        if heading.level <= 2:
            inside = heading.level == 2 and heading.text == ALERTS_SECTION
        elif inside and heading.level == 3:
            sections.append(heading)
    return sections


def relative_links(markdown: str) -> list[str]:
    """The targets of the links that stay in the repository (no scheme), outside code blocks."""
    return [
        m.group(1)
        for line in _outside_code(markdown)
        for m in re.finditer(r"\]\(([^)\s]+)\)", line)
        if "://" not in m.group(1)
    ]
