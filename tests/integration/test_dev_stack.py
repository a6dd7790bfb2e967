"""`make up` / `make down` as a user runs them: five services ready, nothing left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from huddle_devtools.devinfra.selection import free_port

SERVICES = ("identity", "teams", "assessments", "insights", "integrations")


def devstack(command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "huddle_devtools.devinfra", command],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def test_up_brings_all_five_services_to_ready_and_down_stops_every_process(
    server_dir: Path,
) -> None:
    ports = {name: free_port() for name in SERVICES}
    env = {
        **os.environ,
        "HUDDLE_STATE_DIR": str(server_dir / "state"),
        "HUDDLE_PG_PORT": str(free_port()),
        "HUDDLE_KAFKA_PORT": str(free_port()),
        "HUDDLE_KAFKA_CONTROLLER_PORT": str(free_port()),
        **{f"HUDDLE_{name.upper()}_PORT": str(port) for name, port in ports.items()},
    }
    pid_files: list[Path] = []
    try:
        up = devstack("up", env)
        assert up.returncode == 0, up.stdout + up.stderr
        for name, port in ports.items():
            assert f"http://127.0.0.1:{port}" in up.stdout
            ready = httpx.get(f"http://127.0.0.1:{port}/health/ready", timeout=5)
            assert ready.status_code == 200, (name, ready.text)
        state = server_dir / "state"
        pid_files = [*state.glob("services/*.pid"), *state.rglob("*.pid")]
        pids = {int(p.read_text().split()[0]) for p in pid_files if p.read_text().strip()}
        assert len(pids) >= 7, "five services, PostgreSQL and Kafka"
    finally:
        down = devstack("down", env)
    assert down.returncode == 0, down.stdout + down.stderr
    assert [pid for pid in pids if alive(pid)] == []
