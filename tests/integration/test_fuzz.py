"""Schemathesis against the four OpenAPI documents, authenticated: no 5xx, ever, and every
response conforms to its documented schema and content type."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from huddle_shared.devinfra.selection import Infrastructure, free_port
from huddle_shared.testing.databases import DatabaseFactory
from huddle_shared.testing.processes import ServiceProcess
from huddle_shared.testing.tokens import TestSigner

SERVICES = ("identity", "teams", "assessments", "insights")
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
FUZZ = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)


@pytest.fixture(scope="module")
def processes(
    infra: Infrastructure,
    databases: DatabaseFactory,
    signer: TestSigner,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, ServiceProcess]]:
    from huddle_assessments.bootstrap import MIGRATIONS as ASSESSMENTS
    from huddle_identity.bootstrap import MIGRATIONS as IDENTITY
    from huddle_insights.bootstrap import MIGRATIONS as INSIGHTS
    from huddle_teams.bootstrap import MIGRATIONS as TEAMS

    migrations = {
        "identity": IDENTITY,
        "teams": TEAMS,
        "assessments": ASSESSMENTS,
        "insights": INSIGHTS,
    }
    log_dir: Path = tmp_path_factory.mktemp("fuzz-logs")
    prefix = f"f{uuid.uuid4().hex[:8]}."
    started = {}
    try:
        for name in SERVICES:
            env = {
                "HUDDLE_ENVIRONMENT": "test",
                "HUDDLE_DATABASE_URL": databases.create(name, migrations[name]),
                "HUDDLE_KAFKA_BOOTSTRAP": infra.kafka_bootstrap,
                "HUDDLE_TOPIC_PREFIX": prefix,
                "HUDDLE_JWKS_URL": signer.jwks_url,
                "HUDDLE_ARGON2_TIME_COST": "1",
                "HUDDLE_ARGON2_MEMORY_KIB": "8192",
            }
            process = ServiceProcess(name, port=free_port(), env=env, log_dir=log_dir)
            process.start(wait_ready=False)
            started[name] = process
        for process in started.values():
            process.wait_ready(timeout_s=90)
        yield started
    finally:
        for process in started.values():
            process.stop()


@pytest.fixture(scope="module")
def auth(processes: dict[str, ServiceProcess], signer: TestSigner) -> dict[str, dict[str, str]]:
    """An org admin per service: identity's own token for identity, the test key elsewhere."""
    admin = {
        "email": f"fuzz.{uuid.uuid4().hex[:8]}@example.org",
        "password": "correct horse battery staple",
        "display_name": "Fuzz Admin",
        "profession": "other",
    }
    base = processes["identity"].url
    created = httpx.post(f"{base}/v1/orgs", json={"name": "Fuzz", "admin": admin}, timeout=30)
    assert created.status_code == 201, created.text
    token = httpx.post(
        f"{base}/v1/auth/token",
        data={"grant_type": "password", "username": admin["email"], "password": admin["password"]},
        timeout=30,
    ).json()["access_token"]
    org_id = created.json()["org"]["id"]
    others = signer.headers(org_id=org_id, roles=["org_admin", "analyst"])
    return {
        name: {"Authorization": f"Bearer {token}"} if name == "identity" else others
        for name in SERVICES
    }


def fuzz(name: str, processes: dict[str, ServiceProcess], headers: dict[str, str]) -> None:
    """Every operation of the service's OpenAPI document, with generated valid and invalid
    inputs; collects every failing operation before failing, so one run names them all."""
    base_url = processes[name].url
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    failures: dict[str, str] = {}
    operations = 0
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"the OpenAPI document has an invalid operation: {result}"
        operation = result.ok()
        operations += 1

        @FUZZ
        @given(case=operation.as_strategy())
        def check(case: Any) -> None:
            case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS, timeout=30)

        try:
            check()
        except Exception as exc:  # a Schemathesis failure group, or an assertion
            failures[operation.label] = f"{type(exc).__name__}: {str(exc)[:2000]}"
    assert operations > 0
    assert failures == {}, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())


@pytest.mark.parametrize("service", SERVICES)
def test_no_operation_answers_5xx_or_breaks_its_schema(
    service: str, processes: dict[str, ServiceProcess], auth: dict[str, dict[str, str]]
) -> None:
    fuzz(service, processes, auth[service])
