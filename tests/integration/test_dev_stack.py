"""`make up`, `make run`, `make demo` and `make down` as a user runs them, on a real stack.

`up` is idempotent: it starts what does not run (a service killed with SIGKILL, Kafka after a
kill, the web console's server, the mail sink, Keycloak's JVM), leaves what runs alone and says
which is which; a part that runs but does not answer is named and left running. The console is
served and proxies each API; identity's mail (a password reset) lands in the mail sink's
Maildir, with a link to the console; a clinician of the imported realm signs in at the stack's
Keycloak and is sent back to identity's SSO callback. `make demo` (`up`, then scripts/demo.py)
works while `make run` runs in another terminal, and twice. Every test has its own state
directory and free ports, and stops only what it started, by pid.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import OAuth2Client

from huddle_devtools.devinfra.keycloak_realm import (
    DEV_CLIENT_ID,
    DEV_CLIENT_SECRET,
    DEV_REALM,
    DEV_USER_PASSWORD,
    DEV_USERS,
)
from huddle_devtools.devinfra.pids import recorded_pid
from huddle_devtools.devinfra.selection import free_port
from huddle_devtools.testing.keycloak import sign_in

pytestmark = [pytest.mark.postgres, pytest.mark.kafka, pytest.mark.timeout(600)]

SERVICES = ("identity", "teams", "assessments", "insights", "integrations")
REPO = Path(__file__).resolve().parents[2]
# Settings of the caller's own stack that must not leak into this one.
_FOREIGN = (
    "HUDDLE_EXTERNAL_",
    "HUDDLE_PROMETHEUS",
    "HUDDLE_STATE_DIR",
    "HUDDLE_READY_",
    "HUDDLE_SMTP_",
    "HUDDLE_MAIL_SINK",
    "HUDDLE_KEYCLOAK",
    "HUDDLE_OIDC_",
)


def stack_env(server_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(_FOREIGN) and not key.endswith(("_PORT", "_URL"))
    }
    return {
        **env,
        "HUDDLE_STATE_DIR": str(server_dir / "state"),
        "HUDDLE_PG_PORT": str(free_port()),
        "HUDDLE_KAFKA_PORT": str(free_port()),
        "HUDDLE_KAFKA_CONTROLLER_PORT": str(free_port()),
        **{f"HUDDLE_{name.upper()}_PORT": str(free_port()) for name in SERVICES},
        "HUDDLE_CONSOLE_PORT": str(free_port()),
        "HUDDLE_MAIL_SINK_PORT": str(free_port()),
        "HUDDLE_KEYCLOAK_PORT": str(free_port()),
        "HUDDLE_KEYCLOAK_MANAGEMENT_PORT": str(free_port()),
    }


def devstack(command: str, env: dict[str, str], **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "huddle_devtools.devinfra", command],
        env={**env, **extra},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def make_demo(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """What `make demo` runs: `up`, then scripts/demo.py against the stack."""
    up = devstack("up", env)
    assert up.returncode == 0, up.stdout + up.stderr
    assert "Started now: nothing." in up.stdout, up.stdout
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "demo.py")],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def pids(env: dict[str, str]) -> dict[str, int]:
    """Every part's pid, from the pid files (PostgreSQL's own postmaster.pid included)."""
    state = Path(env["HUDDLE_STATE_DIR"])
    files = {
        "PostgreSQL": state / "postgres" / "data" / "postmaster.pid",
        "Kafka": state / "kafka" / "kafka.pid",
        **{name: state / "services" / f"{name}.pid" for name in (*SERVICES, "console")},
        "mail sink": state / "services" / "mail-sink.pid",
        "identity provider": state / "services" / "identity-provider.pid",
    }
    found = {part: recorded_pid(path) for part, path in files.items()}
    assert None not in found.values(), found
    return {part: pid for part, pid in found.items() if pid is not None}


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def sigkill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while alive(pid):
        assert time.monotonic() < deadline, f"pid {pid} outlived SIGKILL"
        time.sleep(0.05)


def assert_ready(env: dict[str, str]) -> None:
    for name in SERVICES:
        url = f"http://127.0.0.1:{env[f'HUDDLE_{name.upper()}_PORT']}"
        ready = httpx.get(f"{url}/health/ready", timeout=5)
        assert ready.status_code == 200, (name, ready.text)


def children(pid: int) -> list[int]:
    try:
        return [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    except OSError:
        return []


def keycloak_jvm(env: dict[str, str]) -> int:
    """The JVM that the identity provider's kc.sh runs as its child."""
    [jvm] = children(pids(env)["identity provider"])
    return jvm


