"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, keeping what it receives in memory.

It speaks SMTP over TCP like any mail server, so the identity service's mailer sends to it
exactly as it would to the organisation's relay. ``refuse`` makes it answer 451 (a temporary
failure) to every message until told otherwise, to test retries.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from huddle_devtools.devinfra.selection import free_port

LINK = re.compile(r"(?P<url>https?://\S+#/(?P<page>[\w-]+)\?token=(?P<token>[\w-]+))")


class _Collector:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refusing = False
        self.refused = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        with self.lock:
            if self.refusing:
                self.refused += 1
                return "451 4.3.0 Try again later"
            parsed = message_from_bytes(envelope.content, policy=policy.default)
            assert isinstance(parsed, EmailMessage)
            self.messages.append(parsed)
        return "250 OK"


class MailSink:
    def __init__(self, controller: Controller, collector: _Collector) -> None:
        self._controller = controller
        self._collector = collector
        self.host = "127.0.0.1"
        self.port: int = controller.port

    @property
    def settings(self) -> dict[str, Any]:
        """Identity settings that send to this server."""
        return {"smtp_host": self.host, "smtp_port": self.port, "smtp_security": "none"}

    def refuse(self, refusing: bool = True) -> None:
        with self._collector.lock:
            self._collector.refusing = refusing

    @property
    def refused(self) -> int:
        with self._collector.lock:
            return self._collector.refused

    def received(self, to: str | None = None) -> list[EmailMessage]:
        with self._collector.lock:
            messages = list(self._collector.messages)
        return [m for m in messages if to is None or m["To"] == to]

    async def wait_for(self, to: str, *, count: int = 1, timeout_s: float = 30) -> EmailMessage:
        """The ``count``-th message to ``to``, waiting for it to arrive."""
        deadline = time.monotonic() + timeout_s
        while True:
            messages = self.received(to)
            if len(messages) >= count:
                return messages[count - 1]
            if time.monotonic() > deadline:
                raise TimeoutError(f"{count} message(s) to {to} not received in {timeout_s}s")
            await asyncio.sleep(0.1)


def link_url(message: EmailMessage) -> str:
    """The one Huddle link in a plain-text mail, as it stands."""
    body = message.get_body(("plain",))
    assert body is not None, "a plain-text part"
    found = [match.group("url") for match in LINK.finditer(body.get_content())]
    assert len(found) == 1, found
    return found[0]


def link_in(message: EmailMessage) -> tuple[str, str]:
    """(page, token) of the one Huddle link in a plain-text mail."""
    match = LINK.fullmatch(link_url(message))
    assert match is not None
    return match.group("page"), match.group("token")


@contextmanager
def mail_sink() -> Iterator[MailSink]:
    collector = _Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield MailSink(controller, collector)
    finally:
        controller.stop()
