"""Pick the PostgreSQL and Kafka a test session runs against: given, containerised, or local."""

from __future__ import annotations

import contextlib
import importlib
import os
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Literal, NamedTuple

from huddle_devtools.devinfra.kafka import LocalKafka, ensure_kafka_jars
from huddle_devtools.devinfra.postgres import LocalPostgres

DATABASE_URL_ENV = "HUDDLE_TEST_DATABASE_URL"
KAFKA_BOOTSTRAP_ENV = "HUDDLE_TEST_KAFKA_BOOTSTRAP"

_POSTGRES_IMAGE = "postgres:16-alpine"
_KAFKA_IMAGE = "confluentinc/cp-kafka:7.6.0"


class Infrastructure(NamedTuple):
    database_url: str
    kafka_bootstrap: str
    kind: Literal["env", "testcontainers", "local"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    return _free_ports(1)[0]


def _free_ports(count: int) -> list[int]:
    # All sockets stay bound until every port is chosen, so the kernel cannot hand out the
    # same port twice.
    with contextlib.ExitStack() as stack:
        ports = []
        for _ in range(count):
            sock = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            sock.bind(("127.0.0.1", 0))
            ports.append(int(sock.getsockname()[1]))
        return ports


@contextlib.contextmanager
def provision(*, work_dir: Path, fast: bool = True) -> Iterator[Infrastructure]:
    """Servers for a test session, in order of preference: env vars, Docker, local processes."""
    database_url = os.environ.get(DATABASE_URL_ENV)
    kafka_bootstrap = os.environ.get(KAFKA_BOOTSTRAP_ENV)
    if database_url and kafka_bootstrap:
        yield Infrastructure(database_url, kafka_bootstrap, "env")
    elif _docker_answers():
        with _containers() as infrastructure:
            yield infrastructure
    else:
        with _local(work_dir=work_dir, fast=fast) as infrastructure:
            yield infrastructure


def _docker_answers() -> bool:
    try:
        # Imported by name: the docker SDK is a dev-only dependency (via testcontainers).
        docker = importlib.import_module("docker")
    except ImportError:
        return False
    try:
        client = docker.from_env(timeout=3)
    except Exception:  # any failure means "no usable engine"
        return False
    try:
        return bool(client.ping())
    except Exception:
        return False
    finally:
        client.close()


@contextlib.contextmanager
def _containers() -> Iterator[Infrastructure]:
    # Imported here: testcontainers is a dev-only dependency.
    from testcontainers.community.kafka import KafkaContainer
    from testcontainers.community.postgres import PostgresContainer

    postgres = PostgresContainer(
        _POSTGRES_IMAGE,
        username="postgres",
        password="postgres",  # noqa: S106 - a throwaway container on the test machine
        dbname="postgres",
        driver=None,
    )
    # Match the local broker: topics exist only when a service creates them.
    kafka = KafkaContainer(_KAFKA_IMAGE).with_kraft()
    kafka.with_env("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
    with postgres, kafka:
        yield Infrastructure(
            database_url=postgres.get_connection_url(),
            kafka_bootstrap=kafka.get_bootstrap_server(),
            kind="testcontainers",
        )


@contextlib.contextmanager
def _local(*, work_dir: Path, fast: bool) -> Iterator[Infrastructure]:
    pg_port, kafka_port, controller_port = _free_ports(3)
    postgres = LocalPostgres(data_dir=work_dir / "postgres" / "data", port=pg_port, fast=fast)
    kafka = LocalKafka(
        work_dir=work_dir / "kafka",
        port=kafka_port,
        controller_port=controller_port,
        jars_dir=ensure_kafka_jars(),
    )
    try:
        # The JVM takes seconds to come up; PostgreSQL starts meanwhile.
        with ThreadPoolExecutor(max_workers=1) as pool:
            kafka_started = pool.submit(kafka.start)
            try:
                postgres.start()
            finally:
                kafka_started.result()
        yield Infrastructure(postgres.url("postgres"), kafka.bootstrap, "local")
    finally:
        try:
            kafka.stop()
        finally:
            postgres.stop()
