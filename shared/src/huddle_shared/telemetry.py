"""OpenTelemetry for every service, configured by the standard ``OTEL_*`` variables as the SDK reads
them (``opentelemetry.sdk._configuration``, the code behind ``opentelemetry-instrument``):

- ``OTEL_TRACES_EXPORTER``, ``OTEL_METRICS_EXPORTER``, ``OTEL_LOGS_EXPORTER``: comma-separated
  exporter names looked up in the SDK's entry points (``otlp``, ``otlp_proto_grpc``,
  ``otlp_proto_http``, ``console``); unset or ``none``: that signal is not exported. ``otlp``
  takes its transport from ``OTEL_EXPORTER_OTLP(_<SIGNAL>)_PROTOCOL`` (``grpc``, the SDK's
  default, or ``http/protobuf``), and the exporters read their own endpoint, headers and
  timeout variables;
- ``OTEL_SERVICE_NAME`` / ``OTEL_RESOURCE_ATTRIBUTES``: the resource (the service name defaults
  to ``huddle-<service>``); ``OTEL_TRACES_SAMPLER`` / ``OTEL_TRACES_SAMPLER_ARG``: sampling;
  ``OTEL_METRIC_EXPORT_INTERVAL``: how often metrics are pushed;
- ``OTEL_PYTHON_EXCLUDED_URLS`` (or ``OTEL_PYTHON_FASTAPI_EXCLUDED_URLS``): routes without server
  spans, read by the FastAPI instrumentation; without it the health probes and ``/metrics``;
- ``HUDDLE_TRACE_FILE``: also write finished spans as JSON lines to a file (local debugging and
  the tests that follow one trace across processes).

Metrics always have a meter provider, with a Prometheus reader behind ``/metrics``; pushed
exporters are readers beside it, reading the same instruments (``huddle_shared.metrics``).
Traces get an SDK tracer provider only when some span exporter is configured, so that without
one the instrumentation costs nothing. Logs keep the JSON lines on stdout; an OTLP log exporter
gets the same records, redacted the same way.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI
from opentelemetry import metrics as otel_metrics
from opentelemetry import trace
from opentelemetry.sdk._configuration import _get_exporter_names, _import_exporters
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import MetricReader, PeriodicExportingMetricReader
from opentelemetry.sdk.resources import OTELResourceDetector, Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_shared.logs import add_handler, redact_record

_state: dict[str, bool] = {"configured": False, "tracing": False}
_lock = threading.Lock()
DEFAULT_EXCLUDED_URLS = "health/live,health/ready,metrics"


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


def resource_for(service: str) -> Resource:
    """The SDK's resource (``OTEL_RESOURCE_ATTRIBUTES``, ``OTEL_SERVICE_NAME``, the SDK's own
    attributes), with ``huddle-<service>`` as the service name when neither names one."""
    defaults: dict[str, str] = {"service.namespace": "huddle"}
    if "service.name" not in OTELResourceDetector().detect().attributes:
        defaults["service.name"] = f"huddle-{service}"
    return Resource.create(defaults)


def prometheus_reader() -> MetricReader:
    """The reader behind ``/metrics``: registered in prometheus_client's default registry, no
    ``target_info`` and no scope labels (Prometheus's target labels say which service)."""
    from opentelemetry.exporter.prometheus import PrometheusMetricReader

    return PrometheusMetricReader(disable_target_info=True, scope_info_enabled=False)


def configure_telemetry(service: str) -> bool:
    """Install the SDK once per process from the environment; True if spans are exported."""
    with _lock:
        if _state["configured"]:
            return _state["tracing"]
        _state["configured"] = True
        span_exporters, metric_exporters, log_exporters = _import_exporters(
            _get_exporter_names("traces"),
            _get_exporter_names("metrics"),
            _get_exporter_names("logs"),
        )
        resource = resource_for(service)

        readers: list[MetricReader] = [prometheus_reader()]
        for exporter_or_reader in metric_exporters.values():
            if issubclass(exporter_or_reader, MetricReader):
                readers.append(exporter_or_reader())
            else:
                readers.append(PeriodicExportingMetricReader(exporter_or_reader()))
        otel_metrics.set_meter_provider(MeterProvider(resource=resource, metric_readers=readers))

        trace_file = os.environ.get("HUDDLE_TRACE_FILE")
        if span_exporters or trace_file:
            # The sampler comes from OTEL_TRACES_SAMPLER(_ARG), read by the provider itself.
            provider = TracerProvider(resource=resource)
            for span_exporter in span_exporters.values():
                provider.add_span_processor(BatchSpanProcessor(span_exporter()))
            if trace_file:
                provider.add_span_processor(SimpleSpanProcessor(FileSpanExporter(trace_file)))
            trace.set_tracer_provider(provider)
            _instrument_libraries()
            _state["tracing"] = True

        if log_exporters:
            _export_logs(resource, [exporter() for exporter in log_exporters.values()])
        return _state["tracing"]


class _Redacting(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


def _export_logs(resource: Resource, exporters: Sequence[Any]) -> None:
    """Hand the root logger's records to the OTLP log exporters too, redacted as on stdout."""
    from opentelemetry._logs import set_logger_provider
    from opentelemetry.instrumentation.logging.handler import LoggingHandler
    from opentelemetry.sdk._logs import LoggerProvider
    from opentelemetry.sdk._logs.export import BatchLogRecordProcessor

    provider = LoggerProvider(resource=resource)
    for exporter in exporters:
        provider.add_log_record_processor(BatchLogRecordProcessor(exporter))
    set_logger_provider(provider)
    handler = LoggingHandler(logger_provider=provider)
    handler.addFilter(_Redacting())
    add_handler(handler)


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
    return _state["tracing"]


def excluded_urls() -> str | None:
    """What FastAPI's instrumentation leaves out: the environment's list when one is set (the
    instrumentation reads it itself when given None), else the probes and /metrics."""
    if os.environ.get("OTEL_PYTHON_FASTAPI_EXCLUDED_URLS") or os.environ.get(
        "OTEL_PYTHON_EXCLUDED_URLS"
    ):
        return None
    return DEFAULT_EXCLUDED_URLS


def instrument_app(app: FastAPI, engine: AsyncEngine) -> None:
    """Server spans for the app and SQL spans for its engine (when tracing is on)."""
    if not _state["tracing"]:
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    FastAPIInstrumentor.instrument_app(app, excluded_urls=excluded_urls())
    SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine)


def tracer() -> trace.Tracer:
    return trace.get_tracer("huddle")
