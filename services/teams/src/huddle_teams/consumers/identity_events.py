"""Consumes identity's user events into the teams service's local user directory."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.identity import USER_TOPIC
from huddle_teams.config import TeamsSettings
from huddle_teams.projections.user_directory import UserDirectory

DEAD_LETTER_TOPIC = "teams.deadletter.v1"


def build_identity_consumer(*, settings: TeamsSettings, engine: AsyncEngine) -> ConsumerRuntime:
    return ConsumerRuntime(
        engine=engine,
        registry=REGISTRY,
        projection=UserDirectory(),
        group_id=settings.consumer_group,
        topics=[settings.topic(USER_TOPIC.name)],
        bootstrap=settings.kafka_bootstrap,
        dead_letter_topic=settings.topic(DEAD_LETTER_TOPIC),
        batch_size=settings.consumer_batch_size,
        client_options=settings.kafka_options,
        # Commands keep working on the directory as it is while Kafka is away; readiness
        # must not pull the write side out of rotation for that (lag is a metric instead).
        gates_readiness=False,
    )
