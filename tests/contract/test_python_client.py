"""The generated Python client (clients/python, ``make clients``) is what the committed documents
generate, type-checks under the repository's strict mypy settings, and drives a real running
stack: sign-in, an organisation and a team, a typed dashboard, and a problem as a typed value."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from http import HTTPStatus
from pathlib import Path

import httpx
import pytest

from huddle_devtools.clients import python
from huddle_devtools.contract.documents import DOCUMENTS, SERVICES, document_path
from huddle_devtools.devinfra.selection import free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually
from huddle_devtools.testing.processes import ServiceProcess

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def fresh_client() -> dict[str, dict[str, bytes]]:
    """service -> its package's files as a fresh generation from docs/openapi/ makes them."""
    for service in SERVICES:
        path = document_path(REPO / DOCUMENTS, service)
        assert path.exists(), f"{path} is missing: run `make openapi`, then `make clients`"
    return python.generate_all(REPO, REPO / DOCUMENTS)


def test_the_committed_python_client_is_what_the_committed_documents_generate(
    fresh_client: dict[str, dict[str, bytes]],
) -> None:
    stale = python.differences(REPO, fresh_client)
    assert not stale, "stale Python client: run `make clients` and commit the result:\n" + (
        "\n".join(f"  {difference}" for difference in stale)
    )


def test_make_clients_writes_only_what_differs_and_check_lists_it(tmp_path: Path) -> None:
    generated = {
        "teams": {"__init__.py": b"", "client.py": b"# client\n", "api/teams/read.py": b"#\n"}
    }
    teams = tmp_path / python.PACKAGE / "teams"
    prefix = f"{python.PACKAGE.as_posix()}/teams"
    assert [str(d) for d in python.differences(tmp_path, generated)] == [
        f"{prefix}/__init__.py (missing)",
        f"{prefix}/api/teams/read.py (missing)",
        f"{prefix}/client.py (missing)",
    ]

    python.write(tmp_path, generated)
    assert python.read_tree(teams) == generated["teams"]
    assert python.differences(tmp_path, generated) == []

    (teams / "client.py").write_text("# edited by hand\n")
    (teams / "api" / "legacy").mkdir()
    (teams / "api" / "legacy" / "export.py").write_text("")
    (teams / "api" / "teams" / "__pycache__").mkdir()
    (teams / "api" / "teams" / "__pycache__" / "read.cpython-311.pyc").write_bytes(b"\0")
    assert [str(d) for d in python.differences(tmp_path, generated)] == [
        f"{prefix}/api/legacy/export.py (extra)",
        f"{prefix}/client.py (changed)",
    ], "caches are no part of the client"

    python.write(tmp_path, generated)
    assert python.differences(tmp_path, generated) == []
    assert not (teams / "api" / "legacy").exists(), "an operation no longer generated goes"
    assert (teams / "client.py").read_bytes() == b"# client\n"


