"""Webhook subscriptions and deliveries: the rules, without I/O.

- **Filters.** A subscription names the integration event types it wants; none means all.
- **Retries.** A failed delivery is retried on an exponential schedule with equal jitter
  (``huddle_shared.retry.Backoff``) until its attempts run out, then it is *dead*: kept in the
  log, replayable, and no longer holding back the later events of its aggregate (an integrator
  who needs every event in order replays the dead ones, or reads the feed from a cursor).
- **Auto-disable.** A subscription whose every delivery has failed for a long time, or that has
  dead-lettered many deliveries in a row, is disabled (with a ``webhook.disabled`` event), so a
  receiver gone for good stops costing work; an admin re-enables it once fixed.
- **Rotation.** After a rotation the previous secret still signs (both signatures go in
  ``webhook-signature``, as Standard Webhooks allows) until its overlap ends.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from huddle_shared.retry import Backoff

SECRET_PREFIX = "whsec_"  # noqa: S105 - the format's prefix, not a secret
SECRET_BYTES = 32
EXCERPT_CHARS = 512
ERROR_CHARS = 500


class SubscriptionStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"  # deliveries are recorded and wait
    DISABLED = "disabled"  # no new deliveries; set by the service after persistent failure


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    DEAD = "dead"


def secret_from(random_bytes: bytes) -> str:
    """A Standard Webhooks secret: ``whsec_`` and the base64 of the key."""
    if len(random_bytes) < 24:
        raise ValueError("a webhook secret needs at least 24 random bytes")
    return SECRET_PREFIX + base64.b64encode(random_bytes).decode()


def wants(event_types: Sequence[str], event_type: str) -> bool:
    """Whether a subscription with this filter receives ``event_type`` (empty = everything)."""
    return not event_types or event_type in event_types


@dataclass(frozen=True)
class RetryPolicy:
    """When to try again: ``initial_s``, then ``factor`` times longer each time up to
    ``maximum_s``, each delay jittered to between half and all of it; ``max_attempts`` in all."""

    initial_s: float
    maximum_s: float
    factor: float
    max_attempts: int

    def delay_after(self, attempts: int, rng: Callable[[], float] = random.random) -> float | None:
        """Seconds until the next try after ``attempts`` failed ones; None once exhausted."""
        if attempts >= self.max_attempts:
            return None
        backoff = Backoff(self.initial_s, self.maximum_s, factor=self.factor, rng=rng)
        delay = backoff.next_delay()
        for _ in range(attempts - 1):
            delay = backoff.next_delay()
        return delay

    def budget_s(self) -> float:
        """The longest time from the first attempt to the last (no jitter)."""
        total = 0.0
        for attempt in range(1, self.max_attempts):
            total += self.delay_after(attempt, rng=lambda: 1.0) or 0.0
        return total


@dataclass(frozen=True)
class DisablePolicy:
    """After how much failure a subscription is disabled."""

    failing_for_s: float
    consecutive_dead: int


@dataclass(frozen=True)
class Health:
    """A subscription's failure record since its last successful delivery."""

    consecutive_failures: int
    consecutive_dead: int
    failing_since: datetime | None


def disable_reason(health: Health, policy: DisablePolicy, now: datetime) -> str | None:
    """Why the subscription should be disabled now, or None while it may go on."""
    if health.consecutive_dead >= policy.consecutive_dead:
        return f"{health.consecutive_dead} deliveries in a row were dead-lettered"
    if health.failing_since is not None and health.consecutive_failures > 0:
        failing = (now - health.failing_since).total_seconds()
        if failing >= policy.failing_for_s:
            hours = failing / 3600
            return f"every delivery has failed for {hours:.1f} hours"
    return None


@dataclass(frozen=True)
class Secrets:
    """The signing secrets: the current one and, during a rotation's overlap, the previous."""

    current: str
    previous: str | None = None
    previous_expires_at: datetime | None = None

    def signing(self, now: datetime) -> list[str]:
        """The secrets that sign a delivery made at ``now`` (current first)."""
        found = [self.current]
        if self.previous and self.previous_expires_at and self.previous_expires_at > now:
            found.append(self.previous)
        return found

    def rotated(self, new: str, *, now: datetime, overlap: timedelta) -> Secrets:
        """The secrets after a rotation: ``new`` signs, the current one too until the overlap
        ends (a second rotation within the overlap drops the oldest)."""
        return Secrets(current=new, previous=self.current, previous_expires_at=now + overlap)


def excerpt(body: bytes, limit: int = EXCERPT_CHARS) -> str:
    """The start of a response body, as text, for the delivery log (never more is kept)."""
    return body.decode("utf-8", errors="replace")[:limit]


def short_error(message: str) -> str:
    return message[:ERROR_CHARS]
