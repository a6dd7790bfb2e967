"""The Team aggregate as the use cases load and change it (one definition for all of them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.aggregates import Aggregate
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventStore
from huddle_teams.domain.errors import TeamNotFound
from huddle_teams.domain.state import Team
from huddle_teams.domain.team import evolve


def _evolve(state: Team | None, event: DomainEvent, at: datetime, version: int) -> Team:
    return evolve(state, event, at=at, version=version)


TEAM = Aggregate[Team](
    stream_type="team", evolve=_evolve, not_found=lambda: TeamNotFound("No such team")
)


async def load_team(conn: AsyncConnection, *, store: EventStore, team_id: str, org_id: str) -> Team:
    """The team as of its last event; another organisation's team does not exist."""
    return await TEAM.load(conn, store=store, stream_id=team_id, tenant_id=org_id)
