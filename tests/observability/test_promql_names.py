"""The PromQL reader and the metric-name set that the dashboard and rule checks rely on."""

from __future__ import annotations

import pytest

from .support import (
    PromQLError,
    allowed_metric_names,
    grafana_variables,
    huddle_metric_families,
    metric_names,
    substitute_grafana_variables,
    variable_query_expr,
)


@pytest.mark.parametrize(
    ("expr", "names"),
    [
        ("up", {"up"}),
        ('up{job="huddle", service=~"$service"} == 0', {"up"}),
        (
            'sum by (service, le) (rate(huddle_http_request_duration_seconds_bucket{route!~"/h"}'
            "[$__rate_interval]))",
            {"huddle_http_request_duration_seconds_bucket"},
        ),
        (
            "histogram_quantile(0.99, sum(rate(a_bucket[5m])) by (le, group)) > 2.5e0",
            {"a_bucket"},
        ),
        (
            "count_over_time(x_total[15m]) < on (job, instance) group_left sum_over_time(up[15m])"
            " and x_total > 0 unless x_total offset 15m",
            {"x_total", "up"},
        ),
        ('{__name__="huddle_ready", service="teams"}', {"huddle_ready"}),
        ("sum without (instance) (rate(b[1h30m] @ end()))", {"b"}),
        ("max(c) / clamp_min(sum(rate(d[5m])), 0.001) * 100 > bool Inf", {"c", "d"}),
        ('label_replace(e, "x", "$1", "y", "(.*)")', {"e"}),
    ],
)
def test_metric_names(expr: str, names: set[str]) -> None:
    assert metric_names(expr) == names


@pytest.mark.parametrize(
    "expr",
    [
        "histogram_quantil(0.9, rate(a_bucket[5m]))",  # a typo in a function
        'sum(rate(a{b="c"[5m]))',  # an unclosed selector
        "sum by (service (rate(a[5m]))",  # an unclosed grouping
    ],
)
def test_malformed_expressions_are_refused(expr: str) -> None:
    with pytest.raises(PromQLError):
        metric_names(expr)


def test_grafana_variables() -> None:
    expr = 'rate(a{s=~"$service", r=~"${route}", g=~"[[group]]"}[$__rate_interval])'
    assert grafana_variables(expr) == {"service", "route", "group", "__rate_interval"}
    assert substitute_grafana_variables(expr) == 'rate(a{s=~".*", r=~".*", g=~".*"}[5m])'
    assert variable_query_expr('label_values(up{job="x"}, service)') == 'up{job="x"}'
    assert variable_query_expr("label_values(service)") is None


def test_the_exported_names_come_from_huddle_shared_metrics() -> None:
    allowed = allowed_metric_names()
    families = huddle_metric_families()
    assert "huddle_http_requests" in families  # prometheus_client names counters without _total
    for series in families.values():
        assert series <= allowed
    # Counters only as _total, histograms only as _bucket/_sum/_count, gauges as they are.
    assert "huddle_dead_letters_total" in allowed
    assert "huddle_dead_letters" not in allowed
    assert {
        "huddle_projection_batch_seconds_bucket",
        "huddle_projection_batch_seconds_sum",
        "huddle_projection_batch_seconds_count",
    } <= allowed
    assert "huddle_projection_batch_seconds" not in allowed
    assert "huddle_ready" in allowed
    assert "up" in allowed
