"""Pid files of the local processes devinfra starts, checked against /proc before use."""

from __future__ import annotations

from pathlib import Path


def live_pid(pid_path: Path, marker: bytes) -> int | None:
    """The pid in ``pid_path`` if that process still runs and one of its arguments is ``marker``.

    None when the file is missing or unreadable, the process is gone or a zombie, or the pid
    now belongs to something else: a stale pid file must never lead to signalling a stranger.
    """
    try:
        pid = int(pid_path.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    if "State:\tZ" in status or marker not in cmdline:
        return None
    return pid