def kill_and_up_again(
    env: dict[str, str], part: str, before: dict[str, int], victim: int | None = None
) -> dict[str, int]:
    """SIGKILL one part (or the process victim that is its server) and run `up`: that part,
    and only that one, is started again."""
    sigkill(victim or before[part])
    deadline = time.monotonic() + 30
    while alive(before[part]):
        assert time.monotonic() < deadline, f"{part} (pid {before[part]}) outlived its server"
        time.sleep(0.05)
    up = devstack("up", env)
    assert up.returncode == 0, up.stdout + up.stderr
    assert f"{part}: pid {before[part]} in" in up.stdout, "the stale pid file is reported"
    assert f"Started now: {part}." in up.stdout
    after = pids(env)
    assert after[part] != before[part]
    assert {k: v for k, v in after.items() if k != part} == {
        k: v for k, v in before.items() if k != part
    }
    assert_ready(env)
    return after


def assert_console_served_and_proxied(env: dict[str, str], output: str) -> None:
    """The console's build is served on its port, and each API answers under /api/<service>/."""
    console = f"http://127.0.0.1:{env['HUDDLE_CONSOLE_PORT']}"
    assert f"{console}/" in output, "up prints the console's URL"
    page = httpx.get(f"{console}/", timeout=5)
    assert page.status_code == 200, page.text
    assert "<title>Huddle console</title>" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    script = re.search(r'src="\./(assets/[^"]+\.js)"', page.text)
    assert script, page.text
    assert httpx.get(f"{console}/{script.group(1)}", timeout=5).status_code == 200
    assert httpx.get(f"{console}/teams/some-team", timeout=5).text == page.text, "routes: index"
    for name in SERVICES:
        document = httpx.get(f"{console}/api/{name}/openapi.json", timeout=10)
        assert document.status_code == 200, (name, document.text)
        assert document.json()["openapi"].startswith("3.")
        # As through the Ingress and nginx: operations endpoints stay inside.
        assert httpx.get(f"{console}/api/{name}/metrics", timeout=5).status_code == 404
    token = httpx.post(
        f"{console}/api/identity/v1/auth/token",
        data={"grant_type": "password", "username": "nobody@example.com", "password": "wrong"},
        timeout=30,
    )
    assert token.status_code in (400, 401), token.text
    assert token.headers["content-type"].startswith("application/problem+json")
    refused = httpx.get(f"{console}/api/insights/v1/orgs/x/dashboard", timeout=5)
    assert refused.status_code == 401, "proxied as it is, without the console adding anything"


def reset_mail(inbox: Path, email: str, timeout_s: float = 60) -> str:
    """The text (headers and decoded body) of the first mail under inbox naming email."""
    deadline = time.monotonic() + timeout_s
    while True:
        for file in sorted(inbox.iterdir()) if inbox.is_dir() else []:
            message = message_from_bytes(file.read_bytes(), policy=policy.default)
            assert isinstance(message, EmailMessage)
            body = message.get_body()
            text = "".join(f"{k}: {v}\n" for k, v in message.items())
            text += "\n" + (body.get_content() if body is not None else "")
            if email in text and "#/reset-password?token=" in text:
                return text
        assert time.monotonic() < deadline, f"no reset mail for {email} in {inbox} after 60s"
        time.sleep(0.5)


