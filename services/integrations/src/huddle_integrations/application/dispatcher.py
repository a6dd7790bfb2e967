"""The webhook dispatcher: sends due deliveries, in order per aggregate, and keeps the schedule.

- **Claim.** A short transaction takes due pending deliveries with ``FOR UPDATE SKIP LOCKED``
  (replicas share the work) and leases them: ``next_attempt_at`` moves to the end of the lease
  and ``lease`` holds this claim's token, so the HTTP call runs outside any transaction and a
  dispatcher that dies mid-call only delays the delivery until its lease ends (at-least-once:
  receivers drop duplicates by ``webhook-id``).
- **Order.** A delivery is due only when no *earlier* (smaller id) delivery of the same
  subscription and aggregate (``ordering_key``, the event's subject) is still pending, sent or
  waiting for a retry. Dead deliveries do not hold later ones back: after the retry budget the
  aggregate moves on, and the dead one is in the log to replay (a replayed one is pending again
  and, having the smaller id, goes before the aggregate's later pending ones).
- **Result.** One transaction, shared by the outcomes ready at the same time (group commit),
  records the attempts, schedules the retries (exponential with equal jitter,
  ``domain/webhooks.py: RetryPolicy``) or marks the deliveries succeeded or dead, updates the
  subscriptions' failure records, and, when a failure is persistent, disables the subscription
  and publishes ``webhook.disabled`` through the publisher (feed, Kafka, the organisation's
  other subscriptions) in the same transaction.
- **Wake-up.** The fan-out pokes the dispatcher of its own process; other replicas' rows are
  found by polling every ``poll_interval_s``.

Pings (``feed_seq`` null) are sent whatever the subscription's status (that is how an admin
checks a fixed receiver before re-enabling it) and do not count towards its failure record.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from opentelemetry import propagate, trace
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from standardwebhooks.webhooks import Webhook

from huddle_integrations.adapters.webhook_http import SendResult, WebhookSender
from huddle_integrations.adapters.webhook_secrets import SecretBox
from huddle_integrations.application import subscription_history as history
from huddle_integrations.application.publish import Publisher
from huddle_integrations.domain.feed import EVENT_CONTENT_TYPE, FeedEntry
from huddle_integrations.domain.translation import notice
from huddle_integrations.domain.webhooks import (
    DisablePolicy,
    Health,
    RetryPolicy,
    Secrets,
    disable_reason,
)
from huddle_shared import metrics
from huddle_shared.aio import sleep_or_stop
from huddle_shared.contracts.integration import WebhookDisabled
from huddle_shared.contracts.integration_config import WebhookStatusChanged
from huddle_shared.eventstore import EventStore
from huddle_shared.retry import Backoff
from huddle_shared.runtime import utc_now
from huddle_shared.telemetry import tracer

logger = logging.getLogger("huddle.integrations.webhooks")
USER_AGENT = "Huddle-Webhooks/1.0"

_CLAIM = text(
    """
    WITH due AS (
        SELECT d.id
        FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= now()
          AND (s.status = 'active' OR d.feed_seq IS NULL)
          AND NOT EXISTS (
              SELECT 1 FROM webhook_deliveries e
              WHERE e.subscription_id = d.subscription_id
                AND e.ordering_key = d.ordering_key
                AND e.status = 'pending'
                AND e.id < d.id)
        ORDER BY d.next_attempt_at, d.id
        LIMIT :n
        FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE webhook_deliveries w
    SET lease = :lease, next_attempt_at = now() + make_interval(secs => :lease_s)
    FROM due WHERE w.id = due.id
    RETURNING w.id
    """
)
_CLAIMED = text(
    """
    SELECT d.id, d.subscription_id, d.org_id, d.feed_seq, d.event_id, d.event_type,
           d.ordering_key, d.body, d.attempts, d.created_at,
           s.url, s.secret, s.previous_secret, s.previous_secret_expires_at,
           f.subject, f.time, f.data, f.trace, f.org_seq
    FROM webhook_deliveries d
    JOIN webhook_subscriptions s ON s.id = d.subscription_id
    LEFT JOIN feed f ON f.seq = d.feed_seq
    WHERE d.id = ANY(CAST(:ids AS bigint[]))
    ORDER BY d.id
    """
)
_RECORD_MANY = text(
    """
    UPDATE webhook_deliveries w
    SET attempts = r.attempts, status = r.status, lease = NULL,
        next_attempt_at = now() + make_interval(secs => r.delay_s),
        last_attempt_at = now(), last_status = r.code, last_error = r.error,
        response_excerpt = r.excerpt,
        delivered_at = CASE WHEN r.status = 'succeeded' THEN now() ELSE w.delivered_at END
    FROM unnest(CAST(:ids AS bigint[]), CAST(:leases AS uuid[]), CAST(:attempts AS int[]),
                CAST(:statuses AS text[]), CAST(:delays AS float8[]), CAST(:codes AS int[]),
                CAST(:errors AS text[]), CAST(:excerpts AS text[]))
         AS r(id, lease, attempts, status, delay_s, code, error, excerpt)
    WHERE w.id = r.id AND w.lease = r.lease
    RETURNING w.id, extract(epoch FROM now() - w.created_at) AS age_s
    """
)
_ATTEMPTS = text(
    """
    INSERT INTO webhook_attempts (delivery_id, status_code, error, duration_ms, excerpt)
    SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:codes AS int[]),
                         CAST(:errors AS text[]), CAST(:durations AS int[]),
                         CAST(:excerpts AS text[]))
    """
)
_HEALTHY = text(
    "UPDATE webhook_subscriptions "
    "SET consecutive_failures = 0, consecutive_dead = 0, failing_since = NULL "
    "WHERE id = ANY(CAST(:subs AS uuid[])) AND (consecutive_failures > 0 OR consecutive_dead > 0)"
)
RECORD_BATCH = 500
_FAILED = text(
    """
    UPDATE webhook_subscriptions
    SET consecutive_failures = consecutive_failures + 1,
        consecutive_dead = consecutive_dead + :dead,
        failing_since = coalesce(failing_since, now())
    WHERE id = :sub AND status <> 'disabled'
    RETURNING org_id, status, consecutive_failures, consecutive_dead, failing_since, now() AS now
    """
)
_DISABLE = text(
    "UPDATE webhook_subscriptions SET status = 'disabled', disabled_reason = :reason, "
    "updated_at = now() WHERE id = :sub RETURNING version, org_id"
)
_PENDING_BY_SUBSCRIPTION = text(
    """
    SELECT subscription_id, count(*) AS pending,
           extract(epoch FROM now() - min(created_at)) AS oldest_s
    FROM webhook_deliveries WHERE status = 'pending'
    GROUP BY subscription_id
    """
)


@dataclass(frozen=True)
class Claimed:
    """A leased delivery and everything needed to send it."""

    id: int
    lease: uuid.UUID
    subscription_id: str
    org_id: str
    event_id: str
    event_type: str
    is_ping: bool
    attempts: int
    url: str
    secrets: Secrets
    body: str
    trace: dict[str, str]


def _body(row: Any) -> str:
    if row.feed_seq is None:
        document: dict[str, Any] = row.body
    else:
        document = FeedEntry(
            seq=int(row.feed_seq),
            org_seq=int(row.org_seq),
            event_id=row.event_id,
            org_id=row.org_id,
            type=row.event_type,
            subject=row.subject,
            time=row.time,
            data=row.data,
        ).cloudevent()
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False)


def signature_headers(
    *, event_id: str, body: str, secrets: Sequence[str], now: datetime
) -> dict[str, str]:
    """The Standard Webhooks headers; one ``v1,`` signature per secret, space-separated."""
    signatures = " ".join(
        Webhook(s).sign(msg_id=event_id, timestamp=now, data=body) for s in secrets
    )
    return {
        "webhook-id": event_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signatures,
        "content-type": EVENT_CONTENT_TYPE,
        "user-agent": USER_AGENT,
    }


class Dispatcher:
    def __init__(
        self,
        *,
        engine: AsyncEngine,
        store: EventStore,
        publisher: Publisher,
        sender: WebhookSender,
        secret_box: SecretBox,
        retry: RetryPolicy,
        disable: DisablePolicy,
        concurrency: int,
        poll_interval_s: float,
        lease_s: float,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.engine = engine
        self.store = store
        self.publisher = publisher
        self.sender = sender
        self.secret_box = secret_box
        self.retry = retry
        self.disable = disable
        self.concurrency = concurrency
        self.poll_interval_s = poll_interval_s
        self.lease_s = lease_s
        self.clock = clock
        self._wake = asyncio.Event()
        self._sampled: set[str] = set()
        self._outcomes: list[tuple[Claimed, SendResult]] = []
        self._recorder: asyncio.Task[None] | None = None

    def poke(self) -> None:
        """Work was written (maybe not committed yet): look again soon."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        in_flight: set[asyncio.Task[None]] = set()
        backoff = Backoff(0.5, 10.0)
        try:
            while not stop.is_set():
                free = self.concurrency - len(in_flight)
                claimed: list[Claimed] = []
                # Claim in groups (a quarter of the slots at least), not one per finished send.
                if free >= max(1, self.concurrency // 4) or not in_flight:
                    self._wake.clear()
                    try:
                        claimed = await self.claim(free)
                        backoff.reset()
                    except Exception:
                        logger.exception("cannot claim webhook deliveries; retrying")
                        await backoff.wait(stop)
                        continue
                for delivery in claimed:
                    task = asyncio.create_task(self.deliver(delivery))
                    in_flight.add(task)
                    task.add_done_callback(in_flight.discard)
                if claimed and len(claimed) == free:
                    await self._wait(stop, in_flight, within=0)
                    continue
                await self._wait(stop, in_flight, within=self.poll_interval_s)
        finally:
            if in_flight:
                # Each send has its own time limit; whatever is cut off is retried after its
                # lease ends.
                _, pending = await asyncio.wait(in_flight, timeout=self.sender.timeout_s + 5)
                for task in pending:
                    task.cancel()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.flush(), timeout=10)
            await self.sender.close()

    async def _wait(
        self, stop: asyncio.Event, in_flight: set[asyncio.Task[None]], *, within: float
    ) -> None:
        waiters = [asyncio.create_task(stop.wait()), asyncio.create_task(self._wake.wait())]
        try:
            await asyncio.wait(
                [*waiters, *in_flight],
                timeout=within if within > 0 else None,
                return_when=asyncio.FIRST_COMPLETED,
            )
        finally:
            for waiter in waiters:
                waiter.cancel()
        if self._wake.is_set():
            # The poke may come before its transaction commits: give the commit a moment.
            await asyncio.sleep(0.02)

    async def run_once(self) -> int:
        """Claim and send every due delivery once (tests, and a manual drain)."""
        claimed = await self.claim(self.concurrency)
        await asyncio.gather(*(self.deliver(c) for c in claimed))
        await self.flush()
        return len(claimed)

    async def claim(self, limit: int) -> list[Claimed]:
        lease = uuid.uuid4()
        async with self.engine.begin() as conn:
            ids = (
                (await conn.execute(_CLAIM, {"n": limit, "lease": lease, "lease_s": self.lease_s}))
                .scalars()
                .all()
            )
            if not ids:
                return []
            rows = (await conn.execute(_CLAIMED, {"ids": list(ids)})).all()
        return [self._claimed(row, lease) for row in rows]

    def _claimed(self, row: Any, lease: uuid.UUID) -> Claimed:
        return Claimed(
            id=int(row.id),
            lease=lease,
            subscription_id=str(row.subscription_id),
            org_id=row.org_id,
            event_id=str(row.event_id),
            event_type=row.event_type,
            is_ping=row.feed_seq is None,
            attempts=int(row.attempts),
            url=row.url,
            secrets=Secrets(
                current=self.secret_box.open(row.secret),
                previous=self.secret_box.open(row.previous_secret) if row.previous_secret else None,
                previous_expires_at=row.previous_secret_expires_at,
            ),
            body=_body(row),
            trace=dict(row.trace or {}),
        )

    async def deliver(self, delivery: Claimed) -> None:
        """One attempt: sign, send, record (never raises: a failure is recorded for a retry)."""
        links = []
        cause = trace.get_current_span(propagate.extract(delivery.trace)).get_span_context()
        if cause.is_valid:
            links.append(trace.Link(cause))
        with tracer().start_as_current_span(
            "webhook deliver",
            kind=trace.SpanKind.CLIENT,
            links=links,
            attributes={
                "huddle.webhook.subscription_id": delivery.subscription_id,
                "huddle.webhook.delivery_id": delivery.id,
                "huddle.webhook.attempt": delivery.attempts + 1,
                "cloudevents.event_id": delivery.event_id,
                "cloudevents.event_type": delivery.event_type,
            },
        ) as span:
            now = self.clock()
            headers = signature_headers(
                event_id=delivery.event_id,
                body=delivery.body,
                secrets=delivery.secrets.signing(now),
                now=now,
            )
            result = await self.sender.send(delivery.url, delivery.body.encode(), headers)
            span.set_attribute("huddle.webhook.result", result.kind)
            if result.status_code is not None:
                span.set_attribute("http.response.status_code", result.status_code)
            if not result.delivered:
                span.set_status(trace.Status(trace.StatusCode.ERROR, result.error or result.kind))
            # Recorded in the background, so the send's slot is free at once; until then the
            # delivery keeps its lease (nothing else sends it).
            self._queue_outcome(delivery, result)

    def _queue_outcome(self, delivery: Claimed, result: SendResult) -> None:
        """Queue one attempt's outcome to be recorded.

        Outcomes are committed in groups: while one group's transaction runs, the next ones
        queue, and the next transaction takes them all (one statement for the deliveries, one
        for their attempts), so under load a delivery costs a fraction of a transaction.
        """
        self._outcomes.append((delivery, result))
        if self._recorder is None or self._recorder.done():
            self._recorder = asyncio.create_task(self._record_queued())

    async def flush(self) -> None:
        """Wait until every queued outcome is recorded (or failed to be)."""
        while self._recorder is not None and not self._recorder.done():
            await asyncio.shield(self._recorder)

    async def _record_queued(self) -> None:
        while self._outcomes:
            group, self._outcomes = self._outcomes[:RECORD_BATCH], self._outcomes[RECORD_BATCH:]
            try:
                await self._record_group(group)
            except Exception:
                # Their leases run out and they are tried again: at-least-once.
                logger.exception("cannot record %d webhook deliveries", len(group))

    async def _record_group(self, group: Sequence[tuple[Claimed, SendResult]]) -> None:
        outcomes = []
        for delivery, result in group:
            attempts = delivery.attempts + 1
            delay = None if result.delivered else self.retry.delay_after(attempts)
            status = "succeeded" if result.delivered else ("dead" if delay is None else "pending")
            outcomes.append((delivery, result, attempts, status, delay or 0.0))
        disabled: list[str] = []
        async with self.engine.begin() as conn:
            recorded = {
                int(row.id): float(row.age_s)
                for row in await conn.execute(
                    _RECORD_MANY,
                    {
                        "ids": [d.id for d, *_ in outcomes],
                        "leases": [d.lease for d, *_ in outcomes],
                        "attempts": [a for _, _, a, _, _ in outcomes],
                        "statuses": [st for _, _, _, st, _ in outcomes],
                        "delays": [dl for *_, dl in outcomes],
                        "codes": [r.status_code for _, r, *_ in outcomes],
                        "errors": [r.error for _, r, *_ in outcomes],
                        "excerpts": [r.excerpt for _, r, *_ in outcomes],
                    },
                )
            }
            mine = [o for o in outcomes if o[0].id in recorded]
            for delivery, *_ in outcomes:
                if delivery.id not in recorded:
                    logger.warning("webhook delivery %s was re-leased meanwhile", delivery.id)
            if not mine:
                return
            await conn.execute(
                _ATTEMPTS,
                {
                    "ids": [d.id for d, *_ in mine],
                    "codes": [r.status_code for _, r, *_ in mine],
                    "errors": [r.error for _, r, *_ in mine],
                    "durations": [r.duration_ms for _, r, *_ in mine],
                    "excerpts": [r.excerpt for _, r, *_ in mine],
                },
            )
            healthy = sorted(
                {d.subscription_id for d, r, *_ in mine if r.delivered and not d.is_ping}
            )
            if healthy:
                await conn.execute(_HEALTHY, {"subs": [uuid.UUID(h) for h in healthy]})
            for delivery, result, _, status, _ in mine:
                failed = not delivery.is_ping and not result.delivered
                if failed and await self._failed(conn, delivery, dead=status == "dead"):
                    disabled.append(delivery.subscription_id)
        for delivery, result, _, status, _ in mine:
            sub = delivery.subscription_id
            if result.delivered:
                metrics.WEBHOOK_DELIVERIES.add(1, {"subscription": sub, "result": "succeeded"})
                metrics.WEBHOOK_LATENCY.record(recorded[delivery.id])
            else:
                metrics.WEBHOOK_FAILURES.add(1, {"subscription": sub, "reason": result.kind})
                if status == "dead":
                    metrics.WEBHOOK_DELIVERIES.add(1, {"subscription": sub, "result": "dead"})
        for sub in disabled:
            metrics.WEBHOOK_DISABLED.add(1, {"subscription": sub})

    async def _failed(self, conn: AsyncConnection, delivery: Claimed, *, dead: bool) -> bool:
        row = (
            await conn.execute(_FAILED, {"sub": delivery.subscription_id, "dead": int(dead)})
        ).first()
        if row is None:
            return False
        health = Health(
            consecutive_failures=int(row.consecutive_failures),
            consecutive_dead=int(row.consecutive_dead),
            failing_since=row.failing_since,
        )
        reason = disable_reason(health, self.disable, row.now)
        if reason is None:
            return False
        disabled = (
            await conn.execute(_DISABLE, {"sub": delivery.subscription_id, "reason": reason})
        ).one()
        await history.record(
            conn,
            self.store,
            subscription_id=uuid.UUID(delivery.subscription_id),
            org_id=disabled.org_id,
            actor=None,
            version=int(disabled.version),
            events=[
                WebhookStatusChanged(
                    subscription_id=delivery.subscription_id,
                    from_status=row.status,
                    to_status="disabled",
                    reason=reason,
                    changed_by=None,
                )
            ],
            now=row.now,
        )
        event = WebhookDisabled(
            org_id=row.org_id,
            subscription_id=delivery.subscription_id,
            reason=reason,
            failing_since=row.failing_since,
        )
        cause = f"{delivery.subscription_id}/disabled/{row.now.isoformat()}"
        await self.publisher.publish(conn, [notice(event, cause=cause, time=row.now)])
        logger.warning("webhook subscription %s disabled: %s", delivery.subscription_id, reason)
        return True

    async def sample_metrics(self, stop: asyncio.Event, interval_s: float) -> None:
        """Queue depth and oldest pending age per subscription, from PostgreSQL."""
        while not stop.is_set():
            with contextlib.suppress(Exception):
                await self.sample_once()
            await sleep_or_stop(stop, interval_s)

    async def sample_once(self) -> None:
        async with self.engine.connect() as conn:
            rows = (await conn.execute(_PENDING_BY_SUBSCRIPTION)).all()
        seen = set()
        for row in rows:
            sub = str(row.subscription_id)
            seen.add(sub)
            metrics.WEBHOOK_PENDING.set(int(row.pending), {"subscription": sub})
            metrics.WEBHOOK_OLDEST_PENDING.set(float(row.oldest_s), {"subscription": sub})
        for gone in self._sampled - seen:
            metrics.WEBHOOK_PENDING.set(0, {"subscription": gone})
            metrics.WEBHOOK_OLDEST_PENDING.set(0, {"subscription": gone})
        self._sampled = seen | self._sampled
