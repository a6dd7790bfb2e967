"""The web console as a part of the dev stack: built with npm from web/, served on 127.0.0.1:8080.

`make run` and `make up` build it (``npm ci`` from web/package-lock.json, then ``vite build``),
each step skipped while what it would produce is current: node_modules is stamped with the
lockfile's digest, dist/ with the digest of every input of the build (web's sources and the
generated client in clients/typescript/src). The server (console_server.py) runs as its own
process with a pid file beside the services', so `up` leaves a running one alone, `down` stops
it by its pid, and `status` reports it. ``HUDDLE_CONSOLE=0`` leaves the console out;
``HUDDLE_CONSOLE_PORT`` moves it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import httpx

from huddle_devtools.devinfra.process import LocalProcess

DEFAULT_PORT = 8080
SERVER_MODULE = "huddle_devtools.devinfra.console_server"
WEB = Path("web")
CLIENT_SOURCES = Path("clients/typescript/src")
BUILD_INPUTS = (
    "package.json",
    "package-lock.json",
    "index.html",
    "vite.config.ts",
    "tsconfig.json",
)
LOCK_STAMP = ".huddle-lock-sha256"
BUILD_STAMP = ".huddle-build-sha256"
NPM_TIMEOUT_S = 900


def console_wanted() -> bool:
    return os.environ.get("HUDDLE_CONSOLE", "1").strip().lower() not in ("0", "false", "no")


def console_port() -> int:
    value = os.environ.get("HUDDLE_CONSOLE_PORT")
    if not value:
        return DEFAULT_PORT
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"HUDDLE_CONSOLE_PORT must be a port number, not {value!r}") from None


def _digest(paths: Iterator[Path], root: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(paths):
        sha.update(str(path.relative_to(root)).encode() + b"\0")
        sha.update(path.read_bytes() + b"\0")
    return sha.hexdigest()


def build_digest(repo: Path) -> str:
    """The digest of everything `vite build` reads."""
    web = repo / WEB

    def inputs() -> Iterator[Path]:
        yield from (web / name for name in BUILD_INPUTS if (web / name).is_file())
        for folder in (web / "src", repo / CLIENT_SOURCES):
            yield from (p for p in folder.rglob("*") if p.is_file())

    return _digest(inputs(), repo)


@contextlib.contextmanager
def _build_lock(web: Path) -> Iterator[None]:
    # Two stacks of one checkout (a test's and yours) must not write dist/ at the same time.
    with (web / ".build.lock").open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _npm(arguments: list[str], package: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed: `make install` installs Node.js")
    result = subprocess.run(
        [npm, *arguments],
        cwd=package,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=NPM_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr)[-4000:]
        raise RuntimeError(f"`npm {' '.join(arguments)}` failed in {package}:\n{output}")


def npm_ci(package: Path) -> bool:
    """``npm ci`` in package unless its node_modules already holds what its lockfile names.

    True when it ran. ``--prefer-offline``: a warm npm cache installs without the network.
    """
    lock_digest = hashlib.sha256((package / "package-lock.json").read_bytes()).hexdigest()
    stamp = package / "node_modules" / LOCK_STAMP
    if stamp.is_file() and stamp.read_text() == lock_digest:
        return False
    _npm(["ci", "--no-audit", "--no-fund", "--prefer-offline"], package)
    stamp.write_text(lock_digest)
    return True


def build_console(repo: Path) -> list[str]:
    """Install and build what is not current; the steps that ran (none when all was current)."""
    web = repo / WEB
    steps: list[str] = []
    with _build_lock(web):
        if npm_ci(web):
            steps.append("npm ci")
        digest = build_digest(repo)
        built = web / "dist" / BUILD_STAMP
        if not built.is_file() or built.read_text() != digest:
            _npm(["run", "build", "--silent"], web)
            built.write_text(digest)
            steps.append("vite build")
    return steps


@dataclass
class LocalConsole(LocalProcess):
    """The console server process, with its pid file and log under the state directory."""

    state_dir: Path
    dist: Path
    upstreams: Mapping[str, str]
    port: int = field(default_factory=console_port)
    name: str = "console"
    marker: ClassVar[bytes] = SERVER_MODULE.encode()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        command = [sys.executable, "-m", SERVER_MODULE, "--port", str(self.port)]
        command += ["--dist", str(self.dist)]
        for name, url in self.upstreams.items():
            command += ["--upstream", f"{name}={url}"]
        return command

    def not_ready(self) -> str | None:
        """None when the console answers; otherwise why not."""
        try:
            response = httpx.get(f"{self.url}/healthz", timeout=2)
        except httpx.HTTPError as exc:
            return f"no answer on {self.url} ({type(exc).__name__})"
        return None if response.status_code == 200 else f"{response.status_code} from {self.url}"
