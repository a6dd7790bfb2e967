"""``make openapi``: ``python -m huddle_devtools.contract --write docs/openapi``.

Writes each service's document unless it breaks a version clients may use (the file there, or
one committed before) with a change not declared: that one is left as it was, the changes and
the entries that would declare them are printed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from huddle_devtools.contract.breaking import (
    DECLARED_FILE,
    explain,
    install_oasdiff,
    load_declared,
    undeclared_changes,
)
from huddle_devtools.contract.documents import baselines, document_path, generate_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m huddle_devtools.contract")
    parser.add_argument(
        "--write", type=Path, required=True, help="the directory of the documents (docs/openapi)"
    )
    args = parser.parse_args(argv)
    directory: Path = args.write
    oasdiff = install_oasdiff(Path.cwd())
    declared_file = directory / DECLARED_FILE
    declared = load_declared(declared_file)
    refused = 0
    directory.mkdir(parents=True, exist_ok=True)
    for service, current in generate_all().items():
        path = document_path(directory, service)
        findings = undeclared_changes(
            oasdiff,
            service=service,
            current=current,
            baselines=baselines(path),
            declared=declared,
        )
        if findings:
            refused += 1
            print(f"{path} not written.", file=sys.stderr)
            print(explain(findings, document=path, declared_file=declared_file), file=sys.stderr)
            continue
        if not path.exists() or path.read_text() != current:
            path.write_text(current)
            print(f"{path} written", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
