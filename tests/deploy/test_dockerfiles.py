"""The services' Dockerfiles: hadolint finds nothing, and each builds what the deployment runs
(a reproducible install from uv.lock, a non-root user, a health check, the serve command).
No Docker engine is needed: a build itself is not run here."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from .support import REPO, SERVICE_NAMES, SERVICE_PORTS, DeployTools

DOCKERFILES = {service: REPO / "services" / service / "Dockerfile" for service in SERVICE_NAMES}


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", dockerfile.read_text())
    result = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        keyword, _, arguments = stripped.partition(" ")
        result.append((keyword.upper(), arguments.strip()))
    return result


def test_hadolint_finds_nothing(tools: DeployTools) -> None:
    result = subprocess.run(
        [
            str(tools.hadolint),
            "--no-color",
            "--failure-threshold",
            "style",
            *map(str, DOCKERFILES.values()),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_is_not_vacuous(tools: DeployTools, tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN apt-get install curl\n")
    result = subprocess.run(
        [str(tools.hadolint), "--no-color", str(bad)], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "DL3007" in result.stdout  # :latest
    assert "DL3008" in result.stdout or "DL3015" in result.stdout


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_dockerfile_builds_what_the_deployment_runs(service: str) -> None:
    steps = instructions(DOCKERFILES[service])
    stages = [args for keyword, args in steps if keyword == "FROM"]
    assert len(stages) >= 3, "multi-stage: uv, build, runtime"
    args = {a.split("=", 1)[0]: a.split("=", 1)[1] for k, a in steps if k == "ARG" and "=" in a}
    assert re.fullmatch(r"python:3\.11[\w.\-]*-slim[\w.\-]*", args["PYTHON_IMAGE"])
    runs = " ".join(a for k, a in steps if k == "RUN")
    # Reproducible: only what the committed lockfile pins, for this service's package.
    assert f"uv sync --frozen --no-dev --no-install-workspace --package huddle-{service}" in runs
    assert f"uv sync --frozen --no-dev --no-editable --package huddle-{service}" in runs
    copies = [a for k, a in steps if k == "COPY"]
    assert "pyproject.toml uv.lock ./" in copies
    # The runtime stage: non-root, health check, the serve command, listening on all addresses.
    runtime = steps[max(i for i, (k, _) in enumerate(steps) if k == "FROM") :]
    users = [a for k, a in runtime if k == "USER"]
    assert users and not users[-1].startswith(("root", "0")), users
    (healthcheck,) = [a for k, a in runtime if k == "HEALTHCHECK"]
    assert "/health/live" in healthcheck
    (cmd,) = [a for k, a in runtime if k == "CMD"]
    assert json.loads(cmd) == ["python", "-m", f"huddle_{service}", "serve"]
    env = " ".join(a for k, a in runtime if k == "ENV")
    assert "HUDDLE_HOST=0.0.0.0" in env
    assert f"HUDDLE_PORT={SERVICE_PORTS[service]}" in env
    assert f"EXPOSE {SERVICE_PORTS[service]}" in [f"{k} {a}" for k, a in runtime]
    assert "COPY deploy/docker/wait_for_migrations.py /app/bin/wait_for_migrations.py" in [
        f"{k} {a}" for k, a in runtime
    ]


def test_dockerignore_sends_only_what_images_are_built_from() -> None:
    lines = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*", "exclude everything first, then re-include"
    included = {line[1:] for line in lines if line.startswith("!")}
    assert {"uv.lock", "pyproject.toml", "shared/src/", "services/*/src/"} <= included
    assert "deploy/docker/wait_for_migrations.py" in included
    for path in included:
        if "*" not in path:
            assert (REPO / path).exists(), path
