"""Helpers for the deployment tests: render Kustomize overlays, validate against schemas, read
rendered objects, and derive from the code what Kafka access each service needs."""

from __future__ import annotations

import base64
import copy
import importlib
import json
import os
import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import jsonschema
import yaml
from fastapi import FastAPI
from referencing import Registry, Resource

from huddle_devtools.devinfra.services import SERVICES
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.integration import INTEGRATION_REGISTRY
from huddle_shared.runtime import ServiceRuntime

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "k8s"
# KafkaUsers of integrators (health systems reading their organisation's topics): templates,
# applied by hand, never by an overlay.
INTEGRATORS = K8S / "integrators"
OVERLAYS = ("dev", "prod")
SERVICE_PORTS: dict[str, int] = dict(SERVICES)
SERVICE_NAMES: tuple[str, ...] = tuple(SERVICE_PORTS)
KAFKA_CLUSTER = "huddle"
ALERTS_TOPIC = "insights.alerts.v1"
ALERTS_PUBLISHER = "insights"
# insights builds its read models from every event of these services (not from integrations'
# own configuration events, nor its own).
READS_EVERY_EVENT_TOPIC = "insights"
UPSTREAM_OF_INSIGHTS = ("identity", "teams", "assessments")
# The template parameter of the per-organisation integration topics (integration.<org id>.v1),
# and the one service that creates and publishes them.
ORG_ID_PARAMETER = "{org_id}"
ORG_TOPIC_PUBLISHER = "integrations"

Obj = dict[str, Any]


# ---- tools --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeployTools:
    kustomize: Path
    hadolint: Path
    k8s_schemas: Path
    strimzi_crds: Path
    cnpg_crds: Path
    prometheus_operator_crds: Path
    compose_schema: Path

    @classmethod
    def install(cls) -> DeployTools:
        """Run scripts/deploy-tools.sh (instant once cached) and read the paths it prints."""
        result = subprocess.run(
            ["bash", str(REPO / "scripts" / "deploy-tools.sh")],
            capture_output=True,
            text=True,
            check=False,
            stdin=subprocess.DEVNULL,
            timeout=1200,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"scripts/deploy-tools.sh failed ({result.returncode}):\n{result.stderr[-4000:]}"
            )
        paths = dict(
            line.split("=", 1) for line in result.stdout.splitlines() if "=" in line.strip()
        )
        return cls(
            kustomize=Path(paths["KUSTOMIZE"]),
            hadolint=Path(paths["HADOLINT"]),
            k8s_schemas=Path(paths["K8S_SCHEMAS"]),
            strimzi_crds=Path(paths["STRIMZI_CRDS"]),
            cnpg_crds=Path(paths["CNPG_CRDS"]),
            prometheus_operator_crds=Path(paths["PROMETHEUS_OPERATOR_CRDS"]),
            compose_schema=Path(paths["COMPOSE_SCHEMA"]),
        )


