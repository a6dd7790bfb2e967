"""The five services as local processes for the dev stack (`make run`, `make up`, `make down`).

Each service runs as ``python -m huddle_<name> serve`` with its own database and port; pid files
under the state directory say exactly which processes are ours, so stopping never goes by name.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

from huddle_devtools.devinfra.pids import live_pid

SERVICES: tuple[tuple[str, int], ...] = (
    ("identity", 8001),
    ("teams", 8002),
    ("assessments", 8003),
    ("insights", 8004),
    ("integrations", 8005),
)


@dataclass
class LocalService:
    name: str
    port: int
    state_dir: Path
    pg_url: str
    kafka_bootstrap: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid_path(self) -> Path:
        return self.state_dir / "services" / f"{self.name}.pid"

    @property
    def log_path(self) -> Path:
        return self.state_dir / "logs" / f"{self.name}.log"

    @property
    def database_url(self) -> str:
        return f"{self.pg_url.rstrip('/')}/huddle_{self.name}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "HUDDLE_DATABASE_URL": self.database_url,
                "HUDDLE_KAFKA_BOOTSTRAP": self.kafka_bootstrap,
                "HUDDLE_PORT": str(self.port),
                "HUDDLE_HOST": "127.0.0.1",
                "HUDDLE_JWKS_URL": os.environ.get(
                    "HUDDLE_JWKS_URL",
                    f"http://127.0.0.1:{service_port('identity')}/.well-known/jwks.json",
                ),
            }
        )
        if self.name == "integrations" and env.get("HUDDLE_ENVIRONMENT") != "production":
            # Locally, a webhook receiver runs on this machine (127.0.0.1, plain http); the
            # service refuses such targets unless told otherwise, and always in production.
            env.setdefault("HUDDLE_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true")
        return env

    def migrate(self) -> None:
        result = subprocess.run(
            [sys.executable, "-m", f"huddle_{self.name}", "migrate"],
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{self.name} migrations failed:\n{result.stdout}{result.stderr}")

    def start(self, *, foreground_output: bool) -> subprocess.Popen[bytes]:
        if self.pid() is not None:
            raise RuntimeError(f"{self.name} is already running (pid {self.pid()})")
        self.pid_path.parent.mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        output: IO[bytes] | None = None if foreground_output else self.log_path.open("ab")
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", f"huddle_{self.name}", "serve"],
                env=self.env(),
                stdout=output,
                stderr=subprocess.STDOUT if output else None,
                # Its own session: a Ctrl-C in the terminal reaches the launcher, which then
                # stops the services in order instead of all at once.
                start_new_session=True,
            )
        finally:
            if output is not None:
                output.close()
        self.pid_path.write_text(str(proc.pid))
        return proc

    def pid(self) -> int | None:
        return live_pid(self.pid_path, f"huddle_{self.name}".encode())

    def wait_ready(self, timeout_s: float = 90.0) -> None:
        deadline = time.monotonic() + timeout_s
        last = "no answer"
        while time.monotonic() < deadline:
            if self.pid() is None:
                raise RuntimeError(f"{self.name} exited; see {self.log_path}")
            try:
                response = httpx.get(f"{self.url}/health/ready", timeout=2)
                if response.status_code == 200:
                    return
                last = response.text
            except httpx.HTTPError as exc:
                last = type(exc).__name__
            time.sleep(0.25)
        raise TimeoutError(f"{self.name} not ready after {timeout_s:.0f}s: {last}")

    def stop(self, timeout_s: float = 25.0) -> bool:
        pid = self.pid()
        if pid is None:
            self.pid_path.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and self.pid() is not None:
            time.sleep(0.1)
        if self.pid() is not None:
            os.kill(pid, signal.SIGKILL)
        self.pid_path.unlink(missing_ok=True)
        return True


def service_port(name: str) -> int:
    default = dict(SERVICES)[name]
    value = os.environ.get(f"HUDDLE_{name.upper()}_PORT")
    return int(value) if value else default


def local_services(state_dir: Path, pg_url: str, kafka_bootstrap: str) -> list[LocalService]:
    return [
        LocalService(name, service_port(name), state_dir, pg_url, kafka_bootstrap)
        for name, _ in SERVICES
    ]
