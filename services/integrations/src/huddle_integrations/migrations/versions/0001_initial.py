"""Shared tables, what the service knows of teams, organisation settings, the feed.

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from huddle_shared.schema import v1 as shared_v1

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    shared_v1.upgrade()
    op.create_table(
        "teams",
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("charter_revision", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_review_due", sa.Date(), nullable=True),
        sa.Column("review_due_sent_for", sa.Date(), nullable=True),
        sa.Column("review_overdue_sent_for", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("team_id", name="pk_teams"),
    )
    op.create_index(
        "ix_teams_review", "teams", ["next_review_due"], postgresql_where="NOT archived"
    )
    op.create_table(
        "org_settings",
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("shared_fields", pg.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("updated_by", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("org_id", name="pk_org_settings"),
    )
    op.create_table(
        "org_topics",
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("org_id", name="pk_org_topics"),
    )
    op.create_table(
        "feed",
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("event_id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("org_seq", sa.BigInteger(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", pg.JSONB(), nullable=False),
        sa.Column("trace", pg.JSONB(), server_default="{}", nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("seq", name="pk_feed"),
        sa.UniqueConstraint("event_id", name="uq_feed_event_id"),
        sa.UniqueConstraint("org_id", "org_seq", name="uq_feed_org_seq"),
    )
    op.create_index("ix_feed_org_time", "feed", ["org_id", "time", "org_seq"])
    op.create_table(
        "org_sequences",
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("org_id", name="pk_org_sequences"),
    )


def downgrade() -> None:
    for table in ("org_sequences", "feed", "org_topics", "org_settings", "teams"):
        op.drop_table(table)
    shared_v1.downgrade()