def render(kustomize: Path, directory: Path) -> list[Obj]:
    result = subprocess.run(
        [str(kustomize), "build", str(directory)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if result.returncode != 0:
        raise AssertionError(f"kustomize build {directory} failed:\n{result.stderr}")
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


# ---- schema validation --------------------------------------------------------------------------


class KubernetesSchemas:
    """Built-in kinds against the Kubernetes JSON schemas (strict: unknown fields fail)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        definitions = json.loads((directory / "_definitions.json").read_text())
        self.registry: Registry[Any] = Registry().with_resource(
            definitions["$id"], Resource.from_contents(definitions)
        )
        self._validators: dict[tuple[str, str], jsonschema.protocols.Validator] = {}

    def schema_file(self, api_version: str, kind: str) -> Path:
        # apps/v1 -> apps-v1, networking.k8s.io/v1 -> networking-v1, v1 -> v1
        group_version = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", api_version)
        return self.directory / f"{kind.lower()}-{group_version}.json"

    def knows(self, api_version: str, kind: str) -> bool:
        return self.schema_file(api_version, kind).is_file()

    def errors(self, obj: Obj) -> list[str]:
        key = (obj["apiVersion"], obj["kind"])
        validator = self._validators.get(key)
        if validator is None:
            schema = json.loads(self.schema_file(*key).read_text())
            validator = jsonschema.Draft202012Validator(schema, registry=self.registry)
            self._validators[key] = validator
        return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(obj)]


def strict_openapi_schema(node: Any) -> Any:
    """A CRD's openAPIV3Schema as a strict JSON Schema (as kubeconform's openapi2jsonschema does):
    objects with declared properties refuse unknown ones, ``nullable`` allows null."""
    if isinstance(node, list):
        return [strict_openapi_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: strict_openapi_schema(value) for key, value in node.items()}
    if "properties" in node:
        out["properties"] = {k: strict_openapi_schema(v) for k, v in node["properties"].items()}
        if "additionalProperties" not in node and not node.get(
            "x-kubernetes-preserve-unknown-fields"
        ):
            out["additionalProperties"] = False
    if node.get("nullable") and isinstance(node.get("type"), str):
        out["type"] = [node["type"], "null"]
    return out


class CrdSchemas:
    """Custom resources against the schemas of their CustomResourceDefinitions."""

    def __init__(self, crd_dirs: Iterable[Path]) -> None:
        self._validators: dict[tuple[str, str], jsonschema.protocols.Validator] = {}
        for directory in crd_dirs:
            for path in sorted(directory.glob("*.yaml")):
                for crd in yaml.safe_load_all(path.read_text()):
                    if not crd or crd.get("kind") != "CustomResourceDefinition":
                        continue
                    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
                    for version in crd["spec"]["versions"]:
                        if not version.get("served", True):
                            continue
                        schema = strict_openapi_schema(version["schema"]["openAPIV3Schema"])
                        self._validators[(f"{group}/{version['name']}", kind)] = (
                            jsonschema.Draft4Validator(schema)
                        )

    def knows(self, api_version: str, kind: str) -> bool:
        return (api_version, kind) in self._validators

    def kinds(self) -> set[tuple[str, str]]:
        return set(self._validators)

    def errors(self, obj: Obj) -> list[str]:
        validator = self._validators[(obj["apiVersion"], obj["kind"])]
        return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(obj)]


# ---- reading rendered objects -------------------------------------------------------------------


def of_kind(objects: Iterable[Obj], kind: str) -> list[Obj]:
    return [o for o in objects if o["kind"] == kind]


def named(objects: Iterable[Obj], kind: str, name: str) -> Obj:
    found = [o for o in of_kind(objects, kind) if o["metadata"]["name"] == name]
    assert len(found) == 1, f"expected exactly one {kind} {name}, found {len(found)}"
    return found[0]


def pod_spec(workload: Obj) -> Obj:
    spec: Obj = workload["spec"]["template"]["spec"]
    return spec


def container(workload: Obj, name: str) -> Obj:
    spec = pod_spec(workload)
    found: list[Obj] = [
        c for c in [*spec.get("initContainers", []), *spec["containers"]] if c["name"] == name
    ]
    assert len(found) == 1, f"{workload['metadata']['name']} has no container {name}"
    return found[0]


def configmap_data(objects: Iterable[Obj], name: str) -> dict[str, str]:
    data: dict[str, str] = named(objects, "ConfigMap", name).get("data", {})
    return data


# Stand-ins for values that only exist in the cluster (Secrets the operators or people create).
SECRET_STAND_INS = {
    "HUDDLE_DATABASE_URL": "postgresql://owner:secret@db-rw:5432/app",
    "HUDDLE_MASTER_KEY": base64.b64encode(bytes(32)).decode(),
    # A Fernet key (url-safe base64 of 32 bytes), as docs/deployment.md has you create it.
    "HUDDLE_WEBHOOK_SECRET_KEY": base64.urlsafe_b64encode(bytes(32)).decode(),
}


def container_env(objects: list[Obj], c: Obj) -> dict[str, str]:
    """The environment a container gets: envFrom ConfigMaps, then env (Secrets stood in for)."""
    env: dict[str, str] = {}
    for source in c.get("envFrom", []):
        assert "configMapRef" in source, f"{c['name']}: envFrom only from ConfigMaps"
        env.update(configmap_data(objects, source["configMapRef"]["name"]))
    for item in c.get("env", []):
        if "value" in item:
            env[item["name"]] = str(item["value"])
        elif "secretKeyRef" in item.get("valueFrom", {}):
            env[item["name"]] = SECRET_STAND_INS.get(item["name"], "stand-in")
        elif "fieldRef" in item.get("valueFrom", {}):
            env[item["name"]] = "field"
    return env


# ---- what the code says each service does on Kafka ----------------------------------------------


@dataclass
class KafkaNeeds:
    writes: set[str] = field(default_factory=set)
    reads: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    # Topic name prefix -> operations, for topics that cannot be named ahead (one per
    # organisation): the only prefix topic ACLs a service may have.
    prefixes: dict[str, set[str]] = field(default_factory=dict)


@contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """Exactly these HUDDLE_*/OTEL_* variables (others removed) for the duration."""
    with mock.patch.dict(os.environ):
        for key in [k for k in os.environ if k.startswith(("HUDDLE_", "OTEL_"))]:
            del os.environ[key]
        os.environ.update(values)
        yield


@dataclass
class BuiltService:
    """A service as its composition root builds it, and the consumers it runs."""

    runtime: ServiceRuntime
    consumers: list[ConsumerRuntime]


def consumers_of(app: FastAPI) -> list[ConsumerRuntime]:
    """The consumers a service runs: those registered on its runtime, plus, for a service whose
    consumers are made per projection generation (insights' projector exposes
    ``consumer_for(generation)``), those of two generations, so group names that change with the
    generation show up as such."""
    runtime: ServiceRuntime = app.state.runtime
    found = list(runtime.consumers)
    for value in vars(app.state).get("_state", {}).values():
        factory = getattr(value, "consumer_for", None)
        if callable(factory):
            for generation in (1, 2):
                try:
                    consumer = factory(generation, alerts=False)
                except TypeError:
                    consumer = factory(generation)
                assert isinstance(consumer, ConsumerRuntime)
                found.append(consumer)
    return found


def build_service(service: str, env: Mapping[str, str]) -> BuiltService:
    """The service as its composition root builds it from this environment: settings validated
    (production rules included), consumers with their topics, groups, dead letters. Nothing
    connects anywhere."""
    bootstrap = importlib.import_module(f"huddle_{service}.bootstrap")
    with environment(env):
        app = bootstrap.build_app()
    runtime: ServiceRuntime = app.state.runtime
    return BuiltService(runtime, consumers_of(app))


def org_topic_prefixes(service: str) -> set[str]:
    """The logical name prefixes of the per-organisation topics ``service`` publishes (from the
    integration event registry: ``integration.{org_id}.v1`` -> ``integration.``)."""
    return {
        topic.name.split(ORG_ID_PARAMETER, 1)[0]
        for topic in INTEGRATION_REGISTRY.topics.values()
        if topic.service == service and ORG_ID_PARAMETER in topic.name
    }


def kafka_needs(services: Mapping[str, BuiltService]) -> dict[str, KafkaNeeds]:
    """Expected Kafka access per service, from the event registries and the consumers:
    a service writes its own registry topics (Topic.service) and its consumers' dead-letter
    topics (insights also insights.alerts.v1); it reads what its consumers subscribe to
    (insights: every event topic of identity, teams and assessments); its groups are its
    consumers'. A
    service publishing per-organisation topics (integrations: ``integration.<org id>.v1``)
    writes and describes them by prefix, and creates them too when it is configured to create
    them as organisations appear (``create_org_topics``)."""
    needs: dict[str, KafkaNeeds] = {}
    for service, built in services.items():
        settings = built.runtime.settings
        need = KafkaNeeds()
        for prefix in org_topic_prefixes(service):
            operations = {"Write", "Describe"}
            if getattr(settings, "create_org_topics", False):
                operations.add("Create")
            need.prefixes[settings.topic(prefix)] = operations
        need.writes |= {settings.topic(t) for t in REGISTRY.topic_names(services=[service])}
        if service == ALERTS_PUBLISHER:
            need.writes.add(settings.topic(ALERTS_TOPIC))
        for consumer in built.consumers:
            need.writes.add(consumer.dead_letter_topic)
            need.reads |= set(consumer.topics)
            need.groups.add(consumer.group_id)
        if service == READS_EVERY_EVENT_TOPIC:
            upstream = REGISTRY.topic_names(services=UPSTREAM_OF_INSIGHTS)
            need.reads |= {settings.topic(t) for t in upstream}
        needs[service] = need
    return needs


def topics_needed(needs: Mapping[str, KafkaNeeds]) -> set[str]:
    every: set[str] = set(REGISTRY.topic_names()) | {ALERTS_TOPIC}
    for need in needs.values():
        every |= need.writes | need.reads
    return every


def kafka_topic_name(obj: Obj) -> str:
    name: str = obj["spec"].get("topicName") or obj["metadata"]["name"]
    return name


def deep_copy(obj: Obj) -> Obj:
    copied: Obj = copy.deepcopy(obj)
    return copied