def assert_identity_mail_lands_in_the_sink(env: dict[str, str], output: str) -> None:
    """A password reset on the stack's identity is mailed to the sink: a file under
    <state>/mail/new/, with the link that opens the stack's console."""
    inbox = Path(env["HUDDLE_STATE_DIR"]).resolve() / "mail" / "new"
    sink = f"smtp://127.0.0.1:{env['HUDDLE_MAIL_SINK_PORT']}"
    assert f"{sink}   (mail lands in {inbox}/)" in output, "up says where mail lands"
    identity = f"http://127.0.0.1:{env['HUDDLE_IDENTITY_PORT']}"
    email = f"admin-{uuid.uuid4().hex[:12]}@riverside.example"
    signup = httpx.post(
        f"{identity}/v1/orgs",
        json={
            "name": "Riverside Family Practice",
            "admin": {
                "email": email,
                "password": "correct horse battery staple",
                "display_name": "Amara Okafor",
                "profession": "nurse",
            },
        },
        timeout=30,
    )
    assert signup.status_code == 201, signup.text
    reset = httpx.post(f"{identity}/v1/password-resets", json={"email": email}, timeout=30)
    assert reset.status_code == 202, reset.text
    text = reset_mail(inbox, email)
    console = f"http://127.0.0.1:{env['HUDDLE_CONSOLE_PORT']}"
    assert f"{console}/#/reset-password?token=" in text, text


def assert_identity_provider_signs_a_clinician_in(env: dict[str, str], output: str) -> None:
    """The stack's Keycloak serves the imported realm; its client sends a clinician who signs
    in there back to the stack's identity SSO callback, with a code."""
    issuer = f"http://127.0.0.1:{env['HUDDLE_KEYCLOAK_PORT']}/realms/{DEV_REALM}"
    assert f"identity provider {issuer}   (Keycloak; admin admin/admin" in output, output
    discovery = httpx.get(f"{issuer}/.well-known/openid-configuration", timeout=10).json()
    assert discovery["issuer"] == issuer
    callback = f"http://127.0.0.1:{env['HUDDLE_IDENTITY_PORT']}/v1/auth/sso/callback"
    with OAuth2Client(
        client_id=DEV_CLIENT_ID,
        client_secret=DEV_CLIENT_SECRET,
        scope="openid profile email",
        redirect_uri=callback,
        code_challenge_method="S256",
    ) as rp:
        url, state = rp.create_authorization_url(
            discovery["authorization_endpoint"], code_verifier=generate_token(48), nonce="n"
        )
    back = sign_in(
        url, username=DEV_USERS[0].email, password=DEV_USER_PASSWORD, redirect_uri=callback
    )
    params = httpx.URL(back).params
    assert params["state"] == state
    assert params["code"]


def assert_all_stopped(seen: Iterable[int]) -> None:
    assert [pid for pid in seen if alive(pid)] == []


