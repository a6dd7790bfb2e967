"""deploy/docker/Dockerfile as Docker reads it, for tests that have no Docker engine.

- :func:`stages` parses it into stages with the build arguments of one service substituted where
  Docker substitutes them (FROM, COPY, ENV, EXPOSE, LABEL, USER, WORKDIR), each RUN with the
  variables its shell sees.
- :class:`DockerIgnore` answers which files of the repository the build context contains.
- :func:`replay_build_stage` runs the build stage on this machine: the context files its COPY
  instructions name (as .dockerignore filters them) go into a stand-in for the image's file
  system, and its RUN commands (the ``uv sync`` steps) run there with the stage's environment. The
  virtual environment that comes out is the one the runtime stage copies into the image.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .support import REPO, SERVICE_PORTS

DOCKERFILE = REPO / "deploy" / "docker" / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"

# The instructions whose arguments Docker itself substitutes variables in (RUN, CMD, HEALTHCHECK
# are left to the shell at build or run time).
SUBSTITUTED = {
    "ADD",
    "COPY",
    "ENV",
    "EXPOSE",
    "FROM",
    "LABEL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
}
_VARIABLE = re.compile(r"\$(?:\{(\w+)\}|(\w+))")


def instructions(dockerfile: Path = DOCKERFILE) -> list[tuple[str, str]]:
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


def build_args(service: str) -> dict[str, str]:
    """The build arguments that select a service (as deploy/compose/compose.yaml passes them)."""
    return {"SERVICE": service, "PORT": str(SERVICE_PORTS[service])}


def substitute(text: str, variables: Mapping[str, str]) -> str:
    """``$NAME`` and ``${NAME}`` replaced; a name without a value becomes empty, as in Docker."""
    return _VARIABLE.sub(lambda m: variables.get(m.group(1) or m.group(2), ""), text)


@dataclass(frozen=True)
class Step:
    keyword: str
    arguments: str
    # The ARG and ENV values in scope at this step (what a RUN's shell sees as its environment).
    scope: dict[str, str]

    @property
    def command(self) -> str:
        """A RUN's shell command, without the RUN flags (``--mount=...``)."""
        return re.sub(r"^(?:--\S+\s+)*", "", self.arguments)

    def shell_words(self) -> list[str]:
        """A RUN's command as its shell splits it after expanding the variables in scope."""
        return shlex.split(substitute(self.command, self.scope))


@dataclass
class Stage:
    name: str
    base: str
    steps: list[Step] = field(default_factory=list)

    def of(self, keyword: str) -> list[str]:
        return [step.arguments for step in self.steps if step.keyword == keyword]

    @property
    def env(self) -> dict[str, str]:
        """The ENV values the stage's image ends with."""
        result: dict[str, str] = {}
        for step in self.steps:
            if step.keyword == "ENV":
                result.update(_env_pairs(step.arguments))
        return result


def _env_pairs(arguments: str) -> dict[str, str]:
    pairs = {}
    for word in shlex.split(arguments):
        name, equals, value = word.partition("=")
        assert equals, f"ENV {arguments!r}: only the NAME=value form is understood here"
        pairs[name] = value
    return pairs


def stages(given: Mapping[str, str], dockerfile: Path = DOCKERFILE) -> list[Stage]:
    """The Dockerfile's stages as a build with these build arguments sees them."""
    global_args: dict[str, str] = {}
    result: list[Stage] = []
    scope: dict[str, str] = {}
    for keyword, arguments in instructions(dockerfile):
        if keyword == "ARG":
            name, equals, default = arguments.partition("=")
            if name in given:
                value: str | None = given[name]
            elif not result:
                value = default if equals else None
            else:  # inside a stage: the global value, else this ARG's default
                value = global_args.get(name, default if equals else None)
            target = scope if result else global_args
            if value is not None:
                target[name] = value
        elif keyword == "FROM":
            image, *alias = re.split(r"\s+as\s+", substitute(arguments, global_args), flags=re.I)
            result.append(Stage(name=alias[0] if alias else str(len(result)), base=image))
            scope = {}  # a stage sees only the ARGs it declares itself
            continue
        assert result or keyword == "ARG", f"{keyword} before the first FROM"
        if not result:
            continue
        text = substitute(arguments, scope) if keyword in SUBSTITUTED else arguments
        result[-1].steps.append(Step(keyword, text, dict(scope)))
        if keyword == "ENV":
            scope.update(_env_pairs(text))
    return result


def stage(given: Mapping[str, str], name: str) -> Stage:
    (found,) = [s for s in stages(given) if s.name == name]
    return found


