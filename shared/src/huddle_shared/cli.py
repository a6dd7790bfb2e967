"""The command line every service shares: ``python -m huddle_<service> serve|migrate|openapi``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from huddle_shared.config import ServiceSettings
from huddle_shared.logs import configure_logging
from huddle_shared.migrations import upgrade


def service_main(
    *,
    settings_factory: Callable[[], ServiceSettings],
    migrations: Path,
    app_factory: str,
    build_app: Callable[[], FastAPI],
    extra_commands: dict[str, tuple[str, Callable[[], None]]] | None = None,
    argv: list[str] | None = None,
) -> None:
    settings = settings_factory()
    parser = argparse.ArgumentParser(prog=f"huddle-{settings.service_name}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="run the HTTP API, the outbox relay and the consumers")
    sub.add_parser("migrate", help="apply database migrations up to head")
    sub.add_parser("openapi", help="print the OpenAPI document")
    for name, (help_text, _) in (extra_commands or {}).items():
        sub.add_parser(name, help=help_text)
    args = parser.parse_args(argv)
    configure_logging(settings.service_name)
    if args.command in (extra_commands or {}):
        (extra_commands or {})[args.command][1]()
    elif args.command == "migrate":
        upgrade(migrations, settings.database_url)
    elif args.command == "openapi":
        json.dump(build_app().openapi(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        uvicorn.run(
            app_factory,
            factory=True,
            host=settings.host,
            port=settings.port,
            log_config=None,
            access_log=False,
            timeout_graceful_shutdown=20,
        )
