"""Mail through an outbox: queued in the transaction of what it tells, sent by the mailer.

An invitation or a password reset writes its mail into ``mail_outbox`` in the same transaction
as the invitation or the reset itself, so there is never a reset without its mail nor a mail
for a reset that rolled back. The :class:`Mailer` (a background task of the identity process,
one row at a time under ``FOR UPDATE SKIP LOCKED``, so replicas share the work) renders the
row's template and sends it over SMTP; a failure is retried with a growing delay, across
restarts and SMTP outages. A crash between the SMTP server's acceptance and the commit sends
that mail again: delivery is at least once, as with any outbox.

What a template needs (the recipient, the link with its single-use token) is sealed with the
master key while it waits, and cleared once the mail is sent. No address, token or link is
logged: failures are logged by row id and error class.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any, Literal

import aiosmtplib
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError
from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_identity.adapters.tables import mail_outbox
from huddle_shared import metrics
from huddle_shared.personal import Sealed, seal, unseal

logger = logging.getLogger("huddle.identity.mail")

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_SEAL_KID = "identity-mail"
MAX_DELAY = timedelta(minutes=15)
FIRST_DELAY = timedelta(seconds=5)
PURGE_EVERY_S = 3600.0

Security = Literal["starttls", "tls", "none"]
# What a send can fail with: the SMTP server's refusal or absence, or a row that cannot be
# rendered (it is retried too, and logged, so that a fixed template sends it).
_SEND_FAILURES = (aiosmtplib.SMTPException, OSError, TimeoutError, TemplateError, ValueError)


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    security: Security
    username: str | None
    password: str | None
    timeout_s: float
    sender: str


def retry_delay(attempts: int) -> timedelta:
    """After the n-th failed attempt: 5 s, 10 s, 20 s, ... capped at 15 minutes."""
    delay: timedelta = FIRST_DELAY * (2 ** min(max(attempts - 1, 0), 20))
    return min(delay, MAX_DELAY)


class MailOutbox:
    """Queues mail in the caller's transaction; opens it again for the mailer."""

    def __init__(self, *, master_key: bytes) -> None:
        self._key = master_key

    @staticmethod
    def _context(template: str) -> str:
        return f"identity:mail:{template}"

    async def queue(
        self,
        conn: AsyncConnection,
        *,
        org_id: str,
        template: str,
        values: dict[str, str],
        now: datetime,
    ) -> None:
        """``values`` must hold ``to`` (the recipient) and whatever the template reads."""
        if "to" not in values:
            raise ValueError("a mail needs a recipient ('to')")
        sealed = seal(self._key, _SEAL_KID, json.dumps(values), context=self._context(template))
        await conn.execute(
            insert(mail_outbox).values(
                org_id=org_id,
                template=template,
                sealed_values=sealed.model_dump(),
                created_at=now,
                next_attempt_at=now,
            )
        )

    def open(self, template: str, sealed_values: dict[str, Any]) -> dict[str, str]:
        plain = unseal(
            self._key, Sealed.model_validate(sealed_values), context=self._context(template)
        )
        if plain is None:
            raise ValueError("the mail's values cannot be unsealed")
        values: dict[str, str] = json.loads(plain)
        return values


class MailTemplates:
    """``<name>.subject.txt`` and ``<name>.txt`` under templates/, rendered with Jinja2."""

    def __init__(self, folder: Path = TEMPLATES) -> None:
        # Plain-text mail: nothing to escape, and a missing value is an error, never a blank.
        self._env = Environment(
            loader=FileSystemLoader(folder),
            undefined=StrictUndefined,
            autoescape=False,  # noqa: S701 - text/plain mail, never HTML
            keep_trailing_newline=True,
        )

    def render(self, template: str, values: dict[str, str], *, sender: str) -> EmailMessage:
        subject = self._env.get_template(f"{template}.subject.txt").render(values).strip()
        body = self._env.get_template(f"{template}.txt").render(values)
        message = EmailMessage()
        message["From"] = sender
        message["To"] = values["to"]
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain="huddle.care")
        message["Auto-Submitted"] = "auto-generated"
        message.set_content(body)
        return message


