"""Team status, membership and charter columns on the list; team members; the user directory.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "team_list", sa.Column("status", sa.Text(), nullable=False, server_default="active")
    )
    op.add_column(
        "team_list", sa.Column("member_count", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column(
        "team_list",
        sa.Column("review_cadence_days", sa.Integer(), nullable=False, server_default="90"),
    )
    op.add_column(
        "team_list",
        sa.Column("charter_revision", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column("team_list", sa.Column("next_review_due", sa.Date(), nullable=True))
    op.add_column("team_list", sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))

    op.create_table(
        "team_members",
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("role_since", sa.Date(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "user_id", name="pk_team_members"),
    )
    op.create_index("ix_team_members_user", "team_members", ["user_id", "team_id"])

    op.create_table(
        "user_directory",
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("profession", sa.Text(), nullable=True),
        sa.Column("org_roles", postgresql.ARRAY(sa.Text()), nullable=False, server_default="{}"),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_user_directory"),
    )
    op.create_index("ix_user_directory_org", "user_directory", ["org_id", "user_id"])


def downgrade() -> None:
    op.drop_table("user_directory")
    op.drop_table("team_members")
    for column in (
        "archived_at",
        "next_review_due",
        "charter_revision",
        "review_cadence_days",
        "member_count",
        "status",
    ):
        op.drop_column("team_list", column)
