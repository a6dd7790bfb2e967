"""Use cases that change a team: load the stream, authorise, decide, append, update read models.

Every handler runs on the caller's connection, inside the transaction that
:func:`huddle_shared.commands.execute` opens, so the events, their outbox rows, the read models
and the idempotency record commit together or not at all. Every change goes through
:meth:`huddle_shared.aggregates.Aggregate.change`, which fixes the order of the checks: 404, 403,
412, then the business rules.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.aggregates import Caller
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventStore, RecordedEvent
from huddle_teams.adapters.user_directory import find_user_facts
from huddle_teams.application import access, action_plans
from huddle_teams.application.team_aggregate import TEAM
from huddle_teams.domain.charter import (
    ChangeGoalStatus,
    ReviewCharter,
    ReviseCharter,
    SetGoalOwners,
    decide_change_goal_status,
    decide_review_charter,
    decide_revise_charter,
    decide_set_goal_owners,
)
from huddle_teams.domain.membership import (
    AddMember,
    ChangeMemberRole,
    RemoveMember,
    decide_add_member,
    decide_change_member_role,
    decide_remove_member,
)
from huddle_teams.domain.state import Team
from huddle_teams.domain.team import (
    ArchiveTeam,
    CreateTeam,
    UpdateTeam,
    decide_archive_team,
    decide_create_team,
    decide_update_team,
)
from huddle_teams.projections.team_list import team_list_upsert
from huddle_teams.projections.team_members import apply_to_team_members

Decision = Callable[[Team], Awaitable[list[DomainEvent]]]


# ---- the team ------------------------------------------------------------------------------


async def create_team(
    conn: AsyncConnection, *, store: EventStore, command: CreateTeam, caller: Caller
) -> Team:
    """Create a team in the caller's organisation (org admins only)."""
    access.ensure_can_create_teams(caller.principal)
    # The team-list row goes in the append's own statement, so the command is that single
    # statement: the route runs it without BEGIN and COMMIT (``one_statement``). Keep it so.
    team, _ = await TEAM.create(
        conn,
        store=store,
        stream_id=command.team_id,
        events=decide_create_team(None, command),
        context=caller.context,
        now=caller.now,
        also=team_list_upsert,
    )
    return team


async def update_team(
    conn: AsyncConnection, *, store: EventStore, team_id: str, command: UpdateTeam, caller: Caller
) -> Team:
    """Rename or re-describe a team, or change how often it reviews its charter."""

    async def decide(team: Team) -> list[DomainEvent]:
        return decide_update_team(team, command)

    return await _change_team(conn, store=store, team_id=team_id, caller=caller, decide=decide)


async def archive_team(
    conn: AsyncConnection, *, store: EventStore, team_id: str, command: ArchiveTeam, caller: Caller
) -> Team:
    """Archive a team; from then on it is read-only."""

    async def decide(team: Team) -> list[DomainEvent]:
        return decide_archive_team(team, command)

    return await _change_team(conn, store=store, team_id=team_id, caller=caller, decide=decide)


# ---- membership ----------------------------------------------------------------------------


async def add_member(
    conn: AsyncConnection, *, store: EventStore, team_id: str, command: AddMember, caller: Caller
) -> Team:
    """Add an active person of the team's organisation in a team role."""

    async def decide(team: Team) -> list[DomainEvent]:
        candidate = await find_user_facts(conn, user_id=command.user_id)
        return decide_add_member(team, command, candidate=candidate, now=caller.now)

    return await _change_team(conn, store=store, team_id=team_id, caller=caller, decide=decide)


async def change_member_role(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    command: ChangeMemberRole,
    caller: Caller,
) -> Team:
    """Give a member another team role from an effective date, with a reason."""

    async def decide(team: Team) -> list[DomainEvent]:
        return decide_change_member_role(team, command, now=caller.now)

    return await _change_team(conn, store=store, team_id=team_id, caller=caller, decide=decide)


async def remove_member(
    conn: AsyncConnection, *, store: EventStore, team_id: str, command: RemoveMember, caller: Caller
) -> Team:
    """Take a person off the team; their role ends on the effective date, and they are taken
    off every open action they own (in the same transaction)."""

    async def decide(team: Team) -> list[DomainEvent]:
        return decide_remove_member(team, command, now=caller.now)

    team = await _change_team(conn, store=store, team_id=team_id, caller=caller, decide=decide)
    await action_plans.take_leaver_off_actions(
        conn, store=store, team=team, user_id=command.user_id, caller=caller
    )
    return team


# ---- the charter ---------------------------------------------------------------------------


async def revise_charter(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    command: ReviseCharter,
    caller: Caller,
) -> Team:
    """Agree a new revision of the charter."""

    async def decide(team: Team) -> list[DomainEvent]:
        return decide_revise_charter(team, command, now=caller.now)

    return await _change_team(conn, store=store, team_id=team_id, caller=caller, decide=decide)


async def review_charter(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    command: ReviewCharter,
    caller: Caller,
) -> Team:
    """Record that the team revisited its charter and schedule the next review."""

    async def decide(team: Team) -> list[DomainEvent]:
        return decide_review_charter(team, command, now=caller.now)

    return await _change_team(conn, store=store, team_id=team_id, caller=caller, decide=decide)


async def change_goal_status(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    command: ChangeGoalStatus,
    caller: Caller,
) -> Team:
    """Move a charter goal to another status."""

    async def decide(team: Team) -> list[DomainEvent]:
        return decide_change_goal_status(team, command)

    return await _change_team(conn, store=store, team_id=team_id, caller=caller, decide=decide)


async def set_goal_owners(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    command: SetGoalOwners,
    caller: Caller,
) -> Team:
    """Name the members who own a charter goal."""

    async def decide(team: Team) -> list[DomainEvent]:
        return decide_set_goal_owners(team, command)

    return await _change_team(conn, store=store, team_id=team_id, caller=caller, decide=decide)


# ---- the one way a team changes ------------------------------------------------------------


async def _change_team(
    conn: AsyncConnection, *, store: EventStore, team_id: str, caller: Caller, decide: Decision
) -> Team:
    def authorise(team: Team) -> None:
        access.ensure_can_manage(caller.principal, team_role=team.role_of(caller.principal.subject))

    return await TEAM.change(
        conn,
        store=store,
        stream_id=team_id,
        caller=caller,
        decide=decide,
        authorise=authorise,
        also=team_list_upsert,
        after_append=_apply_to_members,
    )


async def _apply_to_members(
    conn: AsyncConnection, _team: Team, recorded: list[RecordedEvent]
) -> None:
    for event in recorded:
        await apply_to_team_members(conn, event)
