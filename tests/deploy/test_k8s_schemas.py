"""Every overlay renders with Kustomize, and every rendered object is valid against its schema:
built-in kinds against the Kubernetes JSON schemas (strict), Strimzi, CloudNativePG and Prometheus
Operator resources against the schemas of their CRDs (strict). An object of a kind no schema
knows fails."""

from __future__ import annotations

import pytest

from .support import (
    K8S,
    OVERLAYS,
    CrdSchemas,
    DeployTools,
    KubernetesSchemas,
    Obj,
    deep_copy,
    named,
    render,
)


def test_the_base_renders_on_its_own(tools: DeployTools) -> None:
    objects = render(tools.kustomize, K8S / "base")
    assert objects, "the base renders nothing"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_rendered_object_is_valid(
    overlay: str,
    rendered: dict[str, list[Obj]],
    kubernetes_schemas: KubernetesSchemas,
    crd_schemas: CrdSchemas,
) -> None:
    problems: list[str] = []
    for obj in rendered[overlay]:
        api_version, kind, name = obj["apiVersion"], obj["kind"], obj["metadata"]["name"]
        if kubernetes_schemas.knows(api_version, kind):
            errors = kubernetes_schemas.errors(obj)
        elif crd_schemas.knows(api_version, kind):
            errors = crd_schemas.errors(obj)
        else:
            errors = [f"no schema for {api_version} {kind}"]
        problems += [f"{overlay}: {kind}/{name} {error}" for error in errors]
    assert not problems, "\n".join(problems)


def test_the_validators_catch_mistakes(
    rendered: dict[str, list[Obj]],
    kubernetes_schemas: KubernetesSchemas,
    crd_schemas: CrdSchemas,
) -> None:
    """The validation above is not vacuous: typos and wrong types are reported."""
    objects = rendered["prod"]
    deployment = deep_copy(named(objects, "Deployment", "teams"))
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGett"] = {}
    assert kubernetes_schemas.errors(deployment)

    topic = deep_copy(named(objects, "KafkaTopic", "teams-team-v1"))
    topic["spec"]["partitions"] = "twelve"
    assert crd_schemas.errors(topic)

    user = deep_copy(named(objects, "KafkaUser", "huddle-teams"))
    user["spec"]["authorization"]["acls"][0]["resource"]["type"] = "topics"
    assert crd_schemas.errors(user)

    cluster = deep_copy(named(objects, "Cluster", "teams-db"))
    cluster["spec"]["bootstrap"]["initdb"]["databse"] = "teams"
    assert crd_schemas.errors(cluster)

    monitor = deep_copy(named(objects, "ServiceMonitor", "teams"))
    monitor["spec"]["endpoints"][0]["pathh"] = "/metrics"
    assert crd_schemas.errors(monitor)

    rule = deep_copy(named(objects, "PrometheusRule", "huddle-alerts"))
    rule["spec"]["groups"][0]["rules"][0]["labelss"] = {"severity": "critical"}
    assert crd_schemas.errors(rule)
    rule = deep_copy(named(objects, "PrometheusRule", "huddle-alerts"))
    rule["spec"]["groups"][0]["rules"][0]["for"] = "five minutes"
    assert crd_schemas.errors(rule)


def test_the_crd_schemas_cover_the_operators_kinds(crd_schemas: CrdSchemas) -> None:
    for kind in ("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser"):
        assert crd_schemas.knows("kafka.strimzi.io/v1", kind), kind
    assert crd_schemas.knows("postgresql.cnpg.io/v1", "Cluster")
    for kind in ("ServiceMonitor", "PodMonitor", "PrometheusRule"):
        assert crd_schemas.knows("monitoring.coreos.com/v1", kind), kind
