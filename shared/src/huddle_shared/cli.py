"""The command line every service shares: ``python -m huddle_<service> serve|migrate|openapi``.

Services add their operator commands (``rotate-signing-key``, ``rebuild``,
``replay-dead-letters``) as ``extra_commands``: a help text and a function, or a
:class:`Command` when the command takes arguments of its own.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from huddle_shared.config import ServiceSettings
from huddle_shared.logs import configure_logging
from huddle_shared.migrations import upgrade


@dataclass(frozen=True)
class Command:
    """An extra command with arguments: ``add_arguments`` declares them, ``run`` gets them."""

    help: str
    run: Callable[[argparse.Namespace], None]
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None


def _as_command(command: Command | tuple[str, Callable[[], None]]) -> Command:
    if isinstance(command, Command):
        return command
    help_text, run = command
    return Command(help=help_text, run=lambda _: run())


def service_main(
    *,
    settings_factory: Callable[[], ServiceSettings],
    migrations: Path,
    app_factory: str,
    build_app: Callable[[], FastAPI],
    extra_commands: dict[str, Command | tuple[str, Callable[[], None]]] | None = None,
    argv: list[str] | None = None,
) -> None:
    settings = settings_factory()
    parser = argparse.ArgumentParser(prog=f"huddle-{settings.service_name}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="run the HTTP API, the outbox relay and the consumers")
    sub.add_parser("migrate", help="apply database migrations up to head")
    sub.add_parser("openapi", help="print the OpenAPI document")
    extras = {name: _as_command(command) for name, command in (extra_commands or {}).items()}
    for name, command in extras.items():
        command_parser = sub.add_parser(name, help=command.help)
        if command.add_arguments is not None:
            command.add_arguments(command_parser)
    args = parser.parse_args(argv)
    configure_logging(settings.service_name)
    if args.command in extras:
        extras[args.command].run(args)
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
