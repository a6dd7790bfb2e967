"""Schema evolution on a real event, against the real PostgreSQL and Kafka: role changes of type
``huddle.teams.member_role_changed.v1``, written before v2 existed, are read as v2 everywhere.

- stored: a v1 row (no ``category``) in teams' event store and outbox, as the old code wrote it,
  is loaded as v2 and folded into the team; the next command and the history see it as v2;
- relayed: the relay publishes that outbox row as v2 (``ce_type`` and data);
- already on the topic: v1 records an old relay sent are read as v2 by every consumer;
- projected: insights (role changes and churn), integrations (the public role-change event and
  its category) and assessments (its directory) apply them all, and dead-letter none.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select, text

from huddle_assessments.adapters.tables import team_members as assessments_team_members
from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.kafka import eventually, read_topic
from huddle_devtools.testing.tokens import TestSigner
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import TEAM_TOPIC, MemberRoleChanged, RoleChangeCategory
from huddle_shared.envelope import from_kafka
from huddle_shared.fastpath import outbox_record
from huddle_shared.topics import ensure_topics
from huddle_teams.application.team_aggregate import load_team

from .conftest import RunningService
from .teams_support import World, seeded_world
from .upstream_events import Upstream

pytestmark = [pytest.mark.postgres, pytest.mark.kafka]

V1 = "huddle.teams.member_role_changed.v1"
V2 = "huddle.teams.member_role_changed.v2"
CHANGED = "huddle.integration.team.member_role_changed.v1"  # the public contract, unchanged
TODAY = date.today()


@dataclass
class Consumers:
    insights: RunningService
    integrations: RunningService
    assessments: RunningService


@pytest.fixture
async def consumers(
    start_insights: Callable[..., Any],
    start_integrations: Callable[..., Any],
    start_assessments: Callable[..., Any],
    infra: Infrastructure,
    topic_prefix: str,
) -> AsyncIterator[Consumers]:
    # Every topic exists before anything is produced, so each consumer reads all from the start.
    await ensure_topics(infra.kafka_bootstrap, [topic_prefix + t for t in REGISTRY.topic_names()])
    async with AsyncExitStack() as stack:
        services = [
            await stack.enter_async_context(start(feed_poll_interval_s=0.05))
            if start is start_integrations
            else await stack.enter_async_context(start())
            for start in (start_insights, start_integrations, start_assessments)
        ]
        for service in services:
            await asyncio.wait_for(service.runtime.topics_ready.wait(), timeout=60)
        yield Consumers(*services)


@pytest.fixture
async def world(
    consumers: Consumers,
    start_teams: Callable[..., Any],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
) -> AsyncIterator[World]:
    async with seeded_world(
        start_teams, signer, bootstrap=infra.kafka_bootstrap, topic_prefix=topic_prefix
    ) as world:
        yield world


def before_category(team_id: str, user_id: str, from_role: str, to_role: str) -> dict[str, Any]:
    """A role change's data as v1 was first published: without ``category``."""
    return {
        "team_id": team_id,
        "user_id": user_id,
        "from_role": from_role,
        "to_role": to_role,
        "reason": "Covers the coordinator",
        "effective_date": TODAY.isoformat(),
        "changed_by": "lead",
    }


