"""Webhooks against real PostgreSQL, Kafka and a receiver in its own process: Standard Webhooks
signatures (checked with the ``standardwebhooks`` verifier), order per team, an outage with a
service restart in the middle that loses nothing, dead letters and replay, auto-disable with
its event, secret rotation, pings, SSRF refusals, access and tenancy."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.kafka import eventually
from huddle_devtools.testing.tokens import TestSigner
from huddle_shared.config import to_asyncpg_url
from huddle_shared.contracts.assessments import InstrumentKind
from huddle_shared.contracts.insights import (
    BurnoutRiskLowered,
    BurnoutRiskResolved,
    BurnoutRiskRose,
    CampaignResultsPublished,
    DriverSummary,
)
from huddle_shared.contracts.teams import RoleChangeCategory, TeamRole

from .conftest import RunningService
from .upstream_events import Upstream

pytestmark = [pytest.mark.postgres, pytest.mark.kafka]

RECEIVER = Path(__file__).with_name("webhook_receiver.py")
FAST = {
    "webhook_retry_initial_s": 0.2,
    "webhook_retry_max_s": 1.0,
    "webhook_max_attempts": 1000,
    "webhook_poll_interval_s": 0.1,
    "webhook_timeout_s": 3.0,
}
JOURNEY_TYPES = [
    "huddle.integration.team.created.v1",
    "huddle.integration.team.member_joined.v1",
    "huddle.integration.team.member_role_changed.v1",
    "huddle.integration.team.charter_revised.v1",
    "huddle.integration.campaign.opened.v1",
    "huddle.integration.campaign.closed.v1",
]
PING = "huddle.integration.webhook.ping.v1"
DISABLED = "huddle.integration.webhook.disabled.v1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Receiver:
    """The receiver process: started, killed and restarted on one port; its log survives."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.log = directory / "received.jsonl"
        self.log.touch()
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(RECEIVER), "--port", str(self.port), "--log", str(self.log)]
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port)):
                return
            time.sleep(0.05)
        raise RuntimeError("the receiver did not start")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def answer(self, path: str, status: int) -> None:
        response = httpx.post(self.url("/_control"), json={"path": path, "status": status})
        assert response.status_code == 204

    def received(self, path: str | None = None) -> list[dict[str, Any]]:
        lines = self.log.read_text().splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
        return [r for r in records if path is None or r["path"] == path]

    def delivered(self, path: str) -> list[dict[str, Any]]:
        """The requests answered 2xx, each with its parsed body."""
        return [
            {**r, "event": json.loads(r["body"])}
            for r in self.received(path)
            if 200 <= r["status"] < 300
        ]


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    found = Receiver(tmp_path)
    found.start()
    try:
        yield found
    finally:
        found.kill()


@dataclass
class Env:
    service: RunningService
    signer: TestSigner
    upstream: Upstream
    receiver: Receiver

    def admin(self, org_id: str) -> dict[str, str]:
        return self.signer.headers(org_id=org_id, roles=["org_admin"])

    def client(self, org_id: str, *scopes: str) -> dict[str, str]:
        return self.signer.headers(org_id=org_id, client=True, roles=[], scopes=scopes)

    async def subscribe(self, org_id: str, path: str, **body: Any) -> dict[str, Any]:
        response = await self.service.client.post(
            "/v1/webhooks",
            json={"url": self.receiver.url(path), **body},
            headers=self.admin(org_id),
        )
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created

    async def log(self, org_id: str, sub_id: str, **params: Any) -> list[dict[str, Any]]:
        response = await self.service.client.get(
            f"/v1/webhooks/{sub_id}/deliveries", params=params, headers=self.admin(org_id)
        )
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items


def verify(secret: str, record: dict[str, Any]) -> Any:
    """What the receiver got, verified as a Standard Webhooks receiver would."""
    return Webhook(secret).verify(record["body"], record["headers"])


