"""Sending one webhook through ``huddle_shared.outbound.VettedTransport``: the name is
resolved, every address vetted, and the request sent to a vetted one (the ``Host`` header and
TLS SNI keep the name, so the certificate is still verified for it), so a DNS answer that
changes between the check and the connection (DNS rebinding) cannot redirect it. Redirects
are never followed (a 3xx is a failed delivery), the whole exchange has one time limit, and at
most a few KB of the response are read. Connections are not kept alive: a pooled connection is
keyed by address, and must not carry one subscriber's request over a TLS session verified for
another's name.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass

import httpx
from opentelemetry.instrumentation.utils import suppress_http_instrumentation

from huddle_integrations.domain.webhooks import excerpt, short_error
from huddle_shared.outbound import VettedTransport
from huddle_shared.ssrf import UnsafeTarget

MAX_RESPONSE_BYTES = 4096


@dataclass(frozen=True)
class SendResult:
    """What one attempt gave: a status code, or an error (``kind`` names it for metrics)."""

    kind: str  # delivered, http_status, timeout, connection, unsafe_target
    status_code: int | None
    error: str | None
    excerpt: str | None
    duration_ms: int

    @property
    def delivered(self) -> bool:
        return self.kind == "delivered"


class WebhookSender:
    def __init__(self, *, timeout_s: float, allow_private: bool) -> None:
        self.timeout_s = timeout_s
        self.allow_private = allow_private
        self._client: httpx.AsyncClient | None = None

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                transport=VettedTransport(allow_private=self.allow_private),
                follow_redirects=False,
                timeout=httpx.Timeout(self.timeout_s),
            )
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def send(self, url: str, body: bytes, headers: Mapping[str, str]) -> SendResult:
        started = time.monotonic()

        def result(
            kind: str,
            *,
            status: int | None = None,
            error: str | None = None,
            text: str | None = None,
        ) -> SendResult:
            return SendResult(
                kind=kind,
                status_code=status,
                error=short_error(error) if error else None,
                excerpt=text,
                duration_ms=int((time.monotonic() - started) * 1000),
            )

        try:
            async with asyncio.timeout(self.timeout_s):
                # No trace context for a third party: the delivery's own span records the call.
                with suppress_http_instrumentation():
                    request = self._http().build_request(
                        "POST", url, content=body, headers=dict(headers)
                    )
                    response = await self._http().send(request, stream=True)
                    try:
                        read = bytearray()
                        async for chunk in response.aiter_raw():
                            read.extend(chunk)
                            if len(read) >= MAX_RESPONSE_BYTES:
                                break
                    finally:
                        await response.aclose()
        except (UnsafeTarget, httpx.InvalidURL) as exc:
            return result("unsafe_target", error=f"unsafe target: {exc}")
        except (TimeoutError, httpx.TimeoutException):
            return result("timeout", error=f"no response within {self.timeout_s:g} s")
        except httpx.HTTPError as exc:
            return result("connection", error=f"{type(exc).__name__}: {exc}")
        except OSError as exc:
            return result("connection", error=f"{type(exc).__name__}: {exc}")
        text = excerpt(bytes(read))
        if 200 <= response.status_code < 300:
            return result("delivered", status=response.status_code, text=text)
        return result(
            "http_status",
            status=response.status_code,
            error=f"the receiver answered {response.status_code}",
            text=text,
        )
