"""A local SMTP sink for the dev stack: the identity service's mail lands in a Maildir.

`make run` and `make up` start aiosmtpd's own command line on 127.0.0.1:8025 with its Mailbox
handler, which writes each message it receives as one file under ``<state>/mail/new/``; the
identity service is pointed at it (services.py), so an invitation or a password-reset link can
be read there. Like the console's server it has a pid file beside the services', so `up` leaves
a running one alone, `down` stops it by its pid, and `status` reports it.
``HUDDLE_MAIL_SINK=0`` leaves it out; ``HUDDLE_MAIL_SINK_PORT`` moves it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from huddle_devtools.devinfra.pids import port_taken
from huddle_devtools.devinfra.process import LocalProcess

DEFAULT_PORT = 8025
HANDLER = "aiosmtpd.handlers.Mailbox"
HOST = "127.0.0.1"


def mail_sink_wanted() -> bool:
    return os.environ.get("HUDDLE_MAIL_SINK", "1").strip().lower() not in ("0", "false", "no")


def mail_sink_port() -> int:
    value = os.environ.get("HUDDLE_MAIL_SINK_PORT")
    if not value:
        return DEFAULT_PORT
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"HUDDLE_MAIL_SINK_PORT must be a port number, not {value!r}") from None


@dataclass
class LocalMailSink(LocalProcess):
    """``python -m aiosmtpd`` with a Maildir under the state directory."""

    state_dir: Path
    port: int = field(default_factory=mail_sink_port)
    name: str = "mail sink"
    # Only this process has the handler's class as an argument.
    marker: ClassVar[bytes] = HANDLER.encode()

    @property
    def url(self) -> str:
        return f"smtp://{HOST}:{self.port}"

    @property
    def maildir(self) -> Path:
        return self.state_dir / "mail"

    @property
    def inbox(self) -> Path:
        """Where each message lands, one file per message."""
        return self.maildir / "new"

    def command(self) -> list[str]:
        # -n: do not try to setuid to nobody. The handler creates the Maildir if it is missing.
        command = [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"{HOST}:{self.port}"]
        return [*command, "-c", HANDLER, str(self.maildir)]

    def not_ready(self) -> str | None:
        """None when the sink accepts connections; otherwise why not."""
        return None if port_taken(self.port, HOST) else f"no answer on {self.url}"
