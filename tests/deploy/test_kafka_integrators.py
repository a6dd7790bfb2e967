"""KafkaUsers of integrators (deploy/k8s/integrators/): a health system's own Kafka principal,
reading its organisation's integration topics through the external listener and nothing else.

The example is validated against Strimzi's KafkaUser schema like the rendered manifests, and its
ACLs are evaluated (tests/deploy/kafka_acls.py) for what they allow: the organisation's own
topics (``integration.<org id>.v1`` as the code names it) and consumer groups under the same
prefix, read-only; no other organisation's topic, no Huddle topic, no wildcard, no write."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.integration import org_topic

from .kafka_acls import acls_of, allowed
from .support import (
    INTEGRATORS,
    KAFKA_CLUSTER,
    OVERLAYS,
    REPO,
    SERVICE_NAMES,
    CrdSchemas,
    Obj,
    kafka_topic_name,
    of_kind,
)

EXAMPLE = INTEGRATORS / "example-kafkauser.yaml"
ORG_LABEL = "huddle.io/org-id"
OTHER_ORG = "9d1e7a52-0c3b-4f8e-a6d4-71b2c5e8f903"
THIRD_ORG = "c0ffee00-1234-4abc-8def-0123456789ab"
OPERATIONS: tuple[str, ...] = ("Read", "Write", "Create", "Delete", "Alter", "Describe")
OPERATIONS += ("AlterConfigs", "DescribeConfigs", "IdempotentWrite", "ClusterAction", "All")
# A Kubernetes object name (DNS-1123 subdomain), which is also the SCRAM user and the Secret.
DNS_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")


def load(path: Path = EXAMPLE, text: str | None = None) -> Obj:
    (user,) = [doc for doc in yaml.safe_load_all(text or path.read_text()) if doc]
    assert isinstance(user, dict)
    return user


def org_of(user: Obj) -> str:
    org: str = user["metadata"]["labels"][ORG_LABEL]
    return org


def assert_reads_its_organisation_only(user: Obj) -> None:
    """The whole contract of an integrator's KafkaUser."""
    org = org_of(user)
    name = user["metadata"]["name"]
    prefix = f"integration.{org}."
    assert user["metadata"]["labels"]["strimzi.io/cluster"] == KAFKA_CLUSTER
    assert "namespace" not in user["metadata"], "applied into Huddle's namespace with -n"
    assert DNS_SUBDOMAIN.fullmatch(name) and len(name) <= 63, name
    assert org in name, f"{name}: name it after the organisation"
    assert user["spec"]["authentication"] == {"type": "scram-sha-512"}
    assert user["spec"]["authorization"]["type"] == "simple"
    # Exactly two ACLs, both allow, on the organisation's prefix (with its trailing dot).
    declared = sorted(
        (
            acl["resource"]["type"],
            acl["resource"].get("patternType", "literal"),
            acl["resource"]["name"],
            tuple(sorted(acl["operations"])),
            acl.get("type", "allow"),
            acl.get("host", "*"),
        )
        for acl in user["spec"]["authorization"]["acls"]
    )
    assert declared == [
        ("group", "prefix", prefix, ("Read",), "allow", "*"),
        ("topic", "prefix", prefix, ("Describe", "Read"), "allow", "*"),
    ]

    acls = acls_of(user)
    own = org_topic(org)
    assert own.startswith(prefix)
    assert allowed(acls, "topic", own, "Read")
    assert allowed(acls, "topic", own, "Describe")
    assert allowed(acls, "topic", own.replace(".v1", ".v2"), "Read"), "later versions too"
    for operation in OPERATIONS:
        if operation not in ("Read", "Describe"):
            assert not allowed(acls, "topic", own, operation), operation
    # No other organisation's topic (the trailing dot: not even an id that extends this one),
    # no Huddle topic, nothing on the cluster or on transactions.
    stranger = next(o for o in (OTHER_ORG, THIRD_ORG) if o != org)
    strangers = [
        org_topic(stranger),
        f"integration.{org}0.v1",
        f"integration.{org[:-1]}.v1",
        "integration.v1",
        "integrations.deadletter.v1",
        *REGISTRY.topic_names(),
        *(f"{service}.deadletter.v1" for service in SERVICE_NAMES),
    ]
    for topic in strangers:
        for operation in OPERATIONS:
            assert not allowed(acls, "topic", topic, operation), (topic, operation)
    for operation in OPERATIONS:
        assert not allowed(acls, "cluster", "kafka-cluster", operation), operation
        assert not allowed(acls, "transactionalId", prefix + "tx", operation), operation
    # Consumer groups: its own, under the prefix; never the services' groups or another's.
    assert allowed(acls, "group", f"{prefix}warehouse", "Read")
    for group in ("integrations", "insights-g1", "teams", f"integration.{stranger}.x", "x"):
        assert not allowed(acls, "group", group, "Read"), group