def first_deliveries(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event's first successful delivery, in arrival order (later ones are duplicates)."""
    seen: set[str] = set()
    found = []
    for record in records:
        if record["event"]["id"] not in seen:
            seen.add(record["event"]["id"])
            found.append(record)
    return found


def assert_in_order_per_team(records: list[dict[str, Any]]) -> None:
    by_team: dict[str, list[int]] = {}
    for record in first_deliveries(records):
        event = record["event"]
        by_team.setdefault(event["subject"], []).append(int(event["sequence"]))
    for team, seqs in by_team.items():
        assert seqs == sorted(seqs), f"team {team} delivered out of order: {seqs}"


async def journey(upstream: Upstream, org_id: str) -> str:
    team = await upstream.team(org_id, "Riverside Team A")
    nurse = str(uuid.uuid4())
    await upstream.member(org_id, team, nurse, TeamRole.NURSE)
    await upstream.role_changed(
        org_id, team, nurse, date.today(), TeamRole.CLINICAL_LEAD, RoleChangeCategory.PROMOTION
    )
    await upstream.charter(org_id, team)
    # No responses: the integrations service does not read that topic (it may not exist).
    await upstream.campaign(org_id, team, InstrumentKind.TEAM_PULSE, [])
    return team


@pytest.fixture
async def env(
    start_integrations: Callable[..., Any],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
    receiver: Receiver,
) -> AsyncIterator[Env]:
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    async with start_integrations(**FAST) as service:
        yield Env(service, signer, upstream, receiver)


async def test_signed_deliveries_in_order_with_ping_rotation_pause_and_tenancy(env: Env) -> None:
    org_a, org_b = str(uuid.uuid4()), str(uuid.uuid4())
    sub_a = await env.subscribe(org_a, "/a", description="everything")
    sub_b = await env.subscribe(org_b, "/b", event_types=["huddle.integration.team.created.v1"])
    assert sub_a["secret"].startswith("whsec_") and sub_a["status"] == "active"
    team = await journey(env.upstream, org_a)
    await env.upstream.team(org_b, "Hillside Team B")

    def arrived() -> bool:
        return {r["event"]["type"] for r in env.receiver.delivered("/a")} >= set(JOURNEY_TYPES)

    await eventually(arrived, timeout_s=60)
    await eventually(lambda: env.receiver.delivered("/b"), timeout_s=30)
    records = env.receiver.delivered("/a")
    for record in records:
        event = verify(sub_a["secret"], record)
        assert record["headers"]["webhook-id"] == event["id"]
        assert record["headers"]["content-type"].startswith("application/cloudevents+json")
        assert event["tenantid"] == org_a and event["subject"] == team
        assert event["specversion"] == "1.0" and event["source"] == "huddle/integrations"
        with pytest.raises(WebhookVerificationError):
            verify(sub_b["secret"], record)
    assert_in_order_per_team(records)
    team_types = [r["event"]["type"] for r in records if ".team." in r["event"]["type"]]
    assert team_types == [t for t in JOURNEY_TYPES if ".team." in t]
    # Org B's subscription gets its own organisation's events only, and only what it filtered.
    b_events = [r["event"] for r in env.receiver.delivered("/b")]
    assert [e["type"] for e in b_events] == ["huddle.integration.team.created.v1"]
    assert {e["tenantid"] for e in b_events} == {org_b}

    # The delivery log: every one delivered at the first attempt, with its attempt.
    log = await env.log(org_a, sub_a["id"])
    assert {d["status"] for d in log} == {"succeeded"}
    assert all(d["attempts"] == 1 and len(d["attempt_log"]) == 1 for d in log)
    assert sorted(d["event_type"] for d in log) == sorted(r["event"]["type"] for r in records)

    # Org B sees none of A's subscriptions or deliveries: every route is a 404.
    client_b = env.client(org_b, "events:read")
    listed = await env.service.client.get("/v1/webhooks", headers=client_b)
    assert [s["id"] for s in listed.json()["items"]] == [sub_b["id"]]
    delivery_id = log[0]["id"]
    for method, path in [
        ("GET", ""),
        ("PATCH", ""),
        ("DELETE", ""),
        ("POST", "/rotate-secret"),
        ("POST", "/ping"),
        ("GET", "/deliveries"),
        ("POST", f"/deliveries/{delivery_id}/replay"),
        ("POST", "/replay"),
    ]:
        body = {"description": "mine now"} if method == "PATCH" else None
        response = await env.service.client.request(
            method, f"/v1/webhooks/{sub_a['id']}{path}", json=body, headers=client_b
        )
        assert response.status_code == 404, (method, path, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    assert (
        "secret"
        not in (
            await env.service.client.get(f"/v1/webhooks/{sub_a['id']}", headers=env.admin(org_a))
        ).json()
    )

    # A ping reaches this subscription only, signed.
    ping = await env.service.client.post(
        f"/v1/webhooks/{sub_a['id']}/ping", headers=env.client(org_a, "events:read")
    )
    assert ping.status_code == 202, ping.text

    def pings() -> list[dict[str, Any]]:
        return [r for r in env.receiver.delivered("/a") if r["event"]["type"] == PING]

    await eventually(pings, timeout_s=15)
    assert verify(sub_a["secret"], pings()[0])["data"]["subscription_id"] == sub_a["id"]
    assert not [r for r in env.receiver.delivered("/b") if r["event"]["type"] == PING]

    # Rotation: during the overlap both secrets verify (two signatures); after it, only the new.
    rotated = await env.service.client.post(
        f"/v1/webhooks/{sub_a['id']}/rotate-secret",
        json={"overlap_s": 3600},
        headers=env.admin(org_a),
    )
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["secret"]
    assert new_secret != sub_a["secret"] and rotated.json()["previous_secret_valid_until"]
    await env.service.client.post(f"/v1/webhooks/{sub_a['id']}/ping", headers=env.admin(org_a))
    await eventually(lambda: len(pings()) >= 2, timeout_s=15)
    overlap = pings()[1]
    assert len(overlap["headers"]["webhook-signature"].split(" ")) == 2
    verify(sub_a["secret"], overlap)
    verify(new_secret, overlap)
    again = await env.service.client.post(
        f"/v1/webhooks/{sub_a['id']}/rotate-secret",
        json={"overlap_s": 0},
        headers=env.admin(org_a),
    )
    newest = again.json()["secret"]
    await env.service.client.post(f"/v1/webhooks/{sub_a['id']}/ping", headers=env.admin(org_a))
    await eventually(lambda: len(pings()) >= 3, timeout_s=15)
    verify(newest, pings()[2])
    for old in (sub_a["secret"], new_secret):
        with pytest.raises(WebhookVerificationError):
            verify(old, pings()[2])

    # Paused: deliveries wait (and are in the log as pending); resumed, they go.
    paused = await env.service.client.patch(
        f"/v1/webhooks/{sub_a['id']}", json={"status": "paused"}, headers=env.admin(org_a)
    )
    assert paused.json()["status"] == "paused"
    before = len(env.receiver.delivered("/a"))
    await env.upstream.archive(org_a, team)

    async def pending_in_log() -> bool:
        return any(d["status"] == "pending" for d in await env.log(org_a, sub_a["id"]))

    await eventually(pending_in_log, timeout_s=30)
    await asyncio.sleep(1.0)
    assert len(env.receiver.delivered("/a")) == before
    resumed = await env.service.client.patch(
        f"/v1/webhooks/{sub_a['id']}", json={"status": "active"}, headers=env.admin(org_a)
    )
    assert resumed.json()["status"] == "active"
    await eventually(lambda: len(env.receiver.delivered("/a")) > before, timeout_s=15)
    last = env.receiver.delivered("/a")[-1]
    assert verify(newest, last)["type"] == "huddle.integration.team.archived.v1"

    deleted = await env.service.client.delete(
        f"/v1/webhooks/{sub_a['id']}", headers=env.admin(org_a)
    )
    assert deleted.status_code == 204
    gone = await env.service.client.get(f"/v1/webhooks/{sub_a['id']}", headers=env.admin(org_a))
    assert gone.status_code == 404


async def test_an_outage_with_a_restart_in_the_middle_loses_nothing_and_keeps_order(
    start_integrations: Callable[..., Any],
    databases: Any,
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
    receiver: Receiver,
) -> None:
    from huddle_integrations.bootstrap import MIGRATIONS

    url = databases.create("integrations", MIGRATIONS)
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    org = str(uuid.uuid4())
    engine = create_async_engine(to_asyncpg_url(url))
    stack = AsyncExitStack()
    try:
        service: RunningService = await stack.enter_async_context(start_integrations(url, **FAST))
        env = Env(service, signer, upstream, receiver)
        sub = await env.subscribe(org, "/hook")
        teams = [await upstream.team(org, f"Team {i}") for i in range(3)]
        stop_writing = asyncio.Event()
        written = 0

        async def write() -> None:
            nonlocal written
            while not stop_writing.is_set():
                team = teams[written % len(teams)]
                await upstream.member(org, team, str(uuid.uuid4()), TeamRole.NURSE)
                written += 1
                await asyncio.sleep(0.25)

        started = time.monotonic()
        writer = asyncio.create_task(write())
        await eventually(lambda: len(receiver.delivered("/hook")) >= 5, timeout_s=60)
        receiver.kill()
        down_at = time.monotonic()
        await asyncio.sleep(12)
        # The service restarts in the middle of the outage: its pending deliveries, and their
        # retry schedule, are rows in PostgreSQL.
        async with engine.connect() as conn:
            pending_before = await conn.scalar(
                text("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")
            )
            retried = await conn.scalar(
                text(
                    "SELECT count(*) FROM webhook_deliveries WHERE attempts > 0 "
                    "AND status = 'pending'"
                )
            )
        assert pending_before and pending_before > 3 and retried
        await stack.aclose()
        stack = AsyncExitStack()
        service = await stack.enter_async_context(start_integrations(url, **FAST))
        await asyncio.sleep(max(0.0, 30 - (time.monotonic() - down_at)))
        receiver.start()
        await asyncio.sleep(2)
        stop_writing.set()
        await writer
        await eventually(
            lambda: len({r["event"]["id"] for r in receiver.delivered("/hook")}) >= written + 3,
            timeout_s=60,
        )
        async with engine.connect() as conn:
            feed_ids = {
                str(i)
                for i in (
                    await conn.execute(
                        text("SELECT event_id FROM feed WHERE org_id = :o"), {"o": org}
                    )
                ).scalars()
            }
            still_pending = await conn.scalar(
                text("SELECT count(*) FROM webhook_deliveries WHERE status <> 'succeeded'")
            )
            most_attempts = await conn.scalar(text("SELECT max(attempts) FROM webhook_deliveries"))
        records = receiver.delivered("/hook")
        delivered_ids = {r["event"]["id"] for r in records}
        assert delivered_ids == feed_ids, "every event delivered, none invented"
        assert len(feed_ids) == written + 3
        assert still_pending == 0
        assert most_attempts and most_attempts > 5, "the outage was retried through"
        assert_in_order_per_team(records)
        for record in records:
            verify(sub["secret"], record)
        rate = written / (time.monotonic() - started)
        assert rate >= 1.5, f"steady writes through the outage ({written} events)"
    finally:
        await stack.aclose()
        await engine.dispose()


async def test_a_failing_receiver_is_dead_lettered_replayed_and_then_disabled(
    start_integrations: Callable[..., Any],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
    receiver: Receiver,
) -> None:
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    org = str(uuid.uuid4())
    settings = {
        **FAST,
        "webhook_retry_initial_s": 0.1,
        "webhook_retry_max_s": 0.2,
        "webhook_max_attempts": 3,
        "webhook_disable_after_dead": 2,
    }
    async with start_integrations(**settings) as service:
        env = Env(service, signer, upstream, receiver)
        receiver.answer("/fail", 500)
        failing = await env.subscribe(org, "/fail")
        watcher = await env.subscribe(org, "/watch", event_types=[DISABLED])
        sid = failing["id"]
        team = await upstream.team(org, "Team A")

        async def dead() -> list[dict[str, Any]]:
            return await env.log(org, sid, status="dead")

        await eventually(dead, timeout_s=60)
        (letter,) = await dead()
        assert letter["attempts"] == 3 and len(letter["attempt_log"]) == 3
        assert letter["last_status"] == 500 and "500" in letter["last_error"]
        assert 0 < len(letter["response_excerpt"]) <= 512
        assert all(len(a["response_excerpt"]) <= 512 for a in letter["attempt_log"])
        assert len(receiver.received("/fail")) == 3
        subscription = await service.client.get(f"/v1/webhooks/{sid}", headers=env.admin(org))
        assert subscription.json()["status"] == "active"  # one dead letter is not enough

        # Fixed, and replayed: delivered, and the failure record starts again.
        receiver.answer("/fail", 200)
        replayed = await service.client.post(
            f"/v1/webhooks/{sid}/deliveries/{letter['id']}/replay", headers=env.admin(org)
        )
        assert replayed.status_code == 202, replayed.text
        assert replayed.json()["status"] == "pending"
        await eventually(lambda: receiver.delivered("/fail"), timeout_s=15)
        assert verify(failing["secret"], receiver.delivered("/fail")[0])["subject"] == team
        again = await service.client.post(
            f"/v1/webhooks/{sid}/deliveries/{letter['id']}/replay", headers=env.admin(org)
        )
        assert again.status_code == 202  # a delivered one may be sent again too

        # Broken again for good: two dead letters in a row disable it, and say so in an event
        # (to the organisation's other subscriptions, the feed and its Kafka topic).
        await eventually(lambda: len(receiver.delivered("/fail")) >= 2, timeout_s=15)
        receiver.answer("/fail", 503)
        for name in ("Team B", "Team C"):
            await upstream.team(org, name)

        async def disabled() -> bool:
            found = await service.client.get(f"/v1/webhooks/{sid}", headers=env.admin(org))
            return bool(found.json()["status"] == "disabled")

        await eventually(disabled, timeout_s=60)
        found = (await service.client.get(f"/v1/webhooks/{sid}", headers=env.admin(org))).json()
        assert "dead-lettered" in found["disabled_reason"]
        await eventually(lambda: receiver.delivered("/watch"), timeout_s=15)
        (notice,) = receiver.delivered("/watch")
        event = verify(watcher["secret"], notice)
        assert event["type"] == DISABLED and event["subject"] == org
        assert event["data"]["subscription_id"] == sid and event["data"]["failing_since"]
        feed = await service.client.get(
            "/v1/events", params={"types": DISABLED}, headers=env.client(org, "events:read")
        )
        assert [e["id"] for e in feed.json()] == [event["id"]]

        # Disabled: new events make no delivery for it; re-enabled and replayed, all arrive.
        await upstream.archive(org, team)

        async def archived_in_feed() -> bool:
            found = await service.client.get(
                "/v1/events",
                params={"types": "huddle.integration.team.archived.v1"},
                headers=env.client(org, "events:read"),
            )
            return bool(found.json())

        await eventually(archived_in_feed, timeout_s=30)
        receiver.answer("/fail", 204)
        enabled = await service.client.patch(
            f"/v1/webhooks/{sid}", json={"status": "active"}, headers=env.admin(org)
        )
        assert enabled.json()["status"] == "active" and enabled.json()["disabled_reason"] is None
        bulk = await service.client.post(
            f"/v1/webhooks/{sid}/replay", json={}, headers=env.admin(org)
        )
        assert bulk.status_code == 202 and bulk.json() == {"requeued": 2}

        def created_teams() -> set[str]:
            return {
                r["event"]["data"]["team_id"]
                for r in receiver.delivered("/fail")
                if r["event"]["type"] == "huddle.integration.team.created.v1"
            }

        await eventually(lambda: len(created_teams()) == 3, timeout_s=30)

        async def all_succeeded() -> bool:
            # The receiver has the body a moment before the dispatcher records its answer.
            return {d["status"] for d in await env.log(org, sid)} == {"succeeded"}

        await eventually(all_succeeded, timeout_s=15)
        log = await env.log(org, sid)
        assert "huddle.integration.team.archived.v1" not in {d["event_type"] for d in log}

        # The subscription's history: disabled by the service (no actor), re-enabled by the admin.
        history = await stream_events(service.database_url, f"webhook-{sid}")
        statuses = [
            (e["data"]["from_status"], e["data"]["to_status"], e["data"]["changed_by"])
            for e in history
            if e["type"] == "huddle.integrations.webhook_status_changed.v1"
        ]
        assert statuses[0][:2] == ("active", "disabled") and statuses[0][2] is None
        assert statuses[1][:2] == ("disabled", "active") and statuses[1][2] is not None
        assert enabled.json()["version"] == len(history)


async def stream_events(database_url: str, stream_id: str) -> list[dict[str, Any]]:
    """The events of one stream in the service's event store, in order."""
    engine = create_async_engine(to_asyncpg_url(database_url))
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT type, data FROM events WHERE stream_id = :s ORDER BY version"),
                {"s": stream_id},
            )
            return [{"type": r.type, "data": r.data} for r in rows]
    finally:
        await engine.dispose()


async def test_a_subscription_is_event_sourced_with_etags_and_no_secret_in_its_history(
    env: Env,
) -> None:
    org = str(uuid.uuid4())
    client, admin = env.service.client, env.admin(org)
    created = await client.post(
        "/v1/webhooks", json={"url": env.receiver.url("/etag")}, headers=admin
    )
    assert created.status_code == 201, created.text
    sid, secret = created.json()["id"], created.json()["secret"]
    assert created.headers["ETag"] == '"1"' and created.headers["Location"] == f"/v1/webhooks/{sid}"
    stale = await client.patch(
        f"/v1/webhooks/{sid}", json={"description": "x"}, headers={**admin, "If-Match": '"7"'}
    )
    assert stale.status_code == 412, stale.text
    changed = await client.patch(
        f"/v1/webhooks/{sid}",
        json={"description": "Rhapsody", "event_types": [DISABLED]},
        headers={**admin, "If-Match": '"1"'},
    )
    assert changed.status_code == 200 and changed.headers["ETag"] == '"2"'
    same = await client.patch(
        f"/v1/webhooks/{sid}", json={"description": "Rhapsody"}, headers=admin
    )
    assert same.headers["ETag"] == '"2"'  # nothing changed, nothing recorded
    paused = await client.patch(f"/v1/webhooks/{sid}", json={"status": "paused"}, headers=admin)
    assert paused.json()["version"] == 3
    rotated = await client.post(f"/v1/webhooks/{sid}/rotate-secret", json={}, headers=admin)
    assert rotated.status_code == 200 and rotated.headers["ETag"] == '"4"'
    read = await client.get(f"/v1/webhooks/{sid}", headers=admin)
    assert read.headers["ETag"] == '"4"'
    refused = await client.delete(f"/v1/webhooks/{sid}", headers={**admin, "If-Match": '"3"'})
    assert refused.status_code == 412
    deleted = await client.delete(f"/v1/webhooks/{sid}", headers={**admin, "If-Match": '"4"'})
    assert deleted.status_code == 204
    history = await stream_events(env.service.database_url, f"webhook-{sid}")
    assert [e["type"].split(".")[2] for e in history] == [
        "webhook_subscribed",
        "webhook_changed",
        "webhook_status_changed",
        "webhook_secret_rotated",
        "webhook_unsubscribed",
    ]
    assert history[1]["data"]["event_types"] == [DISABLED]
    stored = json.dumps(history)
    for secret_value in (secret, rotated.json()["secret"]):
        assert secret_value not in stored and secret_value.removeprefix("whsec_") not in stored


UNSAFE_URLS = [
    "http://example.org/hooks",
    "https://10.0.0.1/hooks",
    "https://169.254.169.254/latest/meta-data/",
    "https://localhost/hooks",
    "https://127.0.0.1:8443/hooks",
    "https://[::1]/hooks",
    "https://[::ffff:127.0.0.1]/hooks",
    "https://[fd00:ec2::254]/",
    "https://100.64.0.1/hooks",
    "ftp://example.org/",
    "https://user:pass@example.org/",
    "not a url",
]


def loopback_name() -> str | None:
    """A host name (not "localhost") that this machine resolves to a loopback address."""
    name = socket.gethostname()
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(name, 443)}
    except OSError:
        return None
    return (
        name if addresses and all(a.startswith("127.") or a == "::1" for a in addresses) else None
    )


