"""Kafka through Strimzi: a KafkaTopic for every topic the code uses and a KafkaUser per service
whose ACLs are exactly what the code needs. The expectations come from the event registry
(``REGISTRY.topics``, ``Topic.service``) and the consumers each service's composition root
builds, so a topic or consumer added to the code without its Kafka resources fails here."""

from __future__ import annotations

from collections import defaultdict

import pytest

from huddle_integrations.config import IntegrationsSettings
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.integration import org_topic

from .kafka_acls import acls_of, allowed
from .support import (
    ALERTS_TOPIC,
    KAFKA_CLUSTER,
    ORG_TOPIC_PUBLISHER,
    OVERLAYS,
    SERVICE_NAMES,
    UPSTREAM_OF_INSIGHTS,
    BuiltService,
    KafkaNeeds,
    Obj,
    container,
    container_env,
    kafka_needs,
    kafka_topic_name,
    named,
    of_kind,
    topics_needed,
)


def needs_for(built: dict[str, dict[str, BuiltService]], overlay: str) -> dict[str, KafkaNeeds]:
    return kafka_needs(built[overlay])


def topic_yaml(name: str) -> str:
    """A KafkaTopic to paste, in the style of deploy/k8s/base/kafka/topics.yaml."""
    dead_letters = ".deadletter." in name
    return (
        "apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n"
        f"  name: {name.replace('.', '-')}\n  labels:\n    strimzi.io/cluster: {KAFKA_CLUSTER}\n"
        f"    app.kubernetes.io/name: {name.split('.')[0]}\n"
        "    app.kubernetes.io/part-of: huddle\n"
        f"    huddle.io/topic-kind: {'deadletter' if dead_letters else 'events'}\n"
        f"spec:\n  topicName: {name}\n  partitions: {3 if dead_letters else 12}\n  replicas: 3\n"
        f"  config:\n    retention.ms: {7776000000 if dead_letters else -1}\n"
        "    cleanup.policy: delete\n    min.insync.replicas: 2\n"
    )


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_topic_the_code_uses_has_a_kafka_topic(
    overlay: str,
    rendered: dict[str, list[Obj]],
    built: dict[str, dict[str, BuiltService]],
) -> None:
    objects = rendered[overlay]
    declared = {kafka_topic_name(t) for t in of_kind(objects, "KafkaTopic")}
    needed = topics_needed(needs_for(built, overlay))
    missing = sorted(needed - declared)
    assert not missing, (
        "topics without a KafkaTopic in deploy/k8s/base/kafka/topics.yaml:\n"
        + "---\n".join(topic_yaml(name) for name in missing)
    )
    unused = sorted(declared - needed)
    assert not unused, f"KafkaTopics no code uses (remove them or register the topic): {unused}"
    for name in REGISTRY.topic_names():
        assert name in declared
    assert ALERTS_TOPIC in declared


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_topics_are_durable_and_keep_event_history(
    overlay: str, rendered: dict[str, list[Obj]]
) -> None:
    replicas = 3 if overlay == "prod" else 1
    min_insync = 2 if overlay == "prod" else 1
    event_topics = set(REGISTRY.topic_names()) | {ALERTS_TOPIC}
    for topic in of_kind(rendered[overlay], "KafkaTopic"):
        name = kafka_topic_name(topic)
        spec = topic["spec"]
        assert topic["metadata"]["labels"]["strimzi.io/cluster"] == KAFKA_CLUSTER, name
        assert spec["replicas"] == replicas, name
        assert spec["config"]["min.insync.replicas"] == min_insync, name
        assert spec["partitions"] >= 3, name
        if name in event_topics:
            assert spec["config"]["retention.ms"] == -1, f"{name} must keep its history"


def acl_sets(user: Obj) -> tuple[KafkaNeeds, list[tuple[str, str]]]:
    """Topics granted Write and Read, the prefix topic ACLs with their operations, and the
    group ACLs as (patternType, name)."""
    granted = KafkaNeeds()
    groups: list[tuple[str, str]] = []
    by_operation: dict[str, set[str]] = defaultdict(set)
    for acl in user["spec"]["authorization"]["acls"]:
        resource = acl["resource"]
        pattern = resource.get("patternType", "literal")
        assert acl.get("type", "allow") == "allow", acl
        assert acl.get("host", "*") == "*", acl
        operations = set(acl["operations"])
        assert resource.get("name") != "*", f"no wildcard ACLs: {acl}"
        if resource["type"] == "topic" and pattern == "prefix":
            # Only for topics that cannot be named ahead (one per organisation); compared with
            # what the code needs below.
            assert resource["name"] not in granted.prefixes, f"one ACL per prefix: {acl}"
            granted.prefixes[resource["name"]] = operations
        elif resource["type"] == "topic":
            assert pattern == "literal", f"topic ACLs name topics exactly: {acl}"
            assert operations <= {"Read", "Write", "Describe"}, acl
            for operation in operations:
                by_operation[operation].add(resource["name"])
        elif resource["type"] == "group":
            assert operations == {"Read"}, acl
            groups.append((pattern, resource["name"]))
        else:
            raise AssertionError(f"unexpected ACL resource {resource}")
    granted.writes = by_operation["Write"]
    granted.reads = by_operation["Read"]
    return granted, groups


