"""What the observability tests share: where things are, the tools (scripts/obs-tools.sh), the set
of metric names the services export, and a PromQL reader that names the metrics an expression
uses."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import prometheus_client
import yaml

import huddle_shared.metrics

REPO = Path(__file__).resolve().parents[2]
OBSERVABILITY = REPO / "deploy" / "observability"
RULES_DIR = OBSERVABILITY / "prometheus" / "rules"
RULE_TESTS_DIR = OBSERVABILITY / "prometheus" / "tests"
DASHBOARDS_DIR = OBSERVABILITY / "grafana" / "dashboards"
COMPOSE_DIR = REPO / "deploy" / "compose"
K8S_BASE = REPO / "deploy" / "k8s" / "base"

# Series that Prometheus itself writes for every target.
PROMETHEUS_SERIES = frozenset({"up"})


@dataclass(frozen=True)
class ObsTools:
    promtool: Path
    prometheus: Path
    web: Path | None

    @classmethod
    def install(cls) -> ObsTools:
        """Run scripts/obs-tools.sh (instant once cached) and read the paths it prints."""
        result = subprocess.run(
            ["bash", str(REPO / "scripts" / "obs-tools.sh")],
            capture_output=True,
            text=True,
            check=False,
            stdin=subprocess.DEVNULL,
            timeout=1800,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"scripts/obs-tools.sh failed ({result.returncode}):\n{result.stderr[-4000:]}"
            )
        paths = parse_key_values(result.stdout)
        return cls(
            promtool=Path(paths["PROMTOOL"]),
            prometheus=Path(paths["PROMETHEUS"]),
            web=Path(paths["PROMETHEUS_WEB"]) if paths.get("PROMETHEUS_WEB") else None,
        )


def parse_key_values(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            values[key.strip()] = value.strip()
    return values


def run_promtool(promtool: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(promtool), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


# ---- the metric names the services export ---------------------------------------------------

_SUFFIXES = {
    "counter": ("_total",),
    "histogram": ("_bucket", "_sum", "_count"),
    "gaugehistogram": ("_bucket", "_gsum", "_gcount"),
    "summary": ("", "_sum", "_count"),
    "info": ("_info",),
}


def series_names(family_name: str, family_type: str) -> set[str]:
    """The series names a metric family is exposed as (text format, as Prometheus stores them)."""
    return {family_name + suffix for suffix in _SUFFIXES.get(family_type, ("",))}


def exported_metric_names() -> frozenset[str]:
    """Every series name a service's /metrics exposes: prometheus_client's process and runtime
    collectors, and the series of every instrument huddle_shared.metrics defines (the
    OpenTelemetry reader shows an instrument only once it has recorded something, so the
    definitions are the list, not a scrape)."""
    names: set[str] = set()
    for family in prometheus_client.REGISTRY.collect():
        if not family.name.startswith("huddle_"):
            names |= series_names(family.name, family.type)
    for series in huddle_metric_families().values():
        names |= series
    return frozenset(names)


def huddle_metric_families() -> dict[str, set[str]]:
    """Family name -> series names, for the metrics defined in huddle_shared.metrics."""
    return {family.name: set(family.series) for family in huddle_shared.metrics.FAMILIES}


def allowed_metric_names() -> frozenset[str]:
    return exported_metric_names() | PROMETHEUS_SERIES


# ---- PromQL: which metrics does an expression name? --------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTIONS = _words(
    """
    abs absent absent_over_time acos acosh asin asinh atan atanh avg_over_time ceil changes clamp
    clamp_max clamp_min cos cosh count_over_time day_of_month day_of_week day_of_year
    days_in_month deg delta deriv double_exponential_smoothing exp floor histogram_avg
    histogram_count histogram_fraction histogram_quantile histogram_stddev histogram_stdvar
    histogram_sum holt_winters hour idelta increase info irate label_join label_replace
    last_over_time ln log10 log2 mad_over_time max_over_time min_over_time minute month pi
    predict_linear present_over_time quantile_over_time rad rate resets round scalar sgn sin sinh
    sort sort_by_label sort_by_label_desc sort_desc sqrt stddev_over_time stdvar_over_time
    sum_over_time tan tanh time timestamp vector year
    """
)
AGGREGATIONS = _words(
    "avg bottomk count count_values group limit_ratio limitk max min quantile stddev stdvar "
    "sum topk"
)
KEYWORDS = _words(
    "and or unless bool offset atan2 by without on ignoring group_left group_right start end "
    "inf nan"
)
_GROUPING = frozenset({"by", "without", "on", "ignoring", "group_left", "group_right"})

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<string>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`)
    | (?P<range>\[[^\]]*\])
    | (?P<number>0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[a-zA-Z]*)
    | (?P<ident>[a-zA-Z_:][a-zA-Z0-9_:]*)
    | (?P<variable>\$\{[^}]*\}|\$\w+)
    | (?P<op>==|!=|<=|>=|=~|!~|[-+*/%^<>=(),{}@])
    """,
    re.VERBOSE,
)


class PromQLError(ValueError):
    pass


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str


