"""The dev stack: `python -m huddle_devtools.devinfra {run,up,down,status,env,infra-up,infra-down}`.

Runs PostgreSQL and Kafka as local processes under the state directory ($HUDDLE_STATE_DIR, or
.huddle/ in the repository), applies every service's migrations and starts the five services,
with a mail sink for identity's mail (mailsink.py), the web console's server (console.py) and
an organisation's identity provider for single sign-on (keycloak.py, realm huddle-dev).
Servers named by HUDDLE_EXTERNAL_PG_URL / HUDDLE_EXTERNAL_KAFKA_BOOTSTRAP are used instead of
starting the local ones, and HUDDLE_OIDC_ISSUER instead of the local Keycloak.

`up` and `run` start only what does not run (a pid file naming a live process of ours means it
runs; a stale one is removed) and leave the rest alone, so `up` twice, `up` after a crash, and
`up` (or `make demo`) while `make run` runs in another terminal all succeed. Each stops only
what it started itself.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import httpx

from huddle_devtools.devinfra.console import LocalConsole, build_console, console_wanted
from huddle_devtools.devinfra.kafka import LocalKafka, ensure_kafka_jars, kafka_jars_dir
from huddle_devtools.devinfra.keycloak import LocalKeycloak, external_issuer, keycloak_wanted
from huddle_devtools.devinfra.keycloak_realm import (
    DEV_CLIENT_ID,
    DEV_CLIENT_SECRET,
    DEV_REALM,
    DEV_USER_PASSWORD,
    DEV_USERS,
    dev_realm,
)
from huddle_devtools.devinfra.mailsink import LocalMailSink, mail_sink_wanted
from huddle_devtools.devinfra.pids import (
    not_answering,
    refuse_taken_port,
    report_stale,
    state_lock,
)
from huddle_devtools.devinfra.postgres import LocalPostgres
from huddle_devtools.devinfra.process import LocalProcess
from huddle_devtools.devinfra.prometheus import LocalPrometheus, local_prometheus
from huddle_devtools.devinfra.services import (
    SERVICES,
    LocalService,
    local_services,
    service_port,
    start_missing,
    wait_all_ready,
)

DATABASES = tuple(f"huddle_{name}" for name, _ in SERVICES)

DEFAULT_PG_PORT = 55432
DEFAULT_KAFKA_PORT = 59092
DEFAULT_KAFKA_CONTROLLER_PORT = 59093


class Stack(NamedTuple):
    state_dir: Path
    postgres: LocalPostgres
    kafka: LocalKafka
    external_pg_url: str | None
    external_kafka_bootstrap: str | None

    @property
    def pg_url(self) -> str:
        if self.external_pg_url:
            return self.external_pg_url
        return f"postgresql://postgres@{self.postgres.host}:{self.postgres.port}"

    @property
    def kafka_bootstrap(self) -> str:
        return self.external_kafka_bootstrap or self.kafka.bootstrap


def repo_root(start: Path | None = None) -> Path:
    """The nearest directory, from start (default: cwd) upwards, that holds uv.lock."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / "uv.lock").is_file():
            return directory
    raise RuntimeError(f"no uv.lock in {here} or above; run from the repository or set a state dir")


def state_dir() -> Path:
    configured = os.environ.get("HUDDLE_STATE_DIR")
    if configured:
        return Path(configured).expanduser().resolve()
    return repo_root() / ".huddle"


