"""Pytest fixtures for real PostgreSQL, Kafka and Keycloak (registered from the root conftest.py).

Infrastructure comes, in order, from ``HUDDLE_TEST_DATABASE_URL``/``HUDDLE_TEST_KAFKA_BOOTSTRAP``,
then testcontainers when a Docker engine answers, then the project's local provisioning.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from huddle_devtools.devinfra.selection import Infrastructure, provision
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.keycloak import KeycloakServer, keycloak_server
from huddle_devtools.testing.tokens import TestSigner


def pytest_configure(config: pytest.Config) -> None:
    """A test process records metrics like a service process: the meter provider and its
    Prometheus reader, from the same OTEL_* environment (no exporter unless one is set)."""
    from huddle_shared.telemetry import configure_telemetry

    configure_telemetry("tests")


@pytest.fixture(scope="session")
def infra() -> Iterator[Infrastructure]:
    # Outside pytest's own temporary root: every pytest session on the machine resets that
    # root to mode 0700, which would lock the unprivileged PostgreSQL account out of its data.
    work_dir = Path(tempfile.mkdtemp(prefix="huddle-infra-"))
    try:
        with provision(work_dir=work_dir, fast=True) as infrastructure:
            yield infrastructure
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def keycloak() -> Iterator[KeycloakServer]:
    """A real Keycloak for the session, started only when a test asks for it (about ten
    seconds) and shared by every test after that; each test makes a realm of its own."""
    work_dir = Path(tempfile.mkdtemp(prefix="huddle-keycloak-"))
    try:
        with keycloak_server(work_dir) as server:
            yield server
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


@pytest.fixture
def server_dir() -> Iterator[Path]:
    """A directory for a server the test starts itself, outside pytest's temporary root.

    Any pytest session that starts on this machine resets that root to mode 0700; PostgreSQL,
    which runs as an unprivileged account, would then lose access to data kept below it.
    """
    path = Path(tempfile.mkdtemp(prefix="huddle-server-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def databases(infra: Infrastructure) -> DatabaseFactory:
    return DatabaseFactory(infra.database_url)


@pytest.fixture(scope="session")
def signer(tmp_path_factory: pytest.TempPathFactory) -> TestSigner:
    return TestSigner.create(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def topic_prefix() -> str:
    """Each test gets its own topics, so tests never see each other's events."""
    return f"t{uuid.uuid4().hex[:10]}."


@pytest.fixture
def settings_for(
    infra: Infrastructure, signer: TestSigner, topic_prefix: str
) -> Callable[..., dict[str, Any]]:
    """Keyword arguments for a service's settings class, wired to the test infrastructure."""

    def make(database_url: str, **overrides: Any) -> dict[str, Any]:
        values: dict[str, Any] = {
            "environment": "test",
            "database_url": database_url,
            "kafka_bootstrap": infra.kafka_bootstrap,
            "topic_prefix": topic_prefix,
            "topic_partitions": 3,
            "jwks_url": signer.jwks_url,
            "relay_poll_interval_s": 0.05,
            "database_pool_size": 5,
        }
        values.update(overrides)
        return values

    return make


@pytest.fixture
def service_env(
    infra: Infrastructure, signer: TestSigner, topic_prefix: str
) -> Callable[..., dict[str, str]]:
    """Environment variables for a service started as its own process."""

    def make(database_url: str, **overrides: str) -> dict[str, str]:
        env = {
            "HUDDLE_ENVIRONMENT": "test",
            "HUDDLE_DATABASE_URL": database_url,
            "HUDDLE_KAFKA_BOOTSTRAP": infra.kafka_bootstrap,
            "HUDDLE_TOPIC_PREFIX": topic_prefix,
            "HUDDLE_JWKS_URL": signer.jwks_url,
            "HUDDLE_RELAY_POLL_INTERVAL_S": "0.05",
        }
        env.update(overrides)
        return env

    return make


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    path = tmp_path / "logs"
    path.mkdir()
    return path