class Mailer:
    """Sends the outbox's due mail, oldest first, until stopped."""

    def __init__(
        self,
        *,
        engine: AsyncEngine,
        outbox: MailOutbox,
        templates: MailTemplates,
        server: SmtpServer | None,
        clock: Callable[[], datetime],
        poll_interval_s: float,
        retention: timedelta = timedelta(days=30),
    ) -> None:
        self.engine = engine
        self.outbox = outbox
        self.templates = templates
        self.server = server
        self.clock = clock
        self.poll_interval_s = poll_interval_s
        self.retention = retention
        self._wake = asyncio.Event()
        self._purged_at: float | None = None

    def wake(self) -> None:
        """A mail was just queued (after its transaction committed): look now."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        if self.server is None:
            logger.warning("HUDDLE_SMTP_HOST is not set: mail waits in the outbox until it is")
            return
        while not stop.is_set():
            try:
                while not stop.is_set() and await self.send_one():
                    pass
                await self._purge_now_and_then()
            except Exception:  # the database may be away for a while; keep the loop alive
                logger.exception("mailer: could not read the outbox; retrying")
            await self._pause(stop)

    async def _purge_now_and_then(self) -> None:
        if self._purged_at is None or time.monotonic() - self._purged_at >= PURGE_EVERY_S:
            await self.purge_sent()
            self._purged_at = time.monotonic()

    async def purge_sent(self) -> int:
        """Forget sent mail older than the retention (its secrets went when it was sent; the
        row itself only says that a mail of that kind went to someone of the organisation)."""
        cutoff = self.clock() - self.retention
        old = select(mail_outbox.c.id).where(mail_outbox.c.sent_at < cutoff).limit(1000)
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(mail_outbox).where(mail_outbox.c.id.in_(old)))
        return int(result.rowcount or 0)

    async def _pause(self, stop: asyncio.Event) -> None:
        self._wake.clear()
        waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
        try:
            await asyncio.wait(waits, timeout=self.poll_interval_s, return_when="FIRST_COMPLETED")
        finally:
            for wait in waits:
                wait.cancel()

    async def send_one(self) -> bool:
        """Send the oldest due mail; False when none is due."""
        assert self.server is not None
        async with self.engine.begin() as conn:
            now = self.clock()
            row = (
                await conn.execute(
                    select(mail_outbox)
                    .where(mail_outbox.c.sent_at.is_(None), mail_outbox.c.next_attempt_at <= now)
                    .order_by(mail_outbox.c.id)
                    .limit(1)
                    .with_for_update(skip_locked=True)
                )
            ).one_or_none()
            if row is None:
                return False
            try:
                values = self.outbox.open(row.template, row.sealed_values)
                message = self.templates.render(row.template, values, sender=self.server.sender)
                await self._send(message)
            except (
                aiosmtplib.SMTPException,
                OSError,
                TimeoutError,
                TemplateError,
                ValueError,
            ) as e:
                attempts = row.attempts + 1
                error = type(e).__name__
                if isinstance(e, aiosmtplib.SMTPResponseException):
                    error += f" {e.code}"
                logger.warning(
                    "mail %s (%s) not sent, attempt %d: %s", row.id, row.template, attempts, error
                )
                metrics.MAIL_FAILURES.add(1, {"template": row.template})
                await conn.execute(
                    update(mail_outbox)
                    .where(mail_outbox.c.id == row.id)
                    .values(
                        attempts=attempts,
                        last_error=error,
                        next_attempt_at=now + retry_delay(attempts),
                    )
                )
                return False
            await conn.execute(
                update(mail_outbox)
                .where(mail_outbox.c.id == row.id)
                .values(
                    attempts=row.attempts + 1,
                    sent_at=self.clock(),
                    sealed_values=None,
                    last_error=None,
                )
            )
        metrics.MAIL_SENT.add(1, {"template": row.template})
        return True

    async def _send(self, message: EmailMessage) -> None:
        server = self.server
        assert server is not None
        await aiosmtplib.send(
            message,
            hostname=server.host,
            port=server.port,
            use_tls=server.security == "tls",
            start_tls=server.security == "starttls",
            username=server.username,
            password=server.password,
            timeout=server.timeout_s,
        )
