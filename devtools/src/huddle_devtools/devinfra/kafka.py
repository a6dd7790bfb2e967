"""A real single-node Apache Kafka (KRaft) for development and tests, run from Maven jars."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import os
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import time
from pathlib import Path

from huddle_devtools.devinfra.pids import not_answering, refuse_taken_port, report_stale

KAFKA_VERSION = "4.1.1"
LOG4J_VERSION = "2.24.3"

_STARTED_MESSAGE = b"Kafka Server started"
_MAIN_CLASS = "kafka.Kafka"

_POM_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0
                             https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.huddle.devinfra</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>{kafka_version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>{kafka_version}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-api</artifactId>
      <version>{log4j_version}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
      <version>{log4j_version}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>{log4j_version}</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <!-- Pinned: an unpinned prefix lookup picks whatever the local Maven defaults to. -->
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
"""

# The broker logs to stdout, which start() sends to kafka.log; a console appender keeps the
# output in one file across restarts instead of a rolling file Kafka would manage itself.
_LOG4J2_CONFIG = """status = warn
# Log4j's own hook races Kafka's shutdown and then complains; the console appender flushes
# every line anyway.
shutdownHook = disable
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
# Full config dumps (hundreds of lines per client and per start); server.properties says it all.
logger.config.name = org.apache.kafka.common.config.AbstractConfig
logger.config.level = WARN
"""


def _default_cache_dir() -> Path:
    configured = os.environ.get("HUDDLE_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "huddle"


def kafka_jars_dir(*, version: str = KAFKA_VERSION, cache_dir: Path | None = None) -> Path:
    """Where ensure_kafka_jars() puts (or has put) the jars, without fetching anything."""
    base = cache_dir if cache_dir is not None else _default_cache_dir()
    return base.expanduser().resolve() / f"kafka-{version}" / "libs"


def ensure_kafka_jars(*, version: str = KAFKA_VERSION, cache_dir: Path | None = None) -> Path:
    """Fetch the broker's runtime jars from Maven Central once; return their directory."""
    libs = kafka_jars_dir(version=version, cache_dir=cache_dir)
    root = libs.parent
    marker = root / ".complete"
    if marker.is_file():
        return libs

    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("a") as lock_file:
        # Two test sessions (or a test run and `make up`) may race on a cold cache.
        fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX)
        try:
            if marker.is_file():
                return libs
            _download_jars(root=root, libs=libs, version=version)
            marker.write_text(f"kafka_2.13 {version}, log4j {LOG4J_VERSION}\n")
        finally:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)
    return libs


