"""The five services as local processes for the dev stack (`make run`, `make up`, `make down`).

Each service runs as ``python -m huddle_<name> serve`` with its own database and port; pid files
under the state directory say exactly which processes are ours, so stopping never goes by name.
`make run` and `make up` write the same pid files, so either sees what the other started:
start_missing() starts only the services without a live pid and leaves the others alone.
Identity sends its mail to the stack's mail sink, with links to the stack's console, and may
reach the stack's Keycloak on this machine for single sign-on.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

from huddle_devtools.devinfra.console import console_port
from huddle_devtools.devinfra.keycloak import keycloak_wanted
from huddle_devtools.devinfra.mailsink import mail_sink_port, mail_sink_wanted
from huddle_devtools.devinfra.pids import live_pid, refuse_taken_port, report_stale, stop_recorded

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
        if self.name == "identity":
            env.update(identity_mail_env(env))
            if env.get("HUDDLE_ENVIRONMENT") != "production" and keycloak_wanted():
                # The local identity provider is plain http on 127.0.0.1, which identity
                # refuses as an organisation's issuer unless told otherwise (and always in
                # production).
                env.setdefault("HUDDLE_SSO_ALLOW_PRIVATE_ISSUERS", "true")
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
        # A stale file (the process was killed or crashed) names nobody: replaced below.
        self.pid_path.unlink(missing_ok=True)
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

    def not_ready(self) -> str | None:
        """None when the service answers ready; otherwise why not (its answer, or none)."""
        try:
            response = httpx.get(f"{self.url}/health/ready", timeout=2)
        except httpx.HTTPError as exc:
            return f"no answer on {self.url} ({type(exc).__name__})"
        if response.status_code == 200:
            return None
        return f"{response.status_code} from {self.url}/health/ready: {response.text[:300]}"

    def stop(self, timeout_s: float = 25.0) -> bool:
        return stop_recorded(self.pid, self.pid_path, timeout_s) is not None


def identity_mail_env(env: Mapping[str, str]) -> dict[str, str]:
    """What identity's mailer is told locally, unless ``env`` says otherwise: send to the dev
    stack's mail sink (mailsink.py), put the dev stack's console in the links it mails (and
    make it the OpenID client whose redirect URI is on it), and say where identity is.

    Plain SMTP to this machine, which identity refuses in production: there, and with
    HUDDLE_MAIL_SINK=0, mail waits in identity's outbox until an SMTP host is configured.
    """
    settings: dict[str, str] = {}
    local = env.get("HUDDLE_ENVIRONMENT") != "production"
    if local and mail_sink_wanted() and not env.get("HUDDLE_SMTP_HOST"):
        settings["HUDDLE_SMTP_HOST"] = "127.0.0.1"
        settings["HUDDLE_SMTP_PORT"] = str(mail_sink_port())
        settings["HUDDLE_SMTP_SECURITY"] = "none"
    if not env.get("HUDDLE_PUBLIC_URL"):
        settings["HUDDLE_PUBLIC_URL"] = f"http://127.0.0.1:{console_port()}"
    # The browser reaches identity's sign-in page, and the console its discovery, here.
    if not env.get("HUDDLE_ISSUER_URL"):
        settings["HUDDLE_ISSUER_URL"] = f"http://127.0.0.1:{service_port('identity')}"
    return settings


def service_port(name: str) -> int:
    default = dict(SERVICES)[name]
    value = os.environ.get(f"HUDDLE_{name.upper()}_PORT")
    return int(value) if value else default


def local_services(state_dir: Path, pg_url: str, kafka_bootstrap: str) -> list[LocalService]:
    return [
        LocalService(name, service_port(name), state_dir, pg_url, kafka_bootstrap)
        for name, _ in SERVICES
    ]


def start_missing(
    services: list[LocalService], *, foreground_output: bool, started: list[LocalService]
) -> dict[str, int]:
    """Start (after their migrations) the services that do not run; leave the others alone.

    Appends what it starts to ``started`` as it goes, so a caller can stop exactly those even
    when this raises half-way. Returns the pids of the services that were already running.
    Refuses, before starting anything, a port held by a process that is not ours: a second
    copy would not bind, and the holder is nothing `make down` could stop (nor `up` vouch for:
    a service `make run` started from this state directory is found by its pid file instead).
    """
    running: dict[str, int] = {}
    missing: list[LocalService] = []
    for service in services:
        pid = service.pid()
        if pid is not None:
            running[service.name] = pid
            continue
        report_stale(service.name, service.pid_path)
        missing.append(service)
    for service in missing:
        refuse_taken_port(service.name, service.port, f"HUDDLE_{service.name.upper()}_PORT")
    for service in missing:
        service.migrate()
    if missing:
        print("Migrations: applied for " + ", ".join(s.name for s in missing))
    for service in missing:
        service.start(foreground_output=foreground_output)
        started.append(service)
    return running


def wait_all_ready(
    services: list[LocalService], *, started: list[LocalService], timeout_s: float
) -> list[str]:
    """Wait, within one deadline, until every service answers ready; say which did not.

    All are waited for together, so one message names every failure. A failed service this
    command started is stopped; one it did not start is only reported, never stopped.
    """
    deadline = time.monotonic() + timeout_s
    waiting = list(services)
    exited: list[LocalService] = []
    reasons: dict[str, str] = {}
    while True:
        for service in list(waiting):
            if service.pid() is None:
                waiting.remove(service)
                exited.append(service)
            elif (reason := service.not_ready()) is None:
                waiting.remove(service)
            else:
                reasons[service.name] = reason
        if not waiting or time.monotonic() >= deadline:
            break
        time.sleep(0.25)
    failures: list[str] = []
    for service in services:
        if service in exited:
            why = f"{service.name} exited"
        elif service in waiting:
            why = f"{service.name} is not ready after {timeout_s:.0f}s: {reasons[service.name]}"
        else:
            continue
        if service in started:
            service.stop()
            failures.append(f"{why} (started now; log {service.log_path})")
        elif (pid := service.pid()) is not None:
            failures.append(
                f"{why}; it runs (pid {pid}) but this command did not start it, so it is left "
                f"running (log {service.log_path}; `make down` stops it)"
            )
        else:
            failures.append(f"{why} (it was running before this command; log {service.log_path})")
    return failures
