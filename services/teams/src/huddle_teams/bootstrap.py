"""The teams service's composition root: every part is built here, explicitly."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from huddle_shared import operations
from huddle_shared.app import create_service_app
from huddle_shared.contracts import REGISTRY
from huddle_shared.runtime import ServiceRuntime
from huddle_teams.api.routes import routers
from huddle_teams.config import TeamsSettings
from huddle_teams.consumers.identity_events import build_identity_consumer

MIGRATIONS = Path(__file__).parent / "migrations"


def build_app(settings: TeamsSettings | None = None) -> FastAPI:
    settings = settings or TeamsSettings()
    runtime = ServiceRuntime.build(settings, registry=REGISTRY, migrations=MIGRATIONS)
    runtime.add_consumer(build_identity_consumer(settings=settings, engine=runtime.engine))
    return create_service_app(
        runtime=runtime,
        title="Huddle teams",
        description="Interprofessional care teams: membership, team roles and role changes, "
        "the team charter and its reviews. Event-sourced; every write is an event.",
        # The dead-letter routes of every consuming service (operator key; docs/operations.md).
        routers=[*routers, operations.router],
    )
