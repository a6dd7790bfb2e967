"""The insights API's dependencies: what ``bootstrap.py`` put on ``app.state``, as aliases.

Routes declare ``reader: DashboardReader`` or ``projector: Projector`` and never read
``request.app.state`` themselves (see :mod:`huddle_shared.deps`), so a test can swap a part
with ``app.dependency_overrides``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from huddle_insights.application import projector as projection
from huddle_insights.application.cache import DashboardCache
from huddle_insights.application.queries import Reader
from huddle_insights.config import InsightsSettings
from huddle_shared.deps import Runtime, from_app_state

projector_of = from_app_state("projector", projection.Projector)
cache_of = from_app_state("dashboard_cache", DashboardCache)

Projector = Annotated[projection.Projector, Depends(projector_of)]
Cache = Annotated[DashboardCache, Depends(cache_of)]


def reader_of(projector: Projector, cache: Cache) -> Reader:
    return Reader(projector=projector, cache=cache)


def settings_of(runtime: Runtime) -> InsightsSettings:
    settings = runtime.settings
    assert isinstance(settings, InsightsSettings), "the runtime was not built for insights"
    return settings


DashboardReader = Annotated[Reader, Depends(reader_of)]
Settings = Annotated[InsightsSettings, Depends(settings_of)]
