"""Sixty seconds of mixed traffic at a fixed rate against the four services as processes:
sign-ins, reads, writes and dashboards. Zero errors; the latency percentiles are reported
(printed, and written next to the test logs), never asserted: the machine is shared."""

from __future__ import annotations

import asyncio
import json
import os
import random
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from statistics import quantiles

import httpx
import pytest

from huddle_assessments.bootstrap import MIGRATIONS as ASSESSMENTS
from huddle_devtools.devinfra.selection import free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.processes import ServiceProcess
from huddle_identity.bootstrap import MIGRATIONS as IDENTITY
from huddle_insights.bootstrap import MIGRATIONS as INSIGHTS
from huddle_teams.bootstrap import MIGRATIONS as TEAMS

from .identity_support import PASSWORD, person

pytestmark = pytest.mark.timeout(400)
DURATION_S = float(os.environ.get("HUDDLE_LOAD_SECONDS", "60"))
RATE_PER_S = float(os.environ.get("HUDDLE_LOAD_RATE", "20"))


@pytest.fixture
def stack(
    databases: DatabaseFactory, service_env: Callable[..., dict[str, str]], log_dir: Path
) -> Iterator[dict[str, ServiceProcess]]:
    identity_port = free_port()
    extra = {
        "HUDDLE_JWKS_URL": f"http://127.0.0.1:{identity_port}/.well-known/jwks.json",
        "HUDDLE_ARGON2_TIME_COST": "1",
        "HUDDLE_ARGON2_MEMORY_KIB": "8192",
    }
    migrations = {
        "identity": IDENTITY,
        "teams": TEAMS,
        "assessments": ASSESSMENTS,
        "insights": INSIGHTS,
    }
    processes = {
        name: ServiceProcess(
            name,
            port=identity_port if name == "identity" else free_port(),
            env=service_env(databases.create(name, m), **extra),
            log_dir=log_dir,
        )
        for name, m in migrations.items()
    }
    try:
        for process in processes.values():
            process.start(wait_ready=False)
        for process in processes.values():
            process.wait_ready(timeout_s=90)
        yield processes
    finally:
        for process in processes.values():
            process.stop()


async def test_sixty_seconds_of_mixed_traffic_without_an_error(
    stack: dict[str, ServiceProcess], log_dir: Path
) -> None:
    clients = {name: httpx.AsyncClient(base_url=p.url, timeout=30) for name, p in stack.items()}
    identity, teams, insights = clients["identity"], clients["teams"], clients["insights"]
    admin = person("Load Admin", "physician")
    org = (await identity.post("/v1/orgs", json={"name": "Load", "admin": admin})).json()
    org_id = org["org"]["id"]
    token = (
        await identity.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": admin["email"], "password": PASSWORD},
        )
    ).json()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    team_ids = [
        (await teams.post("/v1/teams", json={"name": f"Seed {n}"}, headers=auth)).json()["id"]
        for n in range(5)
    ]
    rng = random.Random(11)

    async def sign_in() -> httpx.Response:
        return await identity.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": admin["email"], "password": PASSWORD},
        )

    async def read_team() -> httpx.Response:
        return await teams.get(f"/v1/teams/{rng.choice(team_ids)}", headers=auth)

    async def list_teams() -> httpx.Response:
        return await teams.get("/v1/teams?limit=20", headers=auth)

    async def write_team() -> httpx.Response:
        response = await teams.post(
            "/v1/teams", json={"name": f"Load {time.monotonic_ns()}"}, headers=auth
        )
        if response.status_code == 201:
            team_ids.append(response.json()["id"])
        return response

    async def dashboard() -> httpx.Response:
        return await insights.get(f"/v1/orgs/{org_id}/dashboard", headers=auth)

    # Weighted like a working day: many reads, some writes and dashboards, few sign-ins.
    mix: list[tuple[str, Callable[[], Awaitable[httpx.Response]], int]] = [
        ("sign_in", sign_in, 1),
        ("read_team", read_team, 8),
        ("list_teams", list_teams, 4),
        ("write_team", write_team, 4),
        ("org_dashboard", dashboard, 3),
    ]
    kinds = [entry for entry in mix for _ in range(entry[2])]
    latencies: dict[str, list[float]] = {name: [] for name, _, _ in mix}
    errors: list[str] = []

    async def one(name: str, call: Callable[[], Awaitable[httpx.Response]]) -> None:
        started = time.perf_counter()
        try:
            response = await call()
            if response.status_code >= 400:
                errors.append(f"{name}: {response.status_code} {response.text[:200]}")
        except httpx.HTTPError as exc:
            errors.append(f"{name}: {type(exc).__name__}")
        latencies[name].append((time.perf_counter() - started) * 1000)

    # Open loop: requests start on schedule whether or not earlier ones have finished.
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = []
    n = 0
    while (due := start + n / RATE_PER_S) < start + DURATION_S:
        await asyncio.sleep(max(0.0, due - loop.time()))
        name, call, _ = rng.choice(kinds)
        tasks.append(asyncio.create_task(one(name, call)))
        n += 1
    await asyncio.gather(*tasks)
    for client in clients.values():
        await client.aclose()

    report = {
        "seconds": DURATION_S,
        "offered_rate_per_s": RATE_PER_S,
        "requests": n,
        "errors": len(errors),
        "latency_ms": {
            name: {
                "count": len(values),
                "p50": round(quantiles(values, n=100)[49], 1),
                "p99": round(quantiles(values, n=100)[98], 1),
            }
            for name, values in latencies.items()
            if len(values) >= 2
        },
    }
    (log_dir / "mixed-load.json").write_text(json.dumps(report, indent=2))
    print("\nmixed load:", json.dumps(report, indent=2))
    assert errors == [], errors[:10]
    assert n >= int(DURATION_S * RATE_PER_S) - 1
