"""Dashboards API of the insights service."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel
from sqlalchemy import select

from huddle_insights.adapters.tables import team_directory
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.problems import PROBLEM_RESPONSES
from huddle_shared.runtime import ServiceRuntime

router = APIRouter(prefix="/v1", tags=["dashboards"], responses=PROBLEM_RESPONSES)
OrgId = Annotated[uuid.UUID, Path(description="The organisation id")]


class TeamSummary(BaseModel):
    id: str
    name: str
    care_setting: str


class OrgTeams(BaseModel):
    org_id: str
    teams: list[TeamSummary]


@router.get("/orgs/{org_id}/teams", response_model=OrgTeams, summary="Teams as insights sees them")
async def org_teams(org_id: OrgId, request: Request, principal: CurrentPrincipal) -> OrgTeams:
    """The organisation's teams from the insights projection (eventually consistent)."""
    principal.require_org(str(org_id))
    runtime: ServiceRuntime = request.app.state.runtime
    async with runtime.engine.connect() as conn:
        rows = await conn.execute(
            select(team_directory.c.team_id, team_directory.c.name, team_directory.c.care_setting)
            .where(team_directory.c.org_id == str(org_id))
            .order_by(team_directory.c.name, team_directory.c.team_id)
        )
        teams = [TeamSummary(id=r.team_id, name=r.name, care_setting=r.care_setting) for r in rows]
    return OrgTeams(org_id=str(org_id), teams=teams)
