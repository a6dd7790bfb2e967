"""The integrations service against real PostgreSQL and Kafka: the event feed, the organisation's
own Kafka topic, what an integration event may hold, sharing settings, charter reviews found by
the schedule, and a replay of every upstream topic that publishes nothing twice."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from pydantic import TypeAdapter
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.kafka import eventually, read_topic
from huddle_devtools.testing.tokens import TestSigner
from huddle_integrations.api.feed_schemas import CloudEvent, EventTypePage
from huddle_integrations.api.sharing import SharingOut
from huddle_integrations.consumers.upstream_events import consumed_topics
from huddle_shared.config import to_asyncpg_url
from huddle_shared.contracts.assessments import RESPONSE_TOPIC, InstrumentKind, ResponseScores
from huddle_shared.contracts.insights import BurnoutRiskRose, DriverSummary
from huddle_shared.contracts.integration import INTEGRATION_REGISTRY, org_topic
from huddle_shared.contracts.teams import RoleChangeCategory, TeamRenamed, TeamRole
from huddle_shared.topics import ensure_topics

from .conftest import RunningService
from .upstream_events import Upstream

pytestmark = [pytest.mark.postgres, pytest.mark.kafka]

TEAM_NAME = "Riverside Team A"
# Free text and personal data the upstream events hold, none of which may leave by default.
PRIVATE_TEXT = (
    TEAM_NAME,
    "covering for a colleague",  # the role change's reason
    "Every patient knows who to call",  # the charter's vision
    "Goal 1",
    "Start huddles on time",
    "@example.org",
)
BATCH = "application/cloudevents-batch+json"
# The feed answers a raw batch: its documented schema is held to what it really sends.
BATCH_SCHEMA = TypeAdapter(list[CloudEvent])


@dataclass
class Journey:
    service: RunningService
    signer: TestSigner
    upstream: Upstream
    org_a: str
    org_b: str
    team_a: str
    team_b: str
    nurse: str

    def admin(self, org_id: str) -> dict[str, str]:
        return self.signer.headers(org_id=org_id, roles=["org_admin"])

    def client(self, org_id: str, *scopes: str) -> dict[str, str]:
        return self.signer.headers(org_id=org_id, client=True, roles=[], scopes=scopes)

    async def feed(self, org_id: str, **params: Any) -> httpx.Response:
        return await self.service.client.get(
            "/v1/events", params=params, headers=self.client(org_id, "events:read")
        )

    async def all_events(self, org_id: str, **params: Any) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            query = {**params, "limit": 2, **({"after": cursor} if cursor else {})}
            response = await self.feed(org_id, **query)
            assert response.status_code == 200, response.text
            page = response.json()
            BATCH_SCHEMA.validate_python(page)
            if not page:
                return events
            events.extend(page)
            cursor = response.headers["Next-Cursor"]


async def risk_rose(upstream: Upstream, org_id: str, team_id: str) -> None:
    drivers = [
        DriverSummary(driver="burnout_share", contribution=30.0, value=0.6),
        DriverSummary(driver="morale", contribution=20.0, value=40.0),
    ]
    await upstream.publish(
        f"alerts-{team_id}",
        org_id,
        BurnoutRiskRose(
            team_id=team_id,
            org_id=org_id,
            from_level=None,
            to_level="high",
            risk=72.5,
            as_of=date.today(),
            confidence="moderate",
            top_drivers=drivers,
            drivers=drivers,
        ),
        "insights",
    )


async def play_journey(upstream: Upstream, org_a: str, org_b: str) -> tuple[str, str, str]:
    # The response topic exists in production; this service never reads it, so never makes it.
    topics = [*consumed_topics(), RESPONSE_TOPIC.name]
    await ensure_topics(upstream.bootstrap, [upstream.prefix + t for t in topics])
    team_a = await upstream.team(org_a, TEAM_NAME)
    nurse = str(uuid.uuid4())
    await upstream.member(org_a, team_a, nurse, TeamRole.NURSE)
    await upstream.role_changed(
        org_a, team_a, nurse, date.today(), TeamRole.CLINICAL_LEAD, RoleChangeCategory.PROMOTION
    )
    await upstream.charter(org_a, team_a)
    await upstream.campaign(
        org_a, team_a, InstrumentKind.TEAM_PULSE, [ResponseScores(overall=3.0, index=50)] * 6
    )
    await risk_rose(upstream, org_a, team_a)
    team_b = await upstream.team(org_b, "Hillside Team B")
    await upstream.member(org_b, team_b, str(uuid.uuid4()), TeamRole.PHYSICIAN)
    return team_a, team_b, nurse


A_TYPES = [
    "huddle.integration.team.created.v1",
    "huddle.integration.team.member_joined.v1",
    "huddle.integration.team.member_role_changed.v1",
    "huddle.integration.team.charter_revised.v1",
    "huddle.integration.campaign.opened.v1",
    "huddle.integration.campaign.closed.v1",
    "huddle.integration.risk.raised.v1",
]


@pytest.fixture
async def journey(
    start_integrations: Callable[..., Any],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
) -> AsyncIterator[Journey]:
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    org_a, org_b = str(uuid.uuid4()), str(uuid.uuid4())
    async with start_integrations(feed_poll_interval_s=0.05) as service:
        await asyncio.wait_for(service.runtime.topics_ready.wait(), timeout=60)
        team_a, team_b, nurse = await play_journey(upstream, org_a, org_b)
        j = Journey(service, signer, upstream, org_a, org_b, team_a, team_b, nurse)

        async def all_published() -> bool:
            return len(await j.all_events(org_a)) >= len(A_TYPES)

        await eventually(all_published, timeout_s=60)
        yield j


async def test_the_feed_holds_each_event_of_its_organisation_in_order_and_nothing_private(
    journey: Journey, infra: Infrastructure, topic_prefix: str
) -> None:
    events = await journey.all_events(journey.org_a)
    # Teams and campaigns travel on different topics: order holds within each source.
    team_events = [e["type"] for e in events if ".team." in e["type"]]
    assert team_events == [t for t in A_TYPES if ".team." in t]
    assert sorted(e["type"] for e in events) == sorted(A_TYPES)
    assert {e["tenantid"] for e in events} == {journey.org_a}
    assert {e["data"]["org_id"] for e in events} == {journey.org_a}
    assert {e["subject"] for e in events} == {journey.team_a}
    # Numbered by organisation: B's events leave no gaps in A's numbers.
    assert [int(e["sequence"]) for e in events] == list(range(1, len(events) + 1))
    for event in events:
        assert event["specversion"] == "1.0" and event["source"] == "huddle/integrations"
        # Every payload is valid against its published contract.
        INTEGRATION_REGISTRY.decode(event["type"], event["data"])
    by_type = {e["type"]: e["data"] for e in events}
    changed = by_type["huddle.integration.team.member_role_changed.v1"]
    assert changed["member"] == {"user_id": journey.nurse, "external_id": None}
    assert (changed["from_role"], changed["to_role"]) == ("nurse", "clinical_lead")
    assert changed["category"] == "promotion" and changed["reason"] is None
    assert by_type["huddle.integration.team.created.v1"]["name"] is None
    closed = by_type["huddle.integration.campaign.closed.v1"]
    assert closed["participation"] == {"eligible": 8, "responded": 6, "rate": 0.75}
    risk = by_type["huddle.integration.risk.raised.v1"]
    assert (risk["to_level"], risk["confidence"], risk["value"]) == ("high", "moderate", 72.5)
    assert [d["driver"] for d in risk["drivers"]] == ["burnout_share", "morale"]
    assert "huddle.assessments.response_recorded.v1" not in json.dumps(events)

    everything = json.dumps(events)
    for private in PRIVATE_TEXT:
        assert private not in everything

    b_events = await journey.all_events(journey.org_b)
    assert [e["type"] for e in b_events] == [
        "huddle.integration.team.created.v1",
        "huddle.integration.team.member_joined.v1",
    ]
    assert {e["tenantid"] for e in b_events} == {journey.org_b}
    assert [e["sequence"] for e in b_events] == ["1", "2"]
    assert not {e["id"] for e in b_events} & {e["id"] for e in events}

    # The organisation's Kafka topic holds the same events, with the same ids, and only them.
    records = await read_topic(
        infra.kafka_bootstrap,
        topic_prefix + org_topic(journey.org_a),
        until=lambda rs: len(rs) >= len(events),
        settle_s=1.0,
    )
    headers = [dict(r.headers) for r in records]
    assert sorted(h["ce_id"].decode() for h in headers) == sorted(e["id"] for e in events)
    assert {h["ce_tenantid"].decode() for h in headers} == {journey.org_a}
    for record in records:
        assert record.key.decode() == journey.team_a
        for private in PRIVATE_TEXT:
            assert private.encode() not in record.value
    b_records = await read_topic(
        infra.kafka_bootstrap,
        topic_prefix + org_topic(journey.org_b),
        until=lambda rs: len(rs) >= len(b_events),
        settle_s=1.0,
    )
    assert sorted(dict(r.headers)["ce_id"].decode() for r in b_records) == sorted(
        e["id"] for e in b_events
    )
    assert {dict(r.headers)["ce_tenantid"].decode() for r in b_records} == {journey.org_b}


async def test_the_feed_resumes_filters_replays_from_a_time_and_long_polls(
    journey: Journey,
) -> None:
    first = await journey.feed(journey.org_a, limit=3)
    assert first.status_code == 200
    assert first.headers["content-type"].startswith(BATCH)
    assert 'rel="next"' in first.headers["Link"]
    rest = await journey.feed(journey.org_a, after=first.headers["Next-Cursor"], limit=100)
    everything = await journey.all_events(journey.org_a)
    assert [e["id"] for e in first.json() + rest.json()] == [e["id"] for e in everything]

    only = await journey.feed(
        journey.org_a,
        types="huddle.integration.campaign.opened.v1,huddle.integration.campaign.closed.v1",
    )
    assert sorted(e["type"] for e in only.json()) == [
        "huddle.integration.campaign.closed.v1",
        "huddle.integration.campaign.opened.v1",
    ]
    later = await journey.feed(journey.org_a, since=datetime.now(UTC).isoformat())
    assert later.json() == []

    # At the end, the cursor waits for what comes next and returns as soon as it arrives.
    end = rest.headers["Next-Cursor"]
    empty = await journey.feed(journey.org_a, after=end)
    # Nothing more for A; the cursor may move past other organisations' events.
    assert empty.json() == []
    end = empty.headers["Next-Cursor"]
    assert (await journey.feed(journey.org_a, after=end)).json() == []
    waiting = asyncio.create_task(journey.feed(journey.org_a, after=end, wait=20))
    await asyncio.sleep(0.5)
    assert not waiting.done()
    await journey.upstream.publish(
        journey.team_a,
        journey.org_a,
        TeamRenamed(team_id=journey.team_a, name="Riverside North", renamed_by="admin"),
        "teams",
    )
    arrived = await asyncio.wait_for(waiting, timeout=30)
    assert [e["type"] for e in arrived.json()] == ["huddle.integration.team.renamed.v1"]
    assert arrived.json()[0]["data"]["name"] is None


@pytest.mark.parametrize(
    "params",
    [
        {"after": "not-a-cursor"},
        {"types": "huddle.integration.no_such.v1"},
        {"limit": 0},
        {"limit": 5000},
        {"wait": -1},
        {"since": "yesterday"},
    ],
)
async def test_bad_feed_requests_get_a_problem(journey: Journey, params: dict[str, Any]) -> None:
    response = await journey.feed(journey.org_a, **params)
    assert response.status_code in (400, 422), response.text
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_only_org_admins_and_clients_with_events_read_may_use_the_integration_routes(
    journey: Journey,
) -> None:
    client = journey.service.client
    org = journey.org_a
    refused = {
        "client without events:read": journey.client(org, "dashboards:read"),
        "member": journey.signer.headers(org_id=org, roles=["member"]),
        "analyst": journey.signer.headers(org_id=org, roles=["analyst"]),
    }
    routes = [
        ("GET", "/v1/events"),
        ("GET", "/v1/events/types"),
        ("GET", "/v1/integrations/sharing"),
        ("PUT", "/v1/integrations/sharing"),
    ]
    for who, headers in refused.items():
        for method, path in routes:
            body: dict[str, Any] | None = {"shared_fields": []} if method == "PUT" else None
            response = await client.request(method, path, headers=headers, json=body)
            assert response.status_code == 403, (who, path, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")
    for method, path in routes:
        assert (await client.request(method, path)).status_code == 401
    # A client may read what is shared, but only an org admin changes it.
    reader = journey.client(org, "events:read")
    assert (await client.get("/v1/integrations/sharing", headers=reader)).status_code == 200
    put = await client.put(
        "/v1/integrations/sharing", headers=reader, json={"shared_fields": ["team.name"]}
    )
    assert put.status_code == 403
    types = await client.get("/v1/events/types", headers=reader)
    page = EventTypePage.model_validate(types.json())
    assert page.items == sorted(INTEGRATION_REGISTRY.specs) and page.next_cursor is None
    listed: list[str] = []
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 5, **({"cursor": cursor} if cursor else {})}
        response = await client.get("/v1/events/types", params=params, headers=reader)
        assert response.status_code == 200, response.text
        part = EventTypePage.model_validate(response.json())
        assert len(part.items) <= 5
        listed += part.items
        if part.next_cursor is None:
            break
        cursor = part.next_cursor
    assert listed == page.items
    bad = await client.get("/v1/events/types", params={"cursor": "WzFd"}, headers=reader)
    assert bad.status_code == 400


async def test_an_org_admin_opts_in_to_sharing_team_names_and_only_its_own_events_change(
    journey: Journey,
) -> None:
    client = journey.service.client
    bad = await client.put(
        "/v1/integrations/sharing",
        headers=journey.admin(journey.org_a),
        json={"shared_fields": ["member.email"]},
    )
    assert bad.status_code == 422
    put = await client.put(
        "/v1/integrations/sharing",
        headers=journey.admin(journey.org_a),
        json={"shared_fields": ["team.name"]},
    )
    assert put.status_code == 200, put.text
    assert put.json()["shared_fields"] == ["team.name"]
    # Both routes answer raw JSON: their documented model and ETag are held to it.
    changed = SharingOut.model_validate(put.json())
    assert put.headers["ETag"] == f'"{changed.version}"'
    read = await client.get("/v1/integrations/sharing", headers=journey.admin(journey.org_a))
    assert SharingOut.model_validate(read.json()) == changed
    assert read.headers["ETag"] == put.headers["ETag"]
    for org_id, team_id in ((journey.org_a, journey.team_a), (journey.org_b, journey.team_b)):
        await journey.upstream.publish(
            team_id,
            org_id,
            TeamRenamed(team_id=team_id, name=f"Renamed {org_id[:4]}", renamed_by="admin"),
            "teams",
        )

    async def renamed(org_id: str) -> list[dict[str, Any]]:
        events = await journey.all_events(org_id, types="huddle.integration.team.renamed.v1")
        return [e["data"] for e in events]

    await eventually(lambda: _both(renamed(journey.org_a), renamed(journey.org_b)), timeout_s=30)
    assert [d["name"] for d in await renamed(journey.org_a)] == [f"Renamed {journey.org_a[:4]}"]
    assert [d["name"] for d in await renamed(journey.org_b)] == [None]
    sharing_b = await client.get("/v1/integrations/sharing", headers=journey.admin(journey.org_b))
    assert SharingOut.model_validate(sharing_b.json()).shared_fields == []
    assert sharing_b.headers["ETag"] == '"0"'


async def _both(*checks: Any) -> bool:
    results = await asyncio.gather(*checks)
    return all(results)


async def test_the_schedule_announces_a_charter_review_due_then_overdue_once_each(
    journey: Journey,
) -> None:
    schedule = journey.service.app.state.review_schedule
    due = date.today() + timedelta(days=90)  # the journey's charter
    assert await schedule.run_once(today=due - timedelta(days=1)) == 0
    assert await schedule.run_once(today=due) == 1
    assert await schedule.run_once(today=due + timedelta(days=3)) == 0
    assert await schedule.run_once(today=due + timedelta(days=14)) == 1
    assert await schedule.run_once(today=due + timedelta(days=20)) == 0
    events = await journey.all_events(journey.org_a)
    announced = [e for e in events if "review" in e["type"]]
    assert [e["type"] for e in announced] == [
        "huddle.integration.team.charter_review_due.v1",
        "huddle.integration.team.charter_review_overdue.v1",
    ]
    assert announced[0]["data"]["next_review_due"] == due.isoformat()
    assert announced[1]["data"]["days_overdue"] == 14
    assert all(e["subject"] == journey.team_a for e in announced)


async def test_a_replay_of_every_upstream_topic_publishes_nothing_twice(
    start_integrations: Callable[..., Any],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
) -> None:
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    org_a, org_b = str(uuid.uuid4()), str(uuid.uuid4())
    await play_journey(upstream, org_a, org_b)
    async with start_integrations() as service:
        url = service.database_url
        j = Journey(service, signer, upstream, org_a, org_b, "", "", "")
        await eventually(lambda: _count(j, org_a, len(A_TYPES)), timeout_s=60)
        before = await j.all_events(org_a)
    # A new consumer group reads every upstream topic from the start again, as a rebuild would.
    engine = create_async_engine(to_asyncpg_url(url))
    async with start_integrations(
        database_url=url, consumer_group="integrations-replay"
    ) as service:
        j.service = service
        consumer = service.runtime.consumers[0]
        await eventually(lambda: consumer.applied_total >= len(A_TYPES) + 2, timeout_s=60)
        after = await j.all_events(org_a)
    async with engine.connect() as conn:
        rows = await conn.scalar(text("SELECT count(*) FROM feed"))
    await engine.dispose()
    assert after == before
    assert rows == len(A_TYPES) + 2


async def _count(j: Journey, org_id: str, n: int) -> bool:
    return len(await j.all_events(org_id)) >= n