def _download_jars(*, root: Path, libs: Path, version: str) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise RuntimeError(
            "Apache Maven (`mvn`) is needed once to fetch the Kafka jars; install it "
            "(e.g. `apt-get install maven`) or point HUDDLE_TEST_KAFKA_BOOTSTRAP at a broker."
        )
    pom = root / "pom.xml"
    pom.write_text(_POM_TEMPLATE.format(kafka_version=version, log4j_version=LOG4J_VERSION))
    # Copy into a staging directory and rename at the end so an interrupted download never
    # leaves a half-filled libs/ that looks usable.
    staging = root / "libs.partial"
    shutil.rmtree(staging, ignore_errors=True)
    mvn_log = root / "mvn.log"
    with mvn_log.open("w") as log:
        result = subprocess.run(
            [
                mvn,
                "-B",
                "-q",
                "-f",
                str(pom),
                "dependency:copy-dependencies",
                f"-DoutputDirectory={staging}",
                "-DincludeScope=runtime",
            ],
            cwd=root,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(
            f"mvn failed (exit {result.returncode}) fetching Kafka {version}:\n"
            f"{_tail(mvn_log, 4000)}"
        )
    if not (staging / f"kafka_2.13-{version}.jar").is_file():
        raise RuntimeError(f"mvn succeeded but kafka_2.13-{version}.jar is not in {staging}")
    shutil.rmtree(libs, ignore_errors=True)
    staging.rename(libs)


def new_cluster_id() -> str:
    """A KRaft cluster id: 16 random bytes, URL-safe base64 without padding."""
    while True:
        cluster_id = base64.urlsafe_b64encode(secrets.token_bytes(16)).decode().rstrip("=")
        # The storage tool parses a leading "-" as an option.
        if not cluster_id.startswith("-"):
            return cluster_id


class LocalKafka:
    """One combined broker+controller JVM listening on 127.0.0.1, with its data in work_dir."""

    def __init__(
        self,
        *,
        work_dir: Path,
        port: int,
        controller_port: int,
        jars_dir: Path,
        heap_mb: int = 512,
        num_partitions: int = 3,
    ) -> None:
        self.work_dir = work_dir.expanduser().resolve()
        self.port = port
        self.controller_port = controller_port
        self.jars_dir = jars_dir
        self.heap_mb = heap_mb
        self.num_partitions = num_partitions
        self.config_path = self.work_dir / "server.properties"
        self.log4j_path = self.work_dir / "log4j2.properties"
        self.data_dir = self.work_dir / "data"
        self.log_path = self.work_dir / "kafka.log"
        self.pid_path = self.work_dir / "kafka.pid"
        self.ports_path = self.work_dir / "formatted-ports"
        # Kept so a broker this process started is reaped (a zombie would look alive).
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._live_pid()

    def is_running(self) -> bool:
        return self._live_pid() is not None

    def ensure_running(self, timeout: float) -> bool:
        """Start the broker unless it runs (a stale pid file, after a kill, names nobody);
        True when started now. One that runs must answer within timeout, or this raises and
        leaves it running."""
        if self.is_running():
            if not self.answers(timeout):
                raise not_answering("Kafka", self.pid, self.log_path, timeout)
            return False
        report_stale("Kafka", self.pid_path)
        refuse_taken_port("Kafka", self.port, "HUDDLE_KAFKA_PORT")
        refuse_taken_port(
            "Kafka's controller", self.controller_port, "HUDDLE_KAFKA_CONTROLLER_PORT"
        )
        self.start(timeout=max(timeout, 90.0))
        return True

    def answers(self, timeout: float = 0.0) -> bool:
        """The broker answers the Kafka protocol on its port, waiting up to timeout for it."""
        deadline = time.monotonic() + timeout
        while not _api_versions_ok("127.0.0.1", self.port):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)
        return True

    def is_formatted(self) -> bool:
        return (self.data_dir / "meta.properties").is_file()

    def start(self, timeout: float = 90.0) -> None:
        if self.is_running():
            return
        deadline = time.monotonic() + timeout
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self._check_jars()
        self._write_config()
        if not self.is_formatted():
            self._format(timeout=max(deadline - time.monotonic(), 1.0))
        else:
            self._check_same_controller_port()

        self.log_path.touch()
        log_offset = self.log_path.stat().st_size
        with self.log_path.open("ab") as log:
            self._proc = subprocess.Popen(
                [
                    _java(),
                    f"-Xms{self.heap_mb}m",
                    f"-Xmx{self.heap_mb}m",
                    "-XX:+UseG1GC",
                    "-XX:MaxGCPauseMillis=20",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-Djava.awt.headless=true",
                    f"-Dlog4j2.configurationFile={self.log4j_path}",
                    "-cp",
                    self._classpath(),
                    _MAIN_CLASS,
                    str(self.config_path),
                ],
                cwd=self.work_dir,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Its own session: a Ctrl-C meant for the caller must not take the broker down
                # half-way, and `make up` must outlive the CLI that launched it.
                start_new_session=True,
            )
        self.pid_path.write_text(f"{self._proc.pid}\n")
        try:
            self._wait_ready(log_offset=log_offset, deadline=deadline)
        except BaseException:
            self.kill()
            raise

    def stop(self, timeout: float = 30.0) -> None:
        pid = self._live_pid()
        if pid is None:
            self._forget()
            return
        _signal(pid, signal.SIGTERM)
        if not self._wait_exit(pid, timeout):
            _signal(pid, signal.SIGKILL)
            self._wait_exit(pid, 30.0)
        self._forget()

    def kill(self) -> None:
        pid = self._live_pid()
        if pid is not None:
            _signal(pid, signal.SIGKILL)
            if not self._wait_exit(pid, 30.0):
                raise RuntimeError(f"Kafka (pid {pid}) did not exit after SIGKILL")
        self._forget()

    def _classpath(self) -> str:
        # The JVM expands a trailing "/*" itself; no shell is involved.
        return f"{self.jars_dir}/*"

    def _check_jars(self) -> None:
        if not any(self.jars_dir.glob("kafka_2.13-*.jar")):
            raise RuntimeError(f"no Kafka jars in {self.jars_dir}; call ensure_kafka_jars() first")

    def _write_config(self) -> None:
        listeners = (
            f"PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}"
        )
        settings = {
            "process.roles": "broker,controller",
            "node.id": "1",
            # 127.0.0.1 rather than localhost: localhost may resolve to ::1 first, where
            # nothing listens, and the controller would spin on reconnects.
            "controller.quorum.bootstrap.servers": f"127.0.0.1:{self.controller_port}",
            "listeners": listeners,
            "advertised.listeners": listeners,
            "controller.listener.names": "CONTROLLER",
            "inter.broker.listener.name": "PLAINTEXT",
            "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "log.dir": str(self.data_dir),
            "num.partitions": str(self.num_partitions),
            "default.replication.factor": "1",
            "min.insync.replicas": "1",
            # The defaults of 3 can never be met by one node: group joins and transactions hang.
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "4",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "transaction.state.log.num.partitions": "4",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
            "group.initial.rebalance.delay.ms": "0",
            # After a crash the restarted controller keeps the dead incarnation registered until
            # its session expires (9 s by default); only then may the new one register.
            "broker.heartbeat.interval.ms": "500",
            "broker.session.timeout.ms": "2500",
            # Services create their topics explicitly; a typo must not silently make a new one.
            "auto.create.topics.enable": "false",
            # Event topics are the history; nothing may age out of them.
            "log.retention.ms": "-1",
            "log.retention.bytes": "-1",
        }
        body = "".join(f"{key}={value}\n" for key, value in settings.items())
        self.config_path.write_text(
            "# Written by huddle_devtools.devinfra; edits are lost.\n" + body
        )
        self.log4j_path.write_text(_LOG4J2_CONFIG)

    def _format(self, *, timeout: float) -> None:
        # Leftovers of an interrupted format would make the storage tool refuse the directory.
        shutil.rmtree(self.data_dir, ignore_errors=True)
        result = subprocess.run(
            [
                _java(),
                "-Xmx256m",
                f"-Dlog4j2.configurationFile={self.log4j_path}",
                "-cp",
                self._classpath(),
                "kafka.tools.StorageTool",
                "format",
                "--standalone",
                "-t",
                new_cluster_id(),
                "-c",
                str(self.config_path),
            ],
            cwd=self.work_dir,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0 or not self.is_formatted():
            shutil.rmtree(self.data_dir, ignore_errors=True)
            raise RuntimeError(
                f"formatting Kafka storage in {self.data_dir} failed "
                f"(exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
            )
        self.ports_path.write_text(f"{self.controller_port}\n")

    def _check_same_controller_port(self) -> None:
        # --standalone records the controller's endpoint in the metadata log; a broker restarted
        # on another controller port would never find its own quorum.
        try:
            formatted_port = int(self.ports_path.read_text().strip())
        except (OSError, ValueError):
            return
        if formatted_port != self.controller_port:
            raise RuntimeError(
                f"{self.data_dir} was formatted for controller port {formatted_port}, not "
                f"{self.controller_port}; use that port or delete {self.work_dir}"
            )

    def _wait_ready(self, *, log_offset: int, deadline: float) -> None:
        assert self._proc is not None
        started = False
        while True:
            code = self._proc.poll()
            if code is not None:
                raise RuntimeError(
                    f"Kafka exited with code {code} while starting; log {self.log_path}:\n"
                    f"{_tail(self.log_path, 6000, start=log_offset)}"
                )
            if not started:
                started = _STARTED_MESSAGE in _read_from(self.log_path, log_offset)
            if started and _api_versions_ok("127.0.0.1", self.port):
                return
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"Kafka did not become ready on {self.bootstrap}; log {self.log_path}:\n"
                    f"{_tail(self.log_path, 6000, start=log_offset)}"
                )
            time.sleep(0.1)

    def _live_pid(self) -> int | None:
        if self._proc is not None:
            if self._proc.poll() is None:
                return self._proc.pid
            self._proc = None
        try:
            pid = int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if self._is_our_broker(pid) else None

    def _is_our_broker(self, pid: int) -> bool:
        # The pid file may be stale and its pid reused by anything; only a JVM running
        # kafka.Kafka with this very config file is ours.
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return False
        if state in ("Z", "X"):
            return False
        return _MAIN_CLASS.encode() in argv and str(self.config_path).encode() in argv

    def _wait_exit(self, pid: int, timeout: float) -> bool:
        if self._proc is not None and self._proc.pid == pid:
            try:
                self._proc.wait(timeout)
            except subprocess.TimeoutExpired:
                return False
            return True
        deadline = time.monotonic() + timeout
        while self._is_our_broker(pid):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def _forget(self) -> None:
        self._proc = None
        self.pid_path.unlink(missing_ok=True)


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("a Java 17+ runtime (`java`) is needed to run Kafka locally")
    return java


def _signal(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def _api_versions_ok(host: str, port: int, timeout: float = 2.0) -> bool:
    """Send a version-0 ApiVersions request: proves the broker answers the Kafka protocol."""
    client_id = b"huddle-devinfra"
    correlation_id = 7
    api_versions_key = 18
    request = struct.pack(">hhih", api_versions_key, 0, correlation_id, len(client_id)) + client_id
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(struct.pack(">i", len(request)) + request)
            header = _recv_exactly(sock, 4)
            (size,) = struct.unpack(">i", header)
            response = _recv_exactly(sock, size)
    except OSError:
        return False
    if len(response) < 6:
        return False
    got_correlation, error_code = struct.unpack(">ih", response[:6])
    return bool(got_correlation == correlation_id and error_code == 0)


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining > 0:
        chunk = sock.recv(remaining)
        if not chunk:
            raise ConnectionError("connection closed mid-response")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _read_from(path: Path, offset: int) -> bytes:
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            return handle.read()
    except OSError:
        return b""


def _tail(path: Path, limit: int, *, start: int = 0) -> str:
    data = _read_from(path, start)
    return data[-limit:].decode(errors="replace")
