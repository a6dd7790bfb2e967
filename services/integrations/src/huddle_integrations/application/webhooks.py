"""Webhook subscriptions, the use cases: create, read, change, pause, delete, rotate the secret,
ping, read the delivery log, replay.

Every call is about the caller's own organisation (``ensure_integrator`` first: org admins and
clients with ``events:read``); a subscription of another organisation is a 404, never a 403, so
ids do not leak. A URL is vetted on every create and change (``domain/ssrf.py``, after resolving
its name) and again by the dispatcher at each delivery. The signing secret is shown once, when
it is made (create, rotate); it is stored sealed (``adapters/webhook_secrets.py``).
"""

from __future__ import annotations

import secrets as random_source
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_integrations.adapters.tables import (
    webhook_attempts,
    webhook_deliveries,
    webhook_subscriptions,
)
from huddle_integrations.adapters.webhook_secrets import SecretBox
from huddle_integrations.application import subscription_history as history
from huddle_integrations.application.access import ensure_integrator
from huddle_integrations.domain.feed import SOURCE, timestamp
from huddle_integrations.domain.translation import notice
from huddle_integrations.domain.webhooks import (
    SECRET_BYTES,
    DeliveryStatus,
    SubscriptionStatus,
    secret_from,
)
from huddle_shared.auth import Principal
from huddle_shared.contracts.integration import INTEGRATION_REGISTRY, WebhookPing
from huddle_shared.contracts.integration_config import (
    WebhookChanged,
    WebhookSecretRotated,
    WebhookStatusChanged,
    WebhookSubscribed,
    WebhookUnsubscribed,
)
from huddle_shared.errors import Conflict, DomainRuleViolated, NotFound
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventStore
from huddle_shared.http import BAD_CURSOR, BadRequest, check_if_match, decode_cursor, encode_cursor
from huddle_shared.outbound import vet_url
from huddle_shared.pagination import fetch_page, time_and_id_cursor
from huddle_shared.runtime import utc_now
from huddle_shared.ssrf import UnsafeTarget

MAX_SUBSCRIPTIONS_PER_ORG = 50
ATTEMPTS_PER_DELIVERY = 20

_SUBSCRIPTION_COLUMNS = [
    webhook_subscriptions.c.id,
    webhook_subscriptions.c.org_id,
    webhook_subscriptions.c.version,
    webhook_subscriptions.c.url,
    webhook_subscriptions.c.description,
    webhook_subscriptions.c.event_types,
    webhook_subscriptions.c.status,
    webhook_subscriptions.c.disabled_reason,
    webhook_subscriptions.c.previous_secret_expires_at,
    webhook_subscriptions.c.created_at,
    webhook_subscriptions.c.updated_at,
    webhook_subscriptions.c.created_by,
    webhook_subscriptions.c.consecutive_failures,
    webhook_subscriptions.c.failing_since,
]


@dataclass(frozen=True)
class Subscription:
    id: uuid.UUID
    org_id: str
    version: int
    url: str
    description: str
    event_types: list[str]
    status: SubscriptionStatus
    disabled_reason: str | None
    previous_secret_expires_at: datetime | None
    created_at: datetime
    updated_at: datetime
    created_by: str | None
    consecutive_failures: int
    failing_since: datetime | None


@dataclass(frozen=True)
class Attempt:
    at: datetime
    status_code: int | None
    error: str | None
    duration_ms: int
    excerpt: str | None


@dataclass(frozen=True)
class Delivery:
    id: int
    subscription_id: uuid.UUID
    event_id: uuid.UUID
    event_type: str
    ordering_key: str
    feed_seq: int | None
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status: int | None
    last_error: str | None
    response_excerpt: str | None
    created_at: datetime
    delivered_at: datetime | None
    attempt_log: list[Attempt]


@dataclass(frozen=True)
class Listed:
    items: list[Any]
    next_cursor: str | None


@dataclass(frozen=True)
class Change:
    """A PATCH: only the fields that were sent."""

    url: str | None = None
    description: str | None = None
    event_types: list[str] | None = None
    status: SubscriptionStatus | None = None


