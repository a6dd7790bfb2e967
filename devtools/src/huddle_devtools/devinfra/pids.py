"""Whether a local process is ours: pid files checked against /proc, and ports someone holds."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path


def recorded_pid(pid_path: Path) -> int | None:
    """The pid written in ``pid_path``, whether or not that process still runs."""
    try:
        return int(pid_path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def report_stale(what: str, pid_path: Path) -> None:
    """Say so when pid_path names a process that has exited (ours being known not to run)."""
    stale = recorded_pid(pid_path)
    if stale is not None:
        print(f"{what}: pid {stale} in {pid_path} has exited; starting it again")


def live_pid(pid_path: Path, marker: bytes) -> int | None:
    """The pid in ``pid_path`` if that process still runs and one of its arguments is ``marker``.

    None when the file is missing or unreadable, the process is gone or a zombie, or the pid
    now belongs to something else: a stale pid file must never lead to signalling a stranger.
    """
    pid = recorded_pid(pid_path)
    if pid is None:
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    if "State:\tZ" in status or marker not in cmdline:
        return None
    return pid


def port_taken(port: int, host: str = "127.0.0.1") -> bool:
    """Something accepts connections on host:port (so a server started there would not bind)."""
    try:
        with socket.create_connection((host, port), timeout=1.0) as sock:
            # With nothing listening on a port of the ephemeral range, the kernel may pick that
            # very port as the source and connect the socket to itself: nobody is there.
            return bool(sock.getsockname() != sock.getpeername())
    except OSError:
        return False


def refuse_taken_port(what: str, port: int, variable: str) -> None:
    """Raise when something listens on port; called once ours is known not to run there."""
    if port_taken(port):
        raise RuntimeError(
            f"{what}: port {port} is in use by a process this state directory did not start; "
            f"stop it or set {variable}"
        )


def not_answering(what: str, pid: int | None, log: Path, timeout: float) -> RuntimeError:
    """The error for a process of ours that runs but does not answer, and is left running."""
    return RuntimeError(
        f"{what} runs (pid {pid}) but does not answer after {timeout:.0f}s; this command did "
        f"not start it, so it is left running (log {log}; `make down` stops it)"
    )


@contextlib.contextmanager
def state_lock(state_dir: Path) -> Iterator[None]:
    """Hold the state directory's lock: `make up` here and `make run` starting in another
    terminal must not both find Kafka missing and start two."""
    state_dir.mkdir(parents=True, exist_ok=True)
    with (state_dir / "devinfra.lock").open("a") as lock:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Waiting for another devinfra command on {state_dir} ...")
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def stop_recorded(pid: Callable[[], int | None], pid_path: Path, timeout_s: float) -> int | None:
    """Stop the process ``pid()`` names (ours, by its pid file): SIGTERM, then SIGKILL after
    ``timeout_s``; the pid file goes either way. The pid it stopped, or None if none ran."""
    running = pid()
    if running is None:
        pid_path.unlink(missing_ok=True)
        return None
    os.kill(running, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and pid() is not None:
        time.sleep(0.1)
    if pid() is not None:
        os.kill(running, signal.SIGKILL)
        while pid() is not None and time.monotonic() < deadline + 5:
            time.sleep(0.1)
    # Its command line empties as soon as an exiting process lets go of its memory, before the
    # kernel closes its files: wait until it is gone or a zombie, so its ports are free too.
    while not _exited(running) and time.monotonic() < deadline + 5:
        time.sleep(0.05)
    pid_path.unlink(missing_ok=True)
    return running


def _exited(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in status
