"""A helper process of the dev stack (the console's server, the mail sink) under the state dir.

Each has a pid file under ``<state>/services/`` and a log under ``<state>/logs/``, runs in its
own session (a Ctrl-C in the terminal reaches the launcher, which stops what it started), and
counts as running only while the pid in its file is alive and has its marker among its
arguments (pids.live_pid), so a stale file never leads to signalling a stranger. A subclass
says what to run (``command``), what to look for (``marker``) and when it is ready
(``not_ready``).
"""

from __future__ import annotations

import subprocess
import time
from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from huddle_devtools.devinfra.pids import live_pid, stop_recorded


class LocalProcess(ABC):
    """One local process with its pid file and log; subclasses are dataclasses with these."""

    state_dir: Path
    port: int
    # What messages, the tally and `status` call it; its pid file and log are named after it.
    name: str
    # An argument of its command line that only this kind of process has.
    marker: ClassVar[bytes]
    # The process this object started, if any: whether it exited is asked of it, not of /proc,
    # whose cmdline of a process that has only just been exec'ed can still read empty.
    _started: subprocess.Popen[bytes] | None = None

    @abstractmethod
    def command(self) -> list[str]:
        """The command line that runs it (with the marker among its arguments)."""

    @abstractmethod
    def not_ready(self) -> str | None:
        """None when it answers; otherwise why not."""

    def environment(self) -> dict[str, str] | None:
        """The environment to run it with; None: this process's own."""
        return None

    @property
    def file_stem(self) -> str:
        return self.name.replace(" ", "-")

    @property
    def pid_path(self) -> Path:
        return self.state_dir / "services" / f"{self.file_stem}.pid"

    @property
    def log_path(self) -> Path:
        return self.state_dir / "logs" / f"{self.file_stem}.log"

    def start(self) -> int:
        if self.pid() is not None:
            raise RuntimeError(f"{self.name} is already running (pid {self.pid()})")
        # A stale file (the process was killed or crashed) names nobody: replaced below.
        self.pid_path.unlink(missing_ok=True)
        self.pid_path.parent.mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            proc = subprocess.Popen(
                self.command(),
                env=self.environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.pid_path.write_text(str(proc.pid))
        self._started = proc
        return proc.pid

    def pid(self) -> int | None:
        return live_pid(self.pid_path, self.marker)

    def wait_ready(self, timeout_s: float) -> str | None:
        """None once it is ready; otherwise why not (it exited, or the last not_ready)."""
        deadline = time.monotonic() + timeout_s
        while True:
            exited = self._started.poll() is not None if self._started else self.pid() is None
            if exited:
                return f"{self.name} exited (log {self.log_path})"
            reason = self.not_ready()
            if reason is None or time.monotonic() >= deadline:
                return reason
            time.sleep(0.2)

    def stop(self, timeout_s: float = 10.0) -> bool:
        """Stop it by its pid (SIGTERM, then SIGKILL); False when it did not run."""
        return stop_recorded(self.pid, self.pid_path, timeout_s) is not None
