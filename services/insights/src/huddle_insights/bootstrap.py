"""The insights service's composition root: every part is built here, explicitly."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import FastAPI

from huddle_insights.adapters.kafka import KafkaTopicEnds
from huddle_insights.api.routes import routers
from huddle_insights.application.alerts import AlertPublisher
from huddle_insights.application.cache import DashboardCache
from huddle_insights.application.projector import Projector
from huddle_insights.application.results import ResultsPublisher
from huddle_insights.application.risk_schedule import RiskSchedule
from huddle_insights.config import InsightsSettings
from huddle_insights.consumers.upstream_events import UpstreamConsumers
from huddle_shared import operations
from huddle_shared.app import create_service_app
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.contracts import REGISTRY
from huddle_shared.db import create_engine
from huddle_shared.runtime import ServiceRuntime

MIGRATIONS = Path(__file__).parent / "migrations"


def build_projector(
    settings: InsightsSettings, runtime: ServiceRuntime, alerts: AlertPublisher | None = None
) -> Projector:
    alerts = alerts or AlertPublisher(store=runtime.store)
    results = ResultsPublisher(store=runtime.store)
    consumers = UpstreamConsumers(settings=settings, alerts=alerts, results=results)
    runtime.topics.extend([*consumers.topics, consumers.dead_letter_topic])
    return Projector(
        engine=runtime.engine,
        group_prefix=settings.consumer_group,
        consumers=consumers,
        topic_ends=KafkaTopicEnds(
            bootstrap=settings.kafka_bootstrap, client_options=settings.kafka_options
        ),
    )


def build_app(settings: InsightsSettings | None = None) -> FastAPI:
    settings = settings or InsightsSettings()
    runtime = ServiceRuntime.build(settings, registry=REGISTRY, migrations=MIGRATIONS)
    alerts = AlertPublisher(store=runtime.store)
    projector = build_projector(settings, runtime, alerts)
    schedule = RiskSchedule(
        alerts=alerts,
        engine=projector.read_engine,
        interval_s=settings.risk_reevaluation_interval_s,
    )

    async def project(stop: asyncio.Event) -> None:
        if settings.consumers_enabled:
            await projector.run(stop, ready=runtime.topics_ready)

    async def reevaluate(stop: asyncio.Event) -> None:
        if settings.consumers_enabled:
            await schedule.run(stop)

    runtime.add_task("projector", project)
    runtime.add_task("risk-schedule", reevaluate)
    runtime.live_consumers = lambda: [projector.live]
    app = create_service_app(
        runtime=runtime,
        title="Huddle insights",
        description="Morale, collaboration and burnout-risk dashboards projected from the "
        "event stream. Aggregates only: values resting on too few respondents are suppressed.",
        # The dead-letter routes of every consuming service (operator key; docs/operations.md).
        routers=[*routers, operations.router],
    )
    app.state.projector = projector
    app.state.risk_schedule = schedule
    app.state.dashboard_cache = DashboardCache(settings.dashboard_cache_size)
    return app


async def rebuild_projections(settings: InsightsSettings) -> dict[str, object]:
    """``python -m huddle_insights rebuild``: a running service follows the swap by itself."""
    runtime = ServiceRuntime.build(
        settings, registry=REGISTRY, migrations=MIGRATIONS, engine=create_engine(settings)
    )
    try:
        return (await build_projector(settings, runtime).rebuild()).as_json()
    finally:
        await runtime.engine.dispose()


async def live_generation_consumers(app: FastAPI) -> list[ConsumerRuntime]:
    """``replay-dead-letters``: the consumer of the active generation, as the service runs it."""
    projector: Projector = app.state.projector
    generation = await projector.active_generation()
    return [projector.consumer_for(generation, alerts=True)]
