"""Prometheus Operator resources: a ServiceMonitor per service whose targets get the labels the
alert rules and dashboards select on (job="huddle", service=<name>), reachable through the
NetworkPolicies, no second way of scraping the same pods, and a PrometheusRule that is exactly
the rule files promtool tests (regenerated with `make prometheus-rule`)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from huddle_devtools import prometheus_rule

from .netpol import Pod, connection_allowed
from .support import (
    K8S,
    OVERLAYS,
    REPO,
    SERVICE_NAMES,
    SERVICE_PORTS,
    DeployTools,
    Obj,
    named,
    of_kind,
    render,
)

SCRAPE_JOB = "huddle"  # what the rules and dashboards select: up{job="huddle"}
METRICS_PATH = "/metrics"
# Prometheus as the Prometheus Operator runs it (the pods' labels) in the namespace the
# NetworkPolicies admit.
PROMETHEUS = Pod("monitoring", {"app.kubernetes.io/name": "prometheus"})


def selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    assert set(selector) <= {"matchLabels"}, "only matchLabels selectors are used here"
    return all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())


def target_labels(monitor: Obj, service: Obj, endpoint: Obj) -> dict[str, str]:
    """The labels the Prometheus Operator gives a ServiceMonitor endpoint's targets (its
    generated relabelling, pkg/prometheus/promcfg.go): job is the Service's name, or the value of
    the Service label named by jobLabel; service is the Service's name; endpoint the port."""
    labels = service["metadata"].get("labels", {})
    job = service["metadata"]["name"]
    if monitor["spec"].get("jobLabel") and labels.get(monitor["spec"]["jobLabel"]):
        job = labels[monitor["spec"]["jobLabel"]]
    return {
        "job": job,
        "service": service["metadata"]["name"],
        "namespace": service["metadata"]["namespace"],
        "endpoint": endpoint["port"],
    }


def container_port(workload: Obj, name_or_number: str | int) -> int:
    ports = [p for c in workload["spec"]["template"]["spec"]["containers"] for p in c["ports"]]
    for port in ports:
        if name_or_number in (port.get("name"), port["containerPort"]):
            return int(port["containerPort"])
    raise AssertionError(f"no container port {name_or_number}")


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", SERVICE_NAMES)
def test_each_service_is_scraped_with_the_labels_the_rules_expect(
    rendered: dict[str, list[Obj]], overlay: str, name: str
) -> None:
    objects = rendered[overlay]
    monitor = named(objects, "ServiceMonitor", name)
    spec = monitor["spec"]
    assert "namespaceSelector" not in spec, "the monitor watches its own namespace"
    (service,) = [
        s for s in of_kind(objects, "Service") if selects(spec["selector"], s["metadata"]["labels"])
    ]
    deployment = named(objects, "Deployment", name)
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert selects({"matchLabels": service["spec"]["selector"]}, pod_labels)

    (endpoint,) = spec["endpoints"]
    assert endpoint["path"] == METRICS_PATH
    assert target_labels(monitor, service, endpoint) == {
        "job": SCRAPE_JOB,
        "service": name,
        "namespace": service["metadata"]["namespace"],
        "endpoint": "http",
    }
    # Nothing rewrites those labels, and the metrics' own labels cannot override them.
    assert not endpoint.get("honorLabels")
    relabelled = {r.get("targetLabel") for r in endpoint.get("relabelings", [])}
    assert not relabelled & {"job", "service", "instance"}, relabelled
    # The port scraped is the port the service listens on, and Prometheus may reach it.
    (port,) = [p for p in service["spec"]["ports"] if p["name"] == endpoint["port"]]
    scraped = container_port(deployment, port["targetPort"])
    assert scraped == SERVICE_PORTS[name]
    namespace = service["metadata"]["namespace"]
    api = Pod(namespace, dict(pod_labels))
    assert connection_allowed(of_kind(objects, "NetworkPolicy"), PROMETHEUS, api, scraped)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_nothing_else_scrapes_the_services(rendered: dict[str, list[Obj]], overlay: str) -> None:
    """One monitor per Service and no prometheus.io annotations: a second scrape of the same pods
    (another job, other labels) would double every sum the rules take."""
    objects = rendered[overlay]
    monitors = of_kind(objects, "ServiceMonitor") + of_kind(objects, "PodMonitor")
    assert sorted(m["metadata"]["name"] for m in monitors) == sorted(SERVICE_NAMES)
    for workload in of_kind(objects, "Deployment") + of_kind(objects, "Job"):
        annotations = workload["spec"]["template"]["metadata"].get("annotations", {})
        scrape = [a for a in annotations if a.startswith("prometheus.io/")]
        assert not scrape, f"{workload['metadata']['name']}: {scrape}"


def _rule_file_groups() -> list[Any]:
    groups: list[Any] = []
    for path in prometheus_rule.rule_files(REPO):
        groups.extend(yaml.safe_load(path.read_text())["groups"])
    return groups


def test_the_prometheusrule_is_the_promtool_tested_rule_files() -> None:
    committed = yaml.safe_load((REPO / prometheus_rule.OUTPUT).read_text())
    groups = _rule_file_groups()
    assert groups, "no rule groups"
    assert committed["spec"]["groups"] == groups, "stale: run `make prometheus-rule`"
    assert (REPO / prometheus_rule.OUTPUT).read_text() == prometheus_rule.generate(REPO), (
        "not as generated: run `make prometheus-rule`"
    )


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_overlays_ship_the_rules_unchanged(
    rendered: dict[str, list[Obj]], overlay: str
) -> None:
    (rule,) = of_kind(rendered[overlay], "PrometheusRule")
    assert rule["spec"]["groups"] == _rule_file_groups()


def test_the_generator_can_make_the_runbook_urls_absolute() -> None:
    base = "https://git.example.com/huddle/blob/main/"
    groups = prometheus_rule.rule_groups(prometheus_rule.rule_files(REPO), runbook_base_url=base)
    urls = [r["annotations"]["runbook_url"] for g in groups for r in g["rules"] if "alert" in r]
    assert urls
    assert all(u.startswith(base + "docs/operations.md#") for u in urls), urls
    # The rule files themselves are untouched.
    assert _rule_file_groups() != groups


def test_an_overlay_can_drop_the_monitoring_resources(tools: DeployTools, tmp_path: Path) -> None:
    """The patch deploy/k8s/README.md gives for a cluster without the Prometheus Operator."""
    readme = (K8S / "README.md").read_text()
    (snippet,) = re.findall(r"```yaml\n(patches:.*?)```", readme, flags=re.DOTALL)
    prod = os.path.relpath(K8S / "overlays" / "prod", tmp_path)  # kustomize wants it relative
    kustomization = {"resources": [prod], **yaml.safe_load(snippet)}
    (tmp_path / "kustomization.yaml").write_text(yaml.safe_dump(kustomization))
    objects = render(tools.kustomize, tmp_path)
    assert not [o for o in objects if o["apiVersion"].startswith("monitoring.coreos.com/")]
    assert of_kind(objects, "Deployment"), "only the monitoring resources go"
