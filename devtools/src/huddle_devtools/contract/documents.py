"""The OpenAPI documents as the code generates them, and the versions to check them against.

Each service prints its document with ``python -m huddle_<service> openapi``, and that command is
what runs here, one process per service, with the ``HUDDLE_*`` settings of the caller's shell
left out (a ``HUDDLE_ENVIRONMENT=production`` there would refuse the development defaults), so
the document is the same on every machine. It needs no database and no Kafka: building the app
connects to nothing.
"""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from huddle_devtools.contract.process import run
from huddle_devtools.devinfra.services import SERVICES as LOCAL_SERVICES
from huddle_shared.schema.history import committed_documents

SERVICES: tuple[str, ...] = tuple(name for name, _ in LOCAL_SERVICES)
DOCUMENTS = Path("docs/openapi")


def document_path(directory: Path, service: str) -> Path:
    return directory / f"{service}.json"


def render(document: Any) -> str:
    """The committed form: FastAPI's key order, indented by two, one trailing newline."""
    return json.dumps(document, indent=2) + "\n"


def generate(service: str) -> str:
    """The service's OpenAPI document as its code builds it today, rendered."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUDDLE_")}
    env["HUDDLE_ENVIRONMENT"] = "development"
    printed = run([sys.executable, "-m", f"huddle_{service}", "openapi"], env=env, timeout=180)
    return render(json.loads(printed))


def generate_all(services: tuple[str, ...] = SERVICES) -> dict[str, str]:
    """service -> its generated document; the interpreters start side by side."""
    with ThreadPoolExecutor(max_workers=min(len(services), os.cpu_count() or 1)) as pool:
        return dict(zip(services, pool.map(generate, services), strict=True))


@dataclass(frozen=True)
class Baseline:
    """A version of a document that clients may have been built from: where it is, its text."""

    label: str
    text: str


def baselines(path: Path) -> list[Baseline]:
    """Every committed version of ``path``, newest first, then the file in the working tree if
    it is none of those; each distinct text once.

    All of history, not only the last commit: a client may have been generated from any of
    them. So a removal after a deprecation still shows against the versions from before it, and
    is declared like any other break.
    Empty when the document was never committed and is not there (the first ``make openapi``).
    """
    found: list[Baseline] = []
    seen: set[str] = set()
    versions = [(f"commit {c[:12]}", render(d)) for c, d in committed_documents(path)]
    if path.exists():
        versions.append(("the working tree", path.read_text()))
    for label, text in versions:
        if text not in seen:
            seen.add(text)
            found.append(Baseline(label, text))
    return found
