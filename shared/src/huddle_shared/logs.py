"""JSON log lines on stdout: time, level, service, trace and span ids, request id, tenant.

The one logging pipeline of every service: the standard library's ``logging`` with this
formatter (so third-party libraries' records come out the same way), no second framework.

Nothing here ever logs a request body, a query string or a header, and a last-line filter
redacts anything that looks like a bearer token, a JWT or a password field, so a mistake
elsewhere cannot leak a credential or a survey answer into the logs.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from opentelemetry import trace

request_id_var: ContextVar[str | None] = ContextVar("huddle_request_id", default=None)
tenant_var: ContextVar[str | None] = ContextVar("huddle_tenant", default=None)

_RESERVED = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "color_message"}
_SECRETS = [
    (re.compile(r"(?i)bearer\s+[a-z0-9._~+/=-]+"), "Bearer [redacted]"),
    (re.compile(r"eyJ[a-zA-Z0-9_-]{8,}\.[a-zA-Z0-9_-]{8,}\.[a-zA-Z0-9_-]*"), "[redacted-jwt]"),
    (
        re.compile(r"(?i)(password|secret|token|answers?)([\"']?\s*[:=]\s*)[^,}\s]+"),
        r"\1\2[redacted]",
    ),
]
_SENSITIVE_KEYS = {"password", "secret", "token", "answers", "comment", "authorization"}


def redact(text: str) -> str:
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        context = trace.get_current_span().get_span_context()
        if context.is_valid:
            entry["trace_id"] = format(context.trace_id, "032x")
            entry["span_id"] = format(context.span_id, "016x")
        if (request_id := request_id_var.get()) is not None:
            entry["request_id"] = request_id
        if (tenant := tenant_var.get()) is not None:
            entry["tenant"] = tenant
        for key, value in record.__dict__.items():
            if key in _RESERVED or key.startswith("_"):
                continue
            entry[key] = "[redacted]" if key.lower() in _SENSITIVE_KEYS else value
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, default=str)


def redact_record(record: logging.LogRecord) -> None:
    """Redact a record in place, for handlers that ship it elsewhere (OpenTelemetry's): its
    message is rendered and redacted (with the traceback, if any, redacted into it), sensitive
    extra fields are blanked. The stdout handler comes first, so it has formatted the record."""
    message = record.getMessage()
    if record.exc_info:
        message += "\n" + logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
        record.exc_text = None
    record.msg = redact(message)
    record.args = None
    for key in list(record.__dict__):
        if key not in _RESERVED and key.lower() in _SENSITIVE_KEYS:
            record.__dict__[key] = "[redacted]"


# Handlers beside the JSON lines (the OpenTelemetry log exporter's), kept by configure_logging.
_extra_handlers: list[logging.Handler] = []


def add_handler(handler: logging.Handler) -> None:
    _extra_handlers.append(handler)
    logging.getLogger().addHandler(handler)


def configure_logging(service: str, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler, *_extra_handlers]
    root.setLevel(level)
    # aiokafka logs every failed reconnect at ERROR; one warning from our loops is enough.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