async def store_v1_as_the_old_code_did(world: World, version: int, data: dict[str, Any]) -> None:
    """The old command's transaction: the event, its outbox row and the read models it kept."""
    event_id, now = uuid.uuid4(), datetime.now(UTC)
    key, value, headers = outbox_record(
        event_id=event_id,
        event_type=V1,
        source="huddle/teams",
        subject=world.team_id,
        time=now,
        tenant_id=world.org,
        stream_version=version,
        data=data,
        trace_headers={},
    )
    runtime = world.service.runtime
    row = {
        "stream": world.team_id,
        "version": version,
        "event_id": event_id,
        "tenant": world.org,
        "type": V1,
        "data": value.decode(),
        "metadata": json.dumps({"tenant_id": world.org, "actor": world.id_of("lead")}),
        "now": now,
        "topic": runtime.settings.topic(TEAM_TOPIC.name),
        "key": key,
        "headers": headers,
        "payload": value,
        "user": data["user_id"],
        "role": data["to_role"],
        "since": TODAY,
    }
    async with runtime.engine.begin() as conn:
        for statement in (
            "INSERT INTO events (stream_id, version, event_id, stream_type, tenant_id, type, data,"
            " metadata, recorded_at) VALUES (:stream, :version, :event_id, 'team', :tenant, :type,"
            " CAST(:data AS jsonb), CAST(:metadata AS jsonb), :now)",
            "INSERT INTO outbox (event_id, topic, key, headers, payload, created_at) VALUES"
            " (:event_id, :topic, :key, CAST(:headers AS jsonb), :payload, :now)",
            "UPDATE team_members SET role = :role, role_since = :since, updated_at = :now"
            " WHERE team_id = :stream AND user_id = :user",
            "UPDATE team_list SET version = :version, updated_at = :now WHERE team_id = :stream",
        ):
            await conn.execute(text(statement), row)
    runtime.store.committed()  # the relay's wake-up hint, as after any commit


async def old_team_on_the_topic(upstream: Upstream, org_id: str, user_id: str) -> str:
    """A team whose events, two v1 role changes among them, the relay before v2 published."""
    team_id = str(uuid.uuid4())

    async def send(event_type: str, data: dict[str, Any]) -> None:
        await upstream.publish_data(team_id, org_id, TEAM_TOPIC.name, event_type, data, "teams")

    created = {
        "team_id": team_id,
        "org_id": org_id,
        "name": "Hillside Team B",
        "care_setting": "primary_care_clinic",
        "description": "",
        "created_by": "admin",
    }
    await send("huddle.teams.team_created.v1", created)
    added = {
        "team_id": team_id,
        "user_id": user_id,
        "role": "nurse",
        "effective_date": TODAY.isoformat(),
        "added_by": "admin",
    }
    await send("huddle.teams.member_added.v1", added)
    rotated = before_category(team_id, user_id, "nurse", "care_coordinator")
    await send(V1, {**rotated, "category": "planned_rotation"})
    await send(V1, before_category(team_id, user_id, "care_coordinator", "nurse"))
    return team_id