def test_the_example_is_a_valid_kafka_user(crd_schemas: CrdSchemas) -> None:
    user = load()
    assert (user["apiVersion"], user["kind"]) == ("kafka.strimzi.io/v1", "KafkaUser")
    assert crd_schemas.errors(user) == []
    broken = load()
    broken["spec"]["authorization"]["acls"][0]["resource"]["patternType"] = "prefixed"
    assert crd_schemas.errors(broken), "the schema check is not vacuous"


def test_the_example_reads_its_organisation_only() -> None:
    user = load()
    org = org_of(user)
    # Organisation ids are identity's: canonical UUIDs (str(uuid4())), so no dot in them and
    # a valid Kafka topic name, label value and part of an object name.
    assert str(uuid.UUID(org)) == org and "." not in org
    assert_reads_its_organisation_only(user)


def test_the_documented_recipe_makes_a_user_for_another_organisation(
    crd_schemas: CrdSchemas,
) -> None:
    """docs/integration.md: replace the example organisation id everywhere (sed) and apply."""
    text = EXAMPLE.read_text()
    example_org = org_of(load())
    made = load(text=text.replace(example_org, OTHER_ORG))
    assert example_org not in yaml.safe_dump(made)
    assert org_of(made) == OTHER_ORG
    assert crd_schemas.errors(made) == []
    assert_reads_its_organisation_only(made)
    # And the recipe is the one the documentation gives.
    docs = (REPO / "docs" / "integration.md").read_text()
    assert f"s/{example_org}/$ORG_ID/g" in docs
    assert "deploy/k8s/integrators/example-kafkauser.yaml" in docs


def _grant_write(acls: list[Obj]) -> None:
    acls[0]["operations"].append("Write")


def _every_organisation(acls: list[Obj]) -> None:
    acls[0]["resource"]["name"] = "integration."


def _wildcard(acls: list[Obj]) -> None:
    acls[0]["resource"].update(name="*", patternType="literal")


def _a_huddle_topic(acls: list[Obj]) -> None:
    acls.append({"resource": {"type": "topic", "name": "teams.team.v1"}, "operations": ["Read"]})


@pytest.mark.parametrize("mutate", [_grant_write, _every_organisation, _wildcard, _a_huddle_topic])
def test_a_user_that_grants_more_is_caught(mutate: Callable[[list[Obj]], None]) -> None:
    """The check above is not vacuous: a Write, another organisation, a wildcard or a Huddle
    topic fails it."""
    user = load()
    mutate(user["spec"]["authorization"]["acls"])
    with pytest.raises(AssertionError):
        assert_reads_its_organisation_only(user)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_no_overlay_applies_an_integrator(overlay: str, rendered: dict[str, list[Obj]]) -> None:
    """Integrators are made per organisation, by hand; the overlays carry only the services'
    users, and no KafkaTopic of an organisation (the integrations service creates those)."""
    objects = rendered[overlay]
    users = {u["metadata"]["name"] for u in of_kind(objects, "KafkaUser")}
    assert users == {f"huddle-{service}" for service in SERVICE_NAMES}
    topics = [kafka_topic_name(t) for t in of_kind(objects, "KafkaTopic")]
    assert not [t for t in topics if t.startswith("integration.")]
