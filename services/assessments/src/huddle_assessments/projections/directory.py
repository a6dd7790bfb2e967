"""The local directory of teams, members and people, from teams' and identity's events.

It answers who may respond to a campaign (the team's members when it opens), who leads a team,
and each person's profession for respondent groups. On erasure the person's profession goes and
their links to their responses are cut.
"""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.adapters.tables import (
    campaign_eligibility,
    known_teams,
    people,
    respondent_links,
    team_members,
)
from huddle_shared.consumer import ReceivedEvent
from huddle_shared.contracts.identity import (
    UserDeactivated,
    UserErased,
    UserProfileUpdated,
    UserReactivated,
    UserRegistered,
)
from huddle_shared.contracts.teams import (
    MemberAdded,
    MemberRemoved,
    MemberRoleChanged,
    TeamArchived,
    TeamCreated,
    TeamRenamed,
)


def link_hash(key: bytes, campaign_id: str, user_id: str) -> str:
    return hmac.new(key, f"{campaign_id}:{user_id}".encode(), hashlib.sha256).hexdigest()


class Directory:
    def __init__(self, *, link_key: bytes) -> None:
        self.link_key = link_key

    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
        p, org_id = event.payload, event.envelope.tenant_id
        match p:
            case TeamCreated():
                stmt = insert(known_teams).values(
                    team_id=p.team_id, org_id=p.org_id, name=p.name, archived=False
                )
                await conn.execute(stmt.on_conflict_do_nothing())
            case TeamRenamed():
                await conn.execute(
                    update(known_teams)
                    .where(known_teams.c.team_id == p.team_id)
                    .values(name=p.name)
                )
            case TeamArchived():
                await conn.execute(
                    update(known_teams)
                    .where(known_teams.c.team_id == p.team_id)
                    .values(archived=True)
                )
            case MemberAdded():
                stmt = insert(team_members).values(
                    team_id=p.team_id, user_id=p.user_id, org_id=org_id, role=p.role.value
                )
                await conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[team_members.c.team_id, team_members.c.user_id],
                        set_={"role": stmt.excluded.role},
                    )
                )
            case MemberRoleChanged():
                await conn.execute(
                    update(team_members)
                    .where(team_members.c.team_id == p.team_id, team_members.c.user_id == p.user_id)
                    .values(role=p.to_role.value)
                )
            case MemberRemoved():
                await conn.execute(
                    delete(team_members).where(
                        team_members.c.team_id == p.team_id, team_members.c.user_id == p.user_id
                    )
                )
            case UserRegistered():
                stmt = insert(people).values(
                    user_id=p.user_id,
                    org_id=p.org_id,
                    profession=p.profession.value,
                    status="active",
                )
                await conn.execute(stmt.on_conflict_do_nothing())
            case UserProfileUpdated() if p.profession is not None:
                await conn.execute(
                    update(people)
                    .where(people.c.user_id == p.user_id, people.c.status != "erased")
                    .values(profession=p.profession.value)
                )
            case UserDeactivated() | UserReactivated():
                status = "deactivated" if isinstance(p, UserDeactivated) else "active"
                await conn.execute(
                    update(people)
                    .where(people.c.user_id == p.user_id, people.c.status != "erased")
                    .values(status=status)
                )
            case UserErased():
                await self._erase(conn, user_id=p.user_id, org_id=p.org_id)

    async def _erase(self, conn: AsyncConnection, *, user_id: str, org_id: str) -> None:
        stmt = insert(people).values(
            user_id=user_id, org_id=org_id, profession=None, status="erased"
        )
        await conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[people.c.user_id], set_={"profession": None, "status": "erased"}
            )
        )
        campaigns = (
            await conn.execute(
                select(campaign_eligibility.c.campaign_id).where(
                    campaign_eligibility.c.user_id == user_id
                )
            )
        ).scalars()
        hashes = [link_hash(self.link_key, c, user_id) for c in campaigns]
        if hashes:
            await conn.execute(
                delete(respondent_links).where(respondent_links.c.link_hash.in_(hashes))
            )
        # Participation counts live on the campaign; the list of who was invited goes.
        await conn.execute(
            delete(campaign_eligibility).where(campaign_eligibility.c.user_id == user_id)
        )
