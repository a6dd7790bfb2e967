"""The Grafana dashboards: valid, provisioning-ready JSON whose every query is valid PromQL that
names only metrics the services export, and which together show every Huddle metric."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from .support import (
    DashboardQuery,
    ObsTools,
    all_panels,
    allowed_metric_names,
    dashboard_files,
    dashboard_queries,
    grafana_variables,
    huddle_metric_families,
    load_dashboard,
    metric_names,
    run_promtool,
    substitute_grafana_variables,
)

DATASOURCE_REF = "${datasource}"
BUILTIN_VARIABLES = {"__rate_interval", "__interval", "__range", "__interval_ms", "__range_s"}

DASHBOARDS = dashboard_files()
QUERIES = [query for path in DASHBOARDS for query in dashboard_queries(path)]


def test_there_are_dashboards() -> None:
    assert len(DASHBOARDS) >= 2
    assert QUERIES


@pytest.mark.parametrize("path", DASHBOARDS, ids=lambda p: p.name)
def test_dashboard_is_provisioning_ready(path: Path) -> None:
    board = json.loads(path.read_text())  # valid JSON
    assert board.get("id") is None, "provisioned dashboards carry no database id"
    assert board["uid"] and len(board["uid"]) <= 40
    assert board["title"]
    assert isinstance(board["schemaVersion"], int)
    assert "huddle" in board["tags"]
    uids = [load_dashboard(p)["uid"] for p in DASHBOARDS]
    assert uids.count(board["uid"]) == 1, "dashboard uids are unique"


@pytest.mark.parametrize("path", DASHBOARDS, ids=lambda p: p.name)
def test_dashboard_has_a_prometheus_datasource_variable(path: Path) -> None:
    board = load_dashboard(path)
    variables = {v["name"]: v for v in board["templating"]["list"]}
    datasource = variables["datasource"]
    assert datasource["type"] == "datasource"
    assert datasource["query"] == "prometheus"
    for variable in variables.values():
        if variable["type"] == "query":
            assert variable["datasource"]["uid"] == DATASOURCE_REF
    for panel in all_panels(board["panels"]):
        if panel["type"] == "row":
            continue
        assert panel["datasource"] == {"type": "prometheus", "uid": DATASOURCE_REF}, panel["title"]
        for target in panel["targets"]:
            assert target.get("datasource", panel["datasource"])["uid"] == DATASOURCE_REF


@pytest.mark.parametrize("path", DASHBOARDS, ids=lambda p: p.name)
def test_panels_have_unique_ids_and_do_not_overlap(path: Path) -> None:
    board = load_dashboard(path)
    panels = list(all_panels(board["panels"]))
    ids = [panel["id"] for panel in panels]
    assert all(isinstance(i, int) for i in ids)
    assert len(ids) == len(set(ids)), "panel ids are unique"
    cells: dict[tuple[int, int], str] = {}
    for panel in board["panels"]:  # top-level grid (rows are expanded)
        pos = panel["gridPos"]
        assert pos["x"] >= 0 and pos["x"] + pos["w"] <= 24, panel["title"]
        for x in range(pos["x"], pos["x"] + pos["w"]):
            for y in range(pos["y"], pos["y"] + pos["h"]):
                assert (x, y) not in cells, f"{panel['title']!r} overlaps {cells[(x, y)]!r}"
                cells[(x, y)] = panel["title"]
    for panel in panels:
        if panel["type"] != "row":
            assert panel["targets"], panel["title"]
            ref_ids = [t["refId"] for t in panel["targets"]]
            assert len(ref_ids) == len(set(ref_ids)), panel["title"]
            assert panel.get("description"), f"{panel['title']!r} says what it shows"


@pytest.mark.parametrize("path", DASHBOARDS, ids=lambda p: p.name)
def test_every_variable_used_is_defined(path: Path) -> None:
    board = load_dashboard(path)
    defined = {v["name"] for v in board["templating"]["list"]} | BUILTIN_VARIABLES
    used: set[str] = set()
    for query in dashboard_queries(path):
        used |= grafana_variables(query.expr)
    assert used - defined == set()


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.dashboard}:{q.where}")
def test_query_names_only_existing_metrics(query: DashboardQuery) -> None:
    names = metric_names(query.expr)
    assert names, "a query selects at least one metric"
    unknown = names - allowed_metric_names()
    assert not unknown, f"{unknown} are not exported by huddle_shared.metrics: {query.expr}"


def test_every_query_is_valid_promql(obs_tools: ObsTools, tmp_path: Path) -> None:
    """promtool parses each query (Grafana's variables substituted) as a recording rule."""
    rules: list[dict[str, Any]] = [
        {"record": f"huddle_dashboard_query:{index}", "expr": substitute_grafana_variables(q.expr)}
        for index, q in enumerate(QUERIES)
    ]
    path = tmp_path / "dashboard-queries.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboards", "rules": rules}]}))
    result = run_promtool(obs_tools.promtool, "check", "rules", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(rules)} rules found" in result.stdout


def test_every_huddle_metric_is_on_a_dashboard() -> None:
    used: set[str] = set()
    for query in QUERIES:
        used |= metric_names(query.expr)
    missing = sorted(
        family for family, series in huddle_metric_families().items() if not series & used
    )
    assert not missing, f"metrics no dashboard shows: {missing}"


def test_the_asked_for_views_exist() -> None:
    titles = " | ".join(
        panel["title"].lower()
        for path in DASHBOARDS
        for panel in all_panels(load_dashboard(path)["panels"])
    )
    for fragment in (
        "requests per second",
        "5xx",
        "latency by service (p50, p95, p99)",
        "latency by route (p50, p95, p99)",
        "outbox depth",
        "oldest unpublished event age",
        "relay publish rate",
        "relay publish failures",
        "relay leader",
        "consumer lag by group, topic and partition",
        "dead letters",
        "projection batch apply latency",
        "projection freshness",
        "events appended by type",
        "dashboard query latency",
        "readiness",
    ):
        assert fragment in titles, fragment
