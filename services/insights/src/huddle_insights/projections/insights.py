"""The insights projection: every event of identity, teams and assessments into read models.

Events from different topics arrive in any order (a response before the campaign, a member
before the person's identity event): every table is keyed so that each fact lands on its own
and queries join them, which makes the result independent of arrival order.

A consumer batch is applied with a handful of statements rather than one or more per event:
:class:`_BatchPlan` folds the batch in Python into its net effect per table and writes each kind
of change with one ``executemany``. The fold must leave exactly the tables that applying the
events one by one, in order, would leave. Per table:

- ``responses``, ``team_changes``, ``charter_events``: insert-if-absent by key; every row is
  sent, in batch order, so the first one of a key wins as it would one by one.
- ``teams``, ``campaigns``, ``people`` (insert-if-absent, then column updates that do nothing
  to a missing row): every update is sent, in batch order, *before* the inserts, so it can only
  touch rows that existed before the batch; the first insert of a key carries the updates that
  follow it in the batch (the later inserts of the key conflict and do nothing).
- ``people``: an erasure is an upsert that keeps the row's organisation and wins over anything
  else of the batch; registrations after a user's first erasure in the batch are written after
  it, where they do nothing, as they would one by one.
- ``roster``: order matters per (team, user) (added, removed, added again; a role change is a
  no-op for an absent member), so each key is folded to a net upsert, delete, or role update.
- ``goals``: a charter revision replaces a team's goals and a status change updates one of them,
  so per team the last revision (with the changes after it) is written; status changes of teams
  without a revision in the batch are sent in batch order.

One by one, an event whose values the database refuses (a NUL character in a text, an integer
out of range) fails and is set aside as a dead letter. A value the fold drops (an overwritten
update, a superseded revision's goals) is never sent, so it is checked here instead: if it could
not have been stored the batch fails, and the consumer applies it event by event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.dialects.postgresql import ARRAY, Insert, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import (
    campaigns,
    charter_events,
    goals,
    people,
    responses,
    roster,
    team_changes,
    teams,
)
from huddle_insights.application.alerts import AlertPublisher
from huddle_shared.consumer import ReceivedEvent
from huddle_shared.contracts.assessments import (
    CampaignClosed,
    CampaignOpened,
    CampaignSettingsChanged,
    ResponseRecorded,
)
from huddle_shared.contracts.identity import (
    UserDeactivated,
    UserErased,
    UserProfileUpdated,
    UserRegistered,
)
from huddle_shared.contracts.teams import (
    CharterReviewed,
    CharterRevised,
    GoalStatusChanged,
    MemberAdded,
    MemberRemoved,
    MemberRoleChanged,
    ReviewCadenceChanged,
    TeamArchived,
    TeamCreated,
    TeamRenamed,
)

DEFAULT_CADENCE_DAYS = 90
_INT4_MIN, _INT4_MAX = -(2**31), 2**31 - 1

Row = dict[str, Any]


class UnstorableValue(ValueError):
    """A value the batch would drop could not have been stored: apply event by event instead."""


def _ensure_storable(value: object) -> None:
    if isinstance(value, str) and "\x00" in value:
        raise UnstorableValue("a text with a NUL character")
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and not _INT4_MIN <= value <= _INT4_MAX
    ):
        raise UnstorableValue(f"an integer out of range: {value}")


def _overwrite(row: Row, column: str, value: object) -> None:
    _ensure_storable(row[column])
    row[column] = value


# ---- the statements, each executed once per batch with a list of parameter sets -------------

_PEOPLE_PROFESSION = (
    update(people)
    .where(people.c.user_id == bindparam("k_user"), people.c.status != "erased")
    .values(profession=bindparam("v_profession"))
)
_PEOPLE_DEACTIVATE = (
    update(people)
    .where(people.c.user_id == bindparam("k_user"), people.c.status != "erased")
    .values(status="deactivated")
)
_PEOPLE_INSERT = insert(people).on_conflict_do_nothing()
_people_upsert = insert(people)
_PEOPLE_ERASE = _people_upsert.on_conflict_do_update(
    index_elements=[people.c.user_id], set_={"profession": None, "status": "erased"}
)

_TEAMS_RENAME = (
    update(teams).where(teams.c.team_id == bindparam("k_team")).values(name=bindparam("v_name"))
)
_TEAMS_ARCHIVE = update(teams).where(teams.c.team_id == bindparam("k_team")).values(archived=True)
_TEAMS_CADENCE = (
    update(teams)
    .where(teams.c.team_id == bindparam("k_team"))
    .values(review_cadence_days=bindparam("v_cadence"))
)
_TEAMS_INSERT = insert(teams).on_conflict_do_nothing()

_roster_upsert = insert(roster)
_ROSTER_UPSERT = _roster_upsert.on_conflict_do_update(
    index_elements=[roster.c.team_id, roster.c.user_id],
    set_={"role": _roster_upsert.excluded.role, "since": _roster_upsert.excluded.since},
)
_ROSTER_DELETE = delete(roster).where(
    roster.c.team_id == bindparam("k_team"), roster.c.user_id == bindparam("k_user")
)
_ROSTER_ROLE = (
    update(roster)
    .where(roster.c.team_id == bindparam("k_team"), roster.c.user_id == bindparam("k_user"))
    .values(role=bindparam("v_role"))
)


def _insert_unnest(table: Table) -> Insert:
    """``INSERT … SELECT unnest(column arrays) ON CONFLICT DO NOTHING``: one statement whatever
    the number of rows, in the order given (so the first row of a key wins, as one by one)."""
    arrays = select(
        *(func.unnest(bindparam(f"a_{c.name}", type_=ARRAY(c.type))) for c in table.columns)
    )
    return (
        insert(table).from_select([c.name for c in table.columns], arrays).on_conflict_do_nothing()
    )


def _as_arrays(table: Table, rows: Sequence[Row]) -> dict[str, list[Any]]:
    return {f"a_{c.name}": [row[c.name] for row in rows] for c in table.columns}


_TEAM_CHANGES_INSERT = _insert_unnest(team_changes)
_CHARTER_EVENTS_INSERT = _insert_unnest(charter_events)

_GOALS_STATUS = (
    update(goals)
    .where(goals.c.team_id == bindparam("k_team"), goals.c.goal_id == bindparam("k_goal"))
    .values(status=bindparam("v_status"))
)
_GOALS_DELETE = delete(goals).where(goals.c.team_id == bindparam("k_team"))
_GOALS_INSERT = insert(goals)

_CAMPAIGNS_SETTINGS = (
    update(campaigns)
    .where(campaigns.c.campaign_id == bindparam("k_campaign"))
    .values(min_group_size=bindparam("v_min_group_size"))
)
_CAMPAIGNS_CLOSE = (
    update(campaigns)
    .where(campaigns.c.campaign_id == bindparam("k_campaign"))
    .values(closed_at=bindparam("v_closed_at"))
)
_CAMPAIGNS_INSERT = insert(campaigns).on_conflict_do_nothing()

_RESPONSES_INSERT = _insert_unnest(responses)


class _BatchPlan:
    """The net effect of a batch of events on the read models, folded in event order."""

    def __init__(self) -> None:
        # people
        self.professions: list[Row] = []
        self.deactivations: list[Row] = []
        self.registrations: list[Row] = []
        self.erasures: list[Row] = []
        self.late_registrations: list[Row] = []
        self._person_row: dict[str, Row] = {}  # the row a user's first registration inserts
        self._erased: set[str] = set()
        # teams
        self.renames: list[Row] = []
        self.archives: list[Row] = []
        self.cadences: list[Row] = []
        self.teams_created: list[Row] = []
        self._team_row: dict[str, Row] = {}
        # roster: a known final state (a row, or None for absent), or else a role to set on
        # whatever row existed before the batch
        self.seats: dict[tuple[str, str], Row | None] = {}
        self.roles_of_existing: dict[tuple[str, str], str] = {}
        self.changes: list[Row] = []
        self.charter_rows: list[Row] = []
        # goals
        self.goal_statuses: list[Row] = []
        self.revised_goals: dict[str, list[Row]] = {}
        self._goal_index: dict[str, dict[str, Row]] = {}
        # campaigns and responses
        self.settings: list[Row] = []
        self.closings: list[Row] = []
        self.campaigns_opened: list[Row] = []
        self._campaign_row: dict[str, Row] = {}
        self.responses: list[Row] = []

    def add(self, event: ReceivedEvent) -> None:
        p, env = event.payload, event.envelope
        version = env.stream_version
        row: Row
        match p:
            # ---- identity ----------------------------------------------------------------
            case UserRegistered():
                row = {
                    "user_id": p.user_id,
                    "org_id": p.org_id,
                    "profession": p.profession.value,
                    "status": "active",
                }
                if p.user_id in self._erased:
                    self.late_registrations.append(row)
                    return
                self._person_row.setdefault(p.user_id, row)
                self.registrations.append(row)
            case UserProfileUpdated() if p.profession is not None:
                self.professions.append({"k_user": p.user_id, "v_profession": p.profession.value})
                if (person := self._person_row.get(p.user_id)) is not None:
                    _overwrite(person, "profession", p.profession.value)
            case UserDeactivated():
                self.deactivations.append({"k_user": p.user_id})
                if (person := self._person_row.get(p.user_id)) is not None:
                    person["status"] = "deactivated"
            case UserErased():
                self._erased.add(p.user_id)
                self.erasures.append(
                    {
                        "user_id": p.user_id,
                        "org_id": p.org_id,
                        "profession": None,
                        "status": "erased",
                    }
                )
            # ---- teams -------------------------------------------------------------------
            case TeamCreated():
                row = {
                    "team_id": p.team_id,
                    "org_id": p.org_id,
                    "name": p.name,
                    "care_setting": p.care_setting.value,
                    "created_at": env.time,
                    "archived": False,
                    "review_cadence_days": DEFAULT_CADENCE_DAYS,
                }
                self._team_row.setdefault(p.team_id, row)
                self.teams_created.append(row)
            case TeamRenamed():
                self.renames.append({"k_team": p.team_id, "v_name": p.name})
                if (team := self._team_row.get(p.team_id)) is not None:
                    _overwrite(team, "name", p.name)
            case TeamArchived():
                self.archives.append({"k_team": p.team_id})
                if (team := self._team_row.get(p.team_id)) is not None:
                    team["archived"] = True
            case ReviewCadenceChanged():
                self.cadences.append({"k_team": p.team_id, "v_cadence": p.review_cadence_days})
                if (team := self._team_row.get(p.team_id)) is not None:
                    _overwrite(team, "review_cadence_days", p.review_cadence_days)
            case MemberAdded():
                key = (p.team_id, p.user_id)
                self.roles_of_existing.pop(key, None)
                self.seats[key] = {
                    "team_id": p.team_id,
                    "user_id": p.user_id,
                    "role": p.role.value,
                    "since": p.effective_date,
                }
                self._change(
                    p.team_id,
                    version,
                    p.user_id,
                    "joined",
                    None,
                    p.role.value,
                    p.effective_date,
                    None,
                )
            case MemberRoleChanged():
                key = (p.team_id, p.user_id)
                if key in self.seats:
                    seat = self.seats[key]
                    if seat is not None:
                        seat["role"] = p.to_role.value
                else:
                    self.roles_of_existing[key] = p.to_role.value
                self._change(
                    p.team_id,
                    version,
                    p.user_id,
                    "role_changed",
                    p.from_role.value,
                    p.to_role.value,
                    p.effective_date,
                    p.reason,
                )
            case MemberRemoved():
                key = (p.team_id, p.user_id)
                self.roles_of_existing.pop(key, None)
                self.seats[key] = None
                self._change(
                    p.team_id,
                    version,
                    p.user_id,
                    "left",
                    p.role.value,
                    None,
                    p.effective_date,
                    None,
                )
            case CharterRevised():
                self.charter_rows.append(
                    {
                        "team_id": p.team_id,
                        "version": version,
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
                    # One by one, these goals were inserted (and then deleted again).
                    ids = [g["goal_id"] for g in superseded]
                    if len(set(ids)) != len(ids):
                        raise UnstorableValue("a charter revision with a goal twice")
                    for goal_id in ids:
                        _ensure_storable(goal_id)
                rows: list[Row] = [
                    {"team_id": p.team_id, "goal_id": g.goal_id, "status": g.status.value}
                    for g in p.goals
                ]
                self.revised_goals[p.team_id] = rows
                index: dict[str, Row] = {}
                for revised in rows:
                    index.setdefault(revised["goal_id"], revised)
                self._goal_index[p.team_id] = index
            case CharterReviewed():
                self.charter_rows.append(
                    {
                        "team_id": p.team_id,
                        "version": version,
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
            case GoalStatusChanged():
                index_of_team = self._goal_index.get(p.team_id)
                if index_of_team is None:
                    self.goal_statuses.append(
                        {"k_team": p.team_id, "k_goal": p.goal_id, "v_status": p.to_status.value}
                    )
                elif (goal := index_of_team.get(p.goal_id)) is not None:
                    goal["status"] = p.to_status.value
                else:
                    _ensure_storable(p.goal_id)  # one by one: an update of no row
            # ---- assessments -------------------------------------------------------------
            case CampaignOpened():
                row = {
                    "campaign_id": p.campaign_id,
                    "org_id": p.org_id,
                    "team_id": p.team_id,
                    "kind": p.instrument_kind.value,
                    "title": p.title,
                    "opens_at": p.opens_at,
                    "closes_at": p.closes_at,
                    "min_group_size": p.min_group_size,
                    "eligible_count": p.eligible_count,
                    "closed_at": None,
                }
                self._campaign_row.setdefault(p.campaign_id, row)
                self.campaigns_opened.append(row)
            case CampaignSettingsChanged():
                self.settings.append(
                    {"k_campaign": p.campaign_id, "v_min_group_size": p.min_group_size}
                )
                if (campaign := self._campaign_row.get(p.campaign_id)) is not None:
                    _overwrite(campaign, "min_group_size", p.min_group_size)
            case CampaignClosed():
                self.closings.append({"k_campaign": p.campaign_id, "v_closed_at": p.closed_at})
                if (campaign := self._campaign_row.get(p.campaign_id)) is not None:
                    campaign["closed_at"] = p.closed_at
            case ResponseRecorded():
                self.responses.append(
                    {
                        "response_id": p.response_id,
                        "campaign_id": p.campaign_id,
                        "team_id": p.team_id,
                        "org_id": p.org_id,
                        "kind": p.instrument_kind.value,
                        "respondent_group": p.respondent_group,
                        "overall": p.scores.overall,
                        "score_index": p.scores.index,
                        "subscales": p.scores.subscales,
                        "flags": p.scores.flags,
                    }
                )

    def _change(
        self,
        team_id: str,
        version: int,
        user_id: str,
        kind: str,
        from_role: str | None,
        to_role: str | None,
        effective: date,
        reason: str | None,
    ) -> None:
        self.changes.append(
            {
                "team_id": team_id,
                "version": version,
                "user_id": user_id,
                "kind": kind,
                "from_role": from_role,
                "to_role": to_role,
                "effective_date": effective,
                "reason": reason,
            }
        )

    async def write(self, conn: AsyncConnection) -> None:
        async def run(statement: Any, rows: Sequence[Row]) -> None:
            if rows:
                await conn.execute(statement, list(rows))

        async def run_unnest(statement: Any, table: Table, rows: Sequence[Row]) -> None:
            if rows:
                await conn.execute(statement, _as_arrays(table, rows))

        # Updates before inserts: they reach only rows from before the batch (see above).
        await run(_PEOPLE_PROFESSION, self.professions)
        await run(_PEOPLE_DEACTIVATE, self.deactivations)
        await run(_PEOPLE_INSERT, self.registrations)
        await run(_PEOPLE_ERASE, self.erasures)
        await run(_PEOPLE_INSERT, self.late_registrations)

        await run(_TEAMS_RENAME, self.renames)
        await run(_TEAMS_ARCHIVE, self.archives)
        await run(_TEAMS_CADENCE, self.cadences)
        await run(_TEAMS_INSERT, self.teams_created)

        await run(
            _ROSTER_DELETE,
            [{"k_team": t, "k_user": u} for (t, u), seat in self.seats.items() if seat is None],
        )
        await run(_ROSTER_UPSERT, [seat for seat in self.seats.values() if seat is not None])
        await run(
            _ROSTER_ROLE,
            [
                {"k_team": t, "k_user": u, "v_role": role}
                for (t, u), role in self.roles_of_existing.items()
            ],
        )
        await run_unnest(_TEAM_CHANGES_INSERT, team_changes, self.changes)
        await run_unnest(_CHARTER_EVENTS_INSERT, charter_events, self.charter_rows)

        await run(_GOALS_STATUS, self.goal_statuses)
        await run(_GOALS_DELETE, [{"k_team": team_id} for team_id in self.revised_goals])
        await run(_GOALS_INSERT, [g for rows in self.revised_goals.values() for g in rows])

        await run(_CAMPAIGNS_SETTINGS, self.settings)
        await run(_CAMPAIGNS_CLOSE, self.closings)
        await run(_CAMPAIGNS_INSERT, self.campaigns_opened)
        await run_unnest(_RESPONSES_INSERT, responses, self.responses)


class InsightsProjection:
    def __init__(self, *, alerts: AlertPublisher | None = None) -> None:
        # None while rebuilding: history replayed into a new generation must not alert again.
        self.alerts = alerts

    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
        await self._apply_events(conn, [event])

    async def apply_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None:
        """Apply ``events`` as if one by one in order, with one statement per kind of change."""
        if type(self).apply is not InsightsProjection.apply:
            # A subclass that adds to ``apply`` (say, a log row per event) keeps its effect.
            for event in events:
                await self.apply(conn, event)
            return
        await self._apply_events(conn, events)

    @staticmethod
    async def _apply_events(conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None:
        plan = _BatchPlan()
        for event in events:
            plan.add(event)
        await plan.write(conn)

    async def after_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None:
        if self.alerts is None:
            return
        latest: dict[str, date] = {}
        for event in events:
            team_id = getattr(event.payload, "team_id", None)
            if isinstance(team_id, str):
                when = event.envelope.time.date()
                latest[team_id] = max(latest.get(team_id, when), when)
        await self.alerts.evaluate_many(conn, latest)
