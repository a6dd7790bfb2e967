"""The ``team_list`` read model: one row per team, rewritten from the state after each command.

It is written in the command's transaction (so it never lags the store), by the append itself.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect

from huddle_shared.eventstore import Statement
from huddle_teams.adapters.tables import team_list
from huddle_teams.domain.state import Team

# Built and compiled once, at import: building it per command (``insert(...).values(...)``
# with ``stmt.excluded[...]``, a new alias with all its column proxies every time) cost a good
# part of a command's CPU. The upsert keeps the row's ``created_at``.
_KEPT_ON_UPDATE = ("team_id", "created_at")
_insert = insert(team_list)
_UPSERT = _insert.on_conflict_do_update(
    index_elements=[team_list.c.team_id],
    set_={c.name: _insert.excluded[c.name] for c in team_list.c if c.name not in _KEPT_ON_UPDATE},
)

# As driver SQL ($1, $2, … in the order of ``_UPSERT_ORDER``): the event store sends it in the
# same statement as the command's append (``EventStore.append(also=...)``), so the read model
# commits with the events and costs no round trip of its own.
_compiled = _UPSERT.compile(dialect=asyncpg_dialect())  # type: ignore[no-untyped-call]
_UPSERT_SQL = str(_compiled)
_UPSERT_ORDER = tuple(_compiled.positiontup or ())


def team_list_row(team: Team) -> dict[str, Any]:
    """The ``team_list`` row of a team's current state (every column)."""
    return {
        "team_id": team.id,
        "org_id": team.org_id,
        "name": team.name,
        "care_setting": team.care_setting.value,
        "description": team.description,
        "version": team.version,
        "created_at": team.created_at,
        "updated_at": team.updated_at,
        "status": team.status.value,
        "member_count": len(team.members),
        "review_cadence_days": team.review_cadence_days,
        "charter_revision": team.charter.revision if team.charter else 0,
        "next_review_due": team.next_review_due,
        "archived_at": team.archived_at,
    }


def team_list_upsert(team: Team) -> Statement:
    """The upsert of the team's row, to run in the command's own append statement."""
    row = team_list_row(team)
    return Statement(_UPSERT_SQL, tuple(row[name] for name in _UPSERT_ORDER))
