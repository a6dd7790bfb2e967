"""A real Prometheus for the dev stack: scrapes the five services and evaluates Huddle's alerts.

Optional (`HUDDLE_PROMETHEUS=1 make run`, `make run-with-prometheus`). The binary comes from
``scripts/obs-tools.sh`` (Debian's prometheus package, unpacked into the Huddle cache) or from an
installed ``/usr/bin/prometheus``. The configuration is generated into the state directory; the
process is started in its own session and stopped by its pid file, never by name.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from huddle_devtools.devinfra.pids import live_pid, stop_recorded
from huddle_devtools.devinfra.services import SERVICES, service_port

DEFAULT_PORT = 9090
SCRAPE_JOB = "huddle"  # the job name the alert rules expect (deploy/observability)
RULES_SUBDIR = Path("deploy/observability/prometheus/rules")
OBS_TOOLS_SCRIPT = Path("scripts/obs-tools.sh")


def _cache_dir() -> Path:
    configured = os.environ.get("HUDDLE_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "huddle"


def find_prometheus() -> tuple[Path, Path | None] | None:
    """(binary, web assets directory or None) of an installed Prometheus, without installing one.

    $HUDDLE_PROMETHEUS_BIN, else the Huddle cache's (scripts/obs-tools.sh), else
    /usr/bin/prometheus (Debian's package), else one on PATH.
    """
    configured = os.environ.get("HUDDLE_PROMETHEUS_BIN")
    if configured:
        return Path(configured), None
    cache = _cache_dir()
    cached = cache / "bin" / "prometheus"
    if cached.is_file() and os.access(cached, os.X_OK):
        web = cache / "obs-tools" / "prometheus-debian" / "usr" / "share" / "prometheus" / "web"
        return cached, web if (web / "templates").is_dir() else None
    system = Path("/usr/bin/prometheus")
    if system.is_file() and os.access(system, os.X_OK):
        return system, None  # Debian's binary finds its own assets in /usr/share/prometheus/web
    on_path = shutil.which("prometheus")
    if on_path:
        return Path(on_path), None
    return None


def ensure_prometheus(repo: Path) -> tuple[Path, Path | None]:
    """An installed Prometheus, running scripts/obs-tools.sh once if there is none yet."""
    found = find_prometheus()
    if found is not None:
        return found
    script = repo / OBS_TOOLS_SCRIPT
    result = subprocess.run(
        ["bash", str(script)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{script} failed (exit {result.returncode}):\n{result.stderr[-4000:]}")
    paths: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            paths[key.strip()] = value.strip()
    binary = Path(paths["PROMETHEUS"])
    web = Path(paths["PROMETHEUS_WEB"]) if paths.get("PROMETHEUS_WEB") else None
    return binary, web


class LocalPrometheus:
    """One Prometheus process on host:port with its configuration and data under work_dir.

    targets are (service, "host:port") pairs scraped at /metrics by the job "huddle", each with a
    ``service`` label, as in deploy/compose and as the alert rules expect (the metrics carry no
    service label of their own: it comes from the target).
    """

    def __init__(
        self,
        *,
        work_dir: Path,
        targets: Sequence[tuple[str, str]],
        port: int = DEFAULT_PORT,
        host: str = "127.0.0.1",
        rule_files: Sequence[Path] = (),
        scrape_interval_s: float = 5.0,
        evaluation_interval_s: float | None = None,
        retention: str = "2d",
        binary: Path | None = None,
        web_assets: Path | None = None,
    ) -> None:
        self.work_dir = work_dir.expanduser().resolve()
        self.targets = list(targets)
        self.port = port
        self.host = host
        self.rule_files = [Path(p).resolve() for p in rule_files]
        self.scrape_interval_s = scrape_interval_s
        self.evaluation_interval_s = evaluation_interval_s or scrape_interval_s
        self.retention = retention
        self._binary = binary
        self.web_assets = web_assets
        self.config_path = self.work_dir / "prometheus.yml"
        self.data_dir = self.work_dir / "data"
        self.log_path = self.work_dir / "prometheus.log"
        self.pid_path = self.work_dir / "prometheus.pid"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def binary(self) -> Path:
        if self._binary is None:
            found = find_prometheus()
            if found is None:
                raise RuntimeError(
                    "no Prometheus binary: run scripts/obs-tools.sh (Debian's package, into the "
                    "Huddle cache), `apt-get install prometheus`, or set HUDDLE_PROMETHEUS_BIN"
                )
            self._binary, found_web = found
            if self.web_assets is None:
                self.web_assets = found_web
        return self._binary

    def config(self) -> dict[str, Any]:
        """The configuration (JSON is YAML, so no YAML library is needed to write it)."""
        return {
            "global": {
                "scrape_interval": _duration(self.scrape_interval_s),
                "scrape_timeout": _duration(min(self.scrape_interval_s, 10.0)),
                "evaluation_interval": _duration(self.evaluation_interval_s),
            },
            "rule_files": [str(p) for p in self.rule_files],
            "scrape_configs": [
                {
                    "job_name": SCRAPE_JOB,
                    "metrics_path": "/metrics",
                    "static_configs": [
                        {"targets": [address], "labels": {"service": service}}
                        for service, address in self.targets
                    ],
                },
            ],
        }

    def write_config(self) -> None:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(json.dumps(self.config(), indent=2) + "\n")

    def command(self) -> list[str]:
        args = [
            str(self.binary),
            f"--config.file={self.config_path}",
            f"--storage.tsdb.path={self.data_dir}",
            f"--storage.tsdb.retention.time={self.retention}",
            f"--web.listen-address={self.host}:{self.port}",
            # Reload after editing the rules: curl -X POST <url>/-/reload
            "--web.enable-lifecycle",
        ]
        if self.web_assets is not None:
            args.append(f"--web.local-assets={self.web_assets}")
        return args

    def pid(self) -> int | None:
        """The pid of our running Prometheus: from the pid file, checked against /proc."""
        return live_pid(self.pid_path, f"--config.file={self.config_path}".encode())

    def is_running(self) -> bool:
        return self.pid() is not None

    def start(self, timeout_s: float = 60.0) -> None:
        """Start (or keep) Prometheus and wait until it is ready. Raises with its log on failure."""
        if self.pid() is not None:
            return
        self.write_config()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = self.command()
        with self.log_path.open("ab") as log:
            proc = subprocess.Popen(
                command,
                cwd=self.work_dir,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Its own session: a Ctrl-C in the terminal reaches the launcher, which stops it.
                start_new_session=True,
            )
        self._proc = proc
        self.pid_path.write_text(str(proc.pid))
        deadline = time.monotonic() + timeout_s
        while True:
            if proc.poll() is not None:
                self.pid_path.unlink(missing_ok=True)
                raise RuntimeError(
                    f"Prometheus exited with {proc.returncode}; log {self.log_path}:\n"
                    f"{_tail(self.log_path)}"
                )
            try:
                if httpx.get(f"{self.url}/-/ready", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(
                    f"Prometheus not ready on {self.url} after {timeout_s:.0f}s; log "
                    f"{self.log_path}:\n{_tail(self.log_path)}"
                )
            time.sleep(0.2)

    def reload(self) -> bool:
        """Re-read the configuration and rule files (SIGHUP). False when it is not running."""
        pid = self.pid()
        if pid is None:
            return False
        self.write_config()
        os.kill(pid, signal.SIGHUP)
        return True

    def stop(self, timeout_s: float = 20.0) -> bool:
        """Stop our Prometheus (SIGTERM, then SIGKILL). False when it was not running."""
        pid = stop_recorded(self.pid, self.pid_path, timeout_s)
        if pid is None:
            return False
        if self._proc is not None and self._proc.pid == pid:
            # Started by this process: reap it rather than leave a zombie behind.
            self._proc.wait(timeout=5)
            self._proc = None
        return True


def rule_files(repo: Path) -> list[Path]:
    """Huddle's alert rule files in the repository."""
    return sorted((repo / RULES_SUBDIR).glob("*.yml"))


def prometheus_port() -> int:
    value = os.environ.get("HUDDLE_PROMETHEUS_PORT")
    if not value:
        return DEFAULT_PORT
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"HUDDLE_PROMETHEUS_PORT must be a port number, not {value!r}") from None


def local_prometheus(state_dir: Path, repo: Path, *, install: bool = False) -> LocalPrometheus:
    """The dev stack's Prometheus: scrapes the five services every 5 s, loads the alert rules.

    With install, a missing Prometheus is installed first (scripts/obs-tools.sh, seconds);
    without it, stop() and pid() still work, and start() needs one to be installed already.
    """
    binary, web_assets = ensure_prometheus(repo) if install else (None, None)
    return LocalPrometheus(
        work_dir=state_dir / "prometheus",
        targets=[(name, f"127.0.0.1:{service_port(name)}") for name, _ in SERVICES],
        port=prometheus_port(),
        rule_files=rule_files(repo),
        binary=binary,
        web_assets=web_assets,
    )


def _duration(seconds: float) -> str:
    if seconds >= 1 and float(seconds).is_integer():
        return f"{int(seconds)}s"
    return f"{round(seconds * 1000)}ms"


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        return path.read_bytes()[-limit:].decode(errors="replace")
    except OSError:
        return ""
