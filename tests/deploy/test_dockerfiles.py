"""The one Dockerfile of the services (deploy/docker/Dockerfile): hadolint finds nothing, and with
each service's build arguments it builds what the deployment runs (a reproducible install from
uv.lock, a non-root user, a health check, the serve command). No Docker engine is needed: the
instructions are read with the build arguments substituted as Docker substitutes them."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from .images import DOCKERFILE, DockerIgnore, build_args, stage, stages
from .support import REPO, SERVICE_NAMES, SERVICE_PORTS, DeployTools


def test_hadolint_finds_nothing(tools: DeployTools) -> None:
    result = subprocess.run(
        [str(tools.hadolint), "--no-color", "--failure-threshold", "style", str(DOCKERFILE)],
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


def test_one_dockerfile_for_every_service() -> None:
    per_service = sorted(p.relative_to(REPO) for p in REPO.glob("services/*/Dockerfile"))
    assert not per_service, f"one parameterised deploy/docker/Dockerfile, not {per_service}"


def test_the_image_uses_the_uv_that_make_install_provides() -> None:
    """The uv stage's tag is the version scripts/bootstrap.sh installs, so the lockfile is read by
    the same uv in the image as in `make test` (and in test_image_contents' replay)."""
    uv_stage = stage({}, "uv")
    (pinned,) = re.findall(
        r'^UV_VERSION="([^"]+)"$', (REPO / "scripts" / "bootstrap.sh").read_text(), re.M
    )
    assert uv_stage.base == f"ghcr.io/astral-sh/uv:{pinned}"


def _run_shell(command: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", "-c", command], capture_output=True, text=True, check=False, cwd=cwd, env=env
    )


def test_a_build_without_the_service_arguments_stops_at_once(tmp_path: Path) -> None:
    """The first step of the build stage refuses to go on without SERVICE and PORT."""
    without = stage({}, "build").steps
    first_run = next(step for step in without if step.keyword == "RUN")
    assert not {"SERVICE", "PORT"} & set(first_run.scope)
    env = {"PATH": os.environ["PATH"]}
    refused = _run_shell(first_run.command, {**env, **first_run.scope}, tmp_path)
    assert refused.returncode != 0 and "SERVICE" in refused.stderr
    with_args = next(s for s in stage(build_args("teams"), "build").steps if s.keyword == "RUN")
    assert with_args.command == first_run.command
    assert _run_shell(with_args.command, {**env, **with_args.scope}, tmp_path).returncode == 0


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_dockerfile_builds_what_the_deployment_runs(service: str, tmp_path: Path) -> None:
    port = SERVICE_PORTS[service]
    all_stages = stages(build_args(service))
    assert [s.name for s in all_stages] == ["uv", "build", "runtime"], "uv, build, runtime"
    assert re.fullmatch(r"python:3\.11[\w.\-]*-slim[\w.\-]*", all_stages[1].base)
    assert all_stages[2].base == all_stages[1].base
    build, runtime = all_stages[1], all_stages[2]

    # Reproducible: only what the committed lockfile pins, for this service's package alone.
    runs = [step.shell_words() for step in build.steps if step.keyword == "RUN"]
    package = ["--package", f"huddle-{service}"]
    assert ["uv", "sync", "--frozen", "--no-dev", "--no-install-workspace", *package] in runs
    assert ["uv", "sync", "--frozen", "--no-dev", "--no-editable", *package] in runs
    copies = build.of("COPY")
    assert copies.index("pyproject.toml uv.lock ./") < copies.index(
        f"services/{service} ./services/{service}"
    )
    assert "shared ./shared" in copies
    assert build.env["UV_PROJECT_ENVIRONMENT"] == "/app/.venv"

    # The runtime stage: the environment only, non-root, health check, the serve command,
    # listening on all addresses on the service's port.
    assert "--from=build /app/.venv /app/.venv" in runtime.of("COPY")
    assert "deploy/docker/wait_for_migrations.py /app/bin/wait_for_migrations.py" in runtime.of(
        "COPY"
    )
    users = runtime.of("USER")
    assert users and not users[-1].startswith(("root", "0")), users
    env = runtime.env
    assert env["HUDDLE_HOST"] == "0.0.0.0"  # noqa: S104 - inside the container
    assert env["HUDDLE_PORT"] == str(port)
    assert runtime.of("EXPOSE") == [str(port)]
    assert runtime.of("LABEL") == [f'org.opencontainers.image.title="huddle-{service}"']
    (healthcheck,) = runtime.of("HEALTHCHECK")
    assert "/health/live" in healthcheck and "HUDDLE_PORT" in healthcheck

    # An exec-form CMD is not expanded by Docker: its shell must end up exec-ing exactly
    # `python -m huddle_<service> serve` with the image's environment. A stand-in `python` on
    # PATH prints the arguments it receives.
    (cmd,) = runtime.of("CMD")
    argv = json.loads(cmd)
    assert argv[:2] == ["/bin/sh", "-c"] and argv[2].startswith("exec "), argv
    fake = tmp_path / "python"
    fake.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    fake.chmod(0o755)
    ran = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        check=True,
        env={**env, "PATH": f"{tmp_path}:/usr/bin:/bin"},
    )
    assert ran.stdout.splitlines() == ["-m", f"huddle_{service}", "serve"]


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
    context = DockerIgnore()
    for sent in (
        "uv.lock",
        "shared/src/huddle_shared/events.py",
        "services/teams/src/huddle_teams/__main__.py",
        "services/teams/pyproject.toml",
    ):
        assert context.includes(sent), sent
    for kept_out in (
        "devtools/pyproject.toml",
        "devtools/src/huddle_devtools/devinfra/__init__.py",
        "shared/tests/test_events.py",
        "services/teams/tests/unit/test_x.py",
        "services/teams/src/huddle_teams/__pycache__/bootstrap.cpython-311.pyc",
        ".venv/bin/python",
        "deploy/docker/Dockerfile",
    ):
        assert not context.includes(kept_out), kept_out
