"""In-process services wired to the real PostgreSQL and Kafka of the test session."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

from huddle_devtools.testing.databases import DatabaseFactory
from huddle_shared.runtime import ServiceRuntime


@dataclass
class RunningService:
    app: FastAPI
    client: httpx.AsyncClient
    database_url: str

    @property
    def runtime(self) -> ServiceRuntime:
        runtime: ServiceRuntime = self.app.state.runtime
        return runtime


@asynccontextmanager
async def running(app: FastAPI, database_url: str) -> AsyncIterator[RunningService]:
    async with LifespanManager(app, startup_timeout=60, shutdown_timeout=60) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield RunningService(app, client, database_url)


@pytest.fixture
def start_teams(
    databases: DatabaseFactory, settings_for: Callable[..., dict[str, Any]]
) -> Callable[..., Any]:
    # Imported here so that one service's broken import does not stop every other suite.
    from huddle_teams.bootstrap import MIGRATIONS, build_app
    from huddle_teams.config import TeamsSettings

    def start(database_url: str | None = None, **overrides: Any) -> Any:
        url = database_url or databases.create("teams", MIGRATIONS)
        app = build_app(TeamsSettings(**settings_for(url, **overrides)))
        return running(app, url)

    return start


@pytest.fixture
def start_assessments(
    databases: DatabaseFactory, settings_for: Callable[..., dict[str, Any]]
) -> Callable[..., Any]:
    from huddle_assessments.bootstrap import MIGRATIONS, build_app
    from huddle_assessments.config import AssessmentsSettings

    def start(database_url: str | None = None, **overrides: Any) -> Any:
        url = database_url or databases.create("assessments", MIGRATIONS)
        app = build_app(AssessmentsSettings(**settings_for(url, **overrides)))
        return running(app, url)

    return start


@pytest.fixture
def start_insights(
    databases: DatabaseFactory, settings_for: Callable[..., dict[str, Any]]
) -> Callable[..., Any]:
    from huddle_insights.bootstrap import MIGRATIONS, build_app
    from huddle_insights.config import InsightsSettings

    def start(database_url: str | None = None, **overrides: Any) -> Any:
        url = database_url or databases.create("insights", MIGRATIONS)
        app = build_app(InsightsSettings(**settings_for(url, **overrides)))
        return running(app, url)

    return start


@pytest.fixture
def start_integrations(
    databases: DatabaseFactory, settings_for: Callable[..., dict[str, Any]]
) -> Callable[..., Any]:
    from huddle_integrations.bootstrap import MIGRATIONS, build_app
    from huddle_integrations.config import IntegrationsSettings

    def start(database_url: str | None = None, **overrides: Any) -> Any:
        url = database_url or databases.create("integrations", MIGRATIONS)
        overrides.setdefault("webhook_allow_private_targets", True)
        app = build_app(IntegrationsSettings(**settings_for(url, **overrides)))
        return running(app, url)

    return start


@pytest.fixture
async def teams(start_teams: Callable[..., Any]) -> AsyncIterator[RunningService]:
    async with start_teams() as service:
        yield service