async def test_v1_role_changes_are_read_relayed_and_projected_as_v2(
    world: World, consumers: Consumers, infra: Infrastructure, topic_prefix: str, signer: TestSigner
) -> None:
    nurse, team_a, org = world.id_of("nurse"), world.team_id, world.org
    topic = f"{topic_prefix}{TEAM_TOPIC.name}"
    # Team A: created, lead and nurse added (versions 1-3) by today's code; then a v1 row.
    await store_v1_as_the_old_code_did(
        world, 4, before_category(team_a, nurse, "nurse", "care_coordinator")
    )
    # Team B: its whole history already on the topic, sent by the old relay.
    other = str(uuid.uuid4())
    team_b = await old_team_on_the_topic(Upstream(infra.kafka_bootstrap, topic_prefix), org, other)

    # Stored: the store's load reads the v1 row as v2, and the team folds it.
    runtime = world.service.runtime
    async with runtime.engine.connect() as conn:
        loaded = await runtime.store.load(conn, team_a, tenant_id=org)
        team = await load_team(conn, store=runtime.store, team_id=team_a, org_id=org)
    assert [e.version for e in loaded] == [1, 2, 3, 4]
    assert loaded[-1].type == V2 and isinstance(loaded[-1].payload, MemberRoleChanged)
    assert loaded[-1].payload.category is RoleChangeCategory.OTHER
    assert team.version == 4 and team.role_of(nurse) == "care_coordinator"

    # Relayed: the outbox row went out as v2.
    def is_the_v1_row(record: Any) -> bool:
        return record.key == team_a.encode() and ("ce_streamversion", b"4") in record.headers

    def all_there(records: list[Any]) -> bool:
        team_b_records = sum(r.key == team_b.encode() for r in records)
        return any(is_the_v1_row(r) for r in records) and team_b_records == 4

    records = await read_topic(infra.kafka_bootstrap, topic, until=all_there, timeout_s=60)
    relayed = next(from_kafka(r.key, r.value, list(r.headers)) for r in records if is_the_v1_row(r))
    assert relayed.type == V2
    assert relayed.data == {
        **before_category(team_a, nurse, "nurse", "care_coordinator"),
        "category": "other",
    }
    assert {r.key for r in records if dict(r.headers)["ce_type"] == V1.encode()} == {
        team_b.encode()
    }, "only the old relay's records are v1"

    # The next command decides on the folded v1 event: the nurse's role is care_coordinator now.
    promoted = await world.client.put(
        world.url(f"/members/{nurse}/role"),
        json={
            "role": "clinical_lead",
            "reason": "Leads huddles",
            "effective_date": str(TODAY),
            "category": "promotion",
        },
        headers=world.headers("admin"),
    )
    assert promoted.status_code == 200, promoted.text
    history = (await world.client.get(world.url("/history"), headers=world.headers("lead"))).json()
    changes = [
        (e["version"], e["type"], e["data"]["from_role"], e["data"]["category"])
        for e in history["items"]
        if "role_changed" in e["type"]
    ]
    assert changes == [(4, V2, "nurse", "other"), (5, V2, "care_coordinator", "promotion")]

    # Projected, by every consumer of the team topic.
    analyst = signer.headers(org_id=org, roles=["analyst"])

    async def role_changes(team_id: str) -> list[tuple[str, str, str]]:
        response = await consumers.insights.client.get(
            f"/v1/teams/{team_id}/dashboard?as_of={TODAY}", headers=analyst
        )
        if response.status_code != 200:
            return []
        board = response.json()
        return sorted(
            (c["from_role"], c["to_role"], c["change"])
            for c in board["role_changes"]
            if c["change"] != "joined"
        )

    a_changes = [
        ("care_coordinator", "clinical_lead", "planned_role_change"),  # the v2 promotion
        ("nurse", "care_coordinator", "role_changed"),  # v1 without a category: churn
    ]
    b_changes = [
        ("care_coordinator", "nurse", "role_changed"),  # v1 without a category
        ("nurse", "care_coordinator", "planned_role_change"),  # v1 with its category kept
    ]

    async def insights_caught_up() -> bool:
        return await role_changes(team_a) == a_changes and await role_changes(team_b) == b_changes

    await eventually(insights_caught_up, timeout_s=90)

    feed_client = signer.headers(org_id=org, client=True, roles=[], scopes=["events:read"])

    async def integration_role_changes() -> list[tuple[str, str, str, str]]:
        response = await consumers.integrations.client.get(
            "/v1/events", params={"types": CHANGED, "limit": 50}, headers=feed_client
        )
        assert response.status_code == 200, response.text
        return sorted(
            (e["subject"], e["data"]["from_role"], e["data"]["to_role"], e["data"]["category"])
            for e in response.json()
        )

    expected_feed = sorted(
        [
            (team_a, "nurse", "care_coordinator", "other"),
            (team_a, "care_coordinator", "clinical_lead", "promotion"),
            (team_b, "nurse", "care_coordinator", "planned_rotation"),
            (team_b, "care_coordinator", "nurse", "other"),
        ]
    )

    async def integrations_caught_up() -> bool:
        return await integration_role_changes() == expected_feed

    await eventually(integrations_caught_up, timeout_s=90)

    async def assessments_roles() -> dict[tuple[str, str], str]:
        async with consumers.assessments.runtime.engine.connect() as conn:
            rows = (await conn.execute(select(assessments_team_members))).mappings().all()
        return {(r["team_id"], r["user_id"]): r["role"] for r in rows}

    async def assessments_caught_up() -> bool:
        roles = await assessments_roles()
        return (
            roles.get((team_a, nurse)) == "clinical_lead" and roles.get((team_b, other)) == "nurse"
        )

    await eventually(assessments_caught_up, timeout_s=90)

    # A known retired type is never a dead letter, in any consumer.
    for service in (consumers.insights, consumers.integrations, consumers.assessments):
        async with service.runtime.engine.connect() as conn:
            reasons = (await conn.execute(text("SELECT reason FROM dead_letters"))).scalars().all()
        assert reasons == [], reasons
