"""The TypeScript client, clients/typescript/: its own ``npm ci`` and ``npm run generate`` (or,
with ``--check``, ``npm run check-generated``), with ``HUDDLE_OPENAPI_DIR`` naming the
documents. Skipped, with a message, while ``clients/typescript/package.json`` is not there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CLIENT = Path("clients/typescript")


def generate(repo: Path, documents: Path, *, check: bool) -> int:
    """npm's exit status (0 when skipped); npm's output goes to this process's terminal."""
    manifest = repo / CLIENT / "package.json"
    if not manifest.exists():
        print(f"{CLIENT}/package.json is not there yet: the TypeScript client is skipped")
        return 0
    script = "check-generated" if check else "generate"
    scripts = json.loads(manifest.read_text()).get("scripts", {})
    if script not in scripts:
        print(f"{CLIENT}/package.json has no `{script}` script: the TypeScript client is skipped")
        return 0
    env = {**os.environ, "HUDDLE_OPENAPI_DIR": str(documents.resolve())}
    for command in (["ci"], ["run", script]):
        argv = ["npm", "--prefix", str(CLIENT), *command]
        print("$", " ".join(argv), flush=True)
        done = subprocess.run(
            argv, cwd=repo, env=env, stdin=subprocess.DEVNULL, check=False, timeout=1800
        )
        if done.returncode != 0:
            print(f"`{' '.join(argv)}` failed ({done.returncode})", file=sys.stderr)
            return done.returncode
    return 0
