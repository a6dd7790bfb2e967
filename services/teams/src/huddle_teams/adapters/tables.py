"""The teams service's own read-model tables (updated in the command's transaction)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, Table, Text

from huddle_shared.db import NAMING

metadata = MetaData(naming_convention=NAMING)

team_list = Table(
    "team_list",
    metadata,
    Column("team_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("care_setting", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_team_list_org_created", team_list.c.org_id, team_list.c.created_at, team_list.c.team_id)
