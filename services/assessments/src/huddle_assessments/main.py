"""ASGI entry point for uvicorn's --factory mode; nothing connects at import time."""

from __future__ import annotations

from fastapi import FastAPI

from huddle_assessments.bootstrap import build_app


def create_app() -> FastAPI:
    return build_app()
