"""The services' metrics: OpenTelemetry instruments, one definition for both ways out.

Each instrument is created once here on the OpenTelemetry metrics API. The process's meter
provider (``huddle_shared.telemetry.configure_telemetry``) reads them twice: a Prometheus reader
that serves them at ``/metrics`` in the text format, under the names written here (counters get
``_total``), and whatever ``OTEL_METRICS_EXPORTER`` names (``otlp`` pushes them to a collector).
Until a meter provider is configured, recording is a no-op, as the API specifies.

No metric carries a ``service`` label: each process is one service, and the scrape target's
labels say which (``job="huddle"``, ``service="<name>"``), so Prometheus needs no
``honor_labels``. Names carry their unit (``_seconds``, ``_messages``, ``_events``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from opentelemetry import metrics as otel_metrics
from opentelemetry.metrics import Counter, Histogram, _Gauge

Kind = Literal["counter", "gauge", "histogram"]


@dataclass(frozen=True)
class Family:
    """What an instrument is exposed as: its Prometheus family name, kind and label names."""

    name: str
    kind: Kind
    description: str
    labels: tuple[str, ...]

    @property
    def series(self) -> frozenset[str]:
        """The series names Prometheus stores for it."""
        if self.kind == "counter":
            return frozenset({f"{self.name}_total"})
        if self.kind == "histogram":
            return frozenset(f"{self.name}_{s}" for s in ("bucket", "sum", "count"))
        return frozenset({self.name})


FAMILIES: list[Family] = []
_meter = otel_metrics.get_meter("huddle")


def _counter(name: str, description: str, labels: tuple[str, ...] = ()) -> Counter:
    FAMILIES.append(Family(name, "counter", description, labels))
    return _meter.create_counter(name, description=description)


def _gauge(name: str, description: str, labels: tuple[str, ...] = (), unit: str = "") -> _Gauge:
    FAMILIES.append(Family(name, "gauge", description, labels))
    return _meter.create_gauge(name, unit=unit, description=description)


def _histogram(
    name: str, description: str, buckets: tuple[float, ...], labels: tuple[str, ...] = ()
) -> Histogram:
    FAMILIES.append(Family(name, "histogram", description, labels))
    return _meter.create_histogram(
        name,
        unit="s" if name.endswith("_seconds") else "",
        description=description,
        explicit_bucket_boundaries_advisory=list(buckets),
    )


EVENTS_APPENDED = _counter(
    "huddle_events_appended",
    "Events written to the event store, counted when their transaction commits",
    ("type",),
)
OUTBOX_DEPTH = _gauge("huddle_outbox_depth_events", "Outbox rows not yet acknowledged by Kafka")
OUTBOX_OLDEST_AGE = _gauge(
    "huddle_outbox_oldest_age_seconds", "Age of the oldest unpublished outbox row", unit="s"
)
RELAY_PUBLISHED = _counter("huddle_relay_published", "Outbox rows published and acknowledged")
RELAY_FAILURES = _counter(
    "huddle_relay_failures", "Outbox rows whose publish failed (will be retried)"
)
RELAY_LEADER = _gauge("huddle_relay_leader", "1 when this process holds the relay lease")
CONSUMER_LAG = _gauge(
    "huddle_consumer_lag_messages",
    "Messages behind the partition end",
    ("group", "topic", "partition"),
)
CONSUMER_APPLIED = _counter(
    "huddle_consumer_events_applied", "Events applied by a projection", ("group", "type")
)
CONSUMER_DUPLICATES = _counter(
    "huddle_consumer_duplicates", "Events skipped as already applied", ("group",)
)
DEAD_LETTERS = _counter("huddle_dead_letters", "Messages sent to the dead-letter topic", ("group",))
DEAD_LETTERS_REPLAYED = _counter(
    "huddle_dead_letters_replayed",
    "Dead letters an operator's replay re-drove, by group and result (applied, failed)",
    ("group", "result"),
)
BATCH_SECONDS = _histogram(
    "huddle_projection_batch_seconds",
    "Time to apply one consumer batch (database transaction included)",
    (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
    ("group",),
)

HTTP_REQUESTS = _counter(
    "huddle_http_requests",
    "HTTP requests answered, by route template and status code",
    ("method", "route", "status"),
)
HTTP_DURATION = _histogram(
    "huddle_http_request_duration_seconds",
    "HTTP request latency by route template",
    (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    ("method", "route"),
)
DASHBOARD_QUERY_SECONDS = _histogram(
    "huddle_dashboard_query_seconds",
    "Time to compute a dashboard response in insights",
    (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
    ("endpoint",),
)
READY = _gauge("huddle_ready", "1 when the last readiness check passed")
DASHBOARD_CACHE = _counter(
    "huddle_dashboard_cache_requests",
    "Dashboard cache look-ups in insights by endpoint and result (hit, miss)",
    ("endpoint", "result"),
)

# The integrations service: integration events published (to the feed, the organisation's
# topic and its webhooks), by type.
INTEGRATION_EVENTS = _counter(
    "huddle_integration_events_published",
    "Integration events published to the feed, by type",
    ("type",),
)

# Webhooks (the integrations service). ``subscription`` is the subscription id: an organisation
# has a handful, so the label stays small; queue gauges are sampled from PostgreSQL.
WEBHOOK_DELIVERIES = _counter(
    "huddle_webhook_deliveries",
    "Webhook deliveries finished, by subscription and result (succeeded, dead)",
    ("subscription", "result"),
)
WEBHOOK_FAILURES = _counter(
    "huddle_webhook_delivery_failures",
    "Failed webhook delivery attempts, by subscription and reason "
    "(http_status, timeout, connection, unsafe_target)",
    ("subscription", "reason"),
)
WEBHOOK_PENDING = _gauge(
    "huddle_webhook_pending_deliveries",
    "Webhook deliveries waiting to be sent or retried, by subscription (sampled)",
    ("subscription",),
)
WEBHOOK_OLDEST_PENDING = _gauge(
    "huddle_webhook_oldest_pending_age_seconds",
    "Age of the oldest pending webhook delivery, by subscription (sampled)",
    ("subscription",),
    unit="s",
)
WEBHOOK_LATENCY = _histogram(
    "huddle_webhook_delivery_latency_seconds",
    "From the publishing transaction to the receiver's 2xx, retries included",
    (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400),
)
WEBHOOK_DISABLED = _counter(
    "huddle_webhook_subscriptions_disabled",
    "Webhook subscriptions disabled after persistent failure, by subscription",
    ("subscription",),
)

# Sign-in (identity's token endpoint). ``grant`` is password, refresh_token, client_credentials
# or other; ``result`` is issued, throttled, or the OAuth error (invalid_grant, invalid_client,
# invalid_scope, invalid_request, unsupported_grant_type). No user or client id is a label.
TOKEN_REQUESTS = _counter(
    "huddle_token_requests",
    "Token endpoint requests, by grant and result (issued, throttled, or the OAuth error)",
    ("grant", "result"),
)

# People signing in on identity's sign-in page (the authorization-code flow). ``method`` is
# password or sso (through the organisation's identity provider); ``result`` is succeeded,
# failed or throttled.
SIGN_INS = _counter(
    "huddle_sign_ins",
    "Sign-ins on the sign-in page, by method and result (succeeded, failed, throttled)",
    ("method", "result"),
)

# SCIM provisioning (identity's /scim/v2). ``resource`` is Users, Groups, ServiceProviderConfig,
# ResourceTypes, Schemas or other; ``operation`` create, read, list, search, replace, patch,
# delete or other; ``result`` is ok or the HTTP status. No id, filter or token is a label.
SCIM_REQUESTS = _counter(
    "huddle_scim_requests",
    "SCIM requests answered, by resource, operation and result (ok, or the status)",
    ("resource", "operation", "result"),
)

# Sign-ins through an organisation's identity provider that did not complete, by a fixed
# ``reason``: state_invalid, idp_error, provider_unreachable, token_exchange_failed,
# id_token_invalid, id_token_expired, issuer_mismatch, audience_mismatch, nonce_mismatch,
# missing_subject, missing_email, email_unverified, domain_not_allowed, no_account,
# deactivated, connection_changed. No organisation, person or provider is a label.
SSO_FAILURES = _counter(
    "huddle_sso_failures",
    "Single sign-on attempts that did not complete, by reason",
    ("reason",),
)

# Mail (the identity service's mailer: invitations, password resets). ``template`` is one of a
# handful of names; no address or token is ever a label.
MAIL_SENT = _counter(
    "huddle_mail_sent_messages", "Mail accepted by the SMTP server, by template", ("template",)
)
MAIL_FAILURES = _counter(
    "huddle_mail_send_failures",
    "Failed attempts to send mail (retried with a growing delay), by template",
    ("template",),
)
