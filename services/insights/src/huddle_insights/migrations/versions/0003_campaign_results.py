"""The campaign results ledger: each closed campaign's results are published once.

Revision ID: 0003
Revises: 0002
Create Date: 2027-01-15
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "campaign_results",
        sa.Column("campaign_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("closed_at", TS, nullable=False),
        sa.Column("responded_count", sa.Integer(), nullable=False),
        sa.Column("published_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("campaign_id", name="pk_campaign_results"),
    )
    op.create_index(
        "ix_campaign_results_pending",
        "campaign_results",
        ["campaign_id"],
        postgresql_where=sa.text("published_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_campaign_results_pending", table_name="campaign_results")
    op.drop_table("campaign_results")
