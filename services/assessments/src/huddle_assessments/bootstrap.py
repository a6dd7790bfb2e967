"""The assessments service's composition root: every part is built here, explicitly."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import FastAPI

from huddle_assessments.api.routes import routers
from huddle_assessments.application.auto_close import keep_closing
from huddle_assessments.application.deps import Assessments
from huddle_assessments.application.instruments import keep_seeding
from huddle_assessments.config import AssessmentsSettings
from huddle_assessments.consumers.directory_events import build_directory_consumer
from huddle_shared import operations
from huddle_shared.app import create_service_app
from huddle_shared.contracts import REGISTRY
from huddle_shared.runtime import ServiceRuntime

MIGRATIONS = Path(__file__).parent / "migrations"


def build_app(settings: AssessmentsSettings | None = None) -> FastAPI:
    settings = settings or AssessmentsSettings()
    runtime = ServiceRuntime.build(settings, registry=REGISTRY, migrations=MIGRATIONS)
    runtime.add_consumer(build_directory_consumer(settings, runtime.engine))
    deps = Assessments(
        engine=runtime.engine,
        store=runtime.store,
        clock=runtime.clock,
        link_key=settings.link_key(),
    )

    async def seed(stop: asyncio.Event) -> None:
        await keep_seeding(deps, stop)

    async def auto_close(stop: asyncio.Event) -> None:
        await keep_closing(deps, stop, settings.auto_close_interval_s)

    runtime.add_task("seed-instruments", seed)
    runtime.add_task("auto-close", auto_close)
    app = create_service_app(
        runtime=runtime,
        title="Huddle assessments",
        description="Instruments as versioned data, campaigns and responses. Individual "
        "answers never leave this service except to their author; events name no respondent.",
        # The dead-letter routes of every consuming service (operator key; docs/operations.md).
        routers=[*routers, operations.router],
    )
    app.state.assessments = deps
    return app