def test_up_starts_only_what_does_not_run_and_down_stops_every_process(
    server_dir: Path,
) -> None:
    env = stack_env(server_dir)
    seen: set[int] = set()
    try:
        first = devstack("up", env)
        assert first.returncode == 0, first.stdout + first.stderr
        for name in SERVICES:
            assert f"http://127.0.0.1:{env[f'HUDDLE_{name.upper()}_PORT']}" in first.stdout
        assert_ready(env)
        before = pids(env)
        seen |= set(before.values())
        assert len(seen) == 10, (
            "five services, the web console, the mail sink, the identity provider, PostgreSQL, "
            "Kafka"
        )
        seen.add(keycloak_jvm(env))
        assert_console_served_and_proxied(env, first.stdout)
        assert_identity_mail_lands_in_the_sink(env, first.stdout)
        assert_identity_provider_signs_a_clinician_in(env, first.stdout)

        # Twice in a row: nothing started, every part reported with the pid it already had.
        second = devstack("up", env)
        assert second.returncode == 0, second.stdout + second.stderr
        assert "Started now: nothing." in second.stdout
        for part, pid in before.items():
            assert f"already running (pid {pid})" in second.stdout, part
        assert pids(env) == before

        # One service killed: that one, and only that one, comes back.
        after = kill_and_up_again(env, "teams", before)
        seen |= set(after.values())

        # Running but not answering (stopped, not dead): named, and left running.
        os.kill(after["insights"], signal.SIGSTOP)
        try:
            hung = devstack("up", env, HUDDLE_READY_TIMEOUT_S="5")
        finally:
            os.kill(after["insights"], signal.SIGCONT)
        assert hung.returncode == 1, hung.stdout + hung.stderr
        assert "insights is not ready after 5s" in hung.stderr
        assert f"it runs (pid {after['insights']})" in hung.stderr
        assert pids(env) == after

        # Kafka killed: it comes back on its own data; the services stay and get ready again.
        after = kill_and_up_again(env, "Kafka", after)
        seen |= set(after.values())

        # The console's server killed: it alone comes back, serving the same build.
        after = kill_and_up_again(env, "console", after)
        seen |= set(after.values())
        assert_console_served_and_proxied(env, devstack("up", env).stdout)

        # The mail sink killed: it alone comes back, and identity's mail reaches it again.
        after = kill_and_up_again(env, "mail sink", after)
        seen |= set(after.values())
        assert_identity_mail_lands_in_the_sink(env, devstack("up", env).stdout)

        # Keycloak's JVM killed (kc.sh then exits): it alone comes back, on the realm it kept.
        after = kill_and_up_again(env, "identity provider", after, victim=keycloak_jvm(env))
        seen |= {*after.values(), keycloak_jvm(env)}
        assert_identity_provider_signs_a_clinician_in(env, devstack("up", env).stdout)
    finally:
        down = devstack("down", env)
    assert down.returncode == 0, down.stdout + down.stderr
    assert_all_stopped(seen)


def test_make_demo_works_while_make_run_runs_in_another_terminal_and_twice(
    server_dir: Path,
) -> None:
    env = stack_env(server_dir)
    output = server_dir / "run.log"
    with output.open("wb") as log:
        run = subprocess.Popen(
            [sys.executable, "-m", "huddle_devtools.devinfra", "run"],
            env=env,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        while b"Press Ctrl-C to stop everything this command started." not in output.read_bytes():
            assert run.poll() is None, output.read_text(errors="replace")
            assert time.monotonic() < deadline, output.read_text(errors="replace")
            time.sleep(0.5)
        started_by_run = pids(env)
        seen |= {*started_by_run.values(), keycloak_jvm(env)}

        for attempt in ("first", "second"):
            demo = make_demo(env)
            assert demo.returncode == 0, (attempt, demo.stdout + demo.stderr)
            assert "Sign in as the analyst:" in demo.stdout
            # It ends where a person evaluating Huddle can look: the console and its sign-in.
            console = f"http://127.0.0.1:{env['HUDDLE_CONSOLE_PORT']}/"
            assert f"the console: {console}" in demo.stdout, demo.stdout
            assert "demo: riverside rounds 2026" in demo.stdout
            assert pids(env) == started_by_run, "up must not start second copies beside run"

        # Ctrl-C in run's terminal: it stops everything it started, `up` having started nothing.
        run.send_signal(signal.SIGINT)
        assert run.wait(timeout=120) == 0, output.read_text(errors="replace")
        assert_all_stopped(seen)
    finally:
        if run.poll() is None:
            run.send_signal(signal.SIGINT)
            run.wait(timeout=120)
        down = devstack("down", env)
    assert down.returncode == 0, down.stdout + down.stderr
    assert_all_stopped(seen)
