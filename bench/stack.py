"""The five services as real processes (B4-B7), their seed data, and the load generator."""

from __future__ import annotations

import json
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import psutil

from bench.dataset import History, produce
from bench.harness import Context, log, run_async
from huddle_assessments.bootstrap import MIGRATIONS as ASSESSMENTS
from huddle_devtools.testing.processes import ServiceProcess
from huddle_identity.bootstrap import MIGRATIONS as IDENTITY
from huddle_insights.bootstrap import MIGRATIONS as INSIGHTS
from huddle_integrations.bootstrap import MIGRATIONS as INTEGRATIONS
from huddle_integrations.consumers.upstream_events import consumed_topics
from huddle_teams.bootstrap import MIGRATIONS as TEAMS

SERVICES = {
    "identity": IDENTITY,
    "teams": TEAMS,
    "assessments": ASSESSMENTS,
    "insights": INSIGHTS,
    "integrations": INTEGRATIONS,
}
# What a service needs beyond the common environment to run here: B7's webhook receiver is on
# 127.0.0.1 over plain http, which integrations refuses unless told (and always in production).
SERVICE_ENV = {"integrations": {"HUDDLE_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true"}}
INTEGRATIONS_GROUP = "integrations"  # the service's default HUDDLE_CONSUMER_GROUP
SEED_ORGS = 2


@dataclass
class Stack:
    prefix: str
    services: dict[str, ServiceProcess]
    databases: dict[str, str]
    org_id: str
    admin_token: str
    seed: History
    seed_token: str
    kafka_bootstrap: str
    idle_rss: dict[str, int] = field(default_factory=dict)

    def url(self, name: str) -> str:
        return self.services[name].url

    def port(self, name: str) -> int:
        return self.services[name].port

    def pid(self, name: str) -> int:
        process = self.services[name].proc
        assert process is not None
        return process.pid


def rss(pid: int) -> int:
    return int(psutil.Process(pid).memory_info().rss)


async def _count(url: str, sql: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval(sql) or 0)
    finally:
        await conn.close()


async def insights_teams(stack: Stack) -> int:
    url = stack.databases["insights"]
    conn = await asyncpg.connect(url)
    try:
        generation = await conn.fetchval(
            "SELECT active_generation FROM projection_meta WHERE name = 'insights'"
        )
        if generation is None:
            return 0
        return int(await conn.fetchval(f'SELECT count(*) FROM "insights_g{int(generation)}".teams'))  # noqa: S608
    finally:
        await conn.close()


