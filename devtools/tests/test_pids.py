"""Pid files are trusted only while the process they name is still ours."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from huddle_devtools.devinfra.pids import live_pid


def wait_for_exec(pid: int, argument: bytes) -> None:
    """Until the child has exec'd: before that, its command line is still its parent's."""
    deadline = time.monotonic() + 10
    while argument not in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0"):
        assert time.monotonic() < deadline, "the child never started"
        time.sleep(0.01)


def test_a_running_process_with_the_marker_is_found(tmp_path: Path) -> None:
    marker = "huddle-pid-test-marker"
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)", marker])
    try:
        wait_for_exec(proc.pid, marker.encode())
        pid_file = tmp_path / "x.pid"
        pid_file.write_text(str(proc.pid))
        assert live_pid(pid_file, marker.encode()) == proc.pid
        # The same pid with another marker belongs to something else.
        assert live_pid(pid_file, b"someone-else") is None
    finally:
        proc.kill()
        proc.wait()
    # Gone (and reaped): the stale file names nobody.
    assert live_pid(pid_file, marker.encode()) is None


def test_missing_or_garbled_pid_files_name_nobody(tmp_path: Path) -> None:
    assert live_pid(tmp_path / "absent.pid", b"x") is None
    garbled = tmp_path / "garbled.pid"
    garbled.write_text("not a pid")
    assert live_pid(garbled, b"x") is None
    ours = tmp_path / "ours.pid"
    ours.write_text(str(os.getpid()))
    assert live_pid(ours, b"no-such-argument") is None


def test_port_taken_tells_a_listener_from_a_free_port() -> None:
    # Free ports are in the ephemeral range, where a connection to nobody can still succeed
    # when the kernel picks that very port as the source (a self-connect): that is no server.
    import socket

    from huddle_devtools.devinfra.pids import port_taken
    from huddle_devtools.devinfra.selection import free_port

    for _ in range(50):
        assert not port_taken(free_port())
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        assert port_taken(server.getsockname()[1])
