"""Use cases that read: the same access rules as the writes, answered from state or read models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.auth import Principal
from huddle_shared.contracts.teams import CareSetting, TeamRole
from huddle_shared.db import events_table
from huddle_shared.eventstore import EventStore, RecordedEvent
from huddle_shared.pagination import Page, contains, fetch_page
from huddle_teams.adapters.tables import team_list, team_members, user_directory
from huddle_teams.application import access
from huddle_teams.application.team_aggregate import load_team
from huddle_teams.domain.errors import NotAMember, TeamNotFound
from huddle_teams.domain.state import Team, TeamStatus


@dataclass(frozen=True)
class TeamFilters:
    care_setting: CareSetting | None = None
    status: TeamStatus | None = None
    name_contains: str | None = None
    member_id: str | None = None


# ---- from the aggregate (authoritative, with the stream version) ----------------------------


async def read_team(
    conn: AsyncConnection, *, store: EventStore, team_id: str, principal: Principal
) -> Team:
    """The team itself: any person of its organisation may see it."""
    team = await load_team(conn, store=store, team_id=team_id, org_id=principal.org_id)
    access.ensure_can_see_teams(principal)
    return team


async def read_team_details(
    conn: AsyncConnection, *, store: EventStore, team_id: str, principal: Principal
) -> Team:
    """The team with what only its members, org admins and analysts see (e.g. its charter)."""
    team = await load_team(conn, store=store, team_id=team_id, org_id=principal.org_id)
    access.ensure_can_read_details(principal, team_role=team.role_of(principal.subject))
    return team


async def read_care_team(
    conn: AsyncConnection, *, store: EventStore, team_id: str, principal: Principal
) -> Team:
    """The team for its FHIR view: also open to integration clients with ``fhir:read``."""
    team = await load_team(conn, store=store, team_id=team_id, org_id=principal.org_id)
    access.ensure_can_read_fhir(principal, team_role=team.role_of(principal.subject))
    return team


# ---- from the read models ------------------------------------------------------------------


async def list_teams(
    conn: AsyncConnection,
    *,
    principal: Principal,
    filters: TeamFilters,
    after: tuple[datetime, str] | None,
    limit: int,
) -> Page:
    """Teams of the caller's organisation, oldest first; ``after`` is the last row seen."""
    access.ensure_can_see_teams(principal)
    query = select(team_list).where(team_list.c.org_id == principal.org_id)
    if filters.care_setting is not None:
        query = query.where(team_list.c.care_setting == filters.care_setting.value)
    if filters.status is not None:
        query = query.where(team_list.c.status == filters.status.value)
    if filters.name_contains:
        query = query.where(contains(team_list.c.name, filters.name_contains))
    if filters.member_id is not None:
        query = query.where(
            exists().where(
                team_members.c.team_id == team_list.c.team_id,
                team_members.c.user_id == filters.member_id,
            )
        )
    return await fetch_page(
        conn,
        query,
        order_by=[team_list.c.created_at, team_list.c.team_id],
        after_keys=after,
        limit=limit,
    )


async def list_members(
    conn: AsyncConnection, *, team_id: str, principal: Principal, after: str | None, limit: int
) -> tuple[Page, int]:
    """The team's current members with what the directory knows of them, by user id; and the
    team's version, read before them (so a write in between makes that version stale, never
    the page older than it)."""
    role, version = await _visible_team(conn, team_id=team_id, principal=principal)
    access.ensure_can_read_details(principal, team_role=role)
    query = _member_query().where(team_members.c.team_id == team_id)
    page = await fetch_page(
        conn,
        query,
        order_by=[team_members.c.user_id],
        after_keys=[after] if after is not None else None,
        limit=limit,
    )
    return page, version


def _member_query() -> Any:
    return select(
        team_members.c.user_id,
        team_members.c.role,
        team_members.c.role_since,
        team_members.c.joined_on,
        user_directory.c.profession,
        user_directory.c.status.label("user_status"),
    ).select_from(
        team_members.outerjoin(user_directory, user_directory.c.user_id == team_members.c.user_id)
    )


async def read_member(
    conn: AsyncConnection, *, team_id: str, user_id: str, principal: Principal
) -> tuple[Any, int]:
    """One current member of the team (whom the add answered with in ``Location``), and the
    team's version; 404 for a person who is not on the team now."""
    role, version = await _visible_team(conn, team_id=team_id, principal=principal)
    access.ensure_can_read_details(principal, team_role=role)
    row = (
        (
            await conn.execute(
                _member_query().where(
                    team_members.c.team_id == team_id, team_members.c.user_id == user_id
                )
            )
        )
        .mappings()
        .one_or_none()
    )
    if row is None:
        raise NotAMember("This person is not a member of the team")
    return row, version


async def team_history(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    principal: Principal,
    after_version: int,
    limit: int,
) -> tuple[list[RecordedEvent], bool]:
    """The team's events in order, upcast to today's contracts: who did what, when."""
    role, _ = await _visible_team(conn, team_id=team_id, principal=principal)
    access.ensure_can_read_details(principal, team_role=role)
    rows = (
        (
            await conn.execute(
                select(events_table)
                .where(
                    events_table.c.stream_id == team_id,
                    events_table.c.tenant_id == principal.org_id,
                    events_table.c.version > after_version,
                )
                .order_by(events_table.c.version)
                .limit(limit + 1)
            )
        )
        .mappings()
        .all()
    )
    events = [store.recorded(row) for row in rows[:limit]]
    return events, len(rows) > limit


async def _visible_team(
    conn: AsyncConnection, *, team_id: str, principal: Principal
) -> tuple[TeamRole | None, int]:
    """The caller's role on the team and the team's version; 404 when the team is not in the
    caller's organisation."""
    row = (
        await conn.execute(
            select(team_list.c.version, team_members.c.role)
            .select_from(
                team_list.outerjoin(
                    team_members,
                    and_(
                        team_members.c.team_id == team_list.c.team_id,
                        team_members.c.user_id == principal.subject,
                    ),
                )
            )
            .where(team_list.c.team_id == team_id, team_list.c.org_id == principal.org_id)
        )
    ).one_or_none()
    if row is None:
        raise TeamNotFound("No such team")
    return (TeamRole(row.role) if row.role is not None else None), row.version
