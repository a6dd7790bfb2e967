"""Every router of the insights API, in the order the OpenAPI document lists them."""

from __future__ import annotations

from fastapi import APIRouter

from huddle_insights.api import dashboards, projections

routers: list[APIRouter] = [dashboards.router, projections.router]
