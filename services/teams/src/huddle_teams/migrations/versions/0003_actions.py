"""The team_actions read model.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_actions",
        sa.Column("action_id", sa.Text(), nullable=False),
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("owners", postgresql.ARRAY(sa.Text()), nullable=False, server_default="{}"),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("prompted_kind", sa.Text(), nullable=False),
        sa.Column("prompted_ref", sa.Text(), nullable=True),
        sa.Column("goal_ids", postgresql.ARRAY(sa.Text()), nullable=False, server_default="{}"),
        sa.Column("check_in_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_check_in_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("action_id", name="pk_team_actions"),
    )
    op.create_index(
        "ix_team_actions_team_created", "team_actions", ["team_id", "created_at", "action_id"]
    )
    op.create_index("ix_team_actions_owners", "team_actions", ["owners"], postgresql_using="gin")


def downgrade() -> None:
    op.drop_table("team_actions")
