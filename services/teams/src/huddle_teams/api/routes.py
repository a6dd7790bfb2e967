"""Every router of the teams API, in the order the OpenAPI document lists them."""

from __future__ import annotations

from fastapi import APIRouter

from huddle_teams.api import action_plans, charter, history, meetings, members, teams

routers: list[APIRouter] = [
    teams.router,
    members.router,
    charter.router,
    action_plans.router,
    meetings.router,
    history.router,
]
