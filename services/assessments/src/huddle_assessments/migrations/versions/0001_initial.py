"""Shared tables (event store, outbox, consumer bookkeeping).

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from huddle_shared.schema import v1 as shared_v1

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    shared_v1.upgrade()


def downgrade() -> None:
    shared_v1.downgrade()
