"""What a production image ships: its service and huddle_shared, installed from the lockfile, and
no dev tooling (huddle_devtools, its devinfra and testing packages, pytest, testcontainers,
pgserver...).

No Docker engine is needed: the Dockerfile's build stage is replayed for each service (the
context .dockerignore lets through, the COPY and ``uv sync`` steps with the stage's environment;
see images.py), and the virtual environment it leaves, the image's /app/.venv, is inspected. The
four replays share uv's cache, which ``make install`` has filled, and run offline when it can."""

from __future__ import annotations

import functools
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from .images import ImageEnvironment, replay_build_stage
from .support import REPO, SERVICE_NAMES

# Distributions that only development and tests use (the root project's dev group and what the
# dev tooling pulls in); none may reach an image, not even as a transitive dependency.
DEV_ONLY_DISTRIBUTIONS = {
    "huddle-devtools",
    "pytest",
    "pytest-asyncio",
    "pytest-timeout",
    "testcontainers",
    "pgserver",
    "hypothesis",
    "schemathesis",
    "asgi-lifespan",
    "mypy",
    "ruff",
    "import-linter",
}
DEV_ONLY_MODULES = {"huddle_devtools", "devinfra", "testing", "pytest", "_pytest"}
DEV_ONLY_MODULES |= {"testcontainers", "pgserver", "hypothesis", "schemathesis"}


@pytest.fixture(scope="session")
def images(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], ImageEnvironment]:
    """service -> the /app/.venv its image would ship, built once per session on first use (a
    service whose build fails fails its own tests only)."""

    @functools.cache
    def build(service: str) -> ImageEnvironment:
        root = tmp_path_factory.mktemp(f"image-{service}")
        return ImageEnvironment(service, replay_build_stage(service, root))

    return build


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_the_image_has_its_service_and_huddle_shared_not_editable(
    images: Callable[[str], ImageEnvironment], service: str
) -> None:
    image = images(service)
    distributions = image.distributions()
    ours = {name for name in distributions if name.startswith("huddle")}
    assert ours == {"huddle-shared", f"huddle-{service}"}
    for name in ours:
        assert not image.editable(distributions[name]), f"{name} is an editable install"
    site = image.site_packages
    assert (site / f"huddle_{service}" / "__main__.py").is_file()
    assert (site / "huddle_shared" / "__init__.py").is_file()
    for pth in site.glob("*.pth"):
        assert str(REPO) not in pth.read_text(), f"{pth.name} points into the source tree"


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_the_image_has_no_dev_tooling(
    images: Callable[[str], ImageEnvironment], service: str
) -> None:
    image = images(service)
    distributions = set(image.distributions())
    leaked = distributions & DEV_ONLY_DISTRIBUTIONS
    leaked |= {name for name in distributions if name.startswith("pytest")}
    assert not leaked, f"dev-only distributions in the {service} image: {sorted(leaked)}"
    modules = image.top_level_modules() & DEV_ONLY_MODULES
    assert not modules, f"dev-only modules in the {service} image: {sorted(modules)}"
    # No devinfra or testing package (or module) inside any of our packages either.
    for package in image.site_packages.glob("huddle_*"):
        if package.suffix == ".dist-info":
            continue
        found = [p for p in package.rglob("*") if p.stem in {"devinfra", "testing"}]
        assert not found, found
    # huddle_shared's wheel, as its RECORD lists every file it installed.
    shared = image.distributions()["huddle-shared"]
    files = [str(f) for f in shared.files or []]
    assert any(f.startswith("huddle_shared/") for f in files)
    assert not [f for f in files if {"devinfra", "testing"} & set(Path(f).parts)]


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_the_image_starts_its_service_without_dev_tooling(
    images: Callable[[str], ImageEnvironment], service: str, tmp_path: Path
) -> None:
    """The app factory's module and the CMD's ``python -m huddle_<service>`` load with nothing
    but the image's environment (isolated mode: no source tree, no PYTHONPATH), so the service
    needs no dev tooling at run time either. ``--help`` stops the CLI after its commands."""
    load = (
        f"import runpy, huddle_{service}.main; "
        f"runpy.run_module('huddle_{service}', run_name='__main__', alter_sys=True)"
    )
    ran = subprocess.run(
        [str(images(service).venv / "bin" / "python"), "-I", "-c", load, "--help"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=120,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "serve" in ran.stdout and "migrate" in ran.stdout