async def integrations_lag(stack: Stack) -> int:
    """Messages on the topics integrations consumes that its consumer has not yet applied
    (Kafka's end offsets minus the next offsets it stored in its own database)."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(bootstrap_servers=stack.kafka_bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        existing = await consumer.topics()
        names = [stack.prefix + name for name in consumed_topics()]
        partitions = [
            TopicPartition(name, p)
            for name in names
            if name in existing
            for p in sorted(consumer.partitions_for_topic(name) or ())
        ]
        ends = await consumer.end_offsets(partitions) if partitions else {}
    finally:
        await consumer.stop()
    conn = await asyncpg.connect(stack.databases["integrations"])
    try:
        rows = await conn.fetch(
            "SELECT topic, partition, next_offset FROM consumer_offsets WHERE group_id = $1",
            INTEGRATIONS_GROUP,
        )
    finally:
        await conn.close()
    stored = {(r["topic"], int(r["partition"])): int(r["next_offset"]) for r in rows}
    return sum(max(0, end - stored.get((tp.topic, tp.partition), 0)) for tp, end in ends.items())


def wait_quiet(stack: Stack, timeout_s: float = 180.0) -> float:
    """Wait until insights has projected every team the teams service holds and integrations
    has applied everything on the topics it consumes; returns seconds."""
    began = time.monotonic()
    seeded = len(stack.seed.teams)
    while time.monotonic() - began < timeout_s:
        created = run_async(_count(stack.databases["teams"], "SELECT count(*) FROM team_list"))
        if run_async(insights_teams(stack)) >= created + seeded:
            break
        time.sleep(0.2)
    else:
        raise TimeoutError("insights did not catch up with the teams service")
    while time.monotonic() - began < timeout_s:
        if run_async(integrations_lag(stack)) == 0:
            break
        time.sleep(0.2)
    else:
        raise TimeoutError("integrations did not catch up with its topics")
    return time.monotonic() - began


def get_stack(ctx: Context) -> Stack:
    """Start the five services once per run, seeded, idle memory taken."""
    if "stack" in ctx.shared:
        stack: Stack = ctx.shared["stack"]
        return stack
    prefix = ctx.topic_prefix("stack")
    databases = {name: ctx.database(name, migrations) for name, migrations in SERVICES.items()}
    services: dict[str, ServiceProcess] = {}
    began = time.perf_counter()
    for name in SERVICES:
        services[name] = ctx.start_service(
            name, databases[name], prefix, **SERVICE_ENV.get(name, {})
        )
    for process in services.values():
        process.wait_ready(timeout_s=180)
    log(f"stack ready in {time.perf_counter() - began:.1f} s")
    seed = History(seed=11)
    per_org = 10 * 118
    run_async(produce(ctx.infra.kafka_bootstrap, prefix, seed, SEED_ORGS * per_org))
    org_id = str(uuid.uuid4())
    stack = Stack(
        prefix=prefix,
        services=services,
        databases=databases,
        org_id=org_id,
        admin_token=ctx.signer.token(
            org_id=org_id, roles=["org_admin"], expires_in=7200, subject=str(uuid.uuid4())
        ),
        seed=seed,
        seed_token=ctx.signer.token(
            org_id=seed.orgs[0], roles=["org_admin"], expires_in=7200, subject=str(uuid.uuid4())
        ),
        kafka_bootstrap=ctx.infra.kafka_bootstrap,
    )
    ctx.shared["stack"] = stack
    wait_quiet(stack)
    time.sleep(3.0)  # let start-up garbage settle before the idle reading
    stack.idle_rss = {name: rss(stack.pid(name)) for name in services}
    log("idle RSS: " + ", ".join(f"{k} {v / 2**20:.0f} MiB" for k, v in stack.idle_rss.items()))
    return stack


def run_loadgen(ctx: Context, spec: dict[str, Any], *, timeout_s: float) -> dict[str, Any]:
    """Run one load-generator process to completion (killed by pid if it overruns)."""
    tag = uuid.uuid4().hex[:6]
    spec_path = ctx.work_dir / f"loadgen-{tag}.json"
    out_path = ctx.work_dir / f"loadgen-{tag}.out.json"
    spec_path.write_text(json.dumps(spec))
    proc = ctx.spawn(["-m", "bench.loadgen", str(spec_path), str(out_path)], name="loadgen")
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
        raise TimeoutError("the load generator overran its time") from None
    if proc.returncode != 0:
        raise RuntimeError(f"the load generator failed ({proc.returncode}); see {ctx.log_dir}")
    result: dict[str, Any] = json.loads(Path(out_path).read_text())
    return result


class RssSampler:
    """Samples the resident memory of some processes in a thread; keeps the peak per process."""

    def __init__(self, pids: dict[str, int], every_s: float = 0.2) -> None:
        self.pids = pids
        self.every_s = every_s
        self.peak: dict[str, int] = dict.fromkeys(pids, 0)
        self._stop = False

    def sample(self) -> None:
        for name, pid in self.pids.items():
            try:
                self.peak[name] = max(self.peak[name], rss(pid))
            except psutil.Error:
                continue

    def __enter__(self) -> RssSampler:
        import threading

        def loop() -> None:
            while not self._stop:
                self.sample()
                time.sleep(self.every_s)

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop = True
        self._thread.join(timeout=5)
        self.sample()
