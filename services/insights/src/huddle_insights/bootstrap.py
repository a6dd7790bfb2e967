"""The insights service's composition root."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from huddle_insights.api.routes import router
from huddle_insights.config import InsightsSettings
from huddle_insights.consumers.teams_events import build_teams_consumer
from huddle_shared.app import create_service_app
from huddle_shared.contracts import REGISTRY
from huddle_shared.runtime import ServiceRuntime

MIGRATIONS = Path(__file__).parent / "migrations"


def build_app(settings: InsightsSettings | None = None) -> FastAPI:
    settings = settings or InsightsSettings()
    runtime = ServiceRuntime.build(settings, registry=REGISTRY, migrations=MIGRATIONS)
    runtime.add_consumer(build_teams_consumer(settings, runtime.engine))
    return create_service_app(
        runtime=runtime,
        title="Huddle insights",
        description="Morale, collaboration and burnout-risk dashboards, projected from the "
        "event stream. Read-only; values resting on too few respondents are suppressed.",
        routers=[router],
    )
