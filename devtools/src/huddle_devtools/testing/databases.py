"""Fresh databases per test, cloned from a migrated template per service (fast)."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import asyncpg

from huddle_shared.migrations import upgrade

T = TypeVar("T")


def run_in_thread(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from sync code, even when an event loop is running."""
    return call_in_thread(lambda: asyncio.run(coro))


def call_in_thread(fn: Callable[[], T]) -> T:
    """Call ``fn`` in a fresh thread (it may start its own event loop there)."""
    result: list[T] = []
    error: list[BaseException] = []

    def target() -> None:
        try:
            result.append(fn())
        except BaseException as exc:
            error.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if error:
        raise error[0]
    return result[0]


def with_database(server_url: str, name: str) -> str:
    base, _, _ = server_url.rpartition("/")
    return f"{base}/{name}"


async def _execute(server_url: str, *statements: str) -> None:
    conn = await asyncpg.connect(with_database(server_url, "postgres"))
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


class DatabaseFactory:
    """One migrated template per service; each test gets a clone (CREATE DATABASE … TEMPLATE)."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self._templates: dict[str, str] = {}
        self._lock = threading.Lock()

    def template(self, service: str, migrations: Path) -> str:
        with self._lock:
            if service not in self._templates:
                name = f"tmpl_{service}_{uuid.uuid4().hex[:6]}"
                run_in_thread(_execute(self.server_url, f'CREATE DATABASE "{name}"'))
                url = with_database(self.server_url, name)
                call_in_thread(lambda: upgrade(migrations, url))
                self._templates[service] = name
            return self._templates[service]

    def create(self, service: str, migrations: Path) -> str:
        template = self.template(service, migrations)
        name = f"t_{service}_{uuid.uuid4().hex[:10]}"
        run_in_thread(_execute(self.server_url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        return with_database(self.server_url, name)

    def empty(self) -> str:
        name = f"t_empty_{uuid.uuid4().hex[:10]}"
        run_in_thread(_execute(self.server_url, f'CREATE DATABASE "{name}"'))
        return with_database(self.server_url, name)
