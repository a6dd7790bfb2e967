"""Read-model tables of the insights service (nothing here is authoritative)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, Table, Text

from huddle_shared.db import NAMING

metadata = MetaData(naming_convention=NAMING)

team_directory = Table(
    "team_directory",
    metadata,
    Column("team_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("care_setting", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
)
Index("ix_team_directory_org", team_directory.c.org_id, team_directory.c.name)
