"""Crashes and outages with real processes: nothing is lost, nothing is applied twice."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from huddle_devtools.devinfra.kafka import LocalKafka, ensure_kafka_jars
from huddle_devtools.devinfra.selection import Infrastructure, free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually, read_topic
from huddle_devtools.testing.processes import ServiceProcess
from huddle_devtools.testing.tokens import TestSigner
from huddle_shared.config import to_asyncpg_url
from huddle_teams.bootstrap import MIGRATIONS as TEAMS_MIGRATIONS

from .conftest import RunningService


async def outbox_depth(database_url: str) -> int:
    engine = create_async_engine(to_asyncpg_url(database_url))
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text("SELECT count(*) FROM outbox"))).scalar_one())
    finally:
        await engine.dispose()


async def create_teams(service: RunningService, headers: dict[str, str], n: int) -> list[str]:
    ids = []
    for i in range(n):
        r = await service.client.post("/v1/teams", json={"name": f"Team {i}"}, headers=headers)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    return ids


async def test_a_relay_killed_between_publishing_and_marking_duplicates_on_kafka_only(
    infra: Infrastructure,
    databases: DatabaseFactory,
    start_teams: Any,
    start_insights: Any,
    service_env: Callable[..., dict[str, str]],
    signer: TestSigner,
    topic_prefix: str,
    log_dir: Path,
) -> None:
    org = str(uuid.uuid4())
    headers = signer.headers(org_id=org, roles=["org_admin"])
    teams_db = databases.create("teams", TEAMS_MIGRATIONS)
    async with start_teams(teams_db, relay_enabled=False) as writer:
        ids = await create_teams(writer, headers, 10)
    assert await outbox_depth(teams_db) == 10

    # Hold a SHARE lock on the outbox: the relay can read and publish, but its DELETE waits.
    blocker = create_async_engine(to_asyncpg_url(teams_db))
    lock_conn = await blocker.connect()
    await lock_conn.execute(text("LOCK TABLE outbox IN SHARE MODE"))
    relay = ServiceProcess("teams", port=free_port(), env=service_env(teams_db), log_dir=log_dir)
    topic = f"{topic_prefix}teams.team.v1"
    try:
        relay.start()
        await read_topic(infra.kafka_bootstrap, topic, until=lambda r: len(r) >= 10)
        relay.kill()  # published and acknowledged, never marked
    finally:
        relay.kill()
        await lock_conn.rollback()
        await lock_conn.close()
        await blocker.dispose()
    assert await outbox_depth(teams_db) == 10, "the killed relay must not have marked anything"

    restarted = ServiceProcess(
        "teams", port=free_port(), env=service_env(teams_db), log_dir=log_dir
    )
    try:
        restarted.start()
        await eventually(_is_zero(teams_db), timeout_s=60)
    finally:
        restarted.stop()
    records = await read_topic(infra.kafka_bootstrap, topic, until=lambda r: len(r) >= 20)
    assert len(records) == 20, "each event published twice: a duplicate per event"

    async with start_insights() as insights:

        async def projected() -> bool:
            r = await insights.client.get(f"/v1/orgs/{org}/teams", headers=headers)
            return len(r.json()["items"]) == 10

        await eventually(projected, timeout_s=60)
        consumer = insights.app.state.projector.live
        assert consumer is not None
        await eventually(lambda: consumer.applied_total >= 10, timeout_s=30)
        await asyncio.sleep(1.0)
        listed = (await insights.client.get(f"/v1/orgs/{org}/teams", headers=headers)).json()
        assert sorted(t["id"] for t in listed["items"]) == sorted(ids)
        assert consumer.applied_total == 10, "duplicates were recognised, not applied"


async def projected_team_ids(client: Any, org: str, headers: dict[str, str]) -> list[str]:
    """Every team insights lists for the organisation, page by page (a few hundred here)."""
    ids: list[str] = []
    cursor: str | None = None
    while True:
        params = {"limit": 200, **({"cursor": cursor} if cursor else {})}
        page = await client.get(f"/v1/orgs/{org}/teams", params=params, headers=headers)
        assert page.status_code == 200, page.text
        ids += [team["id"] for team in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return ids


def _is_zero(database_url: str) -> Callable[[], Any]:
    async def check() -> bool:
        return await outbox_depth(database_url) == 0

    return check


@pytest.fixture
def own_kafka(tmp_path: Path) -> Iterator[LocalKafka]:
    """A broker of this test's own, so stopping it disturbs no other test."""
    kafka = LocalKafka(
        work_dir=tmp_path / "kafka",
        port=free_port(),
        controller_port=free_port(),
        jars_dir=ensure_kafka_jars(),
    )
    kafka.start()
    try:
        yield kafka
    finally:
        kafka.stop()


