"""The integrations service's tables: what it knows of teams, the organisations' settings, and
the feed, the log of every integration event it has published (the webhooks' and the Kafka
topics' source, and what ``GET /v1/events`` reads).

The feed is not a rebuildable projection: its sequence numbers are the cursors integrators
hold, so they are never reassigned. Event ids are derived from the event that caused them, so a
replay of the upstream topics writes nothing twice.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from huddle_shared.db import NAMING

metadata = MetaData(naming_convention=NAMING)

teams = Table(
    "teams",
    metadata,
    Column("team_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("archived", Boolean, nullable=False, server_default="false"),
    Column("charter_revision", Integer, nullable=False, server_default="0"),
    Column("next_review_due", Date, nullable=True),
    # The due date a review-due (resp. overdue) event was last raised for: raised once per date.
    Column("review_due_sent_for", Date, nullable=True),
    Column("review_overdue_sent_for", Date, nullable=True),
    Index("ix_teams_review", "next_review_due", postgresql_where="NOT archived"),
)

org_settings = Table(
    "org_settings",
    metadata,
    Column("org_id", Text, primary_key=True),
    Column("shared_fields", ARRAY(Text), nullable=False, server_default="{}"),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_by", Text, nullable=True),
)

org_topics = Table(
    "org_topics",
    metadata,
    Column("org_id", Text, primary_key=True),
    Column("topic", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

feed = Table(
    "feed",
    metadata,
    Column("seq", BigInteger, Identity(always=True), primary_key=True),
    Column("event_id", UUID(as_uuid=True), nullable=False, unique=True),
    Column("org_id", Text, nullable=False),
    # The organisation's own numbering (its events' CloudEvents ``sequence`` and its cursors):
    # a global number would tell one tenant how busy the others are.
    Column("org_seq", BigInteger, nullable=False),
    Column("type", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("time", DateTime(timezone=True), nullable=False),
    Column("data", JSONB, nullable=False),
    Column("trace", JSONB, nullable=False, server_default="{}"),
    Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("org_id", "org_seq", name="uq_feed_org_seq"),
    Index("ix_feed_org_time", "org_id", "time", "org_seq"),
)

org_sequences = Table(
    "org_sequences",
    metadata,
    Column("org_id", Text, primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
)

# ---- webhooks ---------------------------------------------------------------------------------
# Subscriptions, one pending/succeeded/dead delivery per (subscription, event), and every attempt
# of each for the delivery log. The retry schedule is ``next_attempt_at``: it lives here, not in
# memory, so a restart resumes it. Secrets are stored sealed (``adapters/webhook_secrets.py``).

webhook_subscriptions = Table(
    "webhook_subscriptions",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", Text, nullable=False),
    # The version of the subscription's event stream (``webhook-<id>``): its ETag.
    Column("version", Integer, nullable=False, server_default="0"),
    Column("url", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("event_types", ARRAY(Text), nullable=False, server_default="{}"),
    Column("status", Text, nullable=False, server_default="active"),
    Column("disabled_reason", Text, nullable=True),
    Column("secret", Text, nullable=False),
    Column("previous_secret", Text, nullable=True),
    Column("previous_secret_expires_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("created_by", Text, nullable=True),
    Column("consecutive_failures", Integer, nullable=False, server_default="0"),
    Column("consecutive_dead", Integer, nullable=False, server_default="0"),
    Column("failing_since", DateTime(timezone=True), nullable=True),
    Index("ix_webhook_subscriptions_org", "org_id", "created_at", "id"),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column(
        "subscription_id",
        UUID(as_uuid=True),
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("org_id", Text, nullable=False),
    Column("feed_seq", BigInteger, nullable=True),  # null for a ping
    Column("event_id", UUID(as_uuid=True), nullable=False),
    Column("event_type", Text, nullable=False),
    Column("ordering_key", Text, nullable=False),
    Column("body", JSONB, nullable=True),  # pings only; the others read feed.data by seq
    Column("status", Text, nullable=False, server_default="pending"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # Set by the dispatcher that is sending it (its ``next_attempt_at`` is then the lease's end).
    Column("lease", UUID(as_uuid=True), nullable=True),
    Column("last_attempt_at", DateTime(timezone=True), nullable=True),
    Column("last_status", Integer, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("response_excerpt", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("delivered_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("subscription_id", "event_id"),
    Index("ix_webhook_deliveries_due", "next_attempt_at", postgresql_where="status = 'pending'"),
    Index(
        "ix_webhook_deliveries_order",
        "subscription_id",
        "ordering_key",
        "id",
        postgresql_where="status = 'pending'",
    ),
    Index("ix_webhook_deliveries_log", "subscription_id", "id"),
)

webhook_attempts = Table(
    "webhook_attempts",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column(
        "delivery_id",
        BigInteger,
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("status_code", Integer, nullable=True),
    Column("error", Text, nullable=True),
    Column("duration_ms", Integer, nullable=False),
    Column("excerpt", Text, nullable=True),
    Index("ix_webhook_attempts_delivery", "delivery_id", "id"),
)
