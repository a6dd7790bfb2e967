"""Assessments' tables. Answers, comments and the respondent links never leave this database."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

from huddle_shared.db import NAMING

metadata = MetaData(naming_convention=NAMING)

instruments = Table(
    "instruments",
    metadata,
    Column("instrument_id", Text, primary_key=True),
    Column("scope", Text, nullable=False),  # "huddle" for seeds, else the organisation id
    Column("key", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("definition", JSONB, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("scope", "key", "version", name="uq_instruments_scope_key_version"),
)

campaigns = Table(
    "campaigns",
    metadata,
    Column("campaign_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("team_id", Text, nullable=False),
    Column("instrument_id", Text, nullable=False),
    Column("instrument_kind", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("opens_at", DateTime(timezone=True), nullable=False),
    Column("closes_at", DateTime(timezone=True), nullable=False),
    Column("anonymity", Text, nullable=False),
    Column("min_group_size", Integer, nullable=False),
    Column("eligible_count", Integer, nullable=False),
    Column("responded_count", Integer, nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
)
Index(
    "ix_campaigns_org_created", campaigns.c.org_id, campaigns.c.created_at, campaigns.c.campaign_id
)
Index(
    "ix_campaigns_closing", campaigns.c.closes_at, postgresql_where=campaigns.c.closed_at.is_(None)
)

campaign_eligibility = Table(
    "campaign_eligibility",
    metadata,
    Column("campaign_id", Text, nullable=False),
    Column("user_id", Text, nullable=False),
    Column("respondent_group", Text, nullable=False),
    PrimaryKeyConstraint("campaign_id", "user_id", name="pk_campaign_eligibility"),
)
Index("ix_campaign_eligibility_user", campaign_eligibility.c.user_id)

# One row per response, found only through a keyed hash of (campaign, person): enough to refuse
# a second response and to show people their own answers, not enough to list who said what.
respondent_links = Table(
    "respondent_links",
    metadata,
    Column("link_hash", Text, primary_key=True),
    Column("campaign_id", Text, nullable=False),
    Column("response_id", Text, nullable=False),
)

responses = Table(
    "responses",
    metadata,
    Column("response_id", Text, primary_key=True),
    Column("campaign_id", Text, nullable=False),
    Column("respondent_ref", Text, nullable=False),
    Column("answers", JSONB, nullable=False),
    Column("scores", JSONB, nullable=False),
    Column("comment", Text, nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)
Index("ix_responses_campaign", responses.c.campaign_id)

# Comments are copied here without any link to the response or the person.
campaign_comments = Table(
    "campaign_comments",
    metadata,
    Column("comment_id", Text, primary_key=True),
    Column("campaign_id", Text, nullable=False),
    Column("text", Text, nullable=False),
)
Index("ix_campaign_comments_campaign", campaign_comments.c.campaign_id)

# Local read models of other services' events (teams, identity).
known_teams = Table(
    "known_teams",
    metadata,
    Column("team_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("archived", Boolean, nullable=False),
)

team_members = Table(
    "team_members",
    metadata,
    Column("team_id", Text, nullable=False),
    Column("user_id", Text, nullable=False),
    Column("org_id", Text, nullable=False),
    Column("role", Text, nullable=False),
    PrimaryKeyConstraint("team_id", "user_id", name="pk_team_members"),
)
Index("ix_team_members_user", team_members.c.user_id)

people = Table(
    "people",
    metadata,
    Column("user_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("profession", Text, nullable=True),
    Column("status", Text, nullable=False),
)
