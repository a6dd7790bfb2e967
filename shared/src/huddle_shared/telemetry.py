"""OpenTelemetry for every service, configured by the standard ``OTEL_*`` variables.

- ``OTEL_SERVICE_NAME`` / ``OTEL_RESOURCE_ATTRIBUTES``: the resource (service name defaults to
  ``huddle-<service>``);
- ``OTEL_TRACES_SAMPLER`` / ``OTEL_TRACES_SAMPLER_ARG``: sampling (read by the SDK);
- ``OTEL_EXPORTER_OTLP_ENDPOINT`` or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` with
  ``OTEL_EXPORTER_OTLP(_TRACES)_PROTOCOL`` = ``http/protobuf`` (default) or ``grpc``: export over
  OTLP; ``OTEL_TRACES_EXPORTER=console`` prints spans; ``none`` or nothing configured: no export;
- ``HUDDLE_TRACE_FILE``: also write finished spans as JSON lines to a file (local debugging and
  the tests that follow one trace across processes).

Without any exporter no SDK is installed at all, so the instrumentation costs nothing.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from sqlalchemy.ext.asyncio import AsyncEngine

_state: dict[str, bool] = {"configured": False, "enabled": False}
_lock = threading.Lock()


class FileSpanExporter(SpanExporter):
    """Finished spans as JSON lines: name, ids, parent, kind, links, attributes, service."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        lines = []
        for span in spans:
            context = span.get_span_context()
            if context is None:
                continue
            lines.append(
                json.dumps(
                    {
                        "name": span.name,
                        "trace_id": format(context.trace_id, "032x"),
                        "span_id": format(context.span_id, "016x"),
                        "parent_id": format(span.parent.span_id, "016x") if span.parent else None,
                        "kind": span.kind.name,
                        "service": span.resource.attributes.get("service.name"),
                        "links": [
                            {
                                "trace_id": format(link.context.trace_id, "032x"),
                                "span_id": format(link.context.span_id, "016x"),
                            }
                            for link in span.links
                        ],
                        "attributes": {k: _plain(v) for k, v in (span.attributes or {}).items()},
                    }
                )
            )
        with self._lock, open(self.path, "a", encoding="utf-8") as out:
            out.write("".join(line + "\n" for line in lines))
        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        return None


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _otlp_exporter() -> SpanExporter | None:
    endpoint = os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or os.environ.get(
        "OTEL_EXPORTER_OTLP_ENDPOINT"
    )
    wanted = os.environ.get("OTEL_TRACES_EXPORTER", "otlp" if endpoint else "none").lower()
    if wanted == "console":
        return ConsoleSpanExporter()
    if wanted != "otlp":
        return None
    protocol = os.environ.get(
        "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
        os.environ.get("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
    )
    if protocol == "grpc":
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import (
            OTLPSpanExporter as GrpcExporter,
        )

        return GrpcExporter()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import (
        OTLPSpanExporter as HttpExporter,
    )

    return HttpExporter()


def configure_tracing(service: str) -> bool:
    """Install the SDK once per process when an exporter is configured; True if tracing is on."""
    with _lock:
        if _state["configured"]:
            return _state["enabled"]
        _state["configured"] = True
        exporters: list[tuple[SpanExporter, bool]] = []
        otlp = _otlp_exporter()
        if otlp is not None:
            exporters.append((otlp, True))
        trace_file = os.environ.get("HUDDLE_TRACE_FILE")
        if trace_file:
            exporters.append((FileSpanExporter(trace_file), False))
        if not exporters:
            return False
        resource = Resource.create(
            {"service.name": os.environ.get("OTEL_SERVICE_NAME", f"huddle-{service}")}
        )
        provider = TracerProvider(resource=resource)
        for exporter, batched in exporters:
            provider.add_span_processor(
                BatchSpanProcessor(exporter) if batched else SimpleSpanProcessor(exporter)
            )
        trace.set_tracer_provider(provider)
        _instrument_libraries()
        _state["enabled"] = True
        return True


def _instrument_libraries() -> None:
    from opentelemetry.instrumentation.aiokafka import AIOKafkaInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    HTTPXClientInstrumentor().instrument()
    AIOKafkaInstrumentor().instrument()


def recording() -> bool:
    """Whether spans go anywhere: an SDK tracer provider is installed in this process.

    Without one every span is a no-op that only carries its parent's context along, so hot
    per-message loops (relay, consumer) may skip creating spans and parsing trace context.
    """
    return not isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)


def kafka_instrumented() -> bool:
    """Whether aiokafka's instrumentation injects trace context into sent messages itself."""
    return _state["enabled"]


def instrument_app(app: FastAPI, engine: AsyncEngine) -> None:
    """Server spans for the app and SQL spans for its engine (when tracing is on)."""
    if not _state["enabled"]:
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    FastAPIInstrumentor.instrument_app(app, excluded_urls="health/live,health/ready,metrics")
    SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine)


def tracer() -> trace.Tracer:
    return trace.get_tracer("huddle")
