"""Rows of the result table, the printed table, and the JSON and Markdown reports."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

Comparison = Literal["ratio>=", "value<=", "info"]


@dataclass
class Row:
    """One line of the table: a figure, optionally its baseline, the ratio and the goal."""

    id: str
    what: str
    value: float
    unit: str
    baseline_what: str | None = None
    baseline: float | None = None
    goal: float | None = None
    comparison: Comparison = "info"
    note: str = ""
    extrapolated: bool = False

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline or math.isnan(self.baseline):
            return None
        return self.value / self.baseline

    @property
    def met(self) -> bool | None:
        if self.goal is None or self.comparison == "info":
            return None
        if self.comparison == "ratio>=":
            ratio = self.ratio
            return None if ratio is None else ratio >= self.goal
        return None if math.isnan(self.value) else self.value <= self.goal

    @property
    def goal_text(self) -> str:
        if self.goal is None or self.comparison == "info":
            return ""
        if self.comparison == "ratio>=":
            return f">= {self.goal:g} x"
        return f"<= {self.goal:g} {self.unit}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "what": self.what,
            "value": _round(self.value),
            "unit": self.unit,
            "baseline_what": self.baseline_what,
            "baseline": _round(self.baseline) if self.baseline is not None else None,
            "ratio": _round(self.ratio, 3) if self.ratio is not None else None,
            "goal": self.goal_text or None,
            "met": self.met,
            "extrapolated": self.extrapolated,
            "note": self.note or None,
        }


@dataclass
class Section:
    """What one benchmark returns: its rows and the details behind them."""

    id: str
    title: str
    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


def _round(value: float | None, digits: int = 2) -> float | None:
    if value is None or math.isnan(value):
        return None
    return round(value, digits)


def fmt(value: float | None, unit: str = "") -> str:
    if value is None or math.isnan(value):
        return "n/a"
    if unit in ("ms", "s", "x") or abs(value) < 100:
        text = f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"
    else:
        text = f"{value:,.0f}"
    return f"{text} {unit}".strip() if unit and unit != "x" else text


HEADER = ("id", "measurement", "value", "baseline (same run)", "ratio", "goal", "met")


def table_rows(sections: list[Section]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for section in sections:
        if section.error:
            out.append((section.id, f"FAILED: {section.error}"[:90], "", "", "", "", ""))
        for row in section.rows:
            value = fmt(row.value, row.unit) + (" (extrapolated)" if row.extrapolated else "")
            baseline = (
                f"{fmt(row.baseline, row.unit)} {row.baseline_what}"
                if row.baseline is not None
                else ""
            )
            ratio = f"{row.ratio:.2f} x" if row.ratio is not None else ""
            met = {True: "yes", False: "NO", None: ""}[row.met]
            out.append((row.id, row.what, value, baseline, ratio, row.goal_text, met))
    return out


def render_text(sections: list[Section]) -> str:
    rows = [HEADER, *table_rows(sections)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render_markdown(
    sections: list[Section], machine: dict[str, Any], settings: dict[str, Any], seconds: float
) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    out = [
        "# Huddle benchmark report",
        "",
        f"Run at {machine.get('started_at', '')}, {seconds:.0f} s in total. Ratios compare "
        "figures measured side by side in this run only.",
        "",
        "## Results",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" for _ in HEADER) + "|",
    ]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in table_rows(sections)]
    notes = [(s.id, n) for s in sections for n in s.notes]
    if notes:
        out += ["", "## Notes", ""]
        out += [f"- **{sid}** {cell(n)}" for sid, n in notes]
    out += ["", "## Machine", "", "| what | value |", "|---|---|"]
    out += [f"| {k} | {cell(str(v))} |" for k, v in machine.items()]
    out += ["", "## Settings", "", "| setting | value |", "|---|---|"]
    out += [f"| {k} | {cell(str(v))} |" for k, v in settings.items()]
    out += ["", "## Time per benchmark", "", "| id | title | seconds |", "|---|---|---|"]
    out += [f"| {s.id} | {s.title} | {s.seconds:.0f} |" for s in sections]
    return "\n".join(out) + "\n"


def write_reports(
    directory: Path,
    sections: list[Section],
    machine: dict[str, Any],
    settings: dict[str, Any],
    seconds: float,
) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    document = {
        "machine": machine,
        "settings": settings,
        "seconds": round(seconds, 1),
        "rows": [r.as_json() for s in sections for r in s.rows],
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "seconds": round(s.seconds, 1),
                "error": s.error,
                "notes": s.notes,
                "details": s.details,
            }
            for s in sections
        ],
    }
    json_path = directory / f"bench-{stamp}.json"
    md_path = directory / f"bench-{stamp}.md"
    text = json.dumps(document, indent=2, default=str)
    markdown = render_markdown(sections, machine, settings, seconds)
    json_path.write_text(text)
    md_path.write_text(markdown)
    (directory / "latest.json").write_text(text)
    (directory / "latest.md").write_text(markdown)
    return json_path, md_path
