"""Teams' team and membership events folded into ``teams``, ``roster`` and ``team_changes``.

- ``teams`` is insert-if-absent followed by column updates, like ``people``: every update is
  sent in batch order *before* the inserts, so it reaches only rows from before the batch, and
  the first creation of a team in the batch carries the updates that follow it.
- ``roster``: order matters per (team, user) (added, removed, added again; a role change is a
  no-op for an absent member), so each key is folded to one net upsert, delete or role update.
- ``team_changes`` keeps every change, keyed by (team, stream version): all rows are sent in
  batch order with insert-if-absent, so a replayed event changes nothing.

The charter events of the same stream have their own fold, in ``charter_facts``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, delete, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import roster, team_changes, teams
from huddle_insights.projections.batch import (
    Handlers,
    Row,
    insert_unnest,
    overwrite,
    send_rows,
    send_unnest,
)
from huddle_shared.contracts.teams import (
    PLANNED_ROLE_CHANGES,
    MemberAdded,
    MemberRemoved,
    MemberRoleChanged,
    ReviewCadenceChanged,
    TeamArchived,
    TeamCreated,
    TeamRenamed,
)
from huddle_shared.envelope import Envelope

DEFAULT_CADENCE_DAYS = 90

_RENAME = (
    update(teams).where(teams.c.team_id == bindparam("k_team")).values(name=bindparam("v_name"))
)
_ARCHIVE = update(teams).where(teams.c.team_id == bindparam("k_team")).values(archived=True)
_CADENCE = (
    update(teams)
    .where(teams.c.team_id == bindparam("k_team"))
    .values(review_cadence_days=bindparam("v_cadence"))
)
_INSERT = insert(teams).on_conflict_do_nothing()

_roster_upsert = insert(roster)
_SEAT_UPSERT = _roster_upsert.on_conflict_do_update(
    index_elements=[roster.c.team_id, roster.c.user_id],
    set_={"role": _roster_upsert.excluded.role, "since": _roster_upsert.excluded.since},
)
_SEAT_DELETE = delete(roster).where(
    roster.c.team_id == bindparam("k_team"), roster.c.user_id == bindparam("k_user")
)
_SEAT_ROLE = (
    update(roster)
    .where(roster.c.team_id == bindparam("k_team"), roster.c.user_id == bindparam("k_user"))
    .values(role=bindparam("v_role"))
)
_CHANGES_INSERT = insert_unnest(team_changes)


@dataclass(frozen=True, slots=True)
class _Change:
    """One row of ``team_changes``: who joined, changed role or left, and when."""

    kind: str
    from_role: str | None
    to_role: str | None
    effective: date
    reason: str | None = None


class TeamsPlan:
    """The net effect of a batch's team and membership events."""

    def __init__(self) -> None:
        self.renames: list[Row] = []
        self.archives: list[Row] = []
        self.cadences: list[Row] = []
        self.teams_created: list[Row] = []
        self._first_row: dict[str, Row] = {}  # the row a team's first creation inserts
        # A known final state per (team, user) - a row, or None for absent - or else a role to
        # set on whatever row existed before the batch.
        self.seats: dict[tuple[str, str], Row | None] = {}
        self.roles_of_existing: dict[tuple[str, str], str] = {}
        self.changes: list[Row] = []

    def handlers(self) -> Handlers:
        return {
            TeamCreated: self._created,
            TeamRenamed: self._renamed,
            TeamArchived: self._archived,
            ReviewCadenceChanged: self._cadence_changed,
            MemberAdded: self._member_added,
            MemberRoleChanged: self._member_role_changed,
            MemberRemoved: self._member_removed,
        }

    # ---- the team ------------------------------------------------------------------------

    def _created(self, p: TeamCreated, env: Envelope) -> None:
        row = {
            "team_id": p.team_id,
            "org_id": p.org_id,
            "name": p.name,
            "care_setting": p.care_setting.value,
            "created_at": env.time,
            "archived": False,
            "review_cadence_days": DEFAULT_CADENCE_DAYS,
        }
        self._first_row.setdefault(p.team_id, row)
        self.teams_created.append(row)

    def _renamed(self, p: TeamRenamed, _: Envelope) -> None:
        self.renames.append({"k_team": p.team_id, "v_name": p.name})
        if (team := self._first_row.get(p.team_id)) is not None:
            overwrite(team, "name", p.name)

    def _archived(self, p: TeamArchived, _: Envelope) -> None:
        self.archives.append({"k_team": p.team_id})
        if (team := self._first_row.get(p.team_id)) is not None:
            team["archived"] = True

    def _cadence_changed(self, p: ReviewCadenceChanged, _: Envelope) -> None:
        self.cadences.append({"k_team": p.team_id, "v_cadence": p.review_cadence_days})
        if (team := self._first_row.get(p.team_id)) is not None:
            overwrite(team, "review_cadence_days", p.review_cadence_days)

    # ---- its members ---------------------------------------------------------------------

    def _member_added(self, p: MemberAdded, env: Envelope) -> None:
        key = (p.team_id, p.user_id)
        self.roles_of_existing.pop(key, None)
        self.seats[key] = {
            "team_id": p.team_id,
            "user_id": p.user_id,
            "role": p.role.value,
            "since": p.effective_date,
        }
        self._record(
            p.team_id, p.user_id, env, _Change("joined", None, p.role.value, p.effective_date)
        )

    def _member_role_changed(self, p: MemberRoleChanged, env: Envelope) -> None:
        key = (p.team_id, p.user_id)
        if key in self.seats:
            seat = self.seats[key]
            if seat is not None:  # absent by now: one by one, the update finds no row
                seat["role"] = p.to_role.value
        else:
            self.roles_of_existing[key] = p.to_role.value
        # A promotion or a planned rotation is recorded under its own kind, which the churn
        # count (role_changed and left) does not read.
        kind = "planned_role_change" if p.category in PLANNED_ROLE_CHANGES else "role_changed"
        change = _Change(kind, p.from_role.value, p.to_role.value, p.effective_date, p.reason)
        self._record(p.team_id, p.user_id, env, change)

    def _member_removed(self, p: MemberRemoved, env: Envelope) -> None:
        key = (p.team_id, p.user_id)
        self.roles_of_existing.pop(key, None)
        self.seats[key] = None
        self._record(
            p.team_id, p.user_id, env, _Change("left", p.role.value, None, p.effective_date)
        )

    def _record(self, team_id: str, user_id: str, env: Envelope, change: _Change) -> None:
        self.changes.append(
            {
                "team_id": team_id,
                "version": env.stream_version,
                "user_id": user_id,
                "kind": change.kind,
                "from_role": change.from_role,
                "to_role": change.to_role,
                "effective_date": change.effective,
                "reason": change.reason,
            }
        )

    # ---- the statements --------------------------------------------------------------------

    async def write(self, conn: AsyncConnection) -> None:
        # Updates before inserts: they reach only rows from before the batch (see above).
        await send_rows(conn, _RENAME, self.renames)
        await send_rows(conn, _ARCHIVE, self.archives)
        await send_rows(conn, _CADENCE, self.cadences)
        await send_rows(conn, _INSERT, self.teams_created)

        await send_rows(
            conn,
            _SEAT_DELETE,
            [{"k_team": t, "k_user": u} for (t, u), seat in self.seats.items() if seat is None],
        )
        await send_rows(conn, _SEAT_UPSERT, [s for s in self.seats.values() if s is not None])
        await send_rows(
            conn,
            _SEAT_ROLE,
            [
                {"k_team": t, "k_user": u, "v_role": role}
                for (t, u), role in self.roles_of_existing.items()
            ],
        )
        await send_unnest(conn, _CHANGES_INSERT, team_changes, self.changes)
