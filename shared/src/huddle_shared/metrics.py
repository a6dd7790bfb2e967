"""Prometheus metrics shared by the services (one registry per process, labelled by service)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

EVENTS_APPENDED = Counter(
    "huddle_events_appended_total",
    "Events written to the event store, counted when their transaction commits",
    ["service", "type"],
)
OUTBOX_DEPTH = Gauge(
    "huddle_outbox_depth", "Outbox rows not yet acknowledged by Kafka", ["service"]
)
OUTBOX_OLDEST_AGE = Gauge(
    "huddle_outbox_oldest_age_seconds", "Age of the oldest unpublished outbox row", ["service"]
)
RELAY_PUBLISHED = Counter(
    "huddle_relay_published_total", "Outbox rows published and acknowledged", ["service"]
)
RELAY_FAILURES = Counter(
    "huddle_relay_failures_total", "Outbox rows whose publish failed (will be retried)", ["service"]
)
RELAY_LEADER = Gauge(
    "huddle_relay_leader", "1 when this process holds the relay lease", ["service"]
)
CONSUMER_LAG = Gauge(
    "huddle_consumer_lag", "Messages behind the partition end", ["group", "topic", "partition"]
)
CONSUMER_APPLIED = Counter(
    "huddle_consumer_events_applied_total", "Events applied by a projection", ["group", "type"]
)
CONSUMER_DUPLICATES = Counter(
    "huddle_consumer_duplicates_total", "Events skipped as already applied", ["group"]
)
DEAD_LETTERS = Counter(
    "huddle_dead_letters_total", "Messages sent to the dead-letter topic", ["group"]
)
DEAD_LETTERS_REPLAYED = Counter(
    "huddle_dead_letters_replayed_total",
    "Dead letters an operator's replay re-drove, by group and result (applied, failed)",
    ["group", "result"],
)
BATCH_SECONDS = Histogram(
    "huddle_projection_batch_seconds",
    "Time to apply one consumer batch (database transaction included)",
    ["group"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)

HTTP_REQUESTS = Counter(
    "huddle_http_requests_total",
    "HTTP requests answered, by route template and status code",
    ["service", "method", "route", "status"],
)
HTTP_DURATION = Histogram(
    "huddle_http_request_duration_seconds",
    "HTTP request latency by route template",
    ["service", "method", "route"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
DASHBOARD_QUERY_SECONDS = Histogram(
    "huddle_dashboard_query_seconds",
    "Time to compute a dashboard response in insights",
    ["endpoint"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
READY = Gauge("huddle_ready", "1 when the last readiness check passed", ["service"])
DASHBOARD_CACHE = Counter(
    "huddle_dashboard_cache_requests_total",
    "Dashboard cache look-ups in insights by endpoint and result (hit, miss)",
    ["endpoint", "result"],
)

# The integrations service: integration events published (to the feed, the organisation's
# topic and its webhooks), by type.
INTEGRATION_EVENTS = Counter(
    "huddle_integration_events_published_total",
    "Integration events published to the feed, by type",
    ["type"],
)

# Webhooks (the integrations service). ``subscription`` is the subscription id: an organisation
# has a handful, so the label stays small; queue gauges are sampled from PostgreSQL.
WEBHOOK_DELIVERIES = Counter(
    "huddle_webhook_deliveries_total",
    "Webhook deliveries finished, by subscription and result (succeeded, dead)",
    ["subscription", "result"],
)
WEBHOOK_FAILURES = Counter(
    "huddle_webhook_delivery_failures_total",
    "Failed webhook delivery attempts, by subscription and reason "
    "(http_status, timeout, connection, unsafe_target)",
    ["subscription", "reason"],
)
WEBHOOK_PENDING = Gauge(
    "huddle_webhook_pending_deliveries",
    "Webhook deliveries waiting to be sent or retried, by subscription (sampled)",
    ["subscription"],
)
WEBHOOK_OLDEST_PENDING = Gauge(
    "huddle_webhook_oldest_pending_age_seconds",
    "Age of the oldest pending webhook delivery, by subscription (sampled)",
    ["subscription"],
)
WEBHOOK_LATENCY = Histogram(
    "huddle_webhook_delivery_latency_seconds",
    "From the publishing transaction to the receiver's 2xx, retries included",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400),
)
WEBHOOK_DISABLED = Counter(
    "huddle_webhook_subscriptions_disabled_total",
    "Webhook subscriptions disabled after persistent failure, by subscription",
    ["subscription"],
)
