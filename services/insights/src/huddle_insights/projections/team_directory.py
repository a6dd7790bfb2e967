"""The ``team_directory`` read model: every team of every organisation, by name."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import team_directory
from huddle_shared.consumer import ReceivedEvent
from huddle_shared.contracts.teams import TeamCreated, TeamRenamed


class TeamDirectory:
    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
        payload, envelope = event.payload, event.envelope
        match payload:
            case TeamCreated():
                await conn.execute(
                    insert(team_directory)
                    .values(
                        team_id=payload.team_id,
                        org_id=payload.org_id,
                        name=payload.name,
                        care_setting=payload.care_setting.value,
                        created_at=envelope.time,
                        updated_at=envelope.time,
                        version=envelope.stream_version,
                    )
                    .on_conflict_do_nothing()
                )
            case TeamRenamed():
                await conn.execute(
                    update(team_directory)
                    .where(team_directory.c.team_id == payload.team_id)
                    .values(
                        name=payload.name,
                        updated_at=envelope.time,
                        version=envelope.stream_version,
                    )
                )
