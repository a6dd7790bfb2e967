"""The integrations API's dependencies, as aliases (see :mod:`huddle_shared.deps`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_integrations.config import IntegrationsSettings
from huddle_shared.deps import Runtime


def settings_of(runtime: Runtime) -> IntegrationsSettings:
    settings = runtime.settings
    assert isinstance(settings, IntegrationsSettings), "the runtime was not built for integrations"
    return settings


def engine_of(runtime: Runtime) -> AsyncEngine:
    return runtime.engine


Settings = Annotated[IntegrationsSettings, Depends(settings_of)]
Engine = Annotated[AsyncEngine, Depends(engine_of)]
