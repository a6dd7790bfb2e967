"""deploy/docker/wait_for_migrations.py, the Deployments' init container: it lets a pod start
when the schema is at (or past) the image's migration head and holds it otherwise."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from alembic.script import ScriptDirectory

from huddle_devtools.testing.databases import DatabaseFactory

from .support import DEPLOY, SERVICE_NAMES

SCRIPT = DEPLOY / "docker" / "wait_for_migrations.py"


@pytest.fixture(scope="module")
def waiter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wait_for_migrations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_finds_each_services_migrations(waiter: ModuleType, service: str) -> None:
    directory: Path = waiter.migrations_dir(service)
    assert (directory / "env.py").is_file()
    assert ScriptDirectory(str(directory)).get_current_head()


def test_schema_states(waiter: ModuleType) -> None:
    script = ScriptDirectory(str(waiter.migrations_dir("teams")))
    head = script.get_current_head()
    assert head is not None
    assert waiter.schema_state(script, head) == "current"
    assert waiter.schema_state(script, None) == "empty"
    assert waiter.schema_state(script, "f00dfeedbeef") == "ahead"  # a newer release's revision
    older = [r.revision for r in script.walk_revisions() if r.revision != head]
    if older:
        assert waiter.schema_state(script, older[0]) == "behind"


def run_waiter(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HUDDLE_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, str(SCRIPT), "teams", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.postgres
def test_against_a_real_database(databases: DatabaseFactory) -> None:
    from huddle_teams.bootstrap import MIGRATIONS

    migrated = run_waiter(databases.create("teams", MIGRATIONS), "--timeout", "20")
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    assert '"state": "current"' in migrated.stdout
    empty = run_waiter(databases.empty(), "--timeout", "1", "--interval", "0.2")
    assert empty.returncode == 1, empty.stdout + empty.stderr
    assert "waiting for migrations" in empty.stdout
