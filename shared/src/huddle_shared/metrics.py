"""Prometheus metrics shared by the services (one registry per process, labelled by service)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

EVENTS_APPENDED = Counter(
    "huddle_events_appended_total",
    "Events written to the event store (a transaction that then rolls back still counts)",
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
