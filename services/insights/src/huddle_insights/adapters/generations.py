"""Projection generations in PostgreSQL: a schema per generation, the pointer, and two locks.

Generation N's read models live in schema ``insights_g<N>``; its engine translates the tables'
placeholder schema to it. ``projection_meta`` (in ``public``) says which generation serves and
which one is being rebuilt. Creating a schema takes a transaction-scoped advisory lock, since
replicas and the API's first request may race to create the same one; a rebuild holds a
session lock for as long as it runs, so only one runs at a time.

These are PostgreSQL mechanics (DDL, advisory locks, the translate map), which is why they
live here and the projector, in the application layer, only decides when each one happens.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from sqlalchemy import select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_insights.adapters.tables import READ_SCHEMA, projection_meta, read_models
from huddle_shared.relay import lease_key

META = "insights"
_REBUILD_LOCK = lease_key("huddle-insights-rebuild")
_SCHEMA_LOCK = lease_key("huddle-insights-schema")


def schema_of(generation: int) -> str:
    return f"insights_g{generation}"


def generation_engine(engine: AsyncEngine, generation: int) -> AsyncEngine:
    """``engine`` with the read-model tables mapped to the schema of ``generation``."""
    return engine.execution_options(schema_translate_map={READ_SCHEMA: schema_of(generation)})


async def read_active_generation(conn: AsyncConnection) -> int | None:
    """The generation the pointer names, or None before the very first start."""
    current = (
        await conn.execute(
            select(projection_meta.c.active_generation).where(projection_meta.c.name == META)
        )
    ).scalar_one_or_none()
    return None if current is None else int(current)


async def create_schema(conn: AsyncConnection, generation: int) -> None:
    """The generation's schema and tables, if missing. ``conn`` is of its generation engine."""
    await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK})
    await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema_of(generation)}"'))
    await conn.run_sync(read_models.create_all)


async def create_first_generation(conn: AsyncConnection) -> None:
    """Generation 1 and the pointer to it, in the caller's one transaction."""
    await create_schema(conn, 1)
    await conn.execute(
        insert(projection_meta)
        .values(name=META, active_generation=1, updated_at=datetime.now(UTC))
        .on_conflict_do_nothing()
    )


async def drop_schema(conn: AsyncConnection, generation: int) -> None:
    await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema_of(generation)}" CASCADE'))


async def mark_rebuilding(conn: AsyncConnection, generation: int) -> None:
    await conn.execute(
        update(projection_meta)
        .where(projection_meta.c.name == META)
        .values(rebuilding_generation=generation, updated_at=datetime.now(UTC))
    )


async def activate(conn: AsyncConnection, generation: int) -> None:
    """Move the pointer: from the next request on, ``generation`` serves."""
    await conn.execute(
        update(projection_meta)
        .where(projection_meta.c.name == META)
        .values(
            active_generation=generation,
            rebuilding_generation=None,
            updated_at=datetime.now(UTC),
        )
    )


@asynccontextmanager
async def exclusive_rebuild(engine: AsyncEngine) -> AsyncIterator[None]:
    """Hold the rebuild lock for the block; raise at once if another rebuild holds it."""
    async with engine.connect() as lock_conn:
        got = (
            await lock_conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _REBUILD_LOCK})
        ).scalar_one()
        await lock_conn.commit()
        if not got:
            raise RuntimeError("a rebuild is already running")
        try:
            yield
        finally:
            await lock_conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _REBUILD_LOCK})
            await lock_conn.commit()
