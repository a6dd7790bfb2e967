"""The team_meetings read model.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_meetings",
        sa.Column("meeting_id", sa.Text(), nullable=False),
        sa.Column("team_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("decision_count", sa.Integer(), nullable=False),
        sa.Column("action_ids", postgresql.ARRAY(sa.Text()), nullable=False, server_default="{}"),
        sa.Column("reviewed_charter", sa.Boolean(), nullable=False, server_default="false"),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", name="pk_team_meetings"),
    )
    op.create_index(
        "ix_team_meetings_team_held", "team_meetings", ["team_id", "held_on", "meeting_id"]
    )


def downgrade() -> None:
    op.drop_table("team_meetings")
