"""Teams' charter events folded into ``charter_events`` and ``goals``.

- ``charter_events`` keeps every revision and review, keyed by (team, stream version), sent in
  batch order with insert-if-absent (the first row of a key wins, as one by one).
- ``goals``: a revision replaces all of a team's goals and a status change updates one of them.
  So per team only the last revision of the batch is written (with the status changes after
  it folded in); status changes of teams without a revision in the batch are sent as updates,
  in batch order, before the revisions.

One by one, a superseded revision's goals were inserted and deleted again, so they must have
been storable; the fold never sends them, so it checks them itself (see ``batch``).
"""

from __future__ import annotations

from sqlalchemy import bindparam, delete, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import charter_events, goals
from huddle_insights.projections.batch import (
    Handlers,
    Row,
    UnstorableValue,
    ensure_storable,
    insert_unnest,
    send_rows,
    send_unnest,
)
from huddle_shared.contracts.teams import CharterReviewed, CharterRevised, GoalStatusChanged
from huddle_shared.envelope import Envelope

_EVENTS_INSERT = insert_unnest(charter_events)
_GOAL_STATUS = (
    update(goals)
    .where(goals.c.team_id == bindparam("k_team"), goals.c.goal_id == bindparam("k_goal"))
    .values(status=bindparam("v_status"))
)
_GOALS_DELETE = delete(goals).where(goals.c.team_id == bindparam("k_team"))
_GOALS_INSERT = insert(goals)


class ChartersPlan:
    """The net effect of a batch's charter events."""

    def __init__(self) -> None:
        self.charter_rows: list[Row] = []
        self.goal_statuses: list[Row] = []
        self.revised_goals: dict[str, list[Row]] = {}  # per team: its last revision's goals
        self._goal_index: dict[str, dict[str, Row]] = {}

    def handlers(self) -> Handlers:
        return {
            CharterRevised: self._revised,
            CharterReviewed: self._reviewed,
            GoalStatusChanged: self._goal_status_changed,
        }

    def _revised(self, p: CharterRevised, env: Envelope) -> None:
        self.charter_rows.append(
            {
                "team_id": p.team_id,
                "version": env.stream_version,
                "kind": "revised",
                "on_date": env.time.date(),
                "revision": p.revision,
                "has_vision": bool(p.vision.strip()),
                "goals": len(p.goals),
                "norms": len(p.norms),
                "roles": len(p.roles),
                "next_review_due": p.next_review_due,
            }
        )
        superseded = self.revised_goals.get(p.team_id)
        if superseded is not None:
            _ensure_were_stored(superseded)
        rows: list[Row] = [
            {"team_id": p.team_id, "goal_id": g.goal_id, "status": g.status.value} for g in p.goals
        ]
        self.revised_goals[p.team_id] = rows
        index: dict[str, Row] = {}
        for row in rows:
            index.setdefault(row["goal_id"], row)
        self._goal_index[p.team_id] = index

    def _reviewed(self, p: CharterReviewed, env: Envelope) -> None:
        self.charter_rows.append(
            {
                "team_id": p.team_id,
                "version": env.stream_version,
                "kind": "reviewed",
                "on_date": p.reviewed_on,
                "revision": p.revision,
                "has_vision": None,
                "goals": None,
                "norms": None,
                "roles": None,
                "next_review_due": p.next_review_due,
            }
        )

    def _goal_status_changed(self, p: GoalStatusChanged, _: Envelope) -> None:
        index = self._goal_index.get(p.team_id)
        if index is None:
            self.goal_statuses.append(
                {"k_team": p.team_id, "k_goal": p.goal_id, "v_status": p.to_status.value}
            )
        elif (goal := index.get(p.goal_id)) is not None:
            goal["status"] = p.to_status.value
        else:
            ensure_storable(p.goal_id)  # one by one: an update of no row

    async def write(self, conn: AsyncConnection) -> None:
        await send_unnest(conn, _EVENTS_INSERT, charter_events, self.charter_rows)
        await send_rows(conn, _GOAL_STATUS, self.goal_statuses)
        await send_rows(conn, _GOALS_DELETE, [{"k_team": team} for team in self.revised_goals])
        await send_rows(
            conn, _GOALS_INSERT, [g for rows in self.revised_goals.values() for g in rows]
        )


def _ensure_were_stored(goal_rows: list[Row]) -> None:
    """One by one, a superseded revision's goals were inserted (and then deleted again)."""
    ids = [g["goal_id"] for g in goal_rows]
    if len(set(ids)) != len(ids):
        raise UnstorableValue("a charter revision with a goal twice")
    for goal_id in ids:
        ensure_storable(goal_id)
