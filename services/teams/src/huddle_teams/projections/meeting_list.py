"""The ``team_meetings`` read model: one row per meeting record, written with the record.

A record is written once, so the row is inserted once; writing it again changes nothing.
"""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_teams.adapters.tables import team_meetings
from huddle_teams.domain.meeting import Meeting


async def write_meeting_row(conn: AsyncConnection, meeting: Meeting, *, reviewed: bool) -> None:
    await conn.execute(
        insert(team_meetings)
        .values(
            meeting_id=meeting.id,
            team_id=meeting.team_id,
            org_id=meeting.org_id,
            kind=meeting.kind.value,
            held_on=meeting.held_on,
            participants=meeting.participants,
            decision_count=len(meeting.decisions),
            action_ids=[d.action_id for d in meeting.decisions if d.action_id is not None],
            reviewed_charter=reviewed,
            recorded_at=meeting.recorded_at,
        )
        .on_conflict_do_nothing(index_elements=[team_meetings.c.meeting_id])
    )
