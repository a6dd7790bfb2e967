"""The dashboards and rules are where compose, the cluster and the collector expect them."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml

from .support import (
    COMPOSE_DIR,
    DASHBOARDS_DIR,
    K8S_BASE,
    OBSERVABILITY,
    RULES_DIR,
    ObsTools,
    dashboard_files,
    load_yaml,
    rule_files,
    run_promtool,
)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document: dict[str, Any] = load_yaml(COMPOSE_DIR / "compose.yaml")
    return document


def _mounts(service: dict[str, Any]) -> dict[PurePosixPath, Path]:
    """container path -> host path of a compose service's bind mounts."""
    mounts: dict[PurePosixPath, Path] = {}
    for volume in service.get("volumes", []):
        source, target = volume.split(":")[:2]
        if source.startswith("."):
            mounts[PurePosixPath(target)] = (COMPOSE_DIR / source).resolve()
    return mounts


def _host_path(mounts: dict[PurePosixPath, Path], container_path: str) -> Path:
    path = PurePosixPath(container_path)
    for target, source in mounts.items():
        if path == target or target in path.parents:
            return source.joinpath(*path.relative_to(target).parts)
    raise AssertionError(f"{container_path} is not mounted")


def test_compose_prometheus_loads_the_rules(
    compose: dict[str, Any], obs_tools: ObsTools, tmp_path: Path
) -> None:
    mounts = _mounts(compose["services"]["prometheus"])
    config = load_yaml(COMPOSE_DIR / "prometheus" / "prometheus.yml")
    loaded: set[Path] = set()
    for pattern in config["rule_files"]:
        host = _host_path(mounts, pattern)
        loaded |= {p.resolve() for p in host.parent.glob(host.name)}
    assert loaded == {p.resolve() for p in rule_files()}
    # The job and label names the rules expect.
    (job,) = [j for j in config["scrape_configs"] if j["job_name"] == "huddle"]
    assert all("service" in static["labels"] for static in job["static_configs"])
    # promtool accepts the configuration with the rule files where the container sees them.
    config["rule_files"] = [str(RULES_DIR / "*.yml")]
    path = tmp_path / "prometheus.yml"
    path.write_text(yaml.safe_dump(config))
    result = run_promtool(obs_tools.promtool, "check", "config", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_grafana_provisions_the_dashboards(compose: dict[str, Any]) -> None:
    mounts = _mounts(compose["services"]["grafana"])
    provisioning = _host_path(mounts, "/etc/grafana/provisioning/dashboards")
    providers = [
        provider
        for path in sorted(provisioning.glob("*.yaml"))
        for provider in load_yaml(path)["providers"]
    ]
    assert providers, "no dashboard provider in the compose provisioning"
    served = {
        p.resolve()
        for provider in providers
        if provider["type"] == "file"
        for p in _host_path(mounts, provider["options"]["path"]).glob("*.json")
    }
    assert served == {p.resolve() for p in dashboard_files()}
    datasources = load_yaml(
        _host_path(mounts, "/etc/grafana/provisioning/datasources/datasources.yaml")
    )
    assert any(d["type"] == "prometheus" for d in datasources["datasources"])


def test_the_cluster_collector_config_is_the_canonical_one() -> None:
    """One collector configuration (deploy/k8s), no second copy here, and it covers what the
    cluster needs: OTLP over gRPC and HTTP in, memory_limiter then batch, traces out over OTLP,
    metrics out through a Prometheus exporter."""
    kustomization = load_yaml(K8S_BASE / "otel-collector" / "kustomization.yaml")
    (generator,) = kustomization["configMapGenerator"]
    assert generator["files"] == ["config.yaml"]
    config = load_yaml(K8S_BASE / "otel-collector" / "config.yaml")
    assert set(config["receivers"]["otlp"]["protocols"]) == {"grpc", "http"}
    pipelines = config["service"]["pipelines"]
    for name in ("traces", "metrics"):
        assert pipelines[name]["receivers"] == ["otlp"]
        processors = pipelines[name]["processors"]
        assert processors[0] == "memory_limiter" and "batch" in processors
    assert all(e.split("/")[0] in ("otlp", "otlp_grpc") for e in pipelines["traces"]["exporters"])
    assert "prometheus" in pipelines["metrics"]["exporters"]
    collector_like = [
        p
        for p in OBSERVABILITY.rglob("*.y*ml")
        if "receivers" in (yaml.safe_load(p.read_text()) or {})
    ]
    assert not collector_like, f"a second collector configuration: {collector_like}"


def test_the_cluster_configmaps_list_every_dashboard_and_rule_file() -> None:
    kustomization = load_yaml(OBSERVABILITY / "kustomization.yaml")
    generators = {g["name"]: g for g in kustomization["configMapGenerator"]}
    dashboards = generators["huddle-grafana-dashboards"]
    assert dashboards["options"]["labels"]["grafana_dashboard"] == "1"
    listed = {(OBSERVABILITY / f).resolve() for f in dashboards["files"]}
    assert listed == {p.resolve() for p in DASHBOARDS_DIR.glob("*.json")}
    rules = {(OBSERVABILITY / f).resolve() for f in generators["huddle-prometheus-rules"]["files"]}
    assert rules == {p.resolve() for p in rule_files()}
