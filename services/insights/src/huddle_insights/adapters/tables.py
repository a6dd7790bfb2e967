"""Insights tables.

Read models live in a *generation* schema (``insights_g<N>``): a rebuild fills generation N+1
from the beginning of the topics while N keeps serving, then the pointer in ``projection_meta``
moves. Tables here name the placeholder schema ``readmodel``, which each generation's engine
translates (SQLAlchemy ``schema_translate_map``). ``projection_meta``, the alert ledger and
``campaign_results`` live in ``public`` and survive rebuilds, which is what keeps alerts and
results from being sent twice.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

from huddle_shared.db import NAMING

READ_SCHEMA = "readmodel"

metadata = MetaData(naming_convention=NAMING)  # public: migrated by Alembic
read_models = MetaData(naming_convention=NAMING, schema=READ_SCHEMA)  # per generation

projection_meta = Table(
    "projection_meta",
    metadata,
    Column("name", Text, primary_key=True),
    Column("active_generation", Integer, nullable=False),
    Column("rebuilding_generation", Integer, nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

alert_ledger = Table(
    "alert_ledger",
    metadata,
    Column("team_id", Text, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("level", Text, nullable=False),
    Column("sent_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("team_id", "trigger", name="pk_alert_ledger"),
)

alert_levels = Table(
    "alert_levels",
    metadata,
    Column("team_id", Text, primary_key=True),
    Column("level", Text, nullable=False),
    Column("alerts_sent", Integer, nullable=False),
)

# A campaign's results, published once. Written only by the live generation (a rebuild never
# publishes): a row appears when the campaign's close is consumed, with the number of
# responses the close counted; ``published_at`` is set in the transaction that writes the
# results event, so a rebuild, a replayed batch or a later generation never sends it again.
campaign_results = Table(
    "campaign_results",
    metadata,
    Column("campaign_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("team_id", Text, nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=False),
    Column("responded_count", Integer, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=True),
)
Index(
    "ix_campaign_results_pending",
    campaign_results.c.campaign_id,
    postgresql_where=campaign_results.c.published_at.is_(None),
)

teams = Table(
    "teams",
    read_models,
    Column("team_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("care_setting", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("archived", Boolean, nullable=False),
    Column("review_cadence_days", Integer, nullable=False),
)
Index("ix_teams_org", teams.c.org_id, teams.c.name)

roster = Table(
    "roster",
    read_models,
    Column("team_id", Text, nullable=False),
    Column("user_id", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("since", Date, nullable=False),
    PrimaryKeyConstraint("team_id", "user_id", name="pk_roster"),
)

people = Table(
    "people",
    read_models,
    Column("user_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("profession", Text, nullable=True),
    Column("status", Text, nullable=False),
)

team_changes = Table(
    "team_changes",
    read_models,
    Column("team_id", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("user_id", Text, nullable=False),
    Column("kind", Text, nullable=False),  # joined, role_changed, left
    Column("from_role", Text, nullable=True),
    Column("to_role", Text, nullable=True),
    Column("effective_date", Date, nullable=False),
    Column("reason", Text, nullable=True),
    PrimaryKeyConstraint("team_id", "version", name="pk_team_changes"),
)

charter_events = Table(
    "charter_events",
    read_models,
    Column("team_id", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("kind", Text, nullable=False),  # revised, reviewed
    Column("on_date", Date, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("has_vision", Boolean, nullable=True),
    Column("goals", Integer, nullable=True),
    Column("norms", Integer, nullable=True),
    Column("roles", Integer, nullable=True),
    Column("next_review_due", Date, nullable=True),
    PrimaryKeyConstraint("team_id", "version", name="pk_charter_events"),
)

goals = Table(
    "goals",
    read_models,
    Column("team_id", Text, nullable=False),
    Column("goal_id", Text, nullable=False),
    Column("status", Text, nullable=False),
    PrimaryKeyConstraint("team_id", "goal_id", name="pk_goals"),
)

campaigns = Table(
    "campaigns",
    read_models,
    Column("campaign_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("team_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("opens_at", DateTime(timezone=True), nullable=False),
    Column("closes_at", DateTime(timezone=True), nullable=False),
    Column("min_group_size", Integer, nullable=False),
    Column("eligible_count", Integer, nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
)
Index("ix_campaigns_team", campaigns.c.team_id)

responses = Table(
    "responses",
    read_models,
    Column("response_id", Text, primary_key=True),
    Column("campaign_id", Text, nullable=False),
    Column("team_id", Text, nullable=False),
    Column("org_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("respondent_group", Text, nullable=False),
    Column("overall", Float, nullable=True),
    Column("score_index", Float, nullable=True),
    Column("subscales", JSONB, nullable=False),
    Column("flags", JSONB, nullable=False),
)
Index("ix_responses_campaign", responses.c.campaign_id)
