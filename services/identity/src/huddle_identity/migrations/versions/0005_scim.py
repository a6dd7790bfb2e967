"""SCIM provisioning: the directory entry of a person (the identity provider's id for them,
their user name, given and family names, department), and the lookup of a connector's secret.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DIRECTORY = ("external_id", "user_name", "given_name", "family_name", "department")


def upgrade() -> None:
    for name in DIRECTORY:
        op.add_column("users", sa.Column(name, sa.Text(), nullable=True))
    op.create_index("ix_users_org_external_id", "users", ["org_id", "external_id"])
    # A SCIM userName is unique across Huddle, whatever its case, and so is an email address; a
    # person provisioned without one signs in with their email, which then stands for it.
    op.create_index(
        "ux_users_user_name",
        "users",
        [sa.text("lower(coalesce(user_name, email))")],
        unique=True,
    )
    # A SCIM connector may present its client secret as the bearer token: found by its digest.
    op.create_index("ix_clients_secret_hash", "clients", ["secret_hash"])


def downgrade() -> None:
    op.drop_index("ix_clients_secret_hash", table_name="clients")
    op.drop_index("ux_users_user_name", table_name="users")
    op.drop_index("ix_users_org_external_id", table_name="users")
    for name in reversed(DIRECTORY):
        op.drop_column("users", name)
