"""deploy/compose/compose.yaml cannot run here (no Docker engine), so its structure is checked:
valid against the Compose specification's schema, and the topology the README promises."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from .support import DEPLOY, REPO, SERVICE_NAMES, SERVICE_PORTS, DeployTools

COMPOSE_DIR = DEPLOY / "compose"
COMPOSE_FILE = COMPOSE_DIR / "compose.yaml"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text())
    return document


@pytest.fixture(scope="module")
def validator(tools: DeployTools) -> jsonschema.protocols.Validator:
    schema = json.loads(tools.compose_schema.read_text())
    return jsonschema.Draft202012Validator(schema)


def test_valid_against_the_compose_specification(
    compose: dict[str, Any], validator: jsonschema.protocols.Validator
) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(compose)]
    assert not errors, "\n".join(errors)
    broken = json.loads(json.dumps(compose))
    broken["services"]["teams"]["depends_on"]["kafka"]["condition"] = "service_ready"
    broken["services"]["teams"]["helthcheck"] = {}
    assert len(list(validator.iter_errors(broken))) >= 2, "the schema check is not vacuous"


def test_infrastructure(compose: dict[str, Any]) -> None:
    services = compose["services"]
    kafka = services["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    assert set(kafka["environment"]["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert "healthcheck" in kafka
    postgres = services["postgres"]
    assert postgres["image"].startswith("postgres:")
    assert "healthcheck" in postgres
    init = [v for v in postgres["volumes"] if "docker-entrypoint-initdb.d" in v]
    assert len(init) == 1
    script = (COMPOSE_DIR / init[0].split(":")[0]).read_text()
    (loop,) = re.findall(r"for service in ([\w ]+); do", script)
    assert loop.split() == list(SERVICE_NAMES), "one database and owner role per service"
    assert 'CREATE DATABASE :"name" OWNER :"name"' in script
    for name in ("otel-collector", "prometheus", "grafana", "jaeger"):
        assert name in services, name


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_each_service_migrates_first_then_serves(compose: dict[str, Any], service: str) -> None:
    services = compose["services"]
    port = SERVICE_PORTS[service]
    migrate = services[f"{service}-migrate"]
    app = services[service]
    for entry in (migrate, app):
        # The one Dockerfile of all services, told which service it builds by the build args.
        assert entry["build"] == {
            "context": "../..",
            "dockerfile": "deploy/docker/Dockerfile",
            "args": {"SERVICE": service, "PORT": str(port)},
        }
        assert (COMPOSE_DIR / entry["build"]["context"] / entry["build"]["dockerfile"]).is_file()
        assert entry["image"] == f"huddle-{service}:compose"
        assert entry["read_only"] is True and entry["cap_drop"] == ["ALL"]
        assert entry["environment"]["HUDDLE_DATABASE_URL"].endswith(
            f"@postgres:5432/huddle_{service}"
        )
    assert migrate["command"] == ["python", "-m", f"huddle_{service}", "migrate"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert app["command"] == ["python", "-m", f"huddle_{service}", "serve"]
    assert app["environment"]["HUDDLE_PORT"] == str(port)
    assert app["environment"]["HUDDLE_HOST"] == "0.0.0.0"  # noqa: S104 - inside the container
    assert app["environment"]["HUDDLE_KAFKA_BOOTSTRAP"] == "kafka:9092"
    assert app["environment"]["HUDDLE_JWKS_URL"] == (
        f"http://identity:{SERVICE_PORTS['identity']}/.well-known/jwks.json"
    )
    assert app["environment"]["OTEL_EXPORTER_OTLP_ENDPOINT"] == "http://otel-collector:4317"
    assert app["ports"] == [f"127.0.0.1:{port}:{port}"]
    assert app["depends_on"][f"{service}-migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert app["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert "/health/live" in " ".join(app["healthcheck"]["test"])


def test_observability(compose: dict[str, Any]) -> None:
    services = compose["services"]
    prometheus_config = yaml.safe_load((COMPOSE_DIR / "prometheus" / "prometheus.yml").read_text())
    targets = {
        target
        for job in prometheus_config["scrape_configs"]
        if job.get("metrics_path", "/metrics") == "/metrics"
        for static in job["static_configs"]
        for target in static["targets"]
    }
    assert {f"{s}:{SERVICE_PORTS[s]}" for s in SERVICE_NAMES} <= targets
    collector = services["otel-collector"]
    assert collector["environment"]["TRACES_ENDPOINT"] == "jaeger:4317"
    datasources = yaml.safe_load(
        (COMPOSE_DIR / "grafana" / "provisioning" / "datasources" / "datasources.yaml").read_text()
    )
    assert {d["type"] for d in datasources["datasources"]} == {"prometheus", "jaeger"}


def test_every_mounted_file_exists(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (COMPOSE_DIR / source).exists(), f"{name}: {source}"


def test_collector_config_is_shared_with_kubernetes() -> None:
    config = yaml.safe_load((REPO / "deploy/k8s/base/otel-collector/config.yaml").read_text())
    pipelines = config["service"]["pipelines"]
    assert pipelines["traces"]["receivers"] == ["otlp"]
    assert "prometheus" in pipelines["metrics"]["exporters"]
    assert Path(COMPOSE_DIR / "../k8s/base/otel-collector/config.yaml").resolve().is_file()
