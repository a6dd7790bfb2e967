"""NetworkPolicies: default deny, and exactly the flows the architecture needs, checked by
evaluating the rendered policies for concrete pairs of pods (tests/deploy/netpol.py)."""

from __future__ import annotations

import pytest

from .netpol import Address, Pod, connection_allowed, egress_allowed, ingress_allowed
from .support import KAFKA_CLUSTER, OVERLAYS, SERVICE_NAMES, SERVICE_PORTS, Obj, named, of_kind

JWKS_CLIENTS = ("teams", "assessments", "insights", "integrations")
# The one service that sends requests out of the cluster: webhook deliveries to customers' https
# endpoints.
WEBHOOK_SENDER = "integrations"
# Who may open connections to the internet (https only): the webhook sender, and identity for
# organisations' own OpenID providers (single sign-on).
INTERNET_CLIENTS = (WEBHOOK_SENDER, "identity")
PUBLIC_ADDRESSES = ("93.184.215.14", "8.8.8.8", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
# Private, loopback, link-local (cloud metadata), CGNAT, documentation and IPv4-mapped addresses:
# never a webhook target, whatever DNS says.
NON_PUBLIC_ADDRESSES = (
    "10.0.0.1",
    "10.96.0.10",
    "172.16.5.4",
    "172.31.255.255",
    "192.168.1.1",
    "127.0.0.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",  # noqa: S104 - an address that must be refused
    "192.0.0.170",
    "198.18.0.1",
    "203.0.113.7",
    "::1",
    "fd00:ec2::254",
    "fc00::1",
    "fe80::1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1",
)


class Cluster:
    """The pods of one rendered overlay, with the labels their controllers give them."""

    def __init__(self, objects: list[Obj]) -> None:
        self.objects = objects
        (namespace,) = of_kind(objects, "Namespace")
        self.namespace: str = namespace["metadata"]["name"]
        self.policies = of_kind(objects, "NetworkPolicy")

    def pod_of(self, kind: str, name: str) -> Pod:
        workload = named(self.objects, kind, name)
        return Pod(self.namespace, dict(workload["spec"]["template"]["metadata"]["labels"]))

    def api(self, service: str) -> Pod:
        return self.pod_of("Deployment", service)

    def migration(self, service: str) -> Pod:
        return self.pod_of("Job", f"{service}-migrate")

    def database(self, service: str) -> Pod:
        # CloudNativePG labels instance pods with their cluster's name.
        return Pod(
            self.namespace, {"cnpg.io/cluster": f"{service}-db", "cnpg.io/podRole": "instance"}
        )

    def broker(self) -> Pod:
        # Strimzi's labels on a broker pod.
        return Pod(
            self.namespace,
            {
                "strimzi.io/cluster": KAFKA_CLUSTER,
                "strimzi.io/kind": "Kafka",
                "strimzi.io/name": f"{KAFKA_CLUSTER}-kafka",
                "strimzi.io/broker-role": "true",
            },
        )

    def collector(self) -> Pod:
        return self.pod_of("Deployment", "otel-collector")

    def stranger(self) -> Pod:
        return Pod(self.namespace, {"app": "something-else"})

    @staticmethod
    def ingress_controller() -> Pod:
        return Pod("ingress-nginx", {"app.kubernetes.io/name": "ingress-nginx"})

    @staticmethod
    def prometheus() -> Pod:
        return Pod("monitoring", {"app.kubernetes.io/name": "prometheus"})

    @staticmethod
    def dns() -> Pod:
        return Pod("kube-system", {"k8s-app": "kube-dns"})

    def allowed(self, source: Pod, destination: Pod, port: int) -> bool:
        return connection_allowed(self.policies, source, destination, port)


@pytest.fixture(params=OVERLAYS)
def cluster(request: pytest.FixtureRequest, rendered: dict[str, list[Obj]]) -> Cluster:
    return Cluster(rendered[request.param])


def test_everything_is_denied_by_default(cluster: Cluster) -> None:
    deny = named(cluster.objects, "NetworkPolicy", "default-deny")
    assert deny["spec"] == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    stranger = cluster.stranger()
    for service in SERVICE_NAMES:
        assert not cluster.allowed(stranger, cluster.api(service), SERVICE_PORTS[service])
        assert not cluster.allowed(stranger, cluster.database(service), 5432)
    assert not egress_allowed(cluster.policies, stranger, cluster.broker(), 9093)


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_service_flows(cluster: Cluster, service: str) -> None:
    api = cluster.api(service)
    port = SERVICE_PORTS[service]
    # In: the ingress controller and Prometheus (/metrics shares the API port).
    assert cluster.allowed(cluster.ingress_controller(), api, port)
    assert cluster.allowed(cluster.prometheus(), api, port)
    assert not cluster.allowed(cluster.ingress_controller(), api, port + 1000)
    # Out: its own database, never another service's.
    for other in SERVICE_NAMES:
        expected = other == service
        assert cluster.allowed(api, cluster.database(other), 5432) is expected, other
        assert cluster.allowed(cluster.migration(service), cluster.database(other), 5432) is (
            expected
        ), other
    # Kafka (the broker side is Strimzi's generated policy for the listener's peers).
    assert egress_allowed(cluster.policies, api, cluster.broker(), 9093)
    assert not egress_allowed(cluster.policies, cluster.migration(service), cluster.broker(), 9093)
    # Telemetry to the collector, DNS.
    assert cluster.allowed(api, cluster.collector(), 4317)
    assert egress_allowed(cluster.policies, api, cluster.dns(), 53)
    # Nothing else: e.g. no service reaches another service's API, except identity's JWKS.
    for other in SERVICE_NAMES:
        if other == service:
            continue
        expected = other == "identity" and service in JWKS_CLIENTS
        assert cluster.allowed(api, cluster.api(other), SERVICE_PORTS[other]) is expected, other


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_databases_accept_only_their_service_their_instances_and_the_operator(
    cluster: Cluster, service: str
) -> None:
    database = cluster.database(service)
    assert ingress_allowed(cluster.policies, database, database, 5432)
    assert ingress_allowed(cluster.policies, Pod("cnpg-system", {"app": "cnpg"}), database, 8000)
    assert not cluster.allowed(cluster.ingress_controller(), database, 5432)
    assert not cluster.allowed(cluster.collector(), database, 5432)


def test_the_collector_takes_otlp_from_huddle_only(cluster: Cluster) -> None:
    collector = cluster.collector()
    assert not ingress_allowed(cluster.policies, cluster.stranger(), collector, 4317)
    assert ingress_allowed(cluster.policies, cluster.api("teams"), collector, 4317)
    assert cluster.allowed(cluster.prometheus(), collector, 8889)
    assert not cluster.allowed(cluster.collector(), cluster.database("identity"), 5432)


def test_prod_fetches_the_jwks_through_the_ingress(rendered: dict[str, list[Obj]]) -> None:
    cluster = Cluster(rendered["prod"])
    controller = cluster.ingress_controller()
    for service in JWKS_CLIENTS:
        assert egress_allowed(cluster.policies, cluster.api(service), controller, 443), service
    assert not egress_allowed(cluster.policies, cluster.api("identity"), controller, 443)


@pytest.mark.parametrize("service", INTERNET_CLIENTS)
def test_only_the_webhook_sender_and_sso_reach_the_internet_and_only_on_443(
    cluster: Cluster, service: str
) -> None:
    sender = cluster.api(service)
    migration = cluster.migration(service)
    for ip in PUBLIC_ADDRESSES:
        assert egress_allowed(cluster.policies, sender, Address(ip), 443), ip
        for port in (80, 22, 25, 5432, 8443, 9093):
            assert not egress_allowed(cluster.policies, sender, Address(ip), port), (ip, port)
        assert not egress_allowed(cluster.policies, migration, Address(ip), 443), ip
    for ip in NON_PUBLIC_ADDRESSES:
        assert not egress_allowed(cluster.policies, sender, Address(ip), 443), ip
    # No other Huddle pod may open a connection to the internet.
    for service in SERVICE_NAMES:
        if service in INTERNET_CLIENTS:
            continue
        for pod in (cluster.api(service), cluster.migration(service)):
            for ip in PUBLIC_ADDRESSES:
                assert not egress_allowed(cluster.policies, pod, Address(ip), 443), (service, ip)
    for ip in PUBLIC_ADDRESSES:
        assert not egress_allowed(cluster.policies, cluster.collector(), Address(ip), 443), ip
        assert not egress_allowed(cluster.policies, cluster.stranger(), Address(ip), 443), ip


def test_the_webhook_sender_reaches_no_other_pod_on_443(cluster: Cluster) -> None:
    """The internet rule matches addresses only: pods of the cluster (the databases, the brokers,
    the other services) stay unreachable on 443 except where a rule names them (the ingress
    controller, for the JWKS in prod)."""
    sender = cluster.api(WEBHOOK_SENDER)
    for pod in (
        cluster.database(WEBHOOK_SENDER),
        cluster.broker(),
        cluster.collector(),
        cluster.stranger(),
        *(cluster.api(s) for s in SERVICE_NAMES if s != WEBHOOK_SENDER),
    ):
        assert not egress_allowed(cluster.policies, sender, pod, 443), pod


MAILER = "identity"
# The organisation's own relay on its network, as well as a mail service on the internet.
SMTP_SERVERS = (*PUBLIC_ADDRESSES, "10.20.0.25", "192.168.1.25")


def test_only_the_mailer_reaches_smtp_servers_and_only_on_the_submission_ports(
    cluster: Cluster,
) -> None:
    mailer = cluster.api(MAILER)
    for ip in SMTP_SERVERS:
        for port in (587, 465):
            assert egress_allowed(cluster.policies, mailer, Address(ip), port), (ip, port)
            assert not egress_allowed(
                cluster.policies, cluster.migration(MAILER), Address(ip), port
            ), (ip, port)
        for port in (25, 80, 22, 5432):
            assert not egress_allowed(cluster.policies, mailer, Address(ip), port), (ip, port)
        # 443 only to public addresses (single sign-on), never the relay on its network.
        if ip not in PUBLIC_ADDRESSES:
            assert not egress_allowed(cluster.policies, mailer, Address(ip), 443), ip
    # The rule matches addresses, not the cluster's pods.
    for pod in (cluster.stranger(), cluster.collector(), cluster.database(MAILER)):
        assert not egress_allowed(cluster.policies, mailer, pod, 587), pod
    for service in SERVICE_NAMES:
        if service != MAILER:
            for ip in SMTP_SERVERS:
                assert not egress_allowed(cluster.policies, cluster.api(service), Address(ip), 587)
