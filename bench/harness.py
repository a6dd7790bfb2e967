"""The run's context: servers, fresh databases, topic prefixes, tokens, processes, machine."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.metadata
import os
import platform
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import psutil
from aiokafka.admin import AIOKafkaAdminClient

from bench.config import ROOT, BenchConfig
from huddle_devtools.devinfra.selection import Infrastructure, free_port
from huddle_devtools.testing.databases import DatabaseFactory, with_database
from huddle_devtools.testing.processes import ServiceProcess
from huddle_devtools.testing.tokens import TestSigner

T = TypeVar("T")


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run a benchmark coroutine on uvloop, the loop the services run on under uvicorn."""
    import uvloop

    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coro)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Context:
    config: BenchConfig
    infra: Infrastructure
    databases: DatabaseFactory
    signer: TestSigner
    work_dir: Path
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    services: list[ServiceProcess] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    created_databases: list[str] = field(default_factory=list)
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def log_dir(self) -> Path:
        path = self.work_dir / "logs"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def topic_prefix(self, name: str) -> str:
        """Own topics per benchmark: a unique prefix, deleted again at the end of the run."""
        prefix = f"bench{self.run_id}.{name}."
        self.prefixes.append(prefix)
        return prefix

    def database(self, service: str, migrations: Path) -> str:
        url = self.databases.create(service, migrations)
        self.created_databases.append(url.rpartition("/")[2])
        return url

    def empty_database(self) -> str:
        url = self.databases.empty()
        self.created_databases.append(url.rpartition("/")[2])
        return url

    def service_env(self, database_url: str, topic_prefix: str, **overrides: str) -> dict[str, str]:
        """The environment of a service process: production defaults except where it must
        differ to run here (test environment for a file JWKS, the run's own topics)."""
        env = {
            "HUDDLE_ENVIRONMENT": "test",
            "HUDDLE_DATABASE_URL": database_url,
            "HUDDLE_KAFKA_BOOTSTRAP": self.infra.kafka_bootstrap,
            "HUDDLE_TOPIC_PREFIX": topic_prefix,
            "HUDDLE_JWKS_URL": self.signer.jwks_url,
        }
        env.update(overrides)
        return env

    def start_service(
        self, name: str, database_url: str, topic_prefix: str, **overrides: str
    ) -> ServiceProcess:
        process = ServiceProcess(
            name,
            port=free_port(),
            env=self.service_env(database_url, topic_prefix, **overrides),
            log_dir=self.log_dir,
        )
        self.services.append(process)
        process.start(wait_ready=False)
        return process

    def spawn(self, args: list[str], *, name: str, env: dict[str, str] | None = None) -> Any:
        """A helper process (bare app, load generator), stopped by its pid at the end."""
        log_path = self.log_dir / f"{name}.log"
        with log_path.open("ab") as out:
            proc = subprocess.Popen(
                [sys.executable, *args],
                env={**os.environ, **(env or {})},
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
        self.processes.append(proc)
        return proc

    def profile(self, pid: int, name: str, seconds: float) -> subprocess.Popen[bytes] | None:
        """With HUDDLE_BENCH_PROFILE=1: sample ``pid`` with py-spy into the results' profiles/.

        The speedscope files open at https://www.speedscope.app or in any speedscope viewer.
        """
        if not self.config.profile:
            return None
        spy = Path(sys.executable).parent / "py-spy"
        out = self.config.results_dir / "profiles" / f"{name}.speedscope.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        args = ["record", "-p", str(pid), "-d", str(max(1, int(seconds))), "-r", "200"]
        args += ["-f", "speedscope", "-o", str(out)]
        try:
            with (self.log_dir / "py-spy.log").open("ab") as log_file:
                proc = subprocess.Popen([str(spy), *args], stdout=log_file, stderr=log_file)
        except OSError as exc:
            log(f"profiling {name} is not possible here ({exc})")
            return None
        self.processes.append(proc)
        return proc

    def stop_processes(self) -> None:
        """Stop everything this run started, by pid: SIGTERM, then SIGKILL after a grace."""
        for service in reversed(self.services):
            with contextlib.suppress(Exception):
                service.stop()
        for proc in reversed(self.processes):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=15)
        self.services.clear()
        self.processes.clear()

    def cleanup(self) -> None:
        """On servers we did not start ourselves, remove our topics and databases again."""
        if self.infra.kind == "local":
            return
        with contextlib.suppress(Exception):
            run_async(_delete_topics(self.infra.kafka_bootstrap, self.prefixes))
        with contextlib.suppress(Exception):
            run_async(_drop_databases(self.infra.database_url, self.created_databases))


async def _delete_topics(bootstrap: str, prefixes: list[str]) -> None:
    if not prefixes:
        return
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        names = [t for t in await admin.list_topics() if t.startswith(tuple(prefixes))]
        if names:
            await admin.delete_topics(names)
    finally:
        await admin.close()


async def _drop_databases(server_url: str, names: list[str]) -> None:
    conn = await asyncpg.connect(with_database(server_url, "postgres"))
    try:
        for name in names:
            with contextlib.suppress(Exception):
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def checkpoint(server_url: str) -> None:
    """Flush dirty pages between benchmarks so one's writes do not slow the next one down."""
    with contextlib.suppress(Exception):
        conn = await asyncpg.connect(with_database(server_url, "postgres"))
        try:
            await conn.execute("CHECKPOINT")
        finally:
            await conn.close()


def wait_until(check: Callable[[], bool], *, timeout_s: float, interval_s: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval_s)
    return check()


# ---- the machine ------------------------------------------------------------------------------


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _git_revision() -> str:
    with contextlib.suppress(Exception):
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
        if out.returncode == 0:
            return out.stdout.strip() + (" (with local changes)" if dirty.stdout.strip() else "")
    return "unknown"


async def _postgres_facts(server_url: str) -> dict[str, str]:
    conn = await asyncpg.connect(with_database(server_url, "postgres"))
    try:
        facts = {"postgres": str(await conn.fetchval("SHOW server_version"))}
        for setting in ("fsync", "synchronous_commit", "shared_buffers", "max_connections"):
            facts[f"postgres {setting}"] = str(await conn.fetchval(f"SHOW {setting}"))
        return facts
    finally:
        await conn.close()


def machine_facts(ctx: Context) -> dict[str, Any]:
    from huddle_devtools.devinfra.kafka import KAFKA_VERSION

    memory = psutil.virtual_memory()
    facts: dict[str, Any] = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu model": _cpu_model(),
        "cores (logical)": os.cpu_count(),
        "cores (physical)": psutil.cpu_count(logical=False),
        "memory": f"{memory.total / 2**30:.1f} GiB",
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "servers": ctx.infra.kind,
        "kafka": KAFKA_VERSION if ctx.infra.kind == "local" else "external broker",
        "git": _git_revision(),
    }
    facts.update(run_async(_postgres_facts(ctx.infra.database_url)))
    for package in (
        "asyncpg",
        "sqlalchemy",
        "aiokafka",
        "fastapi",
        "uvicorn",
        "uvloop",
        "pydantic",
        "eventsourcing",
        "psycopg",
    ):
        facts[package] = _version(package)
    return facts
