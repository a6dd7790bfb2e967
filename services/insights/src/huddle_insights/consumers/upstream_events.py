"""Consumes every event topic of identity, teams and assessments into the insights projection.

Unlike the teams service's single consumer, insights runs one consumer per projection
generation (group ``insights-g<N>``, see ``application/projector.py``), so this module hands
the projector a builder rather than a consumer. Only the live generation's projection gets the
alert evaluation and the results publication: a rebuild replays history, and history must not
alert again nor publish a campaign's results again.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_insights.config import InsightsSettings
from huddle_insights.projections.insights import (
    AlertEvaluation,
    InsightsProjection,
    ResultsPublication,
)
from huddle_shared.consumer import ConsumerRuntime
from huddle_shared.contracts import REGISTRY

CONSUMED_SERVICES = ("identity", "teams", "assessments")
DEAD_LETTER_TOPIC = "insights.deadletter.v1"


class UpstreamConsumers:
    """Builds the consumer of one generation; group, engine and alerts vary, the rest does not."""

    def __init__(
        self,
        *,
        settings: InsightsSettings,
        alerts: AlertEvaluation,
        results: ResultsPublication | None = None,
    ) -> None:
        self.settings = settings
        self.alerts = alerts
        self.results = results
        self.topics = [settings.topic(t) for t in REGISTRY.topic_names(services=CONSUMED_SERVICES)]
        self.dead_letter_topic = settings.topic(DEAD_LETTER_TOPIC)

    def build(self, *, engine: AsyncEngine, group_id: str, alerts: bool) -> ConsumerRuntime:
        """``alerts`` is true for the live generation only: it alerts and publishes results."""
        live = alerts
        return ConsumerRuntime(
            engine=engine,
            registry=REGISTRY,
            projection=InsightsProjection(
                alerts=self.alerts if live else None, results=self.results if live else None
            ),
            group_id=group_id,
            topics=self.topics,
            bootstrap=self.settings.kafka_bootstrap,
            dead_letter_topic=self.dead_letter_topic,
            batch_size=self.settings.consumer_batch_size,
            client_options=self.settings.kafka_options,
        )