def test_the_python_client_type_checks_with_the_strict_settings() -> None:
    """mypy with the repository's settings (``strict = true``), over the client's sources."""
    env = {**os.environ, "MYPYPATH": str(REPO / python.CLIENT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "mypy", str(python.CLIENT / "src")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "Success: no issues found" in done.stdout


# ---- the client against a running stack ------------------------------------------------------


@pytest.fixture
def stack(
    databases: DatabaseFactory, service_env: Callable[..., dict[str, str]], log_dir: Path
) -> Iterator[dict[str, ServiceProcess]]:
    """identity, teams and insights as their own processes on the shared PostgreSQL and Kafka."""
    from huddle_identity.bootstrap import MIGRATIONS as IDENTITY
    from huddle_insights.bootstrap import MIGRATIONS as INSIGHTS
    from huddle_teams.bootstrap import MIGRATIONS as TEAMS

    identity_port = free_port()
    extra = {
        "HUDDLE_ARGON2_TIME_COST": "1",
        "HUDDLE_ARGON2_MEMORY_KIB": "8192",
        "HUDDLE_JWKS_URL": f"http://127.0.0.1:{identity_port}/.well-known/jwks.json",
    }
    processes = {
        name: ServiceProcess(
            name,
            port=identity_port if name == "identity" else free_port(),
            env=service_env(databases.create(name, migrations), **extra),
            log_dir=log_dir,
        )
        for name, migrations in (("identity", IDENTITY), ("teams", TEAMS), ("insights", INSIGHTS))
    }
    try:
        for process in processes.values():
            process.start(wait_ready=False)
        for process in processes.values():
            process.wait_ready(timeout_s=90)
        yield processes
    finally:
        for process in processes.values():
            process.stop()


@pytest.mark.timeout(300)
async def test_the_generated_client_drives_a_running_stack(
    stack: dict[str, ServiceProcess],
) -> None:
    from huddle_client import identity, insights, teams
    from huddle_client.identity.api.organisations import create_org
    from huddle_client.identity.api.sign_in import issue_token
    from huddle_client.identity.models import (
        OrgCreate,
        OrgCreated,
        PersonIn,
        TokenRequest,
        TokenResponse,
    )
    from huddle_client.insights.api.dashboards import read_team_dashboard
    from huddle_client.insights.models import TeamDashboard
    from huddle_client.teams.api.teams import create_team, read_team
    from huddle_client.teams.models import Problem, TeamCreate, TeamOut

    timeout = httpx.Timeout(30)
    email = f"amara.okafor.{uuid.uuid4().hex[:6]}@riverside.example"
    with identity.Client(base_url=stack["identity"].url, timeout=timeout) as public:
        created = create_org.sync(
            client=public,
            body=OrgCreate(
                name="Riverside Family Practice",
                admin=PersonIn(
                    email=email,
                    password=PASSWORD,
                    display_name="Amara Okafor",
                    profession="physician",
                ),
            ),
        )
        assert isinstance(created, OrgCreated), created
        signed_in = issue_token.sync(
            client=public,
            body=TokenRequest(grant_type="password", username=email, password=PASSWORD),
        )
        assert isinstance(signed_in, TokenResponse), signed_in

    access = signed_in.access_token
    with teams.AuthenticatedClient(
        base_url=stack["teams"].url, token=access, timeout=timeout
    ) as teams_api:
        made = create_team.sync_detailed(client=teams_api, body=TeamCreate(name="Riverside A"))
        assert made.status_code == HTTPStatus.CREATED
        assert isinstance(made.parsed, TeamOut), made.content
        assert made.parsed.name == "Riverside A"
        assert made.headers["location"].endswith(f"/v1/teams/{made.parsed.id}")
        team_id = uuid.UUID(made.parsed.id)

        # A problem is a typed value: the status, and the RFC 9457 body as the Problem model.
        missing = read_team.sync_detailed(uuid.uuid4(), client=teams_api)
        assert missing.status_code == HTTPStatus.NOT_FOUND
        assert missing.headers["content-type"].startswith("application/problem+json")
        assert isinstance(missing.parsed, Problem), missing.content
        assert missing.parsed.status == 404
        assert missing.parsed.title

    # The dashboard is built from teams' events, through Kafka: it is there once they are.
    async with insights.AuthenticatedClient(
        base_url=stack["insights"].url, token=access, timeout=timeout
    ) as insights_api:
        boards: list[TeamDashboard] = []

        async def dashboard_shown() -> bool:
            board = await read_team_dashboard.asyncio(team_id, client=insights_api)
            if isinstance(board, TeamDashboard):
                boards.append(board)
            return bool(boards)

        await eventually(dashboard_shown, timeout_s=90, interval_s=0.5)
    board = boards[0]
    assert (board.team_id, board.name) == (team_id, "Riverside A")
    # No pulse campaign yet: morale is withheld as such, never a zero.
    assert board.morale.value is None
    assert board.morale.suppressed is True
    assert board.morale.reason
    assert board.role_changes == []