def covers(acl: tuple[str, str], group: str) -> bool:
    pattern, name = acl
    return group == name if pattern == "literal" else group.startswith(name)


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_each_kafka_user_may_do_exactly_what_its_service_does(
    overlay: str,
    service: str,
    rendered: dict[str, list[Obj]],
    built: dict[str, dict[str, BuiltService]],
) -> None:
    user = named(rendered[overlay], "KafkaUser", f"huddle-{service}")
    assert user["metadata"]["labels"]["strimzi.io/cluster"] == KAFKA_CLUSTER
    assert user["spec"]["authentication"]["type"] == "scram-sha-512"
    assert user["spec"]["authorization"]["type"] == "simple"
    expected = needs_for(built, overlay)[service]
    granted, group_acls = acl_sets(user)
    assert granted.writes == expected.writes, (
        f"huddle-{service} Write ACLs: missing {sorted(expected.writes - granted.writes)}, "
        f"extra {sorted(granted.writes - expected.writes)}"
    )
    assert granted.reads == expected.reads, (
        f"huddle-{service} Read ACLs: missing {sorted(expected.reads - granted.reads)}, "
        f"extra {sorted(granted.reads - expected.reads)}"
    )
    assert granted.prefixes == expected.prefixes, (
        f"huddle-{service} prefix topic ACLs: {granted.prefixes}, the code needs "
        f"{expected.prefixes}"
    )
    # Groups: each group the consumers use is covered (a prefix ACL where the name changes with
    # the projection generation), and each group ACL serves one of them.
    for group in expected.groups:
        assert any(covers(acl, group) for acl in group_acls), f"huddle-{service}: group {group}"
    for acl in group_acls:
        assert any(covers(acl, group) for group in expected.groups), f"unused group ACL {acl}"
        if acl[0] == "prefix":
            assert len({g for g in expected.groups if covers(acl, g)}) > 1, f"make {acl} literal"
    # Every topic it touches can also be described (metadata look-ups).
    described = {
        acl["resource"]["name"]
        for acl in user["spec"]["authorization"]["acls"]
        if "Describe" in acl["operations"] and acl["resource"].get("patternType") != "prefix"
    }
    assert described == expected.writes | expected.reads
    assert all("Describe" in operations for operations in granted.prefixes.values())


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_per_organisation_topics_are_the_integrations_services_own(
    overlay: str,
    rendered: dict[str, list[Obj]],
    built: dict[str, dict[str, BuiltService]],
) -> None:
    """integration.<org id>.v1 is created and written by the integrations service alone, read by
    no service, and its prefix covers no topic Strimzi owns (integrations.deadletter.v1
    included: the prefix ends with a dot)."""
    needs = needs_for(built, overlay)
    assert needs[ORG_TOPIC_PUBLISHER].prefixes == {"integration.": {"Create", "Write", "Describe"}}
    assert org_topic("an-org").startswith(next(iter(needs[ORG_TOPIC_PUBLISHER].prefixes)))
    assert not [s for s, need in needs.items() if need.prefixes and s != ORG_TOPIC_PUBLISHER]
    declared = {kafka_topic_name(t) for t in of_kind(rendered[overlay], "KafkaTopic")}
    for user in of_kind(rendered[overlay], "KafkaUser"):
        acls = acls_of(user)
        for name in declared:
            for operation in ("Create", "Write"):
                if allowed(acls, "topic", name, operation):
                    assert not name.startswith("integration."), (user["metadata"]["name"], name)
        reader = allowed(acls, "topic", org_topic("an-org"), "Read")
        assert not reader, f"{user['metadata']['name']} reads an organisation's topic"
    assert "integrations.deadletter.v1" in declared
    assert not [name for name in declared if name.startswith("integration.")]


