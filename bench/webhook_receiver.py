"""B7's webhook receiver, run as its own process: ``python -m bench.webhook_receiver``.

A bare ASGI app under uvicorn (uvloop, httptools, no access log), so receiving costs as little
as the stack allows: every ``POST`` is answered ``200`` with an empty body after its body has
been read, and the receiver keeps, per request, the ``webhook-id`` header and the moment the
request was complete (``time.time()``, the clock PostgreSQL's ``now()`` also reads). Every
``HUDDLE_RECEIVER_SAMPLE_EVERY``-th request (and the first) is also kept whole, headers and
body, so the harness can verify signatures outside the timed path.

``GET /_report`` answers what was received (``?reset=1`` also forgets it), ``GET /_count`` only
how many requests (cheap enough to poll while deliveries are measured); ``/health`` is 200.
Listens on 127.0.0.1 at ``HUDDLE_PORT`` only.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

import uvicorn

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

SAMPLE_EVERY = int(os.environ.get("HUDDLE_RECEIVER_SAMPLE_EVERY", "50"))


class Receiver:
    def __init__(self) -> None:
        self.received: list[tuple[str, float, int]] = []  # (webhook-id, time, body bytes)
        self.samples: list[dict[str, Any]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http":
            return
        body = bytearray()
        while True:
            message = await receive()
            body.extend(message.get("body", b""))
            if not message.get("more_body"):
                break
        arrived = time.time()
        if scope["method"] == "POST":
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            self.received.append((headers.get("webhook-id", ""), arrived, len(body)))
            if len(self.received) % SAMPLE_EVERY == 1 or SAMPLE_EVERY == 1:
                self.samples.append({"headers": headers, "body": body.decode()})
            await _answer(send, 200, b"")
        elif scope["path"] == "/_count":
            await _answer(send, 200, str(len(self.received)).encode())
        elif scope["path"] == "/_report":
            report = json.dumps({"received": self.received, "samples": self.samples}).encode()
            if b"reset=1" in scope.get("query_string", b""):
                self.received, self.samples = [], []
            await _answer(send, 200, report, b"application/json")
        else:
            await _answer(send, 200, b"ok")


async def _answer(send: Send, status: int, body: bytes, kind: bytes = b"text/plain") -> None:
    headers = [(b"content-length", str(len(body)).encode()), (b"content-type", kind)]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


if __name__ == "__main__":
    uvicorn.run(
        Receiver(),
        host="127.0.0.1",
        port=int(os.environ["HUDDLE_PORT"]),
        loop="uvloop",
        http="httptools",
        log_config=None,
        access_log=False,
        lifespan="on",
        backlog=4096,
    )
