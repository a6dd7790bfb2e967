"""The web console in every overlay: a locked-down nginx Deployment with probes and resources,
its Service and Ingress, NetworkPolicies that let it reach the five APIs and nothing else, and an
image (web/Dockerfile) whose nginx.conf passes the same public paths as the Ingress to the
services' Kubernetes Services. kubeconform-strict validation of the rendered objects is in
test_k8s_schemas, which covers these too."""

from __future__ import annotations

import re
import subprocess

import pytest

from .netpol import Address, Pod, connection_allowed, egress_allowed
from .support import OVERLAYS, REPO, SERVICE_NAMES, SERVICE_PORTS, DeployTools, Obj, named, of_kind
from .test_k8s_workloads import assert_locked_down

WEB = REPO / "web"
NGINX_CONF = WEB / "nginx.conf"
DOCKERFILE = WEB / "Dockerfile"
CONSOLE_PORT = 8080
CONSOLE_LABELS = {
    "app.kubernetes.io/name": "console",
    "app.kubernetes.io/component": "web",
    "app.kubernetes.io/part-of": "huddle",
}
INGRESS_CONTROLLER = Pod("ingress-nginx", {"app.kubernetes.io/name": "ingress-nginx"})


def namespace_of(objects: list[Obj]) -> str:
    (namespace,) = of_kind(objects, "Namespace")
    name: str = namespace["metadata"]["name"]
    return name


