"""Consumes the teams service's events into the insights read models."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_insights.config import InsightsSettings
from huddle_insights.projections.team_directory import TeamDirectory
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import TEAM_TOPIC


def build_teams_consumer(settings: InsightsSettings, engine: AsyncEngine) -> ConsumerRuntime:
    return ConsumerRuntime(
        engine=engine,
        registry=REGISTRY,
        projection=TeamDirectory(),
        group_id=settings.consumer_group,
        topics=[settings.topic(TEAM_TOPIC.name)],
        bootstrap=settings.kafka_bootstrap,
        dead_letter_topic=settings.topic("insights.deadletter.v1"),
        batch_size=settings.consumer_batch_size,
    )
