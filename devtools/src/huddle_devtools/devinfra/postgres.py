"""A real PostgreSQL server for development and tests, run from a data directory."""

from __future__ import annotations

import hashlib
import importlib.util
import ipaddress
import os
import pwd
import re
import shlex
import shutil
import socket
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from huddle_devtools.devinfra.pids import not_answering, refuse_taken_port, report_stale

SERVICE_ACCOUNT = "huddle-pg"
SUPERUSER = "postgres"

# Longest unix socket path we accept; the kernel limit (sun_path) is 108 bytes with the NUL.
_MAX_SOCKET_PATH = 100


def find_pg_bin_dir() -> Path:
    """The directory with initdb, pg_ctl, postgres and psql.

    $HUDDLE_PG_BIN_DIR, else the pgserver wheel's, else the newest Debian package's.
    """
    configured = os.environ.get("HUDDLE_PG_BIN_DIR")
    if configured:
        return Path(configured)
    # find_spec locates the wheel without importing it (pgserver's import has side effects and
    # it is a dev-only dependency that may be absent).
    spec = importlib.util.find_spec("pgserver")
    if spec is not None and spec.origin is not None:
        candidate = Path(spec.origin).parent / "pginstall" / "bin"
        if (candidate / "pg_ctl").is_file():
            return candidate
    system = [
        path
        for path in Path("/usr/lib/postgresql").glob("*/bin")
        if path.parent.name.isdigit() and (path / "pg_ctl").is_file()
    ]
    if system:
        return max(system, key=lambda path: int(path.parent.name))
    raise RuntimeError(
        "no PostgreSQL binaries: install the dev dependencies (`uv sync`, which brings pgserver), "
        "`apt-get install postgresql`, or set HUDDLE_PG_BIN_DIR"
    )


