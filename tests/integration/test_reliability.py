"""Faults survived with real processes and servers: conflicts, a database restart, a projection
killed again and again, poison messages replayed once fixed."""

from __future__ import annotations

import asyncio
import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from huddle_devtools.devinfra.postgres import LocalPostgres
from huddle_devtools.devinfra.selection import Infrastructure, free_port
from huddle_devtools.testing.databases import DatabaseFactory, call_in_thread
from huddle_devtools.testing.kafka import eventually, produce_raw
from huddle_devtools.testing.processes import ServiceProcess
from huddle_devtools.testing.tokens import TestSigner
from huddle_insights.bootstrap import MIGRATIONS as INSIGHTS_MIGRATIONS
from huddle_shared.config import to_asyncpg_url
from huddle_shared.consumer import ConsumerRuntime, ReceivedEvent
from huddle_shared.contracts.identity import Profession
from huddle_shared.contracts.teams import TEAM_TOPIC, TeamRole
from huddle_shared.envelope import to_kafka
from huddle_shared.events import DomainEvent, EventRegistry
from huddle_shared.migrations import upgrade
from huddle_shared.topics import ensure_topics
from huddle_teams.bootstrap import MIGRATIONS as TEAMS_MIGRATIONS

from .conftest import RunningService
from .upstream_events import Upstream

pytestmark = pytest.mark.timeout(400)


async def test_fifty_concurrent_conflicting_commands_lose_no_update(
    teams: RunningService, signer: TestSigner
) -> None:
    admin = signer.headers(org_id=str(uuid.uuid4()), roles=["org_admin"])
    team_id = (
        await teams.client.post("/v1/teams", json={"name": "Contended"}, headers=admin)
    ).json()["id"]
    path = f"/v1/teams/{team_id}"

    at_version_1 = {**admin, "If-Match": '"1"'}
    stale = await asyncio.gather(
        *(
            teams.client.patch(path, json={"name": f"If-Match {n}"}, headers=at_version_1)
            for n in range(50)
        )
    )
    codes = [r.status_code for r in stale]
    # 412 when the stale ETag is seen before deciding, 409 when the race is lost at append.
    assert set(codes) <= {200, 409, 412}
    assert codes.count(200) == 1, "exactly one writer wins at version 1"

    blind = await asyncio.gather(
        *(teams.client.patch(path, json={"name": f"Blind {n}"}, headers=admin) for n in range(50))
    )
    blind_codes = [r.status_code for r in blind]
    assert set(blind_codes) <= {200, 409}, blind_codes
    team = (await teams.client.get(path, headers=admin)).json()
    # Every 200 appended exactly one event: nothing was lost or written twice.
    assert team["version"] == 2 + blind_codes.count(200)
    history = (await teams.client.get(f"{path}/history?limit=200", headers=admin)).json()
    renames = [e for e in history["items"] if e["type"] == "huddle.teams.team_renamed.v1"]
    assert len(renames) == 1 + blind_codes.count(200)
    assert team["name"] == renames[-1]["data"]["name"], "the state is the fold of the stream"


@pytest.fixture
def own_postgres(server_dir: Path) -> Iterator[LocalPostgres]:
    server = LocalPostgres(data_dir=server_dir / "pg" / "data", port=free_port(), fast=True)
    server.start()
    try:
        yield server
    finally:
        server.stop(mode="immediate")


async def test_a_database_restart_gives_503_not_500_and_the_service_recovers(
    own_postgres: LocalPostgres, start_teams: Any, signer: TestSigner
) -> None:
    own_postgres.ensure_databases(["teams"])
    url = own_postgres.url("teams")
    call_in_thread(lambda: upgrade(TEAMS_MIGRATIONS, url))
    admin = signer.headers(org_id=str(uuid.uuid4()), roles=["org_admin"])
    async with start_teams(url) as teams:
        assert (
            await teams.client.post("/v1/teams", json={"name": "Before"}, headers=admin)
        ).status_code == 201
        own_postgres.stop(mode="fast")
        for method, path, body in (
            ("post", "/v1/teams", {"json": {"name": "During"}}),
            ("get", "/v1/teams", {}),
        ):
            response = await asyncio.wait_for(
                getattr(teams.client, method)(path, headers=admin, **body), timeout=30
            )
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == "application/problem+json"
            assert response.headers["retry-after"].isdigit()
        ready = await asyncio.wait_for(teams.client.get("/health/ready"), timeout=30)
        assert ready.status_code == 503
        assert (await teams.client.get("/health/live")).status_code == 200

        own_postgres.start()

        async def recovered() -> bool:
            response = await teams.client.post("/v1/teams", json={"name": "After"}, headers=admin)
            return bool(response.status_code == 201)

        await eventually(recovered, timeout_s=60, interval_s=0.5)
        assert (await teams.client.get("/health/ready")).status_code == 200
        names = {
            t["name"] for t in (await teams.client.get("/v1/teams", headers=admin)).json()["items"]
        }
        assert names == {"Before", "After"}, "nothing half-written while the database was away"


