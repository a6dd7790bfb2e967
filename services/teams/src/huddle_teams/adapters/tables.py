"""The teams service's own read-model tables.

``team_list``, ``team_members`` and ``team_actions`` are written in the command's
transaction, so they never lag
the event store; ``user_directory`` is folded from identity's events by the consumer.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, DateTime, Index, Integer, MetaData, Table, Text
from sqlalchemy.dialects.postgresql import ARRAY

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
    Column("status", Text, nullable=False, server_default="active"),
    Column("member_count", Integer, nullable=False, server_default="0"),
    Column("review_cadence_days", Integer, nullable=False, server_default="90"),
    Column("charter_revision", Integer, nullable=False, server_default="0"),
    Column("next_review_due", Date, nullable=True),
    Column("archived_at", DateTime(timezone=True), nullable=True),
)
Index("ix_team_list_org_created", team_list.c.org_id, team_list.c.created_at, team_list.c.team_id)

team_members = Table(
    "team_members",
    metadata,
    Column("team_id", Text, primary_key=True),
    Column("user_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("role_since", Date, nullable=False),
    Column("joined_on", Date, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_team_members_user", team_members.c.user_id, team_members.c.team_id)

# Identity's people as far as teams needs them. Names and emails are sealed on the bus and
# never stored here; on erasure the profession goes too and only the tombstone remains.
user_directory = Table(
    "user_directory",
    metadata,
    Column("user_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("profession", Text, nullable=True),
    Column("org_roles", ARRAY(Text), nullable=False, server_default="{}"),
    Column("status", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_user_directory_org", user_directory.c.org_id, user_directory.c.user_id)

# The team's actions as a list can show them (the stream has the check-ins): one row per action.
team_actions = Table(
    "team_actions",
    metadata,
    Column("action_id", Text, primary_key=True),
    Column("team_id", Text, nullable=False),
    Column("org_id", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("owners", ARRAY(Text), nullable=False, server_default="{}"),
    Column("due_date", Date, nullable=False),
    Column("prompted_kind", Text, nullable=False),
    # The campaign, goal or meeting id, or the driver's name.
    Column("prompted_ref", Text, nullable=True),
    Column("goal_ids", ARRAY(Text), nullable=False, server_default="{}"),
    Column("check_in_count", Integer, nullable=False, server_default="0"),
    Column("last_check_in_on", Date, nullable=True),
    Column("closed_on", Date, nullable=True),  # the day it was done or dropped
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index(
    "ix_team_actions_team_created",
    team_actions.c.team_id,
    team_actions.c.created_at,
    team_actions.c.action_id,
)
Index(
    "ix_team_actions_owners",
    team_actions.c.owners,
    postgresql_using="gin",
)

# One row per meeting record, written with the record in the command's transaction: the
# team's meeting list and the check that an action's prompting meeting is the team's.
team_meetings = Table(
    "team_meetings",
    metadata,
    Column("meeting_id", Text, primary_key=True),
    Column("team_id", Text, nullable=False),
    Column("org_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("held_on", Date, nullable=False),
    Column("participants", Integer, nullable=False),
    Column("decision_count", Integer, nullable=False),
    Column("action_ids", ARRAY(Text), nullable=False, server_default="{}"),
    Column("reviewed_charter", Boolean, nullable=False, server_default="false"),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)
Index(
    "ix_team_meetings_team_held",
    team_meetings.c.team_id,
    team_meetings.c.held_on,
    team_meetings.c.meeting_id,
)