def _tokens(expr: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    position = 0
    while position < len(expr):
        match = _TOKEN.match(expr, position)
        if match is None:
            raise PromQLError(f"cannot read {expr[position : position + 20]!r} in {expr!r}")
        kind = match.lastgroup
        assert kind is not None
        if kind not in ("ws", "comment"):
            tokens.append(_Tok(kind, match.group()))
        position = match.end()
    return tokens


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects.

    Label names (in selectors and in by/without/on/ignoring/group_left/group_right clauses),
    functions, aggregations, keywords, strings, numbers, durations and Grafana variables are not
    metric names. An unknown function (a name followed by an opening parenthesis) is an error.
    """
    tokens = _tokens(expr)
    names: set[str] = set()
    depth = 0  # inside {...}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
            if depth < 0:
                raise PromQLError(f"unbalanced braces in {expr!r}")
        elif token.kind == "ident" and depth > 0:
            # A label name; {__name__="x"} selects the metric x.
            if token.text == "__name__" and i + 2 < len(tokens) and tokens[i + 1].text == "=":
                names.add(tokens[i + 2].text.strip("\"'`"))
        elif token.kind == "ident":
            lowered = token.text.lower()
            if lowered in _GROUPING and following is not None and following.text == "(":
                i = _skip_parens(tokens, i + 1, expr)
                continue
            if following is not None and following.text == "(":
                after_at = i > 0 and tokens[i - 1].text == "@"  # @ start(), @ end()
                known = token.text in FUNCTIONS or token.text in AGGREGATIONS
                if not known and not (after_at and token.text in ("start", "end")):
                    raise PromQLError(f"unknown function {token.text!r} in {expr!r}")
            elif lowered not in KEYWORDS and token.text not in AGGREGATIONS:
                names.add(token.text)
        i += 1
    if depth != 0:
        raise PromQLError(f"unbalanced braces in {expr!r}")
    return names


def _skip_parens(tokens: list[_Tok], start: int, expr: str) -> int:
    """The index after the parenthesis that closes the one at start."""
    level = 0
    for index in range(start, len(tokens)):
        if tokens[index].text == "(":
            level += 1
        elif tokens[index].text == ")":
            level -= 1
            if level == 0:
                return index + 1
    raise PromQLError(f"unbalanced parentheses in {expr!r}")


_LABEL_VALUES = re.compile(r"^\s*label_values\(\s*(?P<selector>.*?)\s*,\s*(?P<label>\w+)\s*\)\s*$")
_LABEL_NAMES = re.compile(r"^\s*label_names\(\s*(?P<selector>.*?)\s*\)\s*$")
_QUERY_RESULT = re.compile(r"^\s*query_result\(\s*(?P<selector>.*)\s*\)\s*$")
_NO_SELECTOR = re.compile(r"^\s*(?:metrics\(.*\)|label_values\(\s*\w+\s*\))\s*$")


def variable_query_expr(query: str) -> str | None:
    """The PromQL inside a Grafana Prometheus variable query (label_values(...), etc.)."""
    if _NO_SELECTOR.match(query):
        return None
    for pattern in (_LABEL_VALUES, _LABEL_NAMES, _QUERY_RESULT):
        match = pattern.match(query)
        if match:
            return match.group("selector") or None
    return query


_GRAFANA_VARIABLE = re.compile(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]")


def grafana_variables(text: str) -> set[str]:
    return {next(g for g in m.groups() if g) for m in _GRAFANA_VARIABLE.finditer(text)}


def substitute_grafana_variables(expr: str) -> str:
    """expr as Prometheus would receive it: $__interval-like variables become a duration,
    dashboard variables (used in regex matchers) match anything."""

    def replace(match: re.Match[str]) -> str:
        name = next(g for g in match.groups() if g)
        return "5m" if name.startswith("__") else ".*"

    return _GRAFANA_VARIABLE.sub(replace, expr)


# ---- Grafana dashboards and alert rules -----------------------------------------------------


def dashboard_files() -> list[Path]:
    return sorted(DASHBOARDS_DIR.glob("*.json"))


def load_dashboard(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text())
    return document


def all_panels(panels: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every panel, including those nested in (collapsed) rows."""
    for panel in panels:
        yield panel
        yield from all_panels(panel.get("panels", []))


@dataclass(frozen=True)
class DashboardQuery:
    dashboard: str
    where: str
    expr: str


def dashboard_queries(path: Path) -> list[DashboardQuery]:
    """Every PromQL expression of a dashboard: panel targets and variable queries."""
    board = load_dashboard(path)
    queries: list[DashboardQuery] = []
    for panel in all_panels(board.get("panels", [])):
        for target in panel.get("targets", []):
            if target.get("expr"):
                where = f"panel {panel.get('id')} {panel.get('title')!r} {target.get('refId')}"
                queries.append(DashboardQuery(path.name, where, target["expr"]))
    for variable in board.get("templating", {}).get("list", []):
        if variable.get("type") != "query":
            continue
        query = variable.get("query")
        text = query.get("query", "") if isinstance(query, dict) else str(query or "")
        expr = variable_query_expr(text)
        if expr:
            queries.append(DashboardQuery(path.name, f"variable {variable['name']}", expr))
    return queries


def rule_files() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yml"))


def rule_test_files() -> list[Path]:
    return sorted(RULE_TESTS_DIR.glob("*.yml"))


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def alerting_rules() -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for path in rule_files():
        for group in load_yaml(path)["groups"]:
            rules.extend(rule for rule in group["rules"] if "alert" in rule)
    return rules


def all_rules() -> list[dict[str, Any]]:
    return [
        rule
        for path in rule_files()
        for group in load_yaml(path)["groups"]
        for rule in group["rules"]
    ]
