"""The identity service's composition root."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from huddle_identity.config import IdentitySettings
from huddle_shared.app import create_service_app
from huddle_shared.contracts import REGISTRY
from huddle_shared.runtime import ServiceRuntime

MIGRATIONS = Path(__file__).parent / "migrations"


def build_app(settings: IdentitySettings | None = None) -> FastAPI:
    settings = settings or IdentitySettings()
    runtime = ServiceRuntime.build(settings, registry=REGISTRY, migrations=MIGRATIONS)
    return create_service_app(
        runtime=runtime,
        title="Huddle identity",
        description="Organisations (tenants), people, sign-in and tokens, integration clients.",
        routers=[],
        allowed_content_types=("application/json", "application/x-www-form-urlencoded"),
    )
