"""``make clients``: ``python -m huddle_devtools.clients [--documents docs/openapi] [--check]``.

Generates the Python client's packages (clients/python/src/huddle_client/<service>/) from the
documents, then the TypeScript client (clients/typescript, when its package.json is there).
``--check`` writes nothing: it generates into scratch space and exits 1 listing every file of
the committed clients that differs from a fresh generation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from huddle_devtools.clients import python, typescript
from huddle_devtools.contract.documents import DOCUMENTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m huddle_devtools.clients")
    parser.add_argument(
        "--documents",
        type=Path,
        default=DOCUMENTS,
        help="the directory of the OpenAPI documents, <service>.json each (docs/openapi)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 listing the files a fresh generation would change",
    )
    args = parser.parse_args(argv)
    repo = Path.cwd()
    if not (repo / python.CONFIG).exists():
        print(f"{python.CONFIG} not found: run from the repository's root", file=sys.stderr)
        return 2
    try:
        generated = python.generate_all(repo, args.documents)
    except python.MissingDocument as missing:
        print(missing, file=sys.stderr)
        return 1
    status = 0
    if args.check:
        stale = python.differences(repo, generated)
        if stale:
            status = 1
            print("The Python client is stale (run `make clients`):", file=sys.stderr)
            for difference in stale:
                print(f"  {difference}", file=sys.stderr)
        else:
            print(f"{python.PACKAGE} is what {args.documents} generates")
    else:
        written = python.write(repo, generated)
        for difference in written:
            verb = "removed" if difference.change == "extra" else "written"
            print(f"{difference.path} {verb}")
        print(f"{python.PACKAGE}: {len(written)} file(s) changed, from {args.documents}")
    return typescript.generate(repo, args.documents, check=args.check) or status


if __name__ == "__main__":
    sys.exit(main())
