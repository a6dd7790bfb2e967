"""Instruments, campaigns, responses, and the local directory of teams and people.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "instruments",
        sa.Column("instrument_id", sa.Text(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("definition", pg.JSONB(), nullable=False),
        sa.Column("published_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("instrument_id", name="pk_instruments"),
        sa.UniqueConstraint("scope", "key", "version", name="uq_instruments_scope_key_version"),
    )
    op.create_table(
        "campaigns",
        sa.Column("campaign_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("instrument_id", sa.Text(), nullable=False),
        sa.Column("instrument_kind", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("opens_at", TS, nullable=False),
        sa.Column("closes_at", TS, nullable=False),
        sa.Column("anonymity", sa.Text(), nullable=False),
        sa.Column("min_group_size", sa.Integer(), nullable=False),
        sa.Column("eligible_count", sa.Integer(), nullable=False),
        sa.Column("responded_count", sa.Integer(), nullable=False),
        sa.Column("closed_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("campaign_id", name="pk_campaigns"),
    )
    op.create_index(
        "ix_campaigns_org_created", "campaigns", ["org_id", "created_at", "campaign_id"]
    )
    op.create_index(
        "ix_campaigns_closing",
        "campaigns",
        ["closes_at"],
        postgresql_where=sa.text("closed_at IS NULL"),
    )
    op.create_table(
        "campaign_eligibility",
        sa.Column("campaign_id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("respondent_group", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("campaign_id", "user_id", name="pk_campaign_eligibility"),
    )
    op.create_index("ix_campaign_eligibility_user", "campaign_eligibility", ["user_id"])
    op.create_table(
        "respondent_links",
        sa.Column("link_hash", sa.Text(), nullable=False),
        sa.Column("campaign_id", sa.Text(), nullable=False),
        sa.Column("response_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("link_hash", name="pk_respondent_links"),
    )
    op.create_table(
        "responses",
        sa.Column("response_id", sa.Text(), nullable=False),
        sa.Column("campaign_id", sa.Text(), nullable=False),
        sa.Column("respondent_ref", sa.Text(), nullable=False),
        sa.Column("answers", pg.JSONB(), nullable=False),
        sa.Column("scores", pg.JSONB(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("recorded_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("response_id", name="pk_responses"),
    )
    op.create_index("ix_responses_campaign", "responses", ["campaign_id"])
    op.create_table(
        "campaign_comments",
        sa.Column("comment_id", sa.Text(), nullable=False),
        sa.Column("campaign_id", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("comment_id", name="pk_campaign_comments"),
    )
    op.create_index("ix_campaign_comments_campaign", "campaign_comments", ["campaign_id"])
    op.create_table(
        "known_teams",
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name="pk_known_teams"),
    )
    op.create_table(
        "team_members",
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "user_id", name="pk_team_members"),
    )
    op.create_index("ix_team_members_user", "team_members", ["user_id"])
    op.create_table(
        "people",
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("profession", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_people"),
    )


def downgrade() -> None:
    for table in (
        "people",
        "team_members",
        "known_teams",
        "campaign_comments",
        "responses",
        "respondent_links",
        "campaign_eligibility",
        "campaigns",
        "instruments",
    ):
        op.drop_table(table)
