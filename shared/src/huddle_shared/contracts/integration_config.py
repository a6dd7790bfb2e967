"""Events of the integrations service's own aggregates: how each organisation integrates.

Internal domain events like every service's (not the public integration contract in
:mod:`huddle_shared.contracts.integration`). Secrets never appear in them.
"""

from __future__ import annotations

from pydantic import Field

from huddle_shared.contracts.registry import REGISTRY
from huddle_shared.events import DomainEvent, Topic

CONFIG_TOPIC = Topic(
    name="integrations.config.v1",
    service="integrations",
    aggregate="integration_config",
    description="How an organisation integrates: what free text it shares with its "
    "integrations, and its webhook subscriptions. Never a secret.",
    key_description="The stream id: `sharing-<org id>` or `webhook-<subscription id>`.",
)


@REGISTRY.event(CONFIG_TOPIC, "huddle.integrations.sharing_changed.v1")
class SharingChanged(DomainEvent):
    """An org admin changed which free-text fields integration events carry."""

    org_id: str
    shared_fields: list[str] = Field(description="e.g. team.name, campaign.title")
    changed_by: str


# ---- webhook subscriptions (stream ``webhook-<subscription id>``) ---------------------------
# The subscription's configuration and status as history; the signing secrets and the delivery
# counters are operational state kept beside it, never in an event.


@REGISTRY.event(CONFIG_TOPIC, "huddle.integrations.webhook_subscribed.v1")
class WebhookSubscribed(DomainEvent):
    """A URL was subscribed to the organisation's integration events."""

    subscription_id: str
    org_id: str
    url: str
    description: str = ""
    event_types: list[str] = Field(description="Empty: every type")
    created_by: str


@REGISTRY.event(CONFIG_TOPIC, "huddle.integrations.webhook_changed.v1")
class WebhookChanged(DomainEvent):
    """The subscription's URL, description or filter changed (the new values, all of them)."""

    subscription_id: str
    url: str
    description: str
    event_types: list[str]
    changed_by: str


@REGISTRY.event(CONFIG_TOPIC, "huddle.integrations.webhook_status_changed.v1")
class WebhookStatusChanged(DomainEvent):
    """Paused, resumed, disabled by the service after persistent failure, or re-enabled."""

    subscription_id: str
    from_status: str
    to_status: str = Field(description="active, paused or disabled")
    reason: str | None = None
    changed_by: str | None = Field(description="None when the service disabled it")


@REGISTRY.event(CONFIG_TOPIC, "huddle.integrations.webhook_secret_rotated.v1")
class WebhookSecretRotated(DomainEvent):
    """A new signing secret was made; the previous one signs too for ``overlap_s``."""

    subscription_id: str
    overlap_s: int = Field(ge=0)
    rotated_by: str


@REGISTRY.event(CONFIG_TOPIC, "huddle.integrations.webhook_unsubscribed.v1")
class WebhookUnsubscribed(DomainEvent):
    """The subscription was deleted, with its pending deliveries and its log."""

    subscription_id: str
    deleted_by: str
