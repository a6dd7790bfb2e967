"""Projection generations and the alert ledger; read models move to generation schemas.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    # The slice's table; read models are now created per generation by the service itself.
    op.drop_table("team_directory")
    op.create_table(
        "projection_meta",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("active_generation", sa.Integer(), nullable=False),
        sa.Column("rebuilding_generation", sa.Integer(), nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_projection_meta"),
    )
    op.create_table(
        "alert_ledger",
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("level", sa.Text(), nullable=False),
        sa.Column("sent_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("team_id", "trigger", name="pk_alert_ledger"),
    )
    op.create_table(
        "alert_levels",
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("level", sa.Text(), nullable=False),
        sa.Column("alerts_sent", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name="pk_alert_levels"),
    )


def downgrade() -> None:
    op.drop_table("alert_levels")
    op.drop_table("alert_ledger")
    op.drop_table("projection_meta")
    op.create_table(
        "team_directory",
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("care_setting", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name="pk_team_directory"),
    )