def pod(objects: list[Obj], name: str) -> Pod:
    workload = named(objects, "Deployment", name)
    return Pod(namespace_of(objects), dict(workload["spec"]["template"]["metadata"]["labels"]))


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_console_deployment_is_locked_down_with_probes_and_resources(
    overlay: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    deployment = named(objects, "Deployment", "console")
    assert deployment["spec"]["template"]["metadata"]["labels"] == CONSOLE_LABELS
    assert_locked_down(deployment)
    (main,) = deployment["spec"]["template"]["spec"]["containers"]
    assert {"name": "http", "containerPort": CONSOLE_PORT, "protocol": "TCP"} in main["ports"]
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert main[probe]["httpGet"] == {"path": "/healthz", "port": "http"}, probe
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    # Each overlay names the image it deploys, like the services' (never the bare base name).
    tag = "dev" if overlay == "dev" else "1.0.0"
    assert main["image"] == f"registry.example.com/huddle/console:{tag}", main["image"]
    service = named(objects, "Service", "console")
    assert service["spec"]["selector"] == {
        k: v for k, v in CONSOLE_LABELS.items() if k != "app.kubernetes.io/part-of"
    }
    assert service["spec"]["ports"] == [
        {"name": "http", "port": CONSOLE_PORT, "targetPort": "http", "protocol": "TCP"}
    ]
    assert named(objects, "PodDisruptionBudget", "console")["spec"]["maxUnavailable"] == 1


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_console_has_its_own_ingress_and_the_api_ingress_is_unchanged(
    overlay: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    ingress = named(objects, "Ingress", "console")
    (rule,) = ingress["spec"]["rules"]
    assert rule["host"] in ingress["spec"]["tls"][0]["hosts"]
    # The overlay sets its host, beside the API's own host of the same overlay.
    api_host = named(objects, "Ingress", "huddle")["spec"]["rules"][0]["host"]
    assert rule["host"] == f"console.{api_host}", (rule["host"], api_host)
    assert rule["http"]["paths"] == [
        {
            "path": "/",
            "pathType": "Prefix",
            "backend": {"service": {"name": "console", "port": {"name": "http"}}},
        }
    ]
    assert "nginx.ingress.kubernetes.io/rewrite-target" not in ingress["metadata"]["annotations"]
    api = named(objects, "Ingress", "huddle")
    backends = {
        p["backend"]["service"]["name"] for r in api["spec"]["rules"] for p in r["http"]["paths"]
    }
    assert backends == set(SERVICE_NAMES), "the console is not a path of the API's host"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_console_reaches_the_five_apis_and_nothing_else(
    overlay: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    policies = of_kind(objects, "NetworkPolicy")
    namespace = namespace_of(objects)
    console = pod(objects, "console")
    stranger = Pod(namespace, {"app": "something-else"})
    assert connection_allowed(policies, INGRESS_CONTROLLER, console, CONSOLE_PORT)
    assert not connection_allowed(policies, INGRESS_CONTROLLER, console, CONSOLE_PORT + 1)
    assert not connection_allowed(policies, stranger, console, CONSOLE_PORT)
    for service in SERVICE_NAMES:
        api = pod(objects, service)
        port = SERVICE_PORTS[service]
        assert connection_allowed(policies, console, api, port), service
        # Only the console is let in this way: another pod, or an API, still is not.
        assert not connection_allowed(policies, stranger, api, port), service
        assert not connection_allowed(policies, api, console, CONSOLE_PORT), service
        database = Pod(namespace, {"cnpg.io/cluster": f"{service}-db"})
        assert not connection_allowed(policies, console, database, 5432), service
    broker = Pod(namespace, {"strimzi.io/cluster": "huddle", "strimzi.io/broker-role": "true"})
    assert not egress_allowed(policies, console, broker, 9093)
    assert egress_allowed(policies, console, Pod("kube-system", {"k8s-app": "kube-dns"}), 53)
    assert not egress_allowed(policies, console, Address("93.184.215.14"), 443)


def nginx_routes() -> dict[str, tuple[str, str]]:
    """service -> (the location's path pattern, its proxy_pass) from web/nginx.conf."""
    text = NGINX_CONF.read_text()
    found = re.findall(
        r"location ~ \^/api/(\w+)/\(([^)]*)\)\$ \{\s*rewrite [^;]+;\s*proxy_pass ([^;]+);", text
    )
    return {service: (pattern, upstream) for service, pattern, upstream in found}


def test_nginx_passes_each_api_to_its_service_with_the_ingress_public_paths() -> None:
    routes = nginx_routes()
    assert sorted(routes) == sorted(SERVICE_NAMES)
    for service, (pattern, upstream) in routes.items():
        assert upstream == f"http://{service}:{SERVICE_PORTS[service]}", service
        allowed = re.compile(f"(?:{pattern})")
        assert allowed.fullmatch("v1/teams/42/dashboard") and allowed.fullmatch("openapi.json")
        assert not allowed.fullmatch("metrics") and not allowed.fullmatch("health/ready")
        for identity_only in (".well-known/jwks.json", ".well-known/openid-configuration"):
            found = allowed.fullmatch(identity_only)
            assert bool(found) is (service == "identity"), (service, identity_only)
    assert "location = /healthz" in NGINX_CONF.read_text()
    # A file of the build, its .html (signin/callback.html for /signin/callback: identity's
    # redirect URI, built by web/vite.config.ts), else the console's index.html.
    assert "try_files $uri $uri.html /index.html;" in NGINX_CONF.read_text()


def test_the_console_image_builds_with_node_and_serves_with_unprivileged_nginx(
    tools: DeployTools,
) -> None:
    lint = subprocess.run(
        [str(tools.hadolint), "--no-color", "--failure-threshold", "style", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    text = DOCKERFILE.read_text()
    bases = re.findall(r"^FROM (\S+)", text, re.M)
    assert len(bases) == 2 and bases[0].startswith("node:") and "nginx-unprivileged" in bases[1]
    assert all(re.search(r":\d+\.\d+\.\d+", base) for base in bases), "pinned versions"
    assert "npm ci --prefix web" in text, "installed from web/package-lock.json"
    assert re.search(r"^USER 101$", text, re.M), "not root"
    assert "COPY web/nginx.conf /etc/nginx/conf.d/default.conf" in text
    ignore = (WEB / "Dockerfile.dockerignore").read_text().splitlines()
    assert ignore[ignore.index("*")] == "*" and "**/node_modules/" in ignore
