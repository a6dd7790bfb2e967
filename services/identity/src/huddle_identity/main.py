"""ASGI entry point for uvicorn's --factory mode; nothing connects at import time."""

from __future__ import annotations

from fastapi import FastAPI

from huddle_identity.bootstrap import build_app
from huddle_shared.telemetry import configure_telemetry, instrument_app


def create_app() -> FastAPI:
    configure_telemetry("identity")
    app = build_app()
    instrument_app(app, app.state.runtime.engine)
    return app
