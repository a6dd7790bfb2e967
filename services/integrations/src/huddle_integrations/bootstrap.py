"""The integrations service's composition root: every part is built here, explicitly."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import FastAPI

from huddle_integrations.adapters.org_topics import KafkaOrgTopics
from huddle_integrations.adapters.webhook_http import WebhookSender
from huddle_integrations.adapters.webhook_secrets import SecretBox
from huddle_integrations.api.routes import routers
from huddle_integrations.application.deliveries import WebhookFanout
from huddle_integrations.application.dispatcher import Dispatcher
from huddle_integrations.application.publish import Publisher
from huddle_integrations.application.review_schedule import ReviewSchedule
from huddle_integrations.application.webhooks import WebhookSubscriptions
from huddle_integrations.config import IntegrationsSettings
from huddle_integrations.consumers.upstream_events import build_upstream_consumer
from huddle_integrations.domain.webhooks import DisablePolicy, RetryPolicy
from huddle_shared import operations
from huddle_shared.app import create_service_app
from huddle_shared.contracts import REGISTRY
from huddle_shared.runtime import ServiceRuntime

MIGRATIONS = Path(__file__).parent / "migrations"


def build_app(settings: IntegrationsSettings | None = None) -> FastAPI:
    settings = settings or IntegrationsSettings()
    runtime = ServiceRuntime.build(settings, registry=REGISTRY, migrations=MIGRATIONS)
    topics = KafkaOrgTopics(
        bootstrap=settings.kafka_bootstrap,
        physical=settings.topic,
        partitions=settings.topic_partitions,
        replication_factor=settings.org_topic_replication_factor,
        create=settings.create_org_topics,
        client_options=settings.kafka_options,
    )
    publisher = Publisher(topics=topics)
    webhooks, dispatcher = _webhooks(settings, runtime, publisher)
    runtime.add_consumer(
        build_upstream_consumer(settings=settings, engine=runtime.engine, publisher=publisher)
    )
    reviews = ReviewSchedule(
        engine=runtime.engine,
        publisher=publisher,
        interval_s=settings.review_check_interval_s,
        overdue_after_days=settings.review_overdue_after_days,
    )

    async def announce_reviews(stop: asyncio.Event) -> None:
        if settings.consumers_enabled:
            await reviews.run(stop)

    runtime.add_task("review-schedule", announce_reviews)
    app = create_service_app(
        runtime=runtime,
        title="Huddle integrations",
        description="Integration events for health-system IT: a public, versioned, "
        "privacy-safe contract, delivered by webhook (Standard Webhooks), by an HTTP feed "
        "(CloudEvents JSON batches) and on each organisation's own Kafka topic.",
        # The dead-letter routes of every consuming service (operator key; docs/operations.md).
        routers=[*routers, operations.router],
    )
    app.state.publisher = publisher
    app.state.review_schedule = reviews
    app.state.webhooks = webhooks
    app.state.webhook_dispatcher = dispatcher
    return app


def _webhooks(
    settings: IntegrationsSettings, runtime: ServiceRuntime, publisher: Publisher
) -> tuple[WebhookSubscriptions, Dispatcher]:
    """The webhook parts: the fan-out in every publication, the dispatcher and its gauges."""
    key = settings.webhook_secret_key
    secret_box = SecretBox(key.get_secret_value() if key else None)
    dispatcher = Dispatcher(
        engine=runtime.engine,
        store=runtime.store,
        publisher=publisher,
        sender=WebhookSender(
            timeout_s=settings.webhook_timeout_s,
            allow_private=settings.webhook_allow_private_targets,
        ),
        secret_box=secret_box,
        retry=RetryPolicy(
            initial_s=settings.webhook_retry_initial_s,
            maximum_s=settings.webhook_retry_max_s,
            factor=settings.webhook_retry_factor,
            max_attempts=settings.webhook_max_attempts,
        ),
        disable=DisablePolicy(
            failing_for_s=settings.webhook_disable_after_failing_s,
            consecutive_dead=settings.webhook_disable_after_dead,
        ),
        concurrency=settings.webhook_concurrency,
        poll_interval_s=settings.webhook_poll_interval_s,
        lease_s=settings.webhook_timeout_s + 30,
    )
    publisher.add_fanout(WebhookFanout(on_written=dispatcher.poke))
    webhooks = WebhookSubscriptions(
        engine=runtime.engine,
        store=runtime.store,
        secret_box=secret_box,
        allow_private_targets=settings.webhook_allow_private_targets,
        on_queued=dispatcher.poke,
    )

    async def sample(stop: asyncio.Event) -> None:
        await dispatcher.sample_metrics(stop, settings.webhook_metrics_interval_s)

    runtime.add_task("webhook-dispatcher", dispatcher.run)
    runtime.add_task("webhook-metrics", sample)
    return webhooks, dispatcher
