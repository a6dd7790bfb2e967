"""Consumes teams' and identity's events into assessments' local directory."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_assessments.config import AssessmentsSettings
from huddle_assessments.projections.directory import Directory
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.identity import USER_TOPIC
from huddle_shared.contracts.teams import TEAM_TOPIC


def build_directory_consumer(settings: AssessmentsSettings, engine: AsyncEngine) -> ConsumerRuntime:
    return ConsumerRuntime(
        engine=engine,
        registry=REGISTRY,
        projection=Directory(link_key=settings.link_key()),
        group_id=settings.consumer_group,
        topics=[settings.topic(TEAM_TOPIC.name), settings.topic(USER_TOPIC.name)],
        bootstrap=settings.kafka_bootstrap,
        dead_letter_topic=settings.topic("assessments.deadletter.v1"),
        batch_size=settings.consumer_batch_size,
        client_options=settings.kafka_options,
    )
