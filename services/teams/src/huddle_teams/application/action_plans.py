"""Use cases of a team's actions: agree or propose one, revise it, give it owners, move it on,
check in on it; list and read them; take a person who left the team off the actions they own.

Each action is its own stream (stream type ``action``). Every use case loads the team first
(another organisation's team is 404, and the team's membership decides who may do what), then
changes the action through :meth:`huddle_shared.aggregates.Aggregate.change` on the caller's
connection, with the ``team_actions`` row rewritten in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.aggregates import Aggregate, Caller
from huddle_shared.auth import Principal
from huddle_shared.contracts.practice import OPEN_ACTION_STATUSES, ActionStatus, PromptKind
from huddle_shared.contracts.teams import TeamRole
from huddle_shared.errors import field_error
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventStore, RecordedEvent
from huddle_shared.pagination import Page, fetch_page
from huddle_teams.adapters.tables import team_actions, team_meetings
from huddle_teams.application import access
from huddle_teams.application.team_aggregate import load_team
from huddle_teams.domain import action_plan as domain
from huddle_teams.domain.action_plan import Action
from huddle_teams.domain.errors import ActionNotFound, InvalidAction
from huddle_teams.domain.state import Team
from huddle_teams.projections.action_list import write_action_row


def _evolve(state: Action | None, event: DomainEvent, at: datetime, version: int) -> Action:
    return domain.evolve(state, event, at=at, version=version)


ACTION = Aggregate[Action](
    stream_type="action", evolve=_evolve, not_found=lambda: ActionNotFound("No such action")
)

Decide = Callable[[Action, Team], list[DomainEvent]]


def _role(team: Team, principal: Principal) -> TeamRole | None:
    return team.role_of(principal.subject)


# ---- writes --------------------------------------------------------------------------------


async def create_action(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    command: domain.CreateAction,
    caller: Caller,
) -> Action:
    """Agree an action (lead, org admin) or propose one (any member of the team)."""
    team = await load_team(conn, store=store, team_id=team_id, org_id=caller.context.tenant_id)
    role = _role(team, caller.principal)
    if command.status is None:
        manages = access.can_manage(caller.principal, team_role=role)
        command = replace(
            command, status=ActionStatus.COMMITTED if manages else ActionStatus.PROPOSED
        )
    if command.status is ActionStatus.PROPOSED:
        access.ensure_can_work_on_actions(caller.principal, team_role=role)
    else:
        access.ensure_can_manage_actions(caller.principal, team_role=role)
    if command.prompted_by.kind is PromptKind.MEETING:
        await _ensure_meeting_of(conn, team, command.prompted_by.meeting_id)
    action, _ = await ACTION.create(
        conn,
        store=store,
        stream_id=command.action_id,
        events=domain.decide_create_action(team, command, now=caller.now),
        context=caller.context,
        now=caller.now,
    )
    await write_action_row(conn, action)
    return action


async def _ensure_meeting_of(conn: AsyncConnection, team: Team, meeting_id: str | None) -> None:
    found = await conn.scalar(
        select(team_meetings.c.meeting_id).where(
            team_meetings.c.meeting_id == meeting_id, team_meetings.c.team_id == team.id
        )
    )
    if found is None:
        raise InvalidAction(
            "The meeting is not one of the team's recorded meetings",
            errors=[
                field_error("body", "prompted_by", "meeting_id", message="unknown", kind="meeting")
            ],
        )


async def revise_action(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    action_id: str,
    command: domain.ReviseAction,
    caller: Caller,
) -> Action:
    def decide(action: Action, team: Team) -> list[DomainEvent]:
        return domain.decide_revise_action(action, team, command, now=caller.now)

    return await _change(conn, store, team_id, action_id, caller, decide, managed=True)


async def set_owners(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    action_id: str,
    command: domain.SetOwners,
    caller: Caller,
) -> Action:
    def decide(action: Action, team: Team) -> list[DomainEvent]:
        return domain.decide_set_owners(action, team, command)

    return await _change(conn, store, team_id, action_id, caller, decide, managed=True)


async def change_status(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    action_id: str,
    command: domain.ChangeActionStatus,
    caller: Caller,
) -> Action:
    """Commit or drop (lead, org admin); start or finish (any member of the team too)."""

    def decide(action: Action, team: Team) -> list[DomainEvent]:
        return domain.decide_change_status(action, team, command, now=caller.now)

    managed = command.status in domain.MANAGED_MOVES
    return await _change(conn, store, team_id, action_id, caller, decide, managed=managed)


async def check_in(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    action_id: str,
    command: domain.RecordCheckIn,
    caller: Caller,
) -> Action:
    def decide(action: Action, team: Team) -> list[DomainEvent]:
        return domain.decide_check_in(action, team, command, now=caller.now)

    return await _change(conn, store, team_id, action_id, caller, decide, managed=False)


async def take_leaver_off_actions(
    conn: AsyncConnection, *, store: EventStore, team: Team, user_id: str, caller: Caller
) -> None:
    """Every open action of ``team`` that ``user_id`` owns loses them as an owner, in the
    caller's transaction (the removal from the team was authorised by its own use case)."""
    owned = await conn.scalars(
        select(team_actions.c.action_id).where(
            team_actions.c.team_id == team.id,
            team_actions.c.owners.contains([user_id]),
            team_actions.c.status.in_([s.value for s in OPEN_ACTION_STATUSES]),
        )
    )
    unconditional = replace(caller, if_match=None)
    for action_id in owned.all():
        changed = await ACTION.change(
            conn,
            store=store,
            stream_id=action_id,
            caller=unconditional,
            decide=lambda action: domain.decide_owner_left(
                action, user_id, actor=caller.principal.subject
            ),
            after_append=_rewrite_row,
        )
        assert user_id not in changed.owners


