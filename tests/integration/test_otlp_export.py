"""A service configured only by the standard OTEL_* variables sends its traces, metrics and logs to
a real OpenTelemetry Collector (devtools/otelcol, built by scripts/otelcol.sh), over OTLP/gRPC
and OTLP/HTTP, and prints its spans with the console exporter beside it."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from huddle_devtools.devinfra.selection import free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually
from huddle_devtools.testing.processes import ServiceProcess
from huddle_identity.bootstrap import MIGRATIONS as IDENTITY

from .identity_support import PASSWORD, person

pytestmark = pytest.mark.timeout(400)

REPO = Path(__file__).resolve().parents[2]

CONFIG = """
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:{grpc}
      http:
        endpoint: 127.0.0.1:{http}
exporters:
  debug:
    verbosity: detailed
service:
  telemetry:
    metrics:
      level: none
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
    metrics:
      receivers: [otlp]
      exporters: [debug]
    logs:
      receivers: [otlp]
      exporters: [debug]
"""


class Collector:
    def __init__(self, output: Path, grpc: int, http: int) -> None:
        self.output = output
        self.grpc = grpc
        self.http = http

    def text(self) -> str:
        return self.output.read_text(errors="replace") if self.output.exists() else ""


@pytest.fixture
def collector(tmp_path: Path) -> Iterator[Collector]:
    built = subprocess.run(
        ["bash", str(REPO / "scripts" / "otelcol.sh")],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=1200,
    )
    assert built.returncode == 0, built.stderr[-4000:]
    binary = built.stdout.strip().rpartition("OTELCOL=")[2]
    grpc, http = free_port(), free_port()
    config = tmp_path / "otelcol.yaml"
    config.write_text(CONFIG.format(grpc=grpc, http=http))
    output = tmp_path / "otelcol.log"
    with output.open("wb") as log:
        process = subprocess.Popen(
            [binary, "--config", f"file:{config}"], stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 60
        while "Everything is ready" not in output.read_text(errors="replace"):
            assert process.poll() is None, output.read_text(errors="replace")[-4000:]
            assert time.monotonic() < deadline, "the collector did not start"
            time.sleep(0.2)
        yield Collector(output, grpc, http)
    finally:
        process.terminate()
        process.wait(timeout=30)


async def test_traces_metrics_and_logs_reach_the_collector_over_grpc_and_http(
    collector: Collector,
    databases: DatabaseFactory,
    service_env: Callable[..., dict[str, str]],
    log_dir: Path,
) -> None:
    env = service_env(
        databases.create("identity", IDENTITY),
        HUDDLE_ARGON2_TIME_COST="1",
        HUDDLE_ARGON2_MEMORY_KIB="8192",
        # Two span exporters at once, as the SDK reads the list; OTLP over gRPC by default.
        OTEL_TRACES_EXPORTER="otlp,console",
        OTEL_METRICS_EXPORTER="otlp",
        OTEL_LOGS_EXPORTER="otlp",
        OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{collector.grpc}",
        # Metrics over OTLP/HTTP instead.
        OTEL_EXPORTER_OTLP_METRICS_PROTOCOL="http/protobuf",
        OTEL_EXPORTER_OTLP_METRICS_ENDPOINT=f"http://127.0.0.1:{collector.http}/v1/metrics",
        OTEL_METRIC_EXPORT_INTERVAL="500",
        OTEL_BSP_SCHEDULE_DELAY="200",
        OTEL_BLRP_SCHEDULE_DELAY="200",
        OTEL_RESOURCE_ATTRIBUTES="deployment.environment.name=otlp-test",
        # Replaces the default list (probes and /metrics): /health/live now gets its span.
        OTEL_PYTHON_EXCLUDED_URLS="health/ready,metrics",
    )
    process = ServiceProcess("identity", port=free_port(), env=env, log_dir=log_dir)
    process.start()
    try:
        async with httpx.AsyncClient(base_url=process.url) as identity:
            admin = person()
            created = await identity.post("/v1/orgs", json={"name": "Otel Org", "admin": admin})
            assert created.status_code == 201, created.text
            assert (await identity.get("/health/live")).status_code == 200
            assert (await identity.get("/metrics")).status_code == 200

        def arrived() -> bool:
            text = collector.text()
            return all(
                needle in text
                for needle in (
                    "Name           : POST /v1/orgs",
                    "Name           : INSERT events",
                    "-> Name: huddle_http_requests",
                    "-> Name: huddle_events_appended",
                    "Application startup complete",
                )
            )

        await eventually(arrived, timeout_s=60, interval_s=0.5)
    finally:
        process.stop()

    text = collector.text()
    # The resource: the default service name, the attributes of OTEL_RESOURCE_ATTRIBUTES.
    assert "-> service.name: Str(huddle-identity)" in text
    assert "-> deployment.environment.name: Str(otlp-test)" in text
    # The append's own database span, with the stream and the event types.
    append = text[text.index("Name           : INSERT events") :]
    append = append[: append.find("Span #", 1) if "Span #" in append[1:] else len(append)]
    assert "-> db.system.name: Str(postgresql)" in append
    assert "-> huddle.stream.type: Str(" in append
    assert "huddle.identity." in append  # in huddle.event.types
    # OTEL_PYTHON_EXCLUDED_URLS is what the FastAPI instrumentation left out.
    assert "Name           : GET /health/live" in text
    assert "Name           : GET /health/ready" not in text
    assert "Name           : GET /metrics" not in text
    # Logs went the OTLP way too, redacted like stdout: no password anywhere.
    assert PASSWORD not in text
    # The console exporter printed the same spans to the service's stdout.
    assert '"name": "POST /v1/orgs"' in process.log_path.read_text()
