"""Wait until a service's database schema is at least at the migration head this image ships.

Runs as the ``wait-for-migrations`` init container of each Kubernetes Deployment, so pods of a new
release never start their relay and consumers against an older schema. The schema itself is
migrated by exactly one process, the service's migration Job (``python -m huddle_<name>
migrate``); this script only reads ``alembic_version``.

    python /app/bin/wait_for_migrations.py <service> [--timeout 900] [--interval 3]

It reads ``HUDDLE_DATABASE_URL``. Exit status 0 when the database is at this image's head, or
*ahead* of it (a newer release already migrated: with expand/contract migrations an older image
still runs, e.g. during a rollback); 1 when the timeout passes first.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Literal

from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import pool
from sqlalchemy.ext.asyncio import create_async_engine

from huddle_shared.config import to_asyncpg_url
from huddle_shared.migrations import current_revision

SchemaState = Literal["current", "ahead", "behind", "empty"]


def migrations_dir(service: str) -> Path:
    return Path(str(resources.files(f"huddle_{service}") / "migrations"))


def schema_state(script: ScriptDirectory, revision: str | None) -> SchemaState:
    """Where the database stands relative to the image's migration head."""
    head = script.get_current_head()
    if revision is None:
        return "empty"
    if revision == head:
        return "current"
    try:
        known = script.get_revision(revision)
    except CommandError:
        known = None
    # A revision this image does not know was written by a newer release.
    return "behind" if known is not None else "ahead"


async def read_revision(database_url: str) -> str | None:
    engine = create_async_engine(
        to_asyncpg_url(database_url), poolclass=pool.NullPool, connect_args={"timeout": 5}
    )
    try:
        async with engine.connect() as conn:
            return await current_revision(conn)
    finally:
        await engine.dispose()


def log(message: str, **fields: object) -> None:
    print(json.dumps({"logger": "huddle.wait_for_migrations", "message": message, **fields}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("service", help="identity, teams, assessments, insights or integrations")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds (default 900)")
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between checks")
    args = parser.parse_args(argv)

    database_url = os.environ.get("HUDDLE_DATABASE_URL")
    if not database_url:
        log("HUDDLE_DATABASE_URL is not set")
        return 2
    script = ScriptDirectory(str(migrations_dir(args.service)))
    head = script.get_current_head()
    deadline = time.monotonic() + args.timeout
    last = ""
    while True:
        try:
            revision = asyncio.run(read_revision(database_url))
            state: str = schema_state(script, revision)
        except Exception as exc:  # the database may not accept connections yet
            revision, state = None, f"unreachable ({type(exc).__name__})"
        if state in ("current", "ahead"):
            log("schema ready", service=args.service, revision=revision, head=head, state=state)
            return 0
        if state != last:
            log(
                "waiting for migrations",
                service=args.service,
                revision=revision,
                head=head,
                state=state,
            )
            last = state
        if time.monotonic() >= deadline:
            log("gave up waiting", service=args.service, revision=revision, head=head)
            return 1
        time.sleep(args.interval)


if __name__ == "__main__":
    sys.exit(main())
