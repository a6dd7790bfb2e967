"""Session fixtures of the deployment tests: the tools (scripts/deploy-tools.sh, cached under
``${HUDDLE_CACHE_DIR:-~/.cache/huddle}``), every overlay rendered once, and the services'
services as the rendered configuration builds them."""

from __future__ import annotations

import pytest

from .support import (
    K8S,
    OVERLAYS,
    SERVICE_NAMES,
    BuiltService,
    CrdSchemas,
    DeployTools,
    KubernetesSchemas,
    Obj,
    build_service,
    container,
    container_env,
    named,
    render,
)


@pytest.fixture(scope="session")
def tools() -> DeployTools:
    return DeployTools.install()


@pytest.fixture(scope="session")
def rendered(tools: DeployTools) -> dict[str, list[Obj]]:
    """overlay name -> the objects `kustomize build deploy/k8s/overlays/<name>` renders."""
    return {overlay: render(tools.kustomize, K8S / "overlays" / overlay) for overlay in OVERLAYS}


@pytest.fixture(scope="session")
def kubernetes_schemas(tools: DeployTools) -> KubernetesSchemas:
    return KubernetesSchemas(tools.k8s_schemas)


@pytest.fixture(scope="session")
def crd_schemas(tools: DeployTools) -> CrdSchemas:
    return CrdSchemas([tools.strimzi_crds, tools.cnpg_crds, tools.prometheus_operator_crds])


@pytest.fixture(scope="session")
def built(rendered: dict[str, list[Obj]]) -> dict[str, dict[str, BuiltService]]:
    """overlay -> service -> the service as its composition root builds it from the environment
    the rendered Deployment gives the service's container (Secrets stood in for)."""
    result: dict[str, dict[str, BuiltService]] = {}
    for overlay, objects in rendered.items():
        result[overlay] = {}
        for service in SERVICE_NAMES:
            deployment = named(objects, "Deployment", service)
            env = container_env(objects, container(deployment, service))
            result[overlay][service] = build_service(service, env)
    return result
