"""Consumes the teams, campaign and insights topics into integration events.

Never the response topic (individual responses, with their exact times, must not reach this
service at all) and never identity's topics.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_integrations.config import IntegrationsSettings
from huddle_integrations.projections.integration_events import IntegrationEvents, Publish
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.assessments import CAMPAIGN_TOPIC
from huddle_shared.contracts.insights import ALERTS_TOPIC, RESULTS_TOPIC
from huddle_shared.contracts.practice import ACTION_TOPIC
from huddle_shared.contracts.teams import TEAM_TOPIC

DEAD_LETTER_TOPIC = "integrations.deadletter.v1"
CONSUMED_TOPICS = (
    TEAM_TOPIC.name,
    ACTION_TOPIC.name,
    CAMPAIGN_TOPIC.name,
    ALERTS_TOPIC.name,
    RESULTS_TOPIC.name,
)


def consumed_topics() -> list[str]:
    """The logical topics this service consumes."""
    return list(CONSUMED_TOPICS)


def build_upstream_consumer(
    *, settings: IntegrationsSettings, engine: AsyncEngine, publisher: Publish
) -> ConsumerRuntime:
    return ConsumerRuntime(
        engine=engine,
        registry=REGISTRY,
        projection=IntegrationEvents(publisher=publisher),
        group_id=settings.consumer_group,
        topics=[settings.topic(name) for name in consumed_topics()],
        bootstrap=settings.kafka_bootstrap,
        dead_letter_topic=settings.topic(DEAD_LETTER_TOPIC),
        batch_size=settings.consumer_batch_size,
        client_options=settings.kafka_options,
    )
