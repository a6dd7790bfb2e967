"""Pure ASGI middlewares: body limits, content types, security headers.

They are plain ASGI (not ``BaseHTTPMiddleware``) so they add no task per request and stream
bodies without buffering them.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from huddle_shared import metrics
from huddle_shared.logs import request_id_var, tenant_var
from huddle_shared.problems import PROBLEM_JSON, PROBLEM_TYPE_BASE

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    (b"strict-transport-security", b"max-age=31536000; includeSubDomains"),
]
_BODY_METHODS = {"POST", "PUT", "PATCH"}


async def _send_problem(send: Send, status: int, title: str, code: str, detail: str) -> None:
    body = json.dumps(
        {"type": PROBLEM_TYPE_BASE + code, "title": title, "status": status, "detail": detail}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class _BodyTooLarge(Exception):
    pass


class RequestGuardMiddleware:
    """Refuses oversized bodies (413) and bodies of a type the API does not speak (415)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        allowed_content_types: Iterable[str] = ("application/json",),
        exempt_paths: Iterable[str] = (),
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.allowed = {c.lower() for c in allowed_content_types}
        self.exempt = tuple(exempt_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length_header = headers.get(b"content-length")
        if length_header is not None:
            try:
                declared = int(length_header)
            except ValueError:
                await _send_problem(send, 400, "Bad request", "invalid-request", "bad length")
                return
            if declared > self.max_body_bytes:
                await _send_problem(
                    send,
                    413,
                    "Request body too large",
                    "body-too-large",
                    f"The body may hold at most {self.max_body_bytes} bytes.",
                )
                return
        else:
            declared = -1
        content_type = headers.get(b"content-type", b"").decode("latin-1")
        media_type = content_type.split(";", 1)[0].strip().lower()
        has_body = declared > 0 or b"transfer-encoding" in headers
        if (
            has_body
            and media_type not in self.allowed
            and not scope["path"].startswith(self.exempt)
        ):
            await _send_problem(
                send,
                415,
                "Unsupported media type",
                "unsupported-media-type",
                "Send one of: " + ", ".join(sorted(self.allowed)),
            )
            return

        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not response_started:
                await _send_problem(
                    send,
                    413,
                    "Request body too large",
                    "body-too-large",
                    f"The body may hold at most {self.max_body_bytes} bytes.",
                )


class SecurityHeadersMiddleware:
    """Adds the same defensive headers to every response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class MetricsMiddleware:
    """RED metrics per route template (never the raw path: ids would explode the label set)."""

    def __init__(self, app: ASGIApp, *, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            if template not in ("/metrics",):
                method = scope["method"]
                metrics.HTTP_REQUESTS.add(
                    1, {"method": method, "route": template, "status": str(status)}
                )
                metrics.HTTP_DURATION.record(
                    time.perf_counter() - started, {"method": method, "route": template}
                )


_access = logging.getLogger("huddle.access")


class RequestContextMiddleware:
    """A request id for every request (``X-Request-ID`` in and out) and one access-log line.

    The line names the route template, never the path or query string (ids, cursors and
    anything a client puts there stay out of the logs).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if 0 < len(incoming) <= 200 else str(uuid.uuid4())
        token = request_id_var.set(request_id)
        tenant_token = tenant_var.set(None)
        started = time.perf_counter()
        status = 500

        async def with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode("latin-1")),
                ]
            await send(message)

        try:
            await self.app(scope, receive, with_id)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            if not route.startswith(("/health", "/metrics")):
                _access.info(
                    "%s %s %s",
                    scope["method"],
                    route,
                    status,
                    extra={
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    },
                )
            tenant_var.reset(tenant_token)
            request_id_var.reset(token)
