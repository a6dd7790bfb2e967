"""Keycloak as a local OpenID Connect provider: the dev stack's, and the tests' (one per session).

It runs from the distribution cached by keycloak_dist.py, in production mode from its one-time
build (``kc.sh start --optimized``, with a local cache: no JGroups cluster): that starts at least
as fast as ``start-dev`` here and never writes to the shared distribution, which ``start-dev``
re-augments in place whenever its build options differ from the last ones. Each instance gets a
home of its own under the state directory (``<state>/keycloak``: a copy of ``bin/kc.sh`` beside
links to the distribution's ``lib``, ``conf``, ``themes`` and ``providers``), because Keycloak
keeps its data (the H2 database, the realm files to import, temporary files) in
``<home>/data``. It listens on 127.0.0.1 only, the HTTP port for the realms and the admin
console, a management port for ``/health/ready``; the issuer is fixed to
``http://127.0.0.1:<port>/realms/<realm>`` whatever name a client uses.

``kc.sh`` starts the JVM as its child, in the process group that start() made for it (its own
session); the pid file names the script, and stop() signals that group, so the JVM goes too
even if the script was killed first. Nothing is ever stopped by name.

In the dev stack: ``HUDDLE_KEYCLOAK_PORT`` (8180) and ``HUDDLE_KEYCLOAK_MANAGEMENT_PORT`` (9180)
move it, ``HUDDLE_KEYCLOAK_ADMIN``/``HUDDLE_KEYCLOAK_ADMIN_PASSWORD`` (admin/admin) name its
bootstrap admin, ``HUDDLE_KEYCLOAK=0`` leaves it out, and ``HUDDLE_OIDC_ISSUER`` (a developer's
own identity provider) means none is started.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import httpx

from huddle_devtools.devinfra.keycloak_dist import ensure_keycloak, kc_env
from huddle_devtools.devinfra.keycloak_realm import realm_file
from huddle_devtools.devinfra.pids import recorded_pid
from huddle_devtools.devinfra.process import LocalProcess

HOST = "127.0.0.1"
DEFAULT_PORT = 8180
DEFAULT_MANAGEMENT_PORT = 9180
DEFAULT_ADMIN = "admin"
DEFAULT_ADMIN_PASSWORD = "admin"  # noqa: S105 - Keycloak's bootstrap admin on a dev machine
DEFAULT_HEAP_MB = 256
_LINKED = ("lib", "conf", "themes", "providers")

# Measured on a 2-core machine (docs/dev-stack.md): the serial collector and C1 alone start
# 2-3 s sooner than kc.sh's G1 defaults and take about 120 MB less memory, with sign-ins as
# fast; a small heap is plenty for a few realms. These replace kc.sh's JAVA_OPTS (its
# --add-opens stay).
_JAVA_OPTS = (
    "-XX:+UseSerialGC",
    "-XX:TieredStopAtLevel=1",
    "-Xms64m",
    "-XX:MetaspaceSize=96m",
    "-XX:MaxMetaspaceSize=256m",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djava.security.egd=file:/dev/urandom",
    "-Dfile.encoding=UTF-8",
    "-Dstdout.encoding=UTF-8",
    "-Dstderr.encoding=UTF-8",
)


def external_issuer() -> str | None:
    """The issuer of an identity provider the developer runs themselves, if they named one."""
    return os.environ.get("HUDDLE_OIDC_ISSUER", "").strip() or None


def keycloak_wanted() -> bool:
    """Whether the dev stack starts its own Keycloak."""
    off = os.environ.get("HUDDLE_KEYCLOAK", "1").strip().lower() in ("0", "false", "no")
    return not off and external_issuer() is None


def _port(variable: str, default: int) -> int:
    value = os.environ.get(variable)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{variable} must be a port number, not {value!r}") from None


def keycloak_port() -> int:
    return _port("HUDDLE_KEYCLOAK_PORT", DEFAULT_PORT)


def keycloak_management_port() -> int:
    return _port("HUDDLE_KEYCLOAK_MANAGEMENT_PORT", DEFAULT_MANAGEMENT_PORT)


def _admin_username() -> str:
    return os.environ.get("HUDDLE_KEYCLOAK_ADMIN") or DEFAULT_ADMIN


def _admin_password() -> str:
    return os.environ.get("HUDDLE_KEYCLOAK_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD


@dataclass
class LocalKeycloak(LocalProcess):
    """``kc.sh start --optimized`` with its home, data and realm imports under state_dir."""

    state_dir: Path
    port: int = field(default_factory=keycloak_port)
    management_port: int = field(default_factory=keycloak_management_port)
    # Realm representations imported at the first start (Keycloak skips realms it has).
    realms: Sequence[Mapping[str, Any]] = ()
    admin_username: str = field(default_factory=_admin_username)
    admin_password: str = field(default_factory=_admin_password)
    heap_mb: int = DEFAULT_HEAP_MB
    # The built distribution; start() fetches and builds it (once per cache) when not given.
    dist: Path | None = None
    name: str = "identity provider"
    # Unused: pid() looks for this instance's own kc.sh and home among the group's processes.
    marker: ClassVar[bytes] = b"io.quarkus.bootstrap.runner.QuarkusEntryPoint"

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def management_url(self) -> str:
        return f"http://{HOST}:{self.management_port}"

    @property
    def admin_console(self) -> str:
        return f"{self.url}/admin/"

    def issuer(self, realm: str) -> str:
        return f"{self.url}/realms/{realm}"

    @property
    def home(self) -> Path:
        return self.state_dir / "keycloak"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def kc_sh(self) -> Path:
        return self.home / "bin" / "kc.sh"

    def start(self) -> int:
        if self.dist is None:
            self.dist = ensure_keycloak()
        self.prepare_home(self.dist)
        return super().start()

    def command(self) -> list[str]:
        command = [
            str(self.kc_sh),
            "start",
            "--optimized",
            "--http-enabled=true",
            f"--http-host={HOST}",
            f"--http-port={self.port}",
            # The issuer and every URL Keycloak writes are this, whatever Host a client sends.
            f"--hostname={self.url}",
            f"--http-management-port={self.management_port}",
            # A lone node: no JGroups cluster, which would listen on every interface and
            # look for peers; a runtime option since Keycloak 26.
            "--cache=local",
        ]
        return [*command, "--import-realm"] if self.realms else command

    def environment(self) -> dict[str, str]:
        return kc_env(
            {
                "KC_BOOTSTRAP_ADMIN_USERNAME": self.admin_username,
                "KC_BOOTSTRAP_ADMIN_PASSWORD": self.admin_password,
                "JAVA_OPTS": " ".join((*_JAVA_OPTS, f"-Xmx{self.heap_mb}m")),
            }
        )

    def not_ready(self) -> str | None:
        """None once the management port says ready and every imported realm (or, with none,
        the master realm) publishes its OpenID configuration."""
        names = [str(realm["realm"]) for realm in self.realms] or ["master"]
        urls = [f"{self.management_url}/health/ready"]
        urls += [f"{self.issuer(name)}/.well-known/openid-configuration" for name in names]
        for url in urls:
            try:
                response = httpx.get(url, timeout=5)
            except httpx.HTTPError as exc:
                return f"no answer from {url} ({type(exc).__name__})"
            if response.status_code != 200:
                return f"{response.status_code} from {url}"
        return None

    def pid(self) -> int | None:
        """The pid in the pid file while any process of its group is this instance's."""
        recorded = recorded_pid(self.pid_path)
        if recorded is None or not self._members(recorded):
            return None
        return recorded

    def stop(self, timeout_s: float = 30.0) -> bool:
        """SIGTERM to its process group (kc.sh hands it on to the JVM), SIGKILL after
        timeout_s; False when it did not run."""
        recorded = recorded_pid(self.pid_path)
        if recorded is None or not self._members(recorded):
            self.pid_path.unlink(missing_ok=True)
            return False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(recorded, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while self._members(recorded) and time.monotonic() < deadline:
            time.sleep(0.1)
        if self._members(recorded):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(recorded, signal.SIGKILL)
            while self._members(recorded) and time.monotonic() < deadline + 10:
                time.sleep(0.1)
        if self._started is not None:
            with contextlib.suppress(OSError):
                self._started.wait(timeout=5)
        self.pid_path.unlink(missing_ok=True)
        return True

    def jvm_pid(self) -> int | None:
        """The JVM's pid (kc.sh's child), for what it costs in memory."""
        recorded = recorded_pid(self.pid_path)
        if recorded is None:
            return None
        jvms = [pid for pid in self._members(recorded) if pid != recorded]
        return jvms[0] if jvms else None

    def _members(self, group: int) -> list[int]:
        """Live processes of process group ``group`` that are this instance's kc.sh or JVM."""
        markers = {str(self.kc_sh).encode(), f"-Dkc.home.dir={self.home}/bin/..".encode()}
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except (OSError, IndexError):
                continue
            # Fields after the command name: state, ppid, pgrp.
            if stat[0] not in ("Z", "X") and int(stat[2]) == group and markers & set(argv):
                found.append(int(entry.name))
        return found

    def prepare_home(self, dist: Path) -> None:
        """A home of this instance's own: kc.sh copied (it takes its home from where it
        lies, links resolved), the rest linked to the distribution, data/ real."""
        (self.home / "bin").mkdir(parents=True, exist_ok=True)
        shutil.copy2(dist / "bin" / "kc.sh", self.kc_sh)
        for name in _LINKED:
            link = self.home / name
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(dist / name, target_is_directory=True)
        imports = self.data_dir / "import"
        shutil.rmtree(imports, ignore_errors=True)
        if self.realms:
            imports.mkdir(parents=True)
            for representation in self.realms:
                (imports / f"{representation['realm']}.json").write_text(realm_file(representation))