async def test_the_projection_killed_five_times_under_load_ends_exact(
    infra: Infrastructure,
    databases: DatabaseFactory,
    service_env: Callable[..., dict[str, str]],
    topic_prefix: str,
    log_dir: Path,
) -> None:
    database_url = databases.create("insights", INSIGHTS_MIGRATIONS)
    insights = ServiceProcess(
        "insights", port=free_port(), env=service_env(database_url), log_dir=log_dir
    )
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    org_id = str(uuid.uuid4())
    teams_count, members_each = 40, 3
    insights.start()
    rng = random.Random(7)

    async def load() -> None:
        for n in range(teams_count):
            team_id = await upstream.team(org_id, f"Team {n:02d}")
            for _ in range(members_each):
                user = await upstream.user(org_id, Profession.NURSE)
                await upstream.member(org_id, team_id, user, TeamRole.NURSE)

    producer = asyncio.create_task(load())
    try:
        for _ in range(5):
            await asyncio.sleep(rng.uniform(0.5, 1.5))
            insights.kill()
            insights.start(wait_ready=False)
        await producer
        insights.wait_ready(timeout_s=90)
        engine = create_async_engine(to_asyncpg_url(database_url))

        async def counts() -> tuple[int, ...]:
            async with engine.connect() as conn:
                return tuple(
                    [
                        (
                            await conn.execute(text(f"SELECT count(*) FROM insights_g1.{table}"))
                        ).scalar_one()
                        for table in ("teams", "roster", "team_changes")
                    ]
                )

        expected = (teams_count, teams_count * members_each, teams_count * members_each)
        try:
            await eventually(lambda: _equals(counts(), expected), timeout_s=120, interval_s=0.5)
            async with engine.connect() as conn:
                versions: dict[str, int] = dict(
                    (
                        await conn.execute(
                            text(
                                "SELECT stream_id, version FROM applied_streams "
                                "WHERE group_id = 'insights-g1'"
                            )
                        )
                    ).all()
                )
        finally:
            await engine.dispose()
        assert versions == dict(upstream.versions), "every stream applied exactly to its end"
    finally:
        producer.cancel()
        insights.stop()


async def _equals(value: Any, expected: Any) -> bool:
    return bool(await value == expected)


async def test_dead_letters_are_replayed_once_the_fix_is_deployed(
    infra: Infrastructure, databases: DatabaseFactory, topic_prefix: str
) -> None:
    topic = topic_prefix + TEAM_TOPIC.name
    dead = topic_prefix + "insights.deadletter.v1"
    await ensure_topics(infra.kafka_bootstrap, [topic, dead])
    registry = EventRegistry()  # the consumer's code before the fix: it knows no such event
    applied: list[str] = []

    class Recording:
        async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
            applied.append(event.envelope.type)

    engine = create_async_engine(to_asyncpg_url(databases.create("insights", INSIGHTS_MIGRATIONS)))
    runtime = ConsumerRuntime(
        engine=engine,
        registry=registry,
        projection=Recording(),
        group_id="replay-test",
        topics=[topic],
        bootstrap=infra.kafka_bootstrap,
        dead_letter_topic=dead,
    )
    team = str(uuid.uuid4())
    key, value, headers = to_kafka(
        event_id=uuid.uuid4(),
        event_type="huddle.teams.mascot_chosen.v1",
        source="huddle/teams",
        subject=team,
        time=datetime.now(UTC),
        tenant_id="org",
        stream_version=1,
        data={"team_id": team, "mascot": "heron"},
    )
    await produce_raw(infra.kafka_bootstrap, topic, value, key=key, headers=headers)
    stop = asyncio.Event()
    task = asyncio.create_task(runtime.run(stop))
    try:

        async def dead_lettered() -> bool:
            async with engine.connect() as conn:
                n = (await conn.execute(text("SELECT count(*) FROM dead_letters"))).scalar_one()
            return bool(n == 1)

        await eventually(dead_lettered, timeout_s=60)
        assert await runtime.replay_dead_letters() == (0, 1), "still unknown: stays for later"

        @registry.event(TEAM_TOPIC, "huddle.teams.mascot_chosen.v1")
        class MascotChosen(DomainEvent):  # the fix, deployed
            team_id: str
            mascot: str

        assert await runtime.replay_dead_letters() == (1, 0)
        assert applied == ["huddle.teams.mascot_chosen.v1"]
        assert await runtime.replay_dead_letters() == (0, 0), "replayed once, never twice"
        assert MascotChosen.event_type == "huddle.teams.mascot_chosen.v1"
    finally:
        stop.set()
        await task
        await engine.dispose()