async def test_unsafe_targets_access_and_validation(
    start_integrations: Callable[..., Any], signer: TestSigner
) -> None:
    org = str(uuid.uuid4())
    admin = signer.headers(org_id=org, roles=["org_admin"])
    async with start_integrations(
        webhook_allow_private_targets=False, consumers_enabled=False
    ) as service:
        name = loopback_name()
        urls = [*UNSAFE_URLS, *([f"https://{name}/hooks"] if name else [])]
        for url in urls:
            response = await service.client.post("/v1/webhooks", json={"url": url}, headers=admin)
            assert response.status_code == 422, (url, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")
            assert response.json()["errors"][0]["location"] == ["body", "url"], url
        unknown = await service.client.post(
            "/v1/webhooks",
            json={"url": "https://8.8.8.8/", "event_types": ["huddle.integration.nope.v1"]},
            headers=admin,
        )
        assert unknown.status_code == 422 and "nope" in unknown.text
        for invalid in ({"url": 5}, {"url": "https://8.8.8.8/", "extra": 1}, {}):
            response = await service.client.post("/v1/webhooks", json=invalid, headers=admin)
            assert response.status_code == 422, response.text

        # A public literal address passes (no DNS needed); changing it to a private one does not.
        created = await service.client.post(
            "/v1/webhooks", json={"url": "https://8.8.8.8/hooks"}, headers=admin
        )
        assert created.status_code == 201, created.text
        sid = created.json()["id"]
        changed = await service.client.patch(
            f"/v1/webhooks/{sid}", json={"url": "https://192.168.1.10/"}, headers=admin
        )
        assert changed.status_code == 422
        refused = await service.client.patch(
            f"/v1/webhooks/{sid}", json={"status": "disabled"}, headers=admin
        )
        assert refused.status_code == 422

        # At delivery, the address is checked again (here: a row whose URL became unsafe, as a
        # name would after its DNS changed): the attempt is refused before any connection.
        engine = create_async_engine(to_asyncpg_url(service.database_url))
        try:
            async with engine.begin() as conn:
                await conn.execute(
                    text("UPDATE webhook_subscriptions SET url = :u WHERE id = :i"),
                    {"u": "https://localhost:9/hooks", "i": sid},
                )
        finally:
            await engine.dispose()
        pinged = await service.client.post(f"/v1/webhooks/{sid}/ping", headers=admin)
        assert pinged.status_code == 202

        async def refused_at_delivery() -> bool:
            log = await service.client.get(f"/v1/webhooks/{sid}/deliveries", headers=admin)
            items = log.json()["items"]
            return bool(items and items[0]["attempts"] >= 1)

        await eventually(refused_at_delivery, timeout_s=30)
        log = (await service.client.get(f"/v1/webhooks/{sid}/deliveries", headers=admin)).json()
        assert "unsafe target" in log["items"][0]["last_error"]
        assert log["items"][0]["last_status"] is None

        # Everyone but org admins and clients with events:read: 403 on every route.
        callers = [
            signer.headers(org_id=org, client=True, roles=[], scopes=["teams:read"]),
            signer.headers(org_id=org, roles=["member"]),
        ]
        routes: list[tuple[str, str, dict[str, Any] | None]] = [
            ("POST", "/v1/webhooks", {"url": "https://8.8.8.8/"}),
            ("GET", "/v1/webhooks", None),
            ("GET", f"/v1/webhooks/{sid}", None),
            ("PATCH", f"/v1/webhooks/{sid}", {"description": "x"}),
            ("DELETE", f"/v1/webhooks/{sid}", None),
            ("POST", f"/v1/webhooks/{sid}/rotate-secret", None),
            ("POST", f"/v1/webhooks/{sid}/ping", None),
            ("GET", f"/v1/webhooks/{sid}/deliveries", None),
            ("POST", f"/v1/webhooks/{sid}/deliveries/1/replay", None),
            ("POST", f"/v1/webhooks/{sid}/replay", None),
        ]
        for headers in callers:
            for method, path, body in routes:
                response = await service.client.request(method, path, json=body, headers=headers)
                assert response.status_code == 403, (method, path, response.text)
        unauthenticated = await service.client.get("/v1/webhooks")
        assert unauthenticated.status_code == 401
        # A client with events:read may do it all.
        reader = signer.headers(org_id=org, client=True, roles=[], scopes=["events:read"])
        listed = await service.client.get("/v1/webhooks", headers=reader)
        assert [s["id"] for s in listed.json()["items"]] == [sid]


async def full_journey(upstream: Upstream, org_id: str) -> str:
    """Every kind of change a team goes through, as the services publish them."""
    team = await journey(upstream, org_id)
    campaign = await upstream.campaign(org_id, team, InstrumentKind.TEAM_PULSE, [], close=False)
    await upstream.close(org_id, team, campaign, eligible=8, responded=6)
    await upstream.publish(
        f"results-{campaign}",
        org_id,
        CampaignResultsPublished(
            campaign_id=campaign,
            team_id=team,
            org_id=org_id,
            instrument_kind="team_pulse",
            closed_at=datetime.now(UTC),
            eligible_count=8,
            responded_count=6,
            participation_rate=0.75,
            min_group_size=5,
            suppressed=False,
            scores={"morale": 41.5},
            morale_level="fair",
        ),
        "insights",
    )
    drivers = [DriverSummary(driver="burnout_share", contribution=30.0, value=0.6)]
    for kind, levels in (
        (BurnoutRiskRose, (None, "high")),
        (BurnoutRiskLowered, ("high", "moderate")),
        (BurnoutRiskResolved, ("moderate", "low")),
    ):
        await upstream.publish(
            f"alerts-{team}",
            org_id,
            kind(
                team_id=team,
                org_id=org_id,
                from_level=levels[0],
                to_level=levels[1],
                risk=72.0,
                as_of=date.today(),
                confidence="high",
                top_drivers=drivers,
                drivers=drivers,
            ),
            "insights",
        )
    await upstream.archive(org_id, team)
    return team


FULL_JOURNEY_TYPES = {
    "huddle.integration.team.created.v1",
    "huddle.integration.team.member_joined.v1",
    "huddle.integration.team.member_role_changed.v1",
    "huddle.integration.team.charter_revised.v1",
    "huddle.integration.team.charter_review_due.v1",
    "huddle.integration.campaign.opened.v1",
    "huddle.integration.campaign.closed.v1",
    "huddle.integration.results.published.v1",
    "huddle.integration.risk.raised.v1",
    "huddle.integration.risk.lowered.v1",
    "huddle.integration.risk.resolved.v1",
    "huddle.integration.team.archived.v1",
}


async def test_the_feed_replayed_from_the_start_equals_the_webhook_deliveries_also_after_a_replay(
    start_integrations: Callable[..., Any],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
    receiver: Receiver,
) -> None:
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    org = str(uuid.uuid4())
    async with start_integrations(**FAST) as service:
        env = Env(service, signer, upstream, receiver)
        sub = await env.subscribe(org, "/all")
        team = await full_journey(upstream, org)
        second = await upstream.team(org, "Riverside Team B")
        await upstream.charter(org, second)
        # The charter's review date comes with no event; the schedule announces it.
        due = date.today() + timedelta(days=90)

        async def charters_known() -> bool:
            return len(await feed_of(env, org, "huddle.integration.team.charter_revised.v1")) == 2

        await eventually(charters_known, timeout_s=60)
        assert await service.app.state.review_schedule.run_once(today=due) == 1  # B: A archived

        async def everything_delivered() -> bool:
            types = {r["event"]["type"] for r in receiver.delivered("/all")}
            return types >= FULL_JOURNEY_TYPES

        await eventually(everything_delivered, timeout_s=60)
        feed = await feed_of(env, org)
        await eventually(
            lambda: len(first_deliveries(receiver.delivered("/all"))) == len(feed), timeout_s=30
        )
        delivered = first_deliveries(receiver.delivered("/all"))
        for record in delivered:
            assert verify(sub["secret"], record)["tenantid"] == org
        # No name, free text or survey answer in any body (the upstream events hold some).
        bodies = "\n".join(r["body"] for r in receiver.received("/all"))
        for private in ("Riverside Team", "covering for a colleague", "Every patient", "Goal 1"):
            assert private not in bodies
        assert "@" not in bodies and "respondent" not in bodies
        assert {e["type"] for e in feed} == FULL_JOURNEY_TYPES
        assert sorted(r["event"]["id"] for r in delivered) == sorted(e["id"] for e in feed)
        # The same bodies, and per team the same order as the feed's.
        by_id = {e["id"]: e for e in feed}
        assert all(r["event"] == by_id[r["event"]["id"]] for r in delivered)
        for subject in (team, second):
            assert [r["event"]["id"] for r in delivered if r["event"]["subject"] == subject] == [
                e["id"] for e in feed if e["subject"] == subject
            ]
        url = service.database_url
    sent = len(receiver.received("/all"))

    # Every upstream topic read again from the start (a new consumer group, as a rebuild of
    # this service would): nothing new in the feed, nothing sent again.
    async with start_integrations(
        database_url=url, consumer_group="integrations-replayed", **FAST
    ) as service:
        env.service = service
        consumer = service.runtime.consumers[0]
        await eventually(lambda: consumer.applied_total >= sum(upstream.versions.values()))
        await asyncio.sleep(1.0)  # a delivery, had one been queued, would go out by now
        assert await feed_of(env, org) == feed
    assert len(receiver.received("/all")) == sent


async def feed_of(env: Env, org: str, types: str | None = None) -> list[dict[str, Any]]:
    """The whole feed of an organisation, page by page from the start."""
    events: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 5, **({"types": types} if types else {})}
        if cursor:
            params["after"] = cursor
        response = await env.service.client.get(
            "/v1/events", params=params, headers=env.client(org, "events:read")
        )
        assert response.status_code == 200, response.text
        if not response.json():
            return events
        events.extend(response.json())
        cursor = response.headers["Next-Cursor"]
