"""Use cases of the teams service: load the stream, decide, append, update the list view."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.errors import NotFound
from huddle_shared.eventstore import EventContext, EventStore, RecordedEvent
from huddle_shared.http import check_if_match
from huddle_teams.adapters.tables import team_list
from huddle_teams.domain.team import (
    CreateTeam,
    RenameTeam,
    Team,
    decide_create_team,
    decide_rename_team,
    evolve,
)

STREAM_TYPE = "team"


def fold(events: list[RecordedEvent]) -> Team | None:
    state: Team | None = None
    for recorded in events:
        state = evolve(state, recorded.payload, at=recorded.recorded_at, version=recorded.version)
    return state


async def load_team(conn: AsyncConnection, *, store: EventStore, team_id: str, org_id: str) -> Team:
    """The team as of its last event; another organisation's team does not exist."""
    team = fold(await store.load(conn, team_id, tenant_id=org_id))
    if team is None:
        raise NotFound("No such team")
    return team


async def create_team(
    conn: AsyncConnection,
    *,
    store: EventStore,
    command: CreateTeam,
    context: EventContext,
    now: datetime,
) -> Team:
    events = decide_create_team(None, command)
    recorded = await store.append(
        conn,
        stream_id=command.team_id,
        stream_type=STREAM_TYPE,
        expected_version=0,
        events=events,
        context=context,
        now=now,
    )
    team = fold(recorded)
    assert team is not None
    await _save_list_entry(conn, team)
    return team


async def rename_team(
    conn: AsyncConnection,
    *,
    store: EventStore,
    team_id: str,
    command: RenameTeam,
    context: EventContext,
    if_match: str | None,
    now: datetime,
) -> Team:
    events = await store.load(conn, team_id, tenant_id=context.tenant_id)
    team = fold(events)
    if team is None:
        raise NotFound("No such team")
    check_if_match(if_match, team.version)
    new_events = decide_rename_team(team, command)
    recorded = await store.append(
        conn,
        stream_id=team_id,
        stream_type=STREAM_TYPE,
        expected_version=team.version,
        events=new_events,
        context=context,
        now=now,
    )
    for r in recorded:
        team = evolve(team, r.payload, at=r.recorded_at, version=r.version)
    await _save_list_entry(conn, team)
    return team


async def _save_list_entry(conn: AsyncConnection, team: Team) -> None:
    row = {
        "team_id": team.id,
        "org_id": team.org_id,
        "name": team.name,
        "care_setting": team.care_setting.value,
        "description": team.description,
        "version": team.version,
        "created_at": team.created_at,
        "updated_at": team.updated_at,
    }
    stmt = insert(team_list).values(**row)
    await conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[team_list.c.team_id],
            set_={k: stmt.excluded[k] for k in row if k not in ("team_id", "created_at")},
        )
    )
