"""The dev stack's optional Prometheus (huddle_devtools.devinfra.prometheus): a real Prometheus
scrapes a tiny local exporter, loads Huddle's alert rules, answers on its HTTP API, and stops by
its pid file."""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from huddle_devtools.devinfra.prometheus import (
    DEFAULT_PORT,
    SCRAPE_JOB,
    LocalPrometheus,
    local_prometheus,
)
from huddle_devtools.devinfra.selection import free_port

from .support import REPO, ObsTools, parse_key_values, rule_files, run_promtool

EXPOSITION = b"""# HELP huddle_ready 1 when the last readiness check passed
# TYPE huddle_ready gauge
huddle_ready 1.0
"""


class _Exporter(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path != "/metrics":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        self.send_header("Content-Length", str(len(EXPOSITION)))
        self.end_headers()
        self.wfile.write(EXPOSITION)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def exporter() -> Iterator[str]:
    """host:port of an HTTP server on 127.0.0.1 that serves one metric at /metrics."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Exporter)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _get(client: httpx.Client, path: str, **params: str) -> Any:
    response = client.get(path, params=params)
    response.raise_for_status()
    body = response.json()
    assert body["status"] == "success", body
    return body["data"]


def _poll(what: str, check: Any, timeout_s: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout_s
    last: Any = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(0.25)
    raise AssertionError(f"{what}: not within {timeout_s:.0f}s (last: {last!r})")


@pytest.mark.timeout(120)
def test_local_prometheus_scrapes_and_loads_the_rules(
    obs_tools: ObsTools, exporter: str, tmp_path: Path
) -> None:
    prometheus = LocalPrometheus(
        work_dir=tmp_path / "prometheus",
        targets=[("x", exporter)],
        port=free_port(),
        rule_files=rule_files(),
        scrape_interval_s=1,
        binary=obs_tools.prometheus,
        web_assets=obs_tools.web,
    )
    prometheus.start(timeout_s=60)
    pid = prometheus.pid()
    try:
        assert pid is not None
        assert str(pid) == prometheus.pid_path.read_text().strip()
        with httpx.Client(base_url=prometheus.url, timeout=5) as client:

            def target_up() -> dict[str, Any] | None:
                # Empty until service discovery has synced (a few seconds after ready).
                targets = _get(client, "/api/v1/targets")["activeTargets"]
                assert len(targets) <= 1
                return targets[0] if targets and targets[0]["health"] == "up" else None

            target = _poll("the target is up", target_up)
            assert target["labels"] == {"instance": exporter, "job": SCRAPE_JOB, "service": "x"}
            assert target["scrapeUrl"] == f"http://{exporter}/metrics"

            def sample() -> list[dict[str, Any]]:
                result: list[dict[str, Any]] = _get(
                    client, "/api/v1/query", query='huddle_ready{service="x"}'
                )["result"]
                return result

            (series,) = _poll("huddle_ready is scraped", sample)
            assert series["metric"] == {
                "__name__": "huddle_ready",
                "instance": exporter,
                "job": SCRAPE_JOB,
                "service": "x",
            }
            assert float(series["value"][1]) == 1.0

            groups = _get(client, "/api/v1/rules")["groups"]
            loaded = {rule["name"] for group in groups for rule in group["rules"]}
            assert {"HuddleServiceNotReady", "HuddleOutboxStuck", "HuddleDeadLetters"} <= loaded
            assert all(rule["health"] != "err" for g in groups for rule in g["rules"])

            if obs_tools.web is not None:  # the Debian package's classic UI, for a local look
                assert client.get("/classic/graph").status_code == 200
                assert client.get("/classic/static/jquery/jquery.min.js").status_code == 200

        # Already running: start() keeps it.
        prometheus.start()
        assert prometheus.pid() == pid
    finally:
        stopped = prometheus.stop()
    assert stopped
    assert prometheus.pid() is None
    assert not prometheus.pid_path.exists()
    with contextlib.suppress(FileNotFoundError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        pytest.fail(f"Prometheus (pid {pid}) still exists in state {state}")
    assert prometheus.stop() is False  # nothing left to stop


def test_stop_never_touches_a_process_it_did_not_start(tmp_path: Path) -> None:
    """A stale pid file naming another process (here: this test) is ignored, not killed."""
    prometheus = LocalPrometheus(work_dir=tmp_path, targets=[], binary=Path("/bin/false"))
    tmp_path.mkdir(exist_ok=True)
    prometheus.pid_path.write_text(str(os.getpid()))
    assert prometheus.pid() is None
    assert prometheus.stop() is False
    assert not prometheus.pid_path.exists()


def test_the_dev_stack_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, obs_tools: ObsTools
) -> None:
    monkeypatch.delenv("HUDDLE_PROMETHEUS_PORT", raising=False)
    for name in ("IDENTITY", "TEAMS", "ASSESSMENTS", "INSIGHTS"):
        monkeypatch.delenv(f"HUDDLE_{name}_PORT", raising=False)
    default = local_prometheus(tmp_path / ".huddle", REPO)
    assert default.port == DEFAULT_PORT == 9090
    assert default.host == "127.0.0.1"
    assert default.work_dir == (tmp_path / ".huddle" / "prometheus").resolve()
    installed = local_prometheus(tmp_path / ".huddle", REPO, install=True)
    assert installed.binary == obs_tools.prometheus
    assert installed.web_assets == obs_tools.web

    monkeypatch.setenv("HUDDLE_PROMETHEUS_PORT", "19999")
    monkeypatch.setenv("HUDDLE_TEAMS_PORT", "18002")
    prometheus = local_prometheus(tmp_path / ".huddle", REPO)
    assert prometheus.port == 19999
    config = prometheus.config()
    assert config["global"]["scrape_interval"] == "5s"
    assert config["global"]["evaluation_interval"] == "5s"
    assert config["rule_files"] == [str(p.resolve()) for p in rule_files()]
    (job,) = config["scrape_configs"]
    assert job["job_name"] == SCRAPE_JOB
    assert job["metrics_path"] == "/metrics"
    assert "honor_labels" not in job, "the metrics carry no label that clashes with the target's"
    assert [(s["labels"]["service"], s["targets"]) for s in job["static_configs"]] == [
        ("identity", ["127.0.0.1:8001"]),
        ("teams", ["127.0.0.1:18002"]),
        ("assessments", ["127.0.0.1:8003"]),
        ("insights", ["127.0.0.1:8004"]),
        ("integrations", ["127.0.0.1:8005"]),
    ]
    assert "--web.listen-address=127.0.0.1:19999" in prometheus.command()

    # The generated file is one promtool accepts, rules included.
    prometheus.write_config()
    result = run_promtool(obs_tools.promtool, "check", "config", prometheus.config_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_obs_tools_second_run_is_instant(obs_tools: ObsTools) -> None:
    started = time.monotonic()
    result = subprocess.run(
        ["bash", str(REPO / "scripts" / "obs-tools.sh")],
        capture_output=True,
        text=True,
        check=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert time.monotonic() - started < 5
    paths = parse_key_values(result.stdout)
    assert Path(paths["PROMTOOL"]) == obs_tools.promtool
    assert Path(paths["PROMETHEUS"]) == obs_tools.prometheus
    assert result.stderr == "", "a cached run installs nothing"
