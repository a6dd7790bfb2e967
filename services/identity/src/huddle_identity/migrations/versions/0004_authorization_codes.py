"""Authorization codes of the authorization-code flow (with PKCE), and the refresh-token
families they were exchanged for.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "authorization_codes",
        sa.Column("code_hash", sa.Text(), nullable=False),
        sa.Column("client_id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("redirect_uri", sa.Text(), nullable=False),
        sa.Column("scopes", pg.ARRAY(sa.Text()), nullable=False),
        sa.Column("nonce", sa.Text(), nullable=True),
        sa.Column("code_challenge", sa.Text(), nullable=False),
        sa.Column("code_challenge_method", sa.Text(), nullable=False),
        sa.Column("auth_time", TS, nullable=False),
        sa.Column("auth_method", sa.Text(), nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.Column("family_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("code_hash", name="pk_authorization_codes"),
    )
    op.create_index("ix_authorization_codes_expires", "authorization_codes", ["expires_at"])
    op.create_index(
        "ix_authorization_codes_nonce",
        "authorization_codes",
        ["client_id", "nonce"],
        postgresql_where=sa.text("nonce IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_table("authorization_codes")