async def test_with_kafka_down_writes_succeed_and_the_backlog_drains_when_it_returns(
    own_kafka: LocalKafka, start_teams: Any, signer: TestSigner, topic_prefix: str
) -> None:
    headers = signer.headers(org_id=str(uuid.uuid4()), roles=["org_admin"])
    topic = f"{topic_prefix}teams.team.v1"
    async with start_teams(kafka_bootstrap=own_kafka.bootstrap) as teams:
        await eventually(teams.runtime.topics_ready.is_set, timeout_s=60)
        before = await create_teams(teams, headers, 5)
        await eventually(_is_zero(teams.database_url), timeout_s=60)

        own_kafka.kill()
        during = await create_teams(teams, headers, 20)  # every one answered 201
        assert await outbox_depth(teams.database_url) >= 20
        ready = await teams.client.get("/health/ready")
        assert ready.status_code == 200, "a Kafka outage does not make the write side unready"

        own_kafka.start()
        await eventually(_is_zero(teams.database_url), timeout_s=120)
    records = await read_topic(
        own_kafka.bootstrap,
        topic,
        until=lambda recs: {r.key for r in recs} >= {i.encode() for i in before + during},
        timeout_s=60,
    )
    assert {r.key for r in records} == {i.encode() for i in before + during}


async def test_kafka_killed_for_thirty_seconds_under_steady_writes_loses_nothing(
    own_kafka: LocalKafka, start_teams: Any, start_insights: Any, signer: TestSigner
) -> None:
    org = str(uuid.uuid4())
    headers = signer.headers(org_id=org, roles=["org_admin", "analyst"])
    operator = {"X-Operator-Key": "fault-test-operator"}
    async with (
        start_teams(kafka_bootstrap=own_kafka.bootstrap) as teams,
        start_insights(
            kafka_bootstrap=own_kafka.bootstrap, operator_key="fault-test-operator"
        ) as insights,
    ):
        await eventually(teams.runtime.topics_ready.is_set, timeout_s=60)
        created: list[str] = []
        statuses: list[int] = []
        loop = asyncio.get_running_loop()

        async def steady_writes(seconds: float) -> None:
            deadline = loop.time() + seconds
            while loop.time() < deadline:
                r = await teams.client.post(
                    "/v1/teams", json={"name": f"Team {len(created):03d}"}, headers=headers
                )
                statuses.append(r.status_code)
                if r.status_code == 201:
                    created.append(r.json()["id"])
                await asyncio.sleep(0.1)

        writer = asyncio.create_task(steady_writes(40))
        await asyncio.sleep(3)
        own_kafka.kill()
        await asyncio.sleep(30)
        own_kafka.start()
        await writer
        assert set(statuses) == {201}, "no write failed because of Kafka"

        await eventually(_is_zero(teams.database_url), timeout_s=120)

        async def all_projected() -> bool:
            return len(await projected_team_ids(insights.client, org, headers)) == len(created)

        await eventually(all_projected, timeout_s=120)
        listed = await projected_team_ids(insights.client, org, headers)
        assert sorted(listed) == sorted(created), "every count exact"
        before = (
            await insights.client.get(f"/v1/orgs/{org}/dashboard?as_of=2030-01-01", headers=headers)
        ).content
        rebuilt = await insights.client.post(
            "/v1/projections/rebuild", headers=operator, timeout=300
        )
        assert rebuilt.status_code == 200, rebuilt.text
        after = (
            await insights.client.get(f"/v1/orgs/{org}/dashboard?as_of=2030-01-01", headers=headers)
        ).content
        assert after == before, "the live projection equals a rebuild from scratch"
