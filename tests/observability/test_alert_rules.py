"""The Prometheus alert rules: valid for promtool, unit-tested by promtool (every alert firing and
not firing), named after metrics that exist, and labelled and annotated for the on-call."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from .support import (
    RULE_TESTS_DIR,
    ObsTools,
    alerting_rules,
    all_rules,
    allowed_metric_names,
    load_yaml,
    metric_names,
    rule_files,
    rule_test_files,
    run_promtool,
)

SEVERITIES = {"critical", "warning"}
# Alerts on a discrete event (fire as soon as it happens) rather than on a sustained condition.
WITHOUT_FOR = {"HuddleDeadLetters"}


def test_there_are_rules_and_rule_tests() -> None:
    assert rule_files(), "no rule files in deploy/observability/prometheus/rules"
    assert rule_test_files(), "no promtool tests in deploy/observability/prometheus/tests"


def test_promtool_check_rules(obs_tools: ObsTools) -> None:
    result = run_promtool(obs_tools.promtool, "check", "rules", *rule_files())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_promtool_test_rules(obs_tools: ObsTools) -> None:
    result = run_promtool(obs_tools.promtool, "test", "rules", *rule_test_files())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAILED" not in result.stdout + result.stderr


def test_promtool_test_rules_detects_a_broken_rule(obs_tools: ObsTools, tmp_path: Path) -> None:
    """The unit tests are not vacuous: a rule with a wrong threshold fails them."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "tests").mkdir()
    for path in rule_files():
        text = path.read_text()
        broken = text.replace("huddle_outbox_oldest_age_seconds) > 900", "x) > 900", 1)
        (tmp_path / "rules" / path.name).write_text(broken)
    for path in rule_test_files():
        (tmp_path / "tests" / path.name).write_text(path.read_text())
    result = run_promtool(
        obs_tools.promtool, "test", "rules", *sorted((tmp_path / "tests").glob("*.yml"))
    )
    assert result.returncode != 0
    assert "HuddleOutboxStuck" in result.stdout + result.stderr


def test_every_alert_is_tested_firing_and_not_firing() -> None:
    cases: dict[str, set[str]] = defaultdict(set)
    for path in rule_test_files():
        document: dict[str, Any] = load_yaml(path)
        listed = {str((path.parent / f).resolve()) for f in document["rule_files"]}
        assert listed <= {str(f.resolve()) for f in rule_files()}, "tests load the real rules"
        for test in document["tests"]:
            for case in test.get("alert_rule_test", []):
                cases[case["alertname"]].add("firing" if case.get("exp_alerts") else "quiet")
    names = [rule["alert"] for rule in alerting_rules()]
    assert len(names) == len(set(names)), "alert names are unique"
    missing = {
        name: sorted({"firing", "quiet"} - cases.get(name, set()))
        for name in names
        if cases.get(name, set()) != {"firing", "quiet"}
    }
    assert not missing, f"alerts without a firing or a not-firing case in {RULE_TESTS_DIR}"
    assert set(cases) <= set(names), "tests name alerts that do not exist"


def test_the_required_alerts_exist() -> None:
    exprs = {rule["alert"]: rule["expr"] for rule in alerting_rules()}
    wanted = {
        "high error rate": ("huddle_http_requests_total", '5.."'),
        "high latency": ("huddle_http_request_duration_seconds_bucket", "0.99"),
        "outbox oldest age": ("huddle_outbox_oldest_age_seconds", ">"),
        "consumer lag": ("huddle_consumer_lag_messages", ">"),
        "dead letters": ("huddle_dead_letters_total", ">"),
        "service not ready": ("huddle_ready", "== 0"),
        "relay without leader": ("huddle_relay_leader", "== 0"),
    }
    for what, fragments in wanted.items():
        assert any(all(f in expr for f in fragments) for expr in exprs.values()), what


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.get("alert") or r.get("record"))
def test_rule_names_only_existing_metrics(rule: dict[str, Any]) -> None:
    unknown = metric_names(rule["expr"]) - allowed_metric_names()
    assert not unknown, f"{unknown} are not exported by huddle_shared.metrics"


@pytest.mark.parametrize("rule", alerting_rules(), ids=lambda r: r["alert"])
def test_alert_is_labelled_and_annotated(rule: dict[str, Any]) -> None:
    assert rule["alert"].startswith("Huddle")
    assert rule["labels"]["severity"] in SEVERITIES
    annotations = rule["annotations"]
    for key in ("summary", "description"):
        assert len(annotations.get(key, "").strip()) > 20, key
    # What to do is in the runbook its runbook_url points at (test_runbooks.py), not here.
    assert set(annotations) == {"summary", "description", "runbook_url"}
    if rule["alert"] not in WITHOUT_FOR:
        assert rule.get("for"), "a sustained condition needs a for: duration"
