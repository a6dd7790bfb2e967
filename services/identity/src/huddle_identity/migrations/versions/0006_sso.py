"""Single sign-on through an organisation's identity provider: the connection (its client
secret wrapped by the master key), the email domains it claims, the links between people and
their provider's subjects, and the sign-ins under way at a provider.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sso_connections",
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("client_id", sa.Text(), nullable=False),
        sa.Column("wrapped_secret", sa.LargeBinary(), nullable=False),
        sa.Column("email_domains", pg.ARRAY(sa.Text()), nullable=False),
        sa.Column("claims", pg.JSONB(), nullable=False),
        sa.Column("role_values", pg.JSONB(), nullable=False),
        sa.Column("create_people", sa.Boolean(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("org_id", name="pk_sso_connections"),
    )
    op.create_table(
        "sso_domains",
        sa.Column("domain", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("domain", name="pk_sso_domains"),
    )
    op.create_index("ix_sso_domains_org", "sso_domains", ["org_id"])
    op.create_table(
        "sso_links",
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("last_sign_in_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("issuer", "subject", name="pk_sso_links"),
    )
    op.create_index("ix_sso_links_user", "sso_links", ["user_id"])
    op.create_table(
        "sso_requests",
        sa.Column("state_hash", sa.Text(), nullable=False),
        sa.Column("org_id", sa.Text(), nullable=False),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("nonce", sa.Text(), nullable=False),
        sa.Column("code_verifier", sa.Text(), nullable=False),
        sa.Column("authorization_request", pg.JSONB(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("used_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("state_hash", name="pk_sso_requests"),
    )
    op.create_index("ix_sso_requests_expires", "sso_requests", ["expires_at"])


def downgrade() -> None:
    for table in ("sso_requests", "sso_links", "sso_domains", "sso_connections"):
        op.drop_table(table)
