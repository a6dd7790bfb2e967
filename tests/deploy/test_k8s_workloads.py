"""What every service gets in every overlay, read from the rendered objects: probes, resources,
a locked-down security context, its configuration (validated by the service's own settings
class), its database, its migration Job and init container, HPA, PDB, Service, Ingress route."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .support import (
    K8S,
    OVERLAYS,
    REPO,
    SERVICE_NAMES,
    SERVICE_PORTS,
    BuiltService,
    Obj,
    container,
    container_env,
    named,
    of_kind,
    pod_spec,
)

CASES = [(overlay, service) for overlay in OVERLAYS for service in SERVICE_NAMES]
SECRET_ENV = (
    "HUDDLE_DATABASE_URL",
    "HUDDLE_KAFKA_SASL_PASSWORD",
    "HUDDLE_MASTER_KEY",
    "HUDDLE_LINK_SECRET",
    "HUDDLE_WEBHOOK_SECRET_KEY",
    "HUDDLE_SMTP_PASSWORD",
)


def all_containers(workload: Obj) -> list[Obj]:
    spec = pod_spec(workload)
    containers: list[Obj] = [*spec.get("initContainers", []), *spec["containers"]]
    return containers


def assert_locked_down(workload: Obj) -> None:
    name = workload["metadata"]["name"]
    spec = pod_spec(workload)
    pod_security = spec.get("securityContext", {})
    assert pod_security.get("runAsNonRoot") is True, name
    assert pod_security.get("seccompProfile", {}).get("type") == "RuntimeDefault", name
    assert spec.get("automountServiceAccountToken") is False, name
    tmp_volumes = {v["name"] for v in spec.get("volumes", []) if "emptyDir" in v}
    for c in all_containers(workload):
        where = f"{name}/{c['name']}"
        security = c.get("securityContext", {})
        assert security.get("runAsNonRoot", pod_security.get("runAsNonRoot")) is True, where
        assert security.get("allowPrivilegeEscalation") is False, where
        assert security.get("readOnlyRootFilesystem") is True, where
        assert security.get("privileged", False) is False, where
        assert security.get("capabilities", {}).get("drop") == ["ALL"], where
        assert not security.get("capabilities", {}).get("add"), where
        assert security.get("seccompProfile", {}).get("type") == "RuntimeDefault", where
        mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
        # A writable /tmp on a read-only root filesystem.
        assert mounts.get("/tmp") in tmp_volumes, f"{where}: /tmp must be an emptyDir"  # noqa: S108
        resources = c.get("resources", {})
        for kind in ("requests", "limits"):
            for resource in ("cpu", "memory"):
                assert resources.get(kind, {}).get(resource), f"{where}: no {kind}.{resource}"


@pytest.mark.parametrize(("overlay", "service"), CASES)
def test_deployment_has_probes_resources_and_a_locked_down_security_context(
    overlay: str, service: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    deployment = named(objects, "Deployment", service)
    main = container(deployment, service)
    port = SERVICE_PORTS[service]
    assert main["command"] == ["python", "-m", f"huddle_{service}", "serve"]
    assert {"name": "http", "containerPort": port, "protocol": "TCP"} in main["ports"]
    probes = {
        "startupProbe": "/health/live",
        "livenessProbe": "/health/live",
        "readinessProbe": "/health/ready",
    }
    for probe, path in probes.items():
        assert main[probe]["httpGet"] == {"path": path, "port": "http"}, f"{service} {probe}"
    assert "replicas" not in deployment["spec"], "the HPA owns the replica count"
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert_locked_down(deployment)
    image = main["image"]
    assert re.fullmatch(rf"[\w.\-/:]+/{service}:[\w.\-]+(@sha256:[0-9a-f]{{64}})?", image), image
    account = pod_spec(deployment)["serviceAccountName"]
    assert named(objects, "ServiceAccount", account)["automountServiceAccountToken"] is False


@pytest.mark.parametrize(("overlay", "service"), CASES)
def test_secrets_are_only_referenced(
    overlay: str, service: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    assert not of_kind(objects, "Secret"), "no Secret (and no secret value) is kept in git"
    deployment = named(objects, "Deployment", service)
    for c in all_containers(deployment):
        for item in c.get("env", []):
            if item["name"] in SECRET_ENV:
                assert "value" not in item and "secretKeyRef" in item["valueFrom"], item
    database_url = next(
        e for e in container(deployment, service)["env"] if e["name"] == "HUDDLE_DATABASE_URL"
    )
    # CloudNativePG's generated app Secret of the service's own cluster.
    assert database_url["valueFrom"]["secretKeyRef"] == {"name": f"{service}-db-app", "key": "uri"}
    kafka_password = next(
        e
        for e in container(deployment, service)["env"]
        if e["name"] == "HUDDLE_KAFKA_SASL_PASSWORD"
    )
    # Strimzi's User Operator writes the Secret named after the KafkaUser.
    assert kafka_password["valueFrom"]["secretKeyRef"] == {
        "name": f"huddle-{service}",
        "key": "password",
    }
    for configmap in of_kind(objects, "ConfigMap"):
        for key in configmap.get("data", {}):
            assert not any(w in key for w in ("PASSWORD", "MASTER_KEY", "SECRET")), key


@pytest.mark.parametrize(("overlay", "service"), CASES)
def test_configuration_is_valid_for_the_service_and_the_environment(
    overlay: str,
    service: str,
    rendered: dict[str, list[Obj]],
    built: dict[str, dict[str, BuiltService]],
) -> None:
    """The rendered environment builds the service (its settings class validates it, production
    rules included) and says what the deployment needs it to say."""
    objects = rendered[overlay]
    settings = built[overlay][service].runtime.settings
    assert settings.service_name == service
    assert settings.port == SERVICE_PORTS[service]
    assert settings.host == "0.0.0.0"  # noqa: S104 - listening on the pod's addresses
    assert settings.create_topics is False, "Strimzi owns the topics"
    assert settings.topic_prefix == ""
    assert settings.environment == ("production" if overlay == "prod" else "development")
    assert settings.kafka_bootstrap == "huddle-kafka-bootstrap:9093"
    jwks = urlsplit(settings.jwks_url)
    if overlay == "prod":
        # https through the Ingress, which must route the JWKS path to identity.
        assert jwks.scheme == "https"
        ingress = named(objects, "Ingress", "huddle")
        assert jwks.hostname == ingress["spec"]["rules"][0]["host"]
        assert route(ingress, jwks.path) == ("identity", "/.well-known/jwks.json")
    else:
        # The identity Service, in the cluster.
        identity = named(objects, "Service", "identity")
        assert jwks.hostname == "identity"
        assert jwks.port == identity["spec"]["ports"][0]["port"]
        assert jwks.path == "/.well-known/jwks.json"
    env = container_env(objects, container(named(objects, "Deployment", service), service))
    assert env["HUDDLE_KAFKA_SASL_USERNAME"] == f"huddle-{service}"
    if service == "integrations":
        # Organisations come and go: their topics are created by the service, not by Strimzi.
        assert getattr(settings, "create_org_topics", None) is True
        # Webhook targets are public https endpoints only, in every overlay.
        assert getattr(settings, "webhook_allow_private_targets", None) is False
        assert env["HUDDLE_WEBHOOK_ALLOW_PRIVATE_TARGETS"] == "false"


def test_every_service_of_the_repository_is_deployed() -> None:
    """A service package under services/ is in the dev stack's list (which every deployment
    test enumerates), and each listed one has its Kubernetes base."""
    packages = {p.name for p in (REPO / "services").iterdir() if (p / "pyproject.toml").is_file()}
    assert packages == set(SERVICE_NAMES)
    for service in SERVICE_NAMES:
        assert (K8S / "base" / "services" / service / "kustomization.yaml").is_file(), service
    base = (K8S / "base" / "kustomization.yaml").read_text()
    assert all(f"services/{service}" in base for service in SERVICE_NAMES)


@pytest.mark.parametrize(("overlay", "service"), CASES)
def test_migrations_run_in_a_job_and_pods_wait_for_them(
    overlay: str, service: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    deployment = named(objects, "Deployment", service)
    main = container(deployment, service)
    job = named(objects, "Job", f"{service}-migrate")
    migrate = container(job, "migrate")
    assert migrate["command"] == ["python", "-m", f"huddle_{service}", "migrate"]
    assert migrate["image"] == main["image"]
    assert pod_spec(job)["restartPolicy"] == "Never"
    assert job["spec"]["backoffLimit"] >= 1
    assert_locked_down(job)
    # Same configuration as the service (its settings are validated at start-up).
    assert container_env(objects, migrate) == {
        k: v
        for k, v in container_env(objects, main).items()
        if k not in ("HUDDLE_KAFKA_SASL_PASSWORD",)
    }
    wait = container(deployment, "wait-for-migrations")
    assert wait in pod_spec(deployment)["initContainers"]
    assert wait["image"] == main["image"]
    assert wait["command"][:3] == ["python", "/app/bin/wait_for_migrations.py", service]
    assert [e["name"] for e in wait["env"]] == ["HUDDLE_DATABASE_URL"]


@pytest.mark.parametrize(("overlay", "service"), CASES)
def test_database_is_a_cloudnativepg_cluster_of_its_own(
    overlay: str, service: str, rendered: dict[str, list[Obj]]
) -> None:
    cluster = named(rendered[overlay], "Cluster", f"{service}-db")
    assert cluster["spec"]["instances"] == (3 if overlay == "prod" else 1)
    assert cluster["spec"]["bootstrap"]["initdb"] == {"database": service, "owner": service}
    assert cluster["spec"]["enableSuperuserAccess"] is False


@pytest.mark.parametrize(("overlay", "service"), CASES)
def test_service_autoscaler_and_disruption_budget(
    overlay: str, service: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    deployment = named(objects, "Deployment", service)
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    svc = named(objects, "Service", service)
    assert svc["spec"]["ports"] == [
        {"name": "http", "port": SERVICE_PORTS[service], "targetPort": "http", "protocol": "TCP"}
    ]
    assert svc["spec"]["selector"].items() <= pod_labels.items()
    hpa = named(objects, "HorizontalPodAutoscaler", service)
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": service,
    }
    assert hpa["spec"]["minReplicas"] >= (3 if overlay == "prod" else 1)
    assert hpa["spec"]["maxReplicas"] >= hpa["spec"]["minReplicas"]
    pdb = named(objects, "PodDisruptionBudget", service)
    assert pdb["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    # maxUnavailable, not minAvailable: a single dev replica must not block node drains.
    assert pdb["spec"]["maxUnavailable"] == 1


def expand(template: str, groups: tuple[str | None, ...]) -> str:
    """nginx's $1..$9 in a rewrite target."""
    return re.sub(r"\$(\d)", lambda m: groups[int(m.group(1)) - 1] or "", template)