async def _change(
    conn: AsyncConnection,
    store: EventStore,
    team_id: str,
    action_id: str,
    caller: Caller,
    decide: Decide,
    *,
    managed: bool,
) -> Action:
    team = await load_team(conn, store=store, team_id=team_id, org_id=caller.context.tenant_id)
    role = _role(team, caller.principal)

    def authorise(action: Action) -> None:
        if action.team_id != team.id:
            raise ActionNotFound("No such action on this team")
        if managed:
            access.ensure_can_manage_actions(caller.principal, team_role=role)
        else:
            access.ensure_can_work_on_actions(caller.principal, team_role=role)

    return await ACTION.change(
        conn,
        store=store,
        stream_id=action_id,
        caller=caller,
        decide=lambda action: decide(action, team),
        authorise=authorise,
        after_append=_rewrite_row,
    )


async def _rewrite_row(conn: AsyncConnection, action: Action, _: list[RecordedEvent]) -> None:
    await write_action_row(conn, action)


# ---- reads ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionFilters:
    statuses: Sequence[ActionStatus] = ()
    owner: str | None = None
    overdue_on: date | None = None  # only open actions due before this day
    prompted_by: PromptKind | None = None


async def read_action(
    conn: AsyncConnection, *, store: EventStore, team_id: str, action_id: str, principal: Principal
) -> Action:
    team = await load_team(conn, store=store, team_id=team_id, org_id=principal.org_id)
    access.ensure_can_read_details(principal, team_role=_role(team, principal))
    action = await ACTION.load(conn, store=store, stream_id=action_id, tenant_id=principal.org_id)
    if action.team_id != team.id:
        raise ActionNotFound("No such action on this team")
    return action


async def list_actions(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    principal: Principal,
    filters: ActionFilters,
    after: tuple[datetime, str] | None,
    limit: int,
) -> Page:
    """The team's actions, newest first; ``after`` is the last row seen."""
    team = await load_team(conn, store=store, team_id=team_id, org_id=principal.org_id)
    access.ensure_can_read_details(principal, team_role=_role(team, principal))
    conditions: list[ColumnElement[bool]] = [
        team_actions.c.team_id == team.id,
        team_actions.c.org_id == principal.org_id,
    ]
    if filters.statuses:
        conditions.append(team_actions.c.status.in_([s.value for s in filters.statuses]))
    if filters.owner is not None:
        conditions.append(team_actions.c.owners.contains([filters.owner]))
    if filters.overdue_on is not None:
        conditions.append(team_actions.c.status.in_([s.value for s in OPEN_ACTION_STATUSES]))
        conditions.append(team_actions.c.due_date < filters.overdue_on)
    if filters.prompted_by is not None:
        conditions.append(team_actions.c.prompted_kind == filters.prompted_by.value)
    order = [team_actions.c.created_at.desc(), team_actions.c.action_id.desc()]
    query = select(team_actions).where(and_(*conditions))
    if after is not None:
        # Newest first: the next page holds what was created before the last row seen.
        created, last_id = after
        query = query.where(
            (team_actions.c.created_at < created)
            | ((team_actions.c.created_at == created) & (team_actions.c.action_id < last_id))
        )
    return await fetch_page(conn, query, order_by=order, after_keys=None, limit=limit)