# ---- the build context --------------------------------------------------------------------------


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern (Go's filepath.Match, plus ``**`` for any number of folders)."""
    out, i = "", 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
            continue
        if pattern.startswith("**", i):
            out, i = out + ".*", i + 2
            continue
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[":
            end = pattern.index("]", i + 1)
            body = pattern[i + 1 : end]
            out += "[" + ("^" + body[1:] if body.startswith(("!", "^")) else body) + "]"
            i = end
        else:
            out += re.escape(char)
        i += 1
    return re.compile(out)


class DockerIgnore:
    """Which paths of the repository a build sends: the last pattern that matches a path or one of
    its parent folders decides, ``!`` re-includes (Docker's rules)."""

    def __init__(self, path: Path = DOCKERIGNORE) -> None:
        self.rules: list[tuple[bool, re.Pattern[str]]] = []
        for line in path.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            pattern = os.path.normpath(line.lstrip("!").strip().lstrip("/"))
            self.rules.append((negated, _pattern_regex(pattern)))

    def includes(self, relative: str) -> bool:
        parts = relative.split("/")
        candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        included = True
        for negated, regex in self.rules:
            if any(regex.fullmatch(candidate) for candidate in candidates):
                included = negated
        return included

    def files(self, source: str) -> Iterator[Path]:
        """The context's files at or below ``source`` (relative to the repository root)."""
        start = REPO / source
        paths = [start] if start.is_file() else sorted(p for p in start.rglob("*") if p.is_file())
        for path in paths:
            if self.includes(path.relative_to(REPO).as_posix()):
                yield path


# ---- replaying the build stage ------------------------------------------------------------------


def host_python() -> str:
    """This machine's Python 3.11 interpreter itself (not the project's virtual environment)."""
    candidate = Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    return str(candidate if candidate.exists() else Path(sys.executable).resolve())


# uv settings of this machine that a replay keeps: where the cache and the indexes are.
UV_SETTINGS_KEPT = {"UV_CACHE_DIR", "UV_INDEX", "UV_DEFAULT_INDEX", "UV_INDEX_URL"}
UV_SETTINGS_KEPT |= {"UV_EXTRA_INDEX_URL", "UV_NATIVE_TLS", "UV_HTTP_TIMEOUT", "UV_OFFLINE"}


class BuildStepFailed(AssertionError):
    pass


def replay_build_stage(service: str, root: Path, *, offline: bool = True) -> Path:
    """Run the ``build`` stage for this service with ``root`` standing in for the image's file
    system; return the virtual environment it leaves at its UV_PROJECT_ENVIRONMENT.

    The uv on this machine stands in for the image's (scripts/bootstrap.sh installs the version
    UV_IMAGE names; test_dockerfiles checks they agree). The stage's ENV applies, except that the
    interpreter is this machine's Python 3.11, the paths are below ``root`` and bytecode is not
    compiled (that adds only .pyc files). ``offline`` first tries uv's cache alone (``make
    install`` has filled it) and goes online only if that fails."""
    build = stage(build_args(service), "build")
    context = DockerIgnore()
    # This process's environment, less what would point uv at another project or environment.
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k != "VIRTUAL_ENV" and (not k.startswith("UV_") or k in UV_SETTINGS_KEPT)
    }

    def inside(path: str, cwd: Path) -> Path:
        return root / path.lstrip("/") if path.startswith("/") else cwd / path

    cwd = root
    venv: Path | None = None
    for step in build.steps:
        if step.keyword == "WORKDIR":
            cwd = inside(step.arguments, cwd)
            cwd.mkdir(parents=True, exist_ok=True)
        elif step.keyword == "COPY":
            words = shlex.split(step.arguments)
            if any(w.startswith("--from=") for w in words):
                assert words[0] == "--from=uv", f"COPY {step.arguments}: unknown source"
                continue  # the uv binary: this machine's uv stands in for it
            *sources, destination = [w for w in words if not w.startswith("--")]
            target = inside(destination, cwd)
            for source in sources:
                copied = 0
                base = REPO / source
                for path in context.files(source):
                    if base.is_dir():
                        dest = target / path.relative_to(base)
                    elif destination.endswith("/") or len(sources) > 1:
                        dest = target / path.name
                    else:
                        dest = target
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, dest)
                    copied += 1
                if not copied:
                    raise BuildStepFailed(f"COPY {source}: not in the build context")
        elif step.keyword == "RUN":
            words = step.shell_words()
            assert words[:2] == ["uv", "sync"] or words[:1] == [":"], (
                f"RUN {step.arguments}: only `uv sync` and argument checks are replayed here"
            )
            env = {**inherited, **step.scope}
            if "UV_PROJECT_ENVIRONMENT" in step.scope:
                venv = inside(step.scope["UV_PROJECT_ENVIRONMENT"], cwd)
                env["UV_PROJECT_ENVIRONMENT"] = str(venv)
            env["UV_PYTHON"] = host_python()
            env["UV_COMPILE_BYTECODE"] = "0"
            attempts = [{"UV_OFFLINE": "1"}, {}] if offline else [{}]
            for extra in attempts:
                result = subprocess.run(
                    ["/bin/sh", "-c", step.command],
                    cwd=cwd,
                    env={**env, **extra},
                    capture_output=True,
                    text=True,
                    check=False,
                    timeout=600,
                )
                if result.returncode == 0:
                    break
            else:
                raise BuildStepFailed(f"RUN {step.arguments}\n{result.stdout}{result.stderr}")
        elif step.keyword not in {"ARG", "ENV", "LABEL"}:
            raise AssertionError(f"{step.keyword} in the build stage is not replayed here")
    assert venv is not None and venv.is_dir(), "the build stage made no virtual environment"
    return venv


# ---- what an environment contains --------------------------------------------------------------


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class ImageEnvironment:
    """The virtual environment an image ships (/app/.venv), as the build stage left it."""

    service: str
    venv: Path

    @property
    def site_packages(self) -> Path:
        (found,) = self.venv.glob("lib/python3*/site-packages")
        return found

    def distributions(self) -> dict[str, metadata.Distribution]:
        return {
            canonical(d.metadata["Name"]): d
            for d in metadata.distributions(path=[str(self.site_packages)])
        }

    def top_level_modules(self) -> set[str]:
        """Every name ``import`` finds at the top of site-packages (packages, namespace packages,
        modules, extension modules)."""
        names = set()
        for entry in self.site_packages.iterdir():
            if entry.name == "__pycache__" or entry.suffix in {".dist-info", ".data", ".pth"}:
                continue
            if entry.is_dir():
                names.add(entry.name)
            elif entry.suffix == ".py" or entry.suffix in {".so", ".pyd"}:
                names.add(entry.name.split(".", 1)[0])
        return names

    def editable(self, distribution: metadata.Distribution) -> bool:
        direct_url = distribution.read_text("direct_url.json")
        return bool(direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"))
