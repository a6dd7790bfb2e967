"""The TypeScript client (clients/typescript) is what its generator makes of the committed
documents, and it type-checks: the package itself, the typed usage file that reads the
dashboards as the console does, and the web console over it (`tsc --noEmit` each). A contract
change that breaks what the console uses fails here. The console's own unit tests (`npm test`
in web/: node's test runner over its sign-in flow) run here too.

node_modules is provisioned with ``npm ci`` from each package's lockfile (``--prefer-offline``,
so a warm npm cache is enough), skipped while it already holds what the lockfile names.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from huddle_devtools.contract.documents import SERVICES, document_path
from huddle_devtools.devinfra.console import npm_ci

REPO = Path(__file__).resolve().parents[2]
CLIENT = REPO / "clients" / "typescript"
WEB = REPO / "web"
COMMITTED = REPO / "docs" / "openapi"

pytestmark = pytest.mark.timeout(600)


def npm(package: Path, *arguments: str, **env: str) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("npm")
    assert executable, "npm is missing: `make install` installs Node.js"
    return subprocess.run(
        [executable, "--silent", *arguments],
        cwd=package,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def client_package() -> Path:
    npm_ci(CLIENT)
    return CLIENT


@pytest.fixture(scope="module")
def web_package(client_package: Path) -> Path:
    npm_ci(WEB)
    return WEB


@pytest.fixture
def documents(generated: dict[str, str], tmp_path: Path) -> Path:
    """The committed documents; until they are committed, the ones the code generates (which
    test_openapi_documents requires them to equal)."""
    if all(document_path(COMMITTED, s).is_file() for s in SERVICES):
        return COMMITTED
    for service, text in generated.items():
        document_path(tmp_path, service).write_text(text)
    return tmp_path


def test_the_committed_client_is_a_fresh_generation_from_the_documents(
    client_package: Path, documents: Path
) -> None:
    result = npm(client_package, "run", "check-generated", HUDDLE_OPENAPI_DIR=str(documents))
    assert result.returncode == 0, (
        f"{result.stdout}{result.stderr}\nRegenerate: make clients (after make openapi)"
    )
    for service in SERVICES:
        assert (client_package / "src" / f"{service}.ts").is_file(), service


def test_the_client_and_its_usage_type_check(client_package: Path) -> None:
    result = npm(client_package, "run", "typecheck")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_web_console_type_checks_over_the_client(web_package: Path) -> None:
    result = npm(web_package, "run", "typecheck")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_web_consoles_unit_tests_pass(web_package: Path) -> None:
    result = npm(web_package, "test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout, result.stdout


def test_reading_a_field_the_contract_does_not_have_fails_type_checking(
    client_package: Path, tmp_path: Path
) -> None:
    """Not vacuous: a usage the contract does not allow is a type error."""
    broken = tmp_path / "broken.ts"
    broken.write_text(
        f'import {{ createHuddleClients }} from "{client_package / "src" / "index.ts"}";\n'
        "const clients = createHuddleClients({ baseUrl: (s) => `/api/${s}` });\n"
        "export async function wrong(): Promise<number> {\n"
        '  const { data } = await clients.teams.GET("/v1/teams/{team_id}/charter", {\n'
        '    params: { path: { team_id: "x" } },\n'
        "  });\n"
        "  return data ? data.no_such_field : 0;\n"
        "}\n"
    )
    config = tmp_path / "tsconfig.json"
    config.write_text(
        json.dumps(
            {
                "extends": str(client_package / "tsconfig.json"),
                "include": [],
                "files": [str(broken)],
            }
        )
    )
    tsc = client_package / "node_modules" / ".bin" / "tsc"
    result = subprocess.run(
        [str(tsc), "--noEmit", "-p", str(config)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert "no_such_field" in result.stdout, result.stdout + result.stderr