class LocalPostgres:
    """A PostgreSQL cluster in data_dir, reachable over TCP on host:port with trust auth."""

    def __init__(
        self,
        *,
        data_dir: Path,
        port: int,
        host: str = "127.0.0.1",
        fast: bool = False,
    ) -> None:
        self.data_dir = data_dir.expanduser().resolve()
        self.port = port
        self.host = host
        self.fast = fast
        self.run_dir = self.data_dir.parent
        self.log_path = self.run_dir / "postgres.log"
        self._bin_dir: Path | None = None

    @property
    def bin_dir(self) -> Path:
        if self._bin_dir is None:
            self._bin_dir = find_pg_bin_dir()
        return self._bin_dir

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@{self.host}:{self.port}/{database}"

    def is_running(self) -> bool:
        return self._postmaster() is not None

    @property
    def pid(self) -> int | None:
        running = self._postmaster()
        return running[0] if running is not None else None

    def start(self, timeout: float = 30.0) -> None:
        running = self._postmaster()
        if running is not None:
            pid, port = running
            if port != self.port:
                raise RuntimeError(
                    f"PostgreSQL from {self.data_dir} already runs (pid {pid}) on port {port}, "
                    f"not {self.port}"
                )
            return

        deadline = time.monotonic() + timeout
        account = _service_account()
        self._prepare_directories(account)
        if not (self.data_dir / "PG_VERSION").is_file():
            self._initdb(account)
        self._write_hba()

        socket_dir = self._socket_dir(account)
        settings = {
            "listen_addresses": self.host,
            "port": str(self.port),
            "unix_socket_directories": str(socket_dir),
            "max_connections": "200",
        }
        if self.fast:
            # Throwaway test data: durability costs time and buys nothing.
            settings |= {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
        # pg_ctl hands -o to /bin/sh, hence the shell quoting.
        options = " ".join(f"-c {shlex.quote(f'{key}={value}')}" for key, value in settings.items())
        wait_seconds = max(int(deadline - time.monotonic()), 1)
        self._run(
            [
                "pg_ctl",
                "start",
                "-D",
                str(self.data_dir),
                "-l",
                str(self.log_path),
                "-w",
                "-t",
                str(wait_seconds),
                "-o",
                options,
            ],
            account=account,
            # Its own session: a Ctrl-C in the caller's terminal must not reach the postmaster,
            # and `make up` must outlive the CLI that started it.
            start_new_session=True,
            what="pg_ctl start",
        )
        self._wait_accepting(deadline)

    def ensure_running(self, timeout: float) -> bool:
        """Start the server unless it runs; True when started now.

        One that runs must answer within timeout, or this raises and leaves it running; a
        stale postmaster.pid is left to PostgreSQL, which checks and replaces it itself.
        """
        if self.is_running():
            self.start()  # refuses a cluster of this data directory running on another port
            if not self.answers(timeout):
                raise not_answering("PostgreSQL", self.pid, self.log_path, timeout)
            return False
        report_stale("PostgreSQL", self.data_dir / "postmaster.pid")
        refuse_taken_port("PostgreSQL", self.port, "HUDDLE_PG_PORT")
        self.start(timeout=max(timeout, 30.0))
        return True

    def answers(self, timeout: float = 0.0) -> bool:
        """The server runs a query (not only accepts connections), waiting up to timeout."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._psql("SELECT 1")
                return True
            except (RuntimeError, subprocess.TimeoutExpired):
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.2)

    def stop(self, *, mode: Literal["fast", "immediate"] = "fast") -> None:
        if self._postmaster() is None:
            return
        self._run(
            ["pg_ctl", "stop", "-D", str(self.data_dir), "-m", mode, "-w", "-t", "60"],
            account=_service_account(),
            what="pg_ctl stop",
        )

    def ensure_databases(self, names: Iterable[str]) -> None:
        wanted = list(dict.fromkeys(names))
        if not wanted:
            return
        existing = set(self._psql("SELECT datname FROM pg_database").split())
        for name in wanted:
            if name in existing:
                continue
            try:
                self._psql(f"CREATE DATABASE {_quote_ident(name)}")
            except RuntimeError:
                # Another process may have created it between our check and our CREATE.
                if name not in set(self._psql("SELECT datname FROM pg_database").split()):
                    raise

    def _psql(self, sql: str) -> str:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LC_ALL": "C",
            "PGCONNECT_TIMEOUT": "10",
        }
        # A minimal environment: the caller's PGHOST/PGPASSWORD/PGOPTIONS must not leak in.
        result = subprocess.run(
            [
                str(self.bin_dir / "psql"),
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                self.host,
                "-p",
                str(self.port),
                "-U",
                SUPERUSER,
                "-d",
                "postgres",
                "-c",
                sql,
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed ({sql!r}): {result.stderr.strip()}")
        return result.stdout

    def _postmaster(self) -> tuple[int, int] | None:
        """(pid, port) of the live postmaster serving data_dir, if any."""
        try:
            lines = (self.data_dir / "postmaster.pid").read_text().splitlines()
            pid = int(lines[0])
            port = int(lines[3]) if len(lines) > 3 and lines[3].strip() else self.port
        except (OSError, ValueError, IndexError):
            return None
        if not _is_live_postgres(pid):
            return None
        return pid, port

    def _prepare_directories(self, account: pwd.struct_passwd | None) -> None:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir.mkdir(mode=0o700, exist_ok=True)
        self.log_path.touch()
        if account is None:
            return
        # The server runs as the service account, which must reach data_dir through every
        # parent (pytest's /tmp/pytest-of-root is 0700) and own what it writes to.
        _ensure_traversable(self.run_dir)
        _ensure_traversable(self.bin_dir)
        if self.data_dir.stat().st_uid != account.pw_uid:
            _chown_tree(self.data_dir, account)
        os.chown(self.log_path, account.pw_uid, account.pw_gid)

    def _initdb(self, account: pwd.struct_passwd | None) -> None:
        # initdb insists on an empty directory; leftovers mean an earlier initdb died.
        for child in self.data_dir.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        args = [
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "--auth-local=trust",
            "--auth-host=trust",
            "--encoding=UTF8",
            # The C locale exists everywhere; a missing system locale makes initdb fail.
            "--locale=C",
            "--no-instructions",
        ]
        if self.fast:
            args.append("--no-sync")
        self._run(args, account=account, what="initdb")

    def _write_hba(self) -> None:
        addresses = ["127.0.0.1/32"]
        with_host = _host_cidr(self.host)
        if with_host is not None and with_host not in addresses:
            addresses.append(with_host)
        lines = [
            "# Written by huddle_devtools.devinfra: trust, but only from this machine.",
            "local all all trust",
            *(f"host all all {address} trust" for address in addresses),
        ]
        hba = self.data_dir / "pg_hba.conf"
        hba.write_text("\n".join(lines) + "\n")

    def _socket_dir(self, account: pwd.struct_passwd | None) -> Path:
        candidate = self.run_dir / "pg-socket"
        if len(str(candidate / f".s.PGSQL.{self.port}")) > _MAX_SOCKET_PATH:
            # Too long for sun_path: fall back to a short, per-data-dir path.
            digest = hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:12]
            candidate = Path(tempfile.gettempdir()) / f"huddle-pg-{digest}"
        candidate.mkdir(mode=0o700, exist_ok=True)
        if account is not None:
            os.chown(candidate, account.pw_uid, account.pw_gid)
        return candidate

    def _wait_accepting(self, deadline: float) -> None:
        while True:
            try:
                with socket.create_connection((self.host, self.port), timeout=1.0):
                    return
            except OSError as exc:
                if time.monotonic() > deadline:
                    raise TimeoutError(
                        f"PostgreSQL did not accept connections on {self.host}:{self.port}; "
                        f"log {self.log_path}:\n{_tail(self.log_path)}"
                    ) from exc
                time.sleep(0.05)

    def _run(
        self,
        args: Sequence[str],
        *,
        account: pwd.struct_passwd | None,
        what: str,
        start_new_session: bool = False,
    ) -> None:
        argv = [str(self.bin_dir / args[0]), *args[1:]]
        env = dict(os.environ)
        env["LC_ALL"] = "C"
        env.pop("PGDATA", None)
        kwargs: dict[str, Any] = {}
        if account is not None:
            # PostgreSQL refuses to run as root; drop to the service account in the child.
            kwargs = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
            env["HOME"] = account.pw_dir
            env["USER"] = env["LOGNAME"] = account.pw_name
        # Output goes to a file, not a pipe: the postmaster inherits pg_ctl's stdout, and a pipe
        # it keeps open would make us wait for it forever.
        with tempfile.TemporaryFile() as output:
            result = subprocess.run(
                argv,
                env=env,
                cwd=self.run_dir,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=start_new_session,
                check=False,
                **kwargs,
            )
            if result.returncode != 0:
                output.seek(0)
                text = output.read().decode(errors="replace")
                raise RuntimeError(
                    f"{what} failed (exit {result.returncode}):\n{text}\n"
                    f"server log {self.log_path}:\n{_tail(self.log_path)}"
                )


def _service_account() -> pwd.struct_passwd | None:
    """The unprivileged account to run the server as, or None when we are not root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVICE_ACCOUNT)
    except KeyError:
        pass
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    result = subprocess.run(
        [
            useradd,
            "--system",
            "--no-create-home",
            "--user-group",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            SERVICE_ACCOUNT,
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        # Checked after the fact: a concurrent process may have created it first.
        return pwd.getpwnam(SERVICE_ACCOUNT)
    except KeyError:
        raise RuntimeError(
            f"could not create system user {SERVICE_ACCOUNT!r} to run PostgreSQL as "
            f"(PostgreSQL refuses to run as root): {result.stderr.strip()}"
        ) from None


def _ensure_traversable(path: Path) -> None:
    """Give others search (x) permission on path and each parent, and nothing more."""
    for directory in (path, *path.parents):
        mode = directory.stat().st_mode
        if not mode & stat.S_IXOTH:
            directory.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)


def _chown_tree(root: Path, account: pwd.struct_passwd) -> None:
    os.chown(root, account.pw_uid, account.pw_gid)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in (*dirnames, *filenames):
            os.chown(Path(dirpath) / name, account.pw_uid, account.pw_gid, follow_symlinks=False)


def _is_live_postgres(pid: int) -> bool:
    # postmaster.pid survives a crash, and its pid may since belong to anything else; a
    # zombie (a parent that never reaps) also no longer serves anything.
    try:
        comm = Path(f"/proc/{pid}/comm").read_text().strip()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return comm in ("postgres", "postmaster") and state not in ("Z", "X")


def _host_cidr(host: str) -> str | None:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    return f"{address}/{address.max_prefixlen}"


def _quote_ident(name: str) -> str:
    if not re.fullmatch(r"[^\x00]{1,63}", name):
        raise ValueError(f"invalid database name: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        return path.read_bytes()[-limit:].decode(errors="replace")
    except OSError:
        return ""