def test_insights_reads_every_event_topic(
    built: dict[str, dict[str, BuiltService]],
) -> None:
    upstream = {t.name for t in REGISTRY.topics.values() if t.service in UPSTREAM_OF_INSIGHTS}
    assert needs_for(built, "prod")["insights"].reads == upstream


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_integrations_never_reads_responses_or_identity(
    overlay: str,
    rendered: dict[str, list[Obj]],
    built: dict[str, dict[str, BuiltService]],
) -> None:
    """Individual responses (with their exact times) and identity's people never reach the
    service that hands events to third parties: neither its consumers nor its KafkaUser."""
    reads = needs_for(built, overlay)[ORG_TOPIC_PUBLISHER].reads
    assert reads == {
        "teams.team.v1",
        "teams.action.v1",
        "assessments.campaign.v1",
        "insights.alerts.v1",
        "insights.results.v1",
    }
    acls = acls_of(named(rendered[overlay], "KafkaUser", f"huddle-{ORG_TOPIC_PUBLISHER}"))
    forbidden = ["assessments.response.v1", *REGISTRY.topic_names(services=["identity"])]
    for topic in forbidden:
        assert not allowed(acls, "topic", topic, "Read"), topic
        assert not allowed(acls, "topic", topic, "Describe"), topic


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_kafka_cluster_is_kraft_with_authenticated_clients(
    overlay: str, rendered: dict[str, list[Obj]]
) -> None:
    objects = rendered[overlay]
    kafka = named(objects, "Kafka", KAFKA_CLUSTER)
    listeners = {item["name"]: item for item in kafka["spec"]["kafka"]["listeners"]}
    # The services' listener in both overlays; prod adds the external one for integrators.
    assert set(listeners) == ({"tls", "external"} if overlay == "prod" else {"tls"})
    listener = listeners["tls"]
    assert listener["type"] == "internal"
    assert listener["port"] == 9093 and listener["tls"] is True
    assert listener["authentication"]["type"] == "scram-sha-512"
    assert kafka["spec"]["kafka"]["authorization"]["type"] == "simple"
    assert kafka["spec"]["kafka"]["config"]["auto.create.topics.enable"] is False
    pools = of_kind(objects, "KafkaNodePool")
    assert all(p["metadata"]["labels"]["strimzi.io/cluster"] == KAFKA_CLUSTER for p in pools)
    brokers = sum(p["spec"]["replicas"] for p in pools if "broker" in p["spec"]["roles"])
    controllers = sum(p["spec"]["replicas"] for p in pools if "controller" in p["spec"]["roles"])
    assert (brokers, controllers) == ((3, 3) if overlay == "prod" else (1, 1))
    # The listener's peers are exactly the services' pods.
    (peer,) = listener["networkPolicyPeers"]
    for service in SERVICE_NAMES:
        labels = named(objects, "Deployment", service)["spec"]["template"]["metadata"]["labels"]
        assert peer["podSelector"]["matchLabels"].items() <= labels.items(), service


def test_prod_has_an_external_listener_with_tls_and_scram(rendered: dict[str, list[Obj]]) -> None:
    """Integrators connect from outside the cluster, over TLS, as SCRAM-SHA-512 users (their own
    KafkaUsers, deploy/k8s/integrators); the listener is on a port of its own."""
    kafka = named(rendered["prod"], "Kafka", KAFKA_CLUSTER)
    listeners = kafka["spec"]["kafka"]["listeners"]
    (external,) = [item for item in listeners if item["type"] != "internal"]
    assert external["type"] in {"loadbalancer", "ingress", "route", "nodeport"}
    assert external["tls"] is True
    assert external["authentication"] == {"type": "scram-sha-512"}
    assert external["port"] not in {item["port"] for item in listeners if item is not external}
    assert kafka["spec"]["kafka"]["authorization"]["type"] == "simple"
    if external["type"] == "ingress":
        # ingress listeners need a host for the bootstrap and each broker (TLS passthrough).
        assert external["configuration"]["bootstrap"]["host"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_organisation_topics_are_replicated_like_the_others(
    overlay: str,
    rendered: dict[str, list[Obj]],
    built: dict[str, dict[str, BuiltService]],
) -> None:
    """The topics the integrations service creates get the replication of the KafkaTopics, never
    less than min.insync.replicas (acks=all writes would be refused: the relay would stall)."""
    objects = rendered[overlay]
    (replicas,) = {t["spec"]["replicas"] for t in of_kind(objects, "KafkaTopic")}
    min_insync = named(objects, "Kafka", KAFKA_CLUSTER)["spec"]["kafka"]["config"][
        "min.insync.replicas"
    ]
    assert replicas >= min_insync
    deployment = named(objects, "Deployment", ORG_TOPIC_PUBLISHER)
    env = container_env(objects, container(deployment, ORG_TOPIC_PUBLISHER))
    assert env["HUDDLE_ORG_TOPIC_REPLICATION_FACTOR"] == str(replicas)
    settings = built[overlay][ORG_TOPIC_PUBLISHER].runtime.settings
    assert isinstance(settings, IntegrationsSettings)
    assert settings.org_topic_replication_factor == replicas