def _port(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{name} must be a port number, not {value!r}") from None


def stack() -> Stack:
    state = state_dir()
    postgres = LocalPostgres(
        data_dir=state / "postgres" / "data", port=_port("HUDDLE_PG_PORT", DEFAULT_PG_PORT)
    )
    kafka = LocalKafka(
        work_dir=state / "kafka",
        port=_port("HUDDLE_KAFKA_PORT", DEFAULT_KAFKA_PORT),
        controller_port=_port("HUDDLE_KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT),
        # Only `up` downloads; the other commands just need to know where the jars would be.
        jars_dir=kafka_jars_dir(),
    )
    return Stack(
        state_dir=state,
        postgres=postgres,
        kafka=kafka,
        external_pg_url=os.environ.get("HUDDLE_EXTERNAL_PG_URL") or None,
        external_kafka_bootstrap=os.environ.get("HUDDLE_EXTERNAL_KAFKA_BOOTSTRAP") or None,
    )


@dataclass
class Tally:
    """What one command started and what it found already running, for its last lines."""

    started: list[str] = field(default_factory=list)
    running: list[str] = field(default_factory=list)

    def note(self, part: str, *, started: bool, began: float | None = None) -> str:
        """Record part as started now or already running; the words that say which."""
        if not started:
            self.running.append(part)
            return "already running"
        self.started.append(part)
        return "started" if began is None else f"started in {time.monotonic() - began:.1f}s"

    def summary(self) -> str:
        return (
            f"Started now: {', '.join(self.started) or 'nothing'}.  "
            f"Already running: {', '.join(self.running) or 'nothing'}."
        )


def _ready_timeout() -> float:
    value = os.environ.get("HUDDLE_READY_TIMEOUT_S", "90")
    try:
        return float(value)
    except ValueError:
        raise SystemExit(f"HUDDLE_READY_TIMEOUT_S must be seconds, not {value!r}") from None


def _postgres_up(current: Stack, tally: Tally, timeout: float) -> None:
    postgres = current.postgres
    began = time.monotonic()
    how = tally.note("PostgreSQL", started=postgres.ensure_running(timeout), began=began)
    postgres.ensure_databases(DATABASES)
    print(
        f"PostgreSQL: {current.pg_url} {how} (pid {postgres.pid})\n"
        f"  databases: {', '.join(DATABASES)}\n"
        f"  data: {postgres.data_dir}\n"
        f"  log:  {postgres.log_path}"
    )


def _kafka_up(current: Stack, tally: Tally, timeout: float) -> None:
    kafka = current.kafka
    began = time.monotonic()
    if not kafka.is_running():
        kafka.jars_dir = ensure_kafka_jars()
    how = tally.note("Kafka", started=kafka.ensure_running(timeout), began=began)
    print(
        f"Kafka: {kafka.bootstrap} {how} (pid {kafka.pid})\n"
        f"  data: {kafka.data_dir}\n"
        f"  log:  {kafka.log_path}"
    )


def cmd_infra_up(current: Stack, tally: Tally | None = None) -> int:
    tally = tally if tally is not None else Tally()
    timeout = _ready_timeout()
    if current.external_pg_url:
        print(f"PostgreSQL: external, {current.external_pg_url} (not started here)")
    else:
        _postgres_up(current, tally, timeout)
    if current.external_kafka_bootstrap:
        print(f"Kafka: external, {current.external_kafka_bootstrap} (not started here)")
    else:
        _kafka_up(current, tally, timeout)
    return 0


def cmd_infra_down(current: Stack) -> int:
    # Stopped even when external servers are configured now: they may have been started
    # locally by an earlier `up`, and the pid files say exactly what is ours.
    current.kafka.stop()
    print("Kafka: stopped")
    current.postgres.stop()
    print("PostgreSQL: stopped")
    return 0


def _prometheus_wanted() -> bool:
    return os.environ.get("HUDDLE_PROMETHEUS", "").strip().lower() in ("1", "true", "yes")


def _prometheus(current: Stack, *, install: bool = False) -> LocalPrometheus:
    """The optional local Prometheus (HUDDLE_PROMETHEUS=1): scrapes the services, loads the
    alert rules of deploy/observability."""
    return local_prometheus(current.state_dir, repo_root(), install=install)


def _prometheus_answers(prometheus: LocalPrometheus, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{prometheus.url}/-/ready", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


def _start_prometheus(current: Stack, tally: Tally) -> None:
    # One an earlier `make run-with-prometheus` left is reported even when not wanted now.
    prometheus = _prometheus(current)
    if prometheus.is_running():
        timeout = _ready_timeout()
        if not _prometheus_answers(prometheus, timeout):
            raise not_answering("Prometheus", prometheus.pid(), prometheus.log_path, timeout)
        how = tally.note("Prometheus", started=False)
    elif _prometheus_wanted():
        report_stale("Prometheus", prometheus.pid_path)
        refuse_taken_port("Prometheus", prometheus.port, "HUDDLE_PROMETHEUS_PORT")
        prometheus = _prometheus(current, install=True)
        prometheus.start()
        how = tally.note("Prometheus", started=True)
    else:
        return
    print(
        f"Prometheus: {prometheus.url} {how} (pid {prometheus.pid()})\n"
        f"  alerts: {prometheus.url}/classic/alerts   targets: {prometheus.url}/classic/targets\n"
        f"  config: {prometheus.config_path}\n"
        f"  log:    {prometheus.log_path}"
    )


def _services(current: Stack) -> list[LocalService]:
    return local_services(current.state_dir, current.pg_url, current.kafka_bootstrap)


def _console(current: Stack) -> LocalConsole:
    """The web console's server: web/dist, with each service's API under /api/<service>/."""
    upstreams = {service.name: service.url for service in _services(current)}
    return LocalConsole(current.state_dir, repo_root() / "web" / "dist", upstreams)


def _mail_sink(current: Stack) -> LocalMailSink:
    """The SMTP sink identity sends to: each message a file under <state>/mail/new/."""
    return LocalMailSink(current.state_dir)


def _identity_provider(current: Stack) -> LocalKeycloak:
    """Keycloak with the realm huddle-dev: an organisation's identity provider whose client
    huddle-identity sends people back to identity's SSO callback."""
    # Identity sends the provider <its issuer URL>/v1/auth/sso/callback as redirect URI.
    identity = os.environ.get("HUDDLE_ISSUER_URL") or (
        f"http://127.0.0.1:{service_port('identity')}"
    )
    return LocalKeycloak(current.state_dir, realms=[dev_realm(identity_url=identity)])


def _launch(part: LocalProcess, tally: Tally, ports: Mapping[int, str]) -> None:
    """Start part unless it runs, without waiting for it, and note in tally which it was.

    ports maps each port it listens on to the variable that moves it: one held by a process
    that is not ours is refused before anything starts.
    """
    if part.pid() is not None:
        tally.note(part.name, started=False)
        return
    report_stale(part.name, part.pid_path)
    for port, variable in ports.items():
        refuse_taken_port(part.name, port, variable)
    part.start()
    tally.note(part.name, started=True)


def _await_ready(part: LocalProcess, tally: Tally) -> None:
    """Wait until part is ready. One that runs but does not answer is named and left
    running; one started now that does not get ready is stopped again."""
    timeout = _ready_timeout()
    reason = part.wait_ready(timeout)
    if reason is None:
        return
    if part.name not in tally.started:
        raise not_answering(part.name, part.pid(), part.log_path, timeout)
    part.stop()
    raise RuntimeError(f"{part.name} is not ready after {timeout:.0f}s: {reason}")


def _ensure_ready(part: LocalProcess, tally: Tally, port_variable: str) -> None:
    """Start part unless it runs, wait until it is ready, and note in tally which it was."""
    _launch(part, tally, {part.port: port_variable})
    _await_ready(part, tally)


def _launch_identity_provider(current: Stack, tally: Tally) -> LocalKeycloak | None:
    """Start Keycloak if it does not run, first of all: its JVM takes longest, and nothing
    else needs it, so it comes up while the rest does (waited for by _bring_up).

    Left out with HUDDLE_KEYCLOAK=0 or HUDDLE_OIDC_ISSUER, and then not started, but still
    reported and stopped by `down` if an earlier command started one.
    """
    keycloak = _identity_provider(current)
    if keycloak.pid() is None and not keycloak_wanted():
        return None
    ports = {
        keycloak.port: "HUDDLE_KEYCLOAK_PORT",
        keycloak.management_port: "HUDDLE_KEYCLOAK_MANAGEMENT_PORT",
    }
    try:
        _launch(keycloak, tally, ports)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        raise RuntimeError(f"{exc}\n(HUDDLE_KEYCLOAK=0 leaves the identity provider out)") from exc
    return keycloak


def _identity_provider_lines(keycloak: LocalKeycloak | None, tally: Tally) -> list[str]:
    issuer = external_issuer()
    if keycloak is None:
        if issuer is None:
            return []
        return [f"  {'identity provider':<12} {issuer}   (HUDDLE_OIDC_ISSUER; not started here)"]
    people = " or ".join(person.email for person in DEV_USERS)
    return [
        f"  {'identity provider':<12} {keycloak.issuer(DEV_REALM)}   (Keycloak; admin "
        f"{keycloak.admin_username}/{keycloak.admin_password} at {keycloak.admin_console})   "
        f"{_how(keycloak, tally)} (pid {keycloak.pid()})",
        f"  {'':<12} client {DEV_CLIENT_ID} (secret {DEV_CLIENT_SECRET!r}); people: {people}, "
        f"password {DEV_USER_PASSWORD!r}",
    ]


def _start_mail_sink(current: Stack, tally: Tally) -> LocalMailSink | None:
    """Start the mail sink if it does not run (before identity, which sends to it).

    Left out with HUDDLE_MAIL_SINK=0, and then not started, but still reported and stopped by
    `down` if an earlier command started one.
    """
    sink = _mail_sink(current)
    if sink.pid() is None and not mail_sink_wanted():
        return None
    _ensure_ready(sink, tally, "HUDDLE_MAIL_SINK_PORT")
    return sink


def _start_console(current: Stack, tally: Tally) -> LocalConsole | None:
    """Build the console if its build is not current, and start its server if it does not run.

    A server already running is left alone (it serves the new build at once: it reads dist/ on
    each request). Left out with HUDDLE_CONSOLE=0, and then not started, but still reported and
    stopped by `down` if an earlier command started one.
    """
    console = _console(current)
    if console.pid() is None and not console_wanted():
        return None
    if console_wanted():
        began = time.monotonic()
        steps = build_console(repo_root())
        if steps:
            print(f"Console: {' and '.join(steps)} in {time.monotonic() - began:.1f}s")
    _ensure_ready(console, tally, "HUDDLE_CONSOLE_PORT")
    return console


def _how(part: LocalProcess, tally: Tally) -> str:
    return "started" if part.name in tally.started else "already running"


def _bring_up(
    current: Stack, *, foreground: bool, tally: Tally, started: list[LocalService]
) -> list[LocalService]:
    """Start what does not run, wait until everything is ready, say where each part is."""
    keycloak = _launch_identity_provider(current, tally)
    cmd_infra_up(current, tally)
    sink = _start_mail_sink(current, tally)
    services = _services(current)
    running = start_missing(services, foreground_output=foreground, started=started)
    failures = wait_all_ready(services, started=started, timeout_s=_ready_timeout())
    if failures:
        raise RuntimeError("not ready:\n  " + "\n  ".join(failures))
    if keycloak is not None:
        _await_ready(keycloak, tally)
    _start_prometheus(current, tally)
    console = _start_console(current, tally)
    print("\nHuddle is ready:")
    for service in services:
        was = service.name in running
        how = tally.note(service.name, started=not was)
        print(
            f"  {service.name:<12} {service.url}   (API docs: {service.url}/docs)   "
            f"{how} (pid {running.get(service.name) or service.pid()})"
        )
    if console is not None:
        print(
            f"  {'console':<12} {console.url}/   (web console; APIs under {console.url}/api/)   "
            f"{_how(console, tally)} (pid {console.pid()})"
        )
    if sink is not None:
        print(
            f"  {'mail sink':<12} {sink.url}   (mail lands in {sink.inbox}/)   "
            f"{_how(sink, tally)} (pid {sink.pid()})"
        )
    for line in _identity_provider_lines(keycloak, tally):
        print(line)
    print(tally.summary())
    return services


def cmd_up(current: Stack) -> int:
    with state_lock(current.state_dir):
        services = _bring_up(current, foreground=False, tally=Tally(), started=[])
    print(f"\nLogs: {services[0].log_path.parent}/   Stop with: make down")
    return 0


def cmd_run(current: Stack) -> int:
    stopping = False

    def request_stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    # What this command starts, and only that, is stopped when it ends: parts an `up` (or
    # another `run`) started stay as they were. PostgreSQL and Kafka go by what ran before, so
    # one whose start failed half-way is stopped too.
    tally = Tally()
    started: list[LocalService] = []
    pg_was_running = kafka_was_running = True
    try:
        with state_lock(current.state_dir):
            pg_was_running = current.postgres.is_running()
            kafka_was_running = current.kafka.is_running()
            services = _bring_up(current, foreground=True, tally=tally, started=started)
        if tally.started:
            print("\nPress Ctrl-C to stop everything this command started.")
        else:
            print("\nEverything was already running: Ctrl-C ends this command and stops nothing.")
        while not stopping and all(s.pid() is not None for s in services):
            time.sleep(0.5)
        if not stopping:
            print("A service exited; stopping what this command started.", file=sys.stderr)
    finally:
        if "console" in tally.started:
            _console(current).stop()
        if "Prometheus" in tally.started:
            _prometheus(current).stop()
        for service in reversed(started):
            service.stop()
        if "mail sink" in tally.started:
            _mail_sink(current).stop()
        if "identity provider" in tally.started:
            _identity_provider(current).stop()
        if not kafka_was_running and not current.external_kafka_bootstrap:
            current.kafka.stop()
        if not pg_was_running and not current.external_pg_url:
            current.postgres.stop()
        print("Stopped.")
    return 0


def cmd_down(current: Stack) -> int:
    with state_lock(current.state_dir):
        if _console(current).stop():
            print("console: stopped")
        # By its pid file, whether or not HUDDLE_PROMETHEUS is set now.
        if _prometheus(current).stop():
            print("Prometheus: stopped")
        for service in reversed(_services(current)):
            if service.stop():
                print(f"{service.name}: stopped")
        # By its pid file, whether or not HUDDLE_MAIL_SINK is set now.
        if _mail_sink(current).stop():
            print("mail sink: stopped")
        # By its pid file, whether or not HUDDLE_KEYCLOAK or HUDDLE_OIDC_ISSUER is set now.
        if _identity_provider(current).stop():
            print("identity provider: stopped")
        return cmd_infra_down(current)


def cmd_status(current: Stack) -> int:
    for service in _services(current):
        pid = service.pid()
        state = f"running, {service.url} (pid {pid})" if pid else "not running"
        print(f"{service.name}: {state}")
    console = _console(current)
    if (console_pid := console.pid()) is not None:
        print(f"console: running, {console.url}/ (pid {console_pid})")
    elif console_wanted():
        print("console: not running")
    sink = _mail_sink(current)
    if (sink_pid := sink.pid()) is not None:
        print(f"mail sink: running, {sink.url}, mail in {sink.inbox}/ (pid {sink_pid})")
    elif mail_sink_wanted():
        print("mail sink: not running")
    keycloak = _identity_provider(current)
    if (keycloak_pid := keycloak.pid()) is not None:
        print(f"identity provider: running, {keycloak.issuer(DEV_REALM)} (pid {keycloak_pid})")
    elif (issuer := external_issuer()) is not None:
        print(f"identity provider: external, {issuer}")
    elif keycloak_wanted():
        print("identity provider: not running")
    prometheus = _prometheus(current)
    if prometheus.is_running():
        print(f"Prometheus: running, {prometheus.url} (pid {prometheus.pid()})")
    if current.external_pg_url:
        print(f"PostgreSQL: external, {current.external_pg_url}")
    elif current.postgres.is_running():
        print(f"PostgreSQL: running, {current.pg_url} (pid {current.postgres.pid})")
    else:
        print("PostgreSQL: not running")
    if current.external_kafka_bootstrap:
        print(f"Kafka: external, {current.external_kafka_bootstrap}")
    elif current.kafka.is_running():
        print(f"Kafka: running, {current.kafka.bootstrap} (pid {current.kafka.pid})")
    else:
        print("Kafka: not running")
    return 0


def cmd_env(current: Stack) -> int:
    print(f"export HUDDLE_PG_URL={shlex.quote(current.pg_url)}")
    print(f"export HUDDLE_KAFKA_BOOTSTRAP={shlex.quote(current.kafka_bootstrap)}")
    return 0


COMMANDS = {
    "run": cmd_run,
    "up": cmd_up,
    "down": cmd_down,
    "status": cmd_status,
    "env": cmd_env,
    "infra-up": cmd_infra_up,
    "infra-down": cmd_infra_down,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m huddle_devtools.devinfra",
        description="Run the local PostgreSQL and Kafka of the Huddle dev stack.",
    )
    parser.add_argument(
        "command",
        choices=sorted(COMMANDS),
        help="run: everything in the foreground (Ctrl-C stops what it started); up: the same "
        "in the background; both start only what does not run yet; down: stop what up or run "
        "started; status: say what runs; env: print export lines; infra-up/infra-down: only "
        "PostgreSQL and Kafka",
    )
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](stack())
    except (RuntimeError, OSError, TimeoutError, subprocess.SubprocessError) as exc:
        print(f"devinfra {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
