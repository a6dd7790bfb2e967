"""Who may do what with campaigns. Another organisation's campaign is always a 404 first."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.adapters.tables import team_members
from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.contracts.teams import TeamRole
from huddle_shared.errors import Forbidden


async def team_role(conn: AsyncConnection, *, team_id: str, user_id: str) -> str | None:
    result = await conn.execute(
        select(team_members.c.role).where(
            team_members.c.team_id == team_id, team_members.c.user_id == user_id
        )
    )
    role: str | None = result.scalar_one_or_none()
    return role


async def require_manager(conn: AsyncConnection, principal: Principal, team_id: str) -> None:
    """Org admins and the team's clinical lead run the team's campaigns."""
    if principal.has_any_role(OrgRole.ORG_ADMIN):
        return
    if await team_role(conn, team_id=team_id, user_id=principal.subject) == TeamRole.CLINICAL_LEAD:
        return
    raise Forbidden("Only org admins and the team's clinical lead manage its campaigns")


async def require_viewer(conn: AsyncConnection, principal: Principal, team_id: str) -> None:
    """Org admins, analysts and the team's members see a campaign's participation."""
    if principal.has_any_role(OrgRole.ORG_ADMIN, OrgRole.ANALYST):
        return
    if await team_role(conn, team_id=team_id, user_id=principal.subject) is not None:
        return
    raise Forbidden("Only the team, org admins and analysts see this campaign")


def ensure_person(principal: Principal) -> None:
    """Campaigns are for people; an integration client takes no part in them."""
    if principal.kind != "user":
        raise Forbidden("Only people take part in campaigns")


def ensure_can_publish_instruments(principal: Principal) -> None:
    principal.require_role(OrgRole.ORG_ADMIN)


async def require_comment_reader(conn: AsyncConnection, principal: Principal, team_id: str) -> None:
    """Analysts, org admins and the team's clinical lead read a campaign's comments."""
    if principal.has_any_role(OrgRole.ANALYST):
        return
    await require_manager(conn, principal, team_id)
