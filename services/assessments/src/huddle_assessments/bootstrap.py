"""The assessments service's composition root."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from huddle_assessments.config import AssessmentsSettings
from huddle_shared.app import create_service_app
from huddle_shared.contracts import REGISTRY
from huddle_shared.runtime import ServiceRuntime

MIGRATIONS = Path(__file__).parent / "migrations"


def build_app(settings: AssessmentsSettings | None = None) -> FastAPI:
    settings = settings or AssessmentsSettings()
    runtime = ServiceRuntime.build(settings, registry=REGISTRY, migrations=MIGRATIONS)
    return create_service_app(
        runtime=runtime,
        title="Huddle assessments",
        description="Instruments, campaigns and responses, with privacy enforced here.",
        routers=[],
    )
