"""Every alert links its runbook: a runbook_url whose anchor is the alert's own section of
docs/operations.md, and every alert section there is about an alert that exists."""

from __future__ import annotations

from typing import Any

import pytest

from .rule_support import (
    REPO,
    RUNBOOK,
    RUNBOOK_URL_PREFIX,
    alert_sections,
    github_anchor,
    headings,
    relative_links,
)
from .support import alerting_rules


@pytest.mark.parametrize("rule", alerting_rules(), ids=lambda r: r["alert"])
def test_the_alert_links_its_own_runbook_section(rule: dict[str, Any]) -> None:
    url = rule["annotations"].get("runbook_url", "")
    assert url.startswith(RUNBOOK_URL_PREFIX), url
    anchor = url.removeprefix(RUNBOOK_URL_PREFIX)
    sections = {h.anchor: h.text for h in alert_sections(headings(RUNBOOK.read_text()))}
    assert anchor in sections, f"no section #{anchor} under 'Alerts' in {RUNBOOK.name}"
    assert sections[anchor] == rule["alert"], "the link lands on another alert's section"


def test_every_alert_section_is_about_an_alert_that_exists() -> None:
    sections = [h.text for h in alert_sections(headings(RUNBOOK.read_text()))]
    assert len(sections) == len(set(sections)), "one section per alert"
    names = {rule["alert"] for rule in alerting_rules()}
    assert set(sections) - names == set(), "sections of alerts that do not exist"
    assert names - set(sections) == set(), "alerts without a runbook section"


def test_the_runbook_links_resolve() -> None:
    """Its links to its own sections and to the other docs land on headings that exist."""
    anchors = {path: {h.anchor for h in headings(path.read_text())} for path in [RUNBOOK]}
    problems = []
    for target in relative_links(RUNBOOK.read_text()):
        path_part, _, anchor = target.partition("#")
        path = (RUNBOOK.parent / path_part).resolve() if path_part else RUNBOOK
        if not path.is_file():
            problems.append(f"{target}: no file {path.relative_to(REPO)}")
            continue
        if anchor and path.suffix == ".md":
            if path not in anchors:
                anchors[path] = {h.anchor for h in headings(path.read_text())}
            if anchor not in anchors[path]:
                problems.append(f"{target}: no heading #{anchor}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("HuddleServiceDown", "huddleservicedown"),
        ("Ingress and path prefixes", "ingress-and-path-prefixes"),
        ("`huddle_ready` is stale?", "huddle_ready-is-stale"),
        ("Kafka (for [integrators](x.md))", "kafka-for-integrators"),
    ],
)
def test_anchors_are_githubs(heading: str, anchor: str) -> None:
    assert github_anchor(heading) == anchor


def test_repeated_headings_get_numbered_anchors() -> None:
    text = "# A\n## How to look\n```\n# not a heading\n```\n## How to look\n"
    assert [h.anchor for h in headings(text)] == ["a", "how-to-look", "how-to-look-1"]