def _subscription(row: RowMapping) -> Subscription:
    return Subscription(
        id=row["id"],
        org_id=row["org_id"],
        version=int(row["version"]),
        url=row["url"],
        description=row["description"],
        event_types=list(row["event_types"]),
        status=SubscriptionStatus(row["status"]),
        disabled_reason=row["disabled_reason"],
        previous_secret_expires_at=row["previous_secret_expires_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        created_by=row["created_by"],
        consecutive_failures=int(row["consecutive_failures"]),
        failing_since=row["failing_since"],
    )


def check_event_types(types: Sequence[str]) -> list[str]:
    """The filter, sorted and deduplicated; 422 naming the unknown types."""
    unknown = sorted(set(types) - set(INTEGRATION_REGISTRY.specs))
    if unknown:
        raise DomainRuleViolated(
            "Unknown event types: " + ", ".join(unknown),
            errors=[
                {
                    "location": ["body", "event_types"],
                    "message": "unknown event type: " + ", ".join(unknown),
                    "type": "unknown_event_type",
                }
            ],
            known_types=sorted(INTEGRATION_REGISTRY.specs),
        )
    return sorted(set(types))


class WebhookSubscriptions:
    def __init__(
        self,
        *,
        engine: AsyncEngine,
        store: EventStore,
        secret_box: SecretBox,
        allow_private_targets: bool,
        on_queued: Callable[[], None] | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.engine = engine
        self.store = store
        self.clock = clock
        self.secret_box = secret_box
        self.allow_private_targets = allow_private_targets
        self.on_queued = on_queued

    # ---- subscriptions ---------------------------------------------------------------------

    async def _record(
        self,
        conn: AsyncConnection,
        principal: Principal,
        subscription_id: uuid.UUID,
        *,
        version: int,
        events: Sequence[DomainEvent],
        update_row: bool = True,
    ) -> int:
        """The caller's change to a subscription, appended to its history (see
        ``subscription_history``); the stream's new version."""
        return await history.record(
            conn,
            self.store,
            subscription_id=subscription_id,
            org_id=principal.org_id,
            actor=principal.subject,
            version=version,
            events=events,
            now=self.clock(),
            update_row=update_row,
        )

    async def _vetted(self, url: str) -> str:
        try:
            await vet_url(url, allow_private=self.allow_private_targets)
        except UnsafeTarget as exc:
            raise DomainRuleViolated(
                f"This URL may not receive webhooks: {exc}",
                errors=[{"location": ["body", "url"], "message": str(exc), "type": "unsafe_url"}],
            ) from exc
        return url

    async def create(
        self,
        principal: Principal,
        *,
        url: str,
        description: str,
        event_types: Sequence[str],
    ) -> tuple[Subscription, str]:
        """A new active subscription and its signing secret (shown this once)."""
        ensure_integrator(principal)
        wanted = check_event_types(event_types)
        await self._vetted(url)
        secret = secret_from(random_source.token_bytes(SECRET_BYTES))
        async with self.engine.begin() as conn:
            count = await conn.scalar(
                text("SELECT count(*) FROM webhook_subscriptions WHERE org_id = :org"),
                {"org": principal.org_id},
            )
            if int(count or 0) >= MAX_SUBSCRIPTIONS_PER_ORG:
                raise Conflict(
                    f"An organisation may have at most {MAX_SUBSCRIPTIONS_PER_ORG} subscriptions"
                )
            subscription_id = uuid.uuid4()
            await self._record(
                conn,
                principal,
                subscription_id,
                version=0,
                events=[
                    WebhookSubscribed(
                        subscription_id=str(subscription_id),
                        org_id=principal.org_id,
                        url=url,
                        description=description,
                        event_types=wanted,
                        created_by=principal.subject,
                    )
                ],
                update_row=False,
            )
            row = (
                (
                    await conn.execute(
                        webhook_subscriptions.insert()
                        .values(
                            id=subscription_id,
                            org_id=principal.org_id,
                            version=1,
                            url=url,
                            description=description,
                            event_types=wanted,
                            status=SubscriptionStatus.ACTIVE.value,
                            secret=self.secret_box.seal(secret),
                            created_by=principal.subject,
                        )
                        .returning(*_SUBSCRIPTION_COLUMNS)
                    )
                )
                .mappings()
                .one()
            )
        return _subscription(row), secret

    async def list_subscriptions(
        self, principal: Principal, *, limit: int, cursor: str | None
    ) -> Listed:
        """The organisation's subscriptions, oldest first."""
        ensure_integrator(principal)
        t = webhook_subscriptions
        keys = time_and_id_cursor(cursor)
        after = None if keys is None else [keys[0], _uuid_or_400(keys[1])]
        async with self.engine.connect() as conn:
            page = await fetch_page(
                conn,
                select(*_SUBSCRIPTION_COLUMNS).where(t.c.org_id == principal.org_id),
                order_by=[t.c.created_at, t.c.id],
                after_keys=after,
                limit=limit,
            )
        return Listed(
            items=[_subscription(r) for r in page.rows],
            next_cursor=page.next_cursor(lambda r: [r["created_at"].isoformat(), str(r["id"])]),
        )

    async def get(self, principal: Principal, subscription_id: uuid.UUID) -> Subscription:
        ensure_integrator(principal)
        async with self.engine.connect() as conn:
            return _subscription(await self._row(conn, principal, subscription_id))

    async def _row(
        self,
        conn: AsyncConnection,
        principal: Principal,
        subscription_id: uuid.UUID,
        *,
        for_update: bool = False,
    ) -> RowMapping:
        t = webhook_subscriptions
        query = select(*_SUBSCRIPTION_COLUMNS).where(
            t.c.id == subscription_id, t.c.org_id == principal.org_id
        )
        if for_update:
            query = query.with_for_update()
        row = (await conn.execute(query)).mappings().first()
        if row is None:
            raise NotFound("No such webhook subscription")
        return row

    async def update(
        self,
        principal: Principal,
        subscription_id: uuid.UUID,
        change: Change,
        *,
        if_match: str | None = None,
    ) -> Subscription:
        """Change the URL, description, filter or status (active, paused); making a disabled
        subscription active again starts its failure record afresh."""
        ensure_integrator(principal)
        values: dict[str, Any] = {}
        if change.event_types is not None:
            values["event_types"] = check_event_types(change.event_types)
        if change.url is not None:
            values["url"] = await self._vetted(change.url)
        if change.description is not None:
            values["description"] = change.description
        t = webhook_subscriptions
        async with self.engine.begin() as conn:
            current = await self._row(conn, principal, subscription_id, for_update=True)
            check_if_match(if_match, int(current["version"]))
            if change.status is not None:
                if change.status is SubscriptionStatus.DISABLED:
                    raise DomainRuleViolated(
                        "Only the service disables a subscription; pause it instead",
                        errors=[
                            {
                                "location": ["body", "status"],
                                "message": "must be active or paused",
                                "type": "enum",
                            }
                        ],
                    )
                values["status"] = change.status.value
                if current["status"] == SubscriptionStatus.DISABLED.value:
                    values.update(
                        disabled_reason=None,
                        consecutive_failures=0,
                        consecutive_dead=0,
                        failing_since=None,
                    )
            events = _changes(current, values, actor=principal.subject)
            if events:
                values["version"] = await self._record(
                    conn,
                    principal,
                    subscription_id,
                    version=int(current["version"]),
                    events=events,
                    update_row=False,
                )
                row = (
                    (
                        await conn.execute(
                            t.update()
                            .where(t.c.id == subscription_id)
                            .values(**values, updated_at=func.now())
                            .returning(*_SUBSCRIPTION_COLUMNS)
                        )
                    )
                    .mappings()
                    .one()
                )
            else:
                row = current
        if values.get("status") == SubscriptionStatus.ACTIVE.value and self.on_queued:
            self.on_queued()
        return _subscription(row)

    async def delete(
        self, principal: Principal, subscription_id: uuid.UUID, *, if_match: str | None = None
    ) -> None:
        """Remove the subscription with its pending deliveries and its log (its history stays
        in its event stream)."""
        ensure_integrator(principal)
        t = webhook_subscriptions
        async with self.engine.begin() as conn:
            current = await self._row(conn, principal, subscription_id, for_update=True)
            check_if_match(if_match, int(current["version"]))
            await self._record(
                conn,
                principal,
                subscription_id,
                version=int(current["version"]),
                events=[
                    WebhookUnsubscribed(
                        subscription_id=str(subscription_id), deleted_by=principal.subject
                    )
                ],
                update_row=False,
            )
            await conn.execute(t.delete().where(t.c.id == subscription_id))

    async def rotate_secret(
        self,
        principal: Principal,
        subscription_id: uuid.UUID,
        *,
        overlap: timedelta,
        if_match: str | None = None,
    ) -> tuple[Subscription, str]:
        """A new signing secret; the one it replaces also signs until ``overlap`` has passed."""
        ensure_integrator(principal)
        secret = secret_from(random_source.token_bytes(SECRET_BYTES))
        t = webhook_subscriptions
        async with self.engine.begin() as conn:
            current = await self._row(conn, principal, subscription_id, for_update=True)
            check_if_match(if_match, int(current["version"]))
            await self._record(
                conn,
                principal,
                subscription_id,
                version=int(current["version"]),
                events=[
                    WebhookSecretRotated(
                        subscription_id=str(subscription_id),
                        overlap_s=int(overlap.total_seconds()),
                        rotated_by=principal.subject,
                    )
                ],
            )
            row = (
                (
                    await conn.execute(
                        t.update()
                        .where(t.c.id == subscription_id)
                        .values(
                            previous_secret=t.c.secret,
                            previous_secret_expires_at=func.now() + overlap,
                            secret=self.secret_box.seal(secret),
                            updated_at=func.now(),
                        )
                        .returning(*_SUBSCRIPTION_COLUMNS)
                    )
                )
                .mappings()
                .one()
            )
        return _subscription(row), secret

    # ---- deliveries ------------------------------------------------------------------------

    async def ping(self, principal: Principal, subscription_id: uuid.UUID) -> Delivery:
        """A ``webhook.ping`` delivery to this subscription only (whatever its status)."""
        ensure_integrator(principal)
        async with self.engine.begin() as conn:
            await self._row(conn, principal, subscription_id)
            now = await conn.scalar(text("SELECT now()"))
            event = WebhookPing(org_id=principal.org_id, subscription_id=str(subscription_id))
            item = notice(event, cause=f"{subscription_id}/ping/{uuid.uuid4()}", time=now)
            body = {
                "specversion": "1.0",
                "id": str(item.event_id),
                "source": SOURCE,
                "type": item.type,
                "subject": item.subject,
                "time": timestamp(now),
                "tenantid": item.org_id,
                "datacontenttype": "application/json",
                "data": event.model_dump(mode="json"),
            }
            d = webhook_deliveries
            delivery_id = await conn.scalar(
                d.insert()
                .values(
                    subscription_id=subscription_id,
                    org_id=principal.org_id,
                    feed_seq=None,
                    event_id=item.event_id,
                    event_type=item.type,
                    ordering_key=f"ping:{item.event_id}",
                    body=body,
                )
                .returning(d.c.id)
            )
            found = await self._deliveries(conn, [d.c.id == delivery_id])
        if self.on_queued:
            self.on_queued()
        return found[0]

    async def deliveries(
        self,
        principal: Principal,
        subscription_id: uuid.UUID,
        *,
        limit: int,
        cursor: str | None,
        status: DeliveryStatus | None = None,
    ) -> Listed:
        """The delivery log, newest first, each delivery with its latest attempts."""
        ensure_integrator(principal)
        d = webhook_deliveries
        keys = decode_cursor(cursor, 1)
        conditions = [d.c.subscription_id == subscription_id, d.c.org_id == principal.org_id]
        if status is not None:
            conditions.append(d.c.status == status.value)
        if keys is not None:
            conditions.append(d.c.id < _int_or_400(keys[0]))
        async with self.engine.connect() as conn:
            await self._row(conn, principal, subscription_id)
            found = await self._deliveries(conn, conditions, limit=limit + 1, newest_first=True)
        page, more = found[:limit], len(found) > limit
        next_cursor = None
        if more and page:
            next_cursor = encode_cursor([page[-1].id])
        return Listed(items=page, next_cursor=next_cursor)

    async def _deliveries(
        self,
        conn: AsyncConnection,
        conditions: Sequence[Any],
        *,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[Delivery]:
        d, a = webhook_deliveries, webhook_attempts
        query = select(d).where(*conditions).order_by(d.c.id.desc() if newest_first else d.c.id)
        if limit is not None:
            query = query.limit(limit)
        rows = (await conn.execute(query)).mappings().all()
        ids = [r["id"] for r in rows]
        log: dict[int, list[Attempt]] = {i: [] for i in ids}
        if ids:
            ranked = (
                select(
                    a,
                    func.row_number()
                    .over(partition_by=a.c.delivery_id, order_by=a.c.id.desc())
                    .label("n"),
                )
                .where(a.c.delivery_id.in_(ids))
                .subquery()
            )
            attempts = (
                await conn.execute(
                    select(ranked)
                    .where(ranked.c.n <= ATTEMPTS_PER_DELIVERY)
                    .order_by(ranked.c.delivery_id, ranked.c.id)
                )
            ).mappings()
            for r in attempts:
                log[r["delivery_id"]].append(
                    Attempt(
                        at=r["at"],
                        status_code=r["status_code"],
                        error=r["error"],
                        duration_ms=r["duration_ms"],
                        excerpt=r["excerpt"],
                    )
                )
        return [
            Delivery(
                id=r["id"],
                subscription_id=r["subscription_id"],
                event_id=r["event_id"],
                event_type=r["event_type"],
                ordering_key=r["ordering_key"],
                feed_seq=r["feed_seq"],
                status=DeliveryStatus(r["status"]),
                attempts=r["attempts"],
                next_attempt_at=r["next_attempt_at"] if r["status"] == "pending" else None,
                last_attempt_at=r["last_attempt_at"],
                last_status=r["last_status"],
                last_error=r["last_error"],
                response_excerpt=r["response_excerpt"],
                created_at=r["created_at"],
                delivered_at=r["delivered_at"],
                attempt_log=log[r["id"]],
            )
            for r in rows
        ]

    async def replay_delivery(
        self, principal: Principal, subscription_id: uuid.UUID, delivery_id: int
    ) -> Delivery:
        """Send a dead (or delivered) delivery again, with a fresh retry budget."""
        ensure_integrator(principal)
        d = webhook_deliveries
        mine = [d.c.id == delivery_id, d.c.subscription_id == subscription_id]
        async with self.engine.begin() as conn:
            await self._row(conn, principal, subscription_id)
            found = await self._deliveries(conn, mine)
            if not found:
                raise NotFound("No such delivery")
            if found[0].status is DeliveryStatus.PENDING:
                raise Conflict("This delivery is still pending")
            await conn.execute(d.update().where(*mine).values(**_REQUEUE))
            found = await self._deliveries(conn, mine)
        if self.on_queued:
            self.on_queued()
        return found[0]

    async def replay(
        self,
        principal: Principal,
        subscription_id: uuid.UUID,
        *,
        since: datetime | None,
        include_delivered: bool,
    ) -> int:
        """Re-queue every dead delivery (and the delivered ones too, if asked), or those made
        at or after ``since``; returns how many."""
        ensure_integrator(principal)
        d = webhook_deliveries
        states = [DeliveryStatus.DEAD.value]
        if include_delivered:
            states.append(DeliveryStatus.SUCCEEDED.value)
        conditions = [d.c.subscription_id == subscription_id, d.c.status.in_(states)]
        if since is not None:
            conditions.append(d.c.created_at >= since)
        async with self.engine.begin() as conn:
            await self._row(conn, principal, subscription_id)
            result = await conn.execute(d.update().where(*conditions).values(**_REQUEUE))
        if result.rowcount and self.on_queued:
            self.on_queued()
        return int(result.rowcount or 0)


def _changes(current: RowMapping, values: dict[str, Any], *, actor: str) -> list[DomainEvent]:
    """The events of a PATCH: the new configuration if any of it changed, then the status."""
    events: list[DomainEvent] = []
    config = {
        "url": values.get("url", current["url"]),
        "description": values.get("description", current["description"]),
        "event_types": list(values.get("event_types", current["event_types"])),
    }
    if config != {k: (list(current[k]) if k == "event_types" else current[k]) for k in config}:
        events.append(
            WebhookChanged(subscription_id=str(current["id"]), changed_by=actor, **config)
        )
    status = values.get("status", current["status"])
    if status != current["status"]:
        events.append(
            WebhookStatusChanged(
                subscription_id=str(current["id"]),
                from_status=current["status"],
                to_status=status,
                changed_by=actor,
            )
        )
    return events


_REQUEUE: dict[str, Any] = {
    "status": DeliveryStatus.PENDING.value,
    "attempts": 0,
    "next_attempt_at": func.now(),
    "lease": None,
}


def _uuid_or_400(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as exc:
        raise BadRequest(BAD_CURSOR) from exc


def _int_or_400(value: Any) -> int:
    if not isinstance(value, int):
        raise BadRequest(BAD_CURSOR)
    return value
