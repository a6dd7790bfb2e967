"""A small NetworkPolicy evaluator: is a TCP connection from one pod to another allowed?

It implements the Kubernetes semantics the manifests use: a pod is isolated for a direction as
soon as one policy of its namespace selects it for that direction, and then only traffic some
rule of those policies allows passes (rules are additive). Peers are matched by podSelector,
namespaceSelector (on the ``kubernetes.io/metadata.name`` label) or both; ipBlock peers never
match a pod here (they stand for addresses outside the cluster, e.g. the API server), and only
ipBlock peers match an :class:`Address` (an IP outside the cluster: its CIDR holds it and none of
its ``except`` blocks does).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Obj = dict[str, Any]


@dataclass(frozen=True)
class Pod:
    namespace: str
    labels: Mapping[str, str] = field(default_factory=dict)

    def namespace_labels(self) -> dict[str, str]:
        return {"kubernetes.io/metadata.name": self.namespace}


@dataclass(frozen=True)
class Address:
    """An address outside the cluster's pods (the internet, a node, a metadata service)."""

    ip: str

    def within(self, block: Mapping[str, Any]) -> bool:
        address = ipaddress.ip_address(self.ip)

        def holds(cidr: str) -> bool:
            network = ipaddress.ip_network(cidr)
            return network.version == address.version and address in network

        return holds(block["cidr"]) and not any(holds(c) for c in block.get("except") or [])


def selects(selector: Mapping[str, Any] | None, labels: Mapping[str, str]) -> bool:
    if selector is None:
        return False
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expression in selector.get("matchExpressions") or []:
        key, operator = expression["key"], expression["operator"]
        values = expression.get("values") or []
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and labels.get(key) in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
    return True


def _policy_types(policy: Obj) -> list[str]:
    spec = policy["spec"]
    types: list[str] | None = spec.get("policyTypes")
    if types:
        return types
    return ["Ingress", "Egress"] if "egress" in spec else ["Ingress"]


def _peer_matches(peer: Obj, other: Pod | Address, policy_namespace: str) -> bool:
    if isinstance(other, Address):
        return "ipBlock" in peer and other.within(peer["ipBlock"])
    if "ipBlock" in peer:
        return False
    namespace_selector = peer.get("namespaceSelector")
    if namespace_selector is None:
        namespace_ok = other.namespace == policy_namespace
    else:
        namespace_ok = selects(namespace_selector, other.namespace_labels())
    pod_selector = peer.get("podSelector")
    pod_ok = pod_selector is None or selects(pod_selector, other.labels)
    return namespace_ok and pod_ok


def _port_matches(ports: list[Obj] | None, port: int) -> bool:
    if not ports:
        return True
    return any(
        p.get("protocol", "TCP") == "TCP" and ("port" not in p or p["port"] == port) for p in ports
    )


def _allowed(
    policies: Iterable[Obj], subject: Pod, other: Pod | Address, port: int, direction: str
) -> bool:
    key, peers_key = ("ingress", "from") if direction == "Ingress" else ("egress", "to")
    applicable = [
        p
        for p in policies
        if p["metadata"].get("namespace", subject.namespace) == subject.namespace
        and direction in _policy_types(p)
        and selects(p["spec"].get("podSelector", {}), subject.labels)
    ]
    if not applicable:
        return True
    for policy in applicable:
        namespace = policy["metadata"].get("namespace", subject.namespace)
        for rule in policy["spec"].get(key) or []:
            peers = rule.get(peers_key)
            peer_ok = not peers or any(_peer_matches(peer, other, namespace) for peer in peers)
            if peer_ok and _port_matches(rule.get("ports"), port):
                return True
    return False


def egress_allowed(
    policies: Iterable[Obj], source: Pod, destination: Pod | Address, port: int
) -> bool:
    return _allowed(list(policies), source, destination, port, "Egress")


def ingress_allowed(policies: Iterable[Obj], source: Pod, destination: Pod, port: int) -> bool:
    return _allowed(list(policies), destination, source, port, "Ingress")


def connection_allowed(policies: Iterable[Obj], source: Pod, destination: Pod, port: int) -> bool:
    rendered = list(policies)
    return egress_allowed(rendered, source, destination, port) and ingress_allowed(
        rendered, source, destination, port
    )