def route(ingress: Obj, path: str) -> tuple[str, str] | None:
    """(service, upstream path) the Ingress sends a request path to, as ingress-nginx does with
    regex paths and rewrite-target, or None."""
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/use-regex"] == "true"
    rewrite = annotations["nginx.ingress.kubernetes.io/rewrite-target"]
    for rule in ingress["spec"]["rules"]:
        for p in rule["http"]["paths"]:
            found = re.match(p["path"], path)
            if found:
                upstream = expand(rewrite, found.groups())
                return p["backend"]["service"]["name"], upstream
    return None


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_ingress_routes_each_prefix_to_its_service(
    overlay: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    ingress = named(objects, "Ingress", "huddle")
    host = ingress["spec"]["rules"][0]["host"]
    assert host in ingress["spec"]["tls"][0]["hosts"]
    for service in SERVICE_NAMES:
        assert route(ingress, f"/{service}/v1/anything?x=1") == (service, "/v1/anything?x=1")
        assert route(ingress, f"/{service}/openapi.json") == (service, "/openapi.json")
        # Operations endpoints stay inside the cluster.
        assert route(ingress, f"/{service}/metrics") is None
        assert route(ingress, f"/{service}/health/ready") is None
        backends = [
            p["backend"]["service"]
            for p in ingress["spec"]["rules"][0]["http"]["paths"]
            if p["backend"]["service"]["name"] == service
        ]
        assert backends == [{"name": service, "port": {"name": "http"}}]
    for well_known in ("/.well-known/jwks.json", "/.well-known/openid-configuration"):
        assert route(ingress, f"/identity{well_known}") == ("identity", well_known)
        assert route(ingress, f"/teams{well_known}") is None


def test_namespaces_enforce_the_restricted_pod_security_standard(
    rendered: dict[str, list[Obj]],
) -> None:
    for overlay, objects in rendered.items():
        (namespace,) = of_kind(objects, "Namespace")
        labels = namespace["metadata"]["labels"]
        assert labels["pod-security.kubernetes.io/enforce"] == "restricted", overlay
        namespaced = [o for o in objects if o["kind"] != "Namespace"]
        assert {o["metadata"].get("namespace") for o in namespaced} == {
            namespace["metadata"]["name"]
        }


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_otel_collector_runs_locked_down(overlay: str, rendered: dict[str, list[Obj]]) -> None:
    objects = rendered[overlay]
    collector = named(objects, "Deployment", "otel-collector")
    assert_locked_down(collector)
    main = container(collector, "otel-collector")
    assert {p["containerPort"] for p in main["ports"]} >= {4317, 4318, 8889}
    config_volume = next(v for v in pod_spec(collector)["volumes"] if v["name"] == "config")
    config = named(objects, "ConfigMap", config_volume["configMap"]["name"])
    assert "otlp" in config["data"]["config.yaml"]
    for service in SERVICE_NAMES:
        env = container_env(objects, container(named(objects, "Deployment", service), service))
        assert env["OTEL_EXPORTER_OTLP_ENDPOINT"] == "http://otel-collector:4317"
        assert env["OTEL_SERVICE_NAME"] == service
