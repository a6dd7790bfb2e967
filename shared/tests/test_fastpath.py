"""The internals ``huddle_shared.fastpath`` leans on are still there and still mean the same.

If a SQLAlchemy, asyncpg or OpenTelemetry upgrade breaks one of these tests, the fast path has
silently fallen back (slower) or, worse, would do the wrong thing: read the failure message,
then ``fastpath``'s docstring for what relies on it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from huddle_devtools.testing.databases import DatabaseFactory
from huddle_shared import fastpath
from huddle_shared.config import to_asyncpg_url

TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


@pytest.fixture
async def engine(databases: DatabaseFactory) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(to_asyncpg_url(databases.empty()))
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE items (id int CONSTRAINT pk_items PRIMARY KEY)"))
    yield engine
    await engine.dispose()


async def adapter_of(conn: AsyncConnection) -> Any:
    return (await conn.get_raw_connection()).dbapi_connection


async def count(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM items"))).scalar_one())


async def test_the_asyncpg_adapter_still_has_the_private_parts_the_append_uses(
    engine: AsyncEngine,
) -> None:
    async with engine.connect() as conn:
        adapter = await adapter_of(conn)
        problems = fastpath.adapter_problems(adapter)
        assert problems == [], (
            f"SQLAlchemy's asyncpg adapter ({type(adapter).__module__}."
            f"{type(adapter).__qualname__}) changed: {problems}. The event store's append now "
            "falls back to exec_driver_sql; adapt fastpath.execute_in_transaction."
        )
        assert isinstance(adapter._connection, asyncpg.Connection), (
            "adapter._connection is no longer the asyncpg.Connection"
        )
        assert isinstance(adapter.dbapi.Error, type) and issubclass(adapter.dbapi.Error, Exception)


async def test_the_fast_path_is_taken_and_runs_in_the_callers_lazy_transaction(
    engine: AsyncEngine,
) -> None:
    through_sqlalchemy: list[str] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        through_sqlalchemy.append(statement)

    async with engine.connect() as conn:
        await conn.begin()
        adapter = await adapter_of(conn)
        assert adapter._transaction is None, (
            "the adapter no longer starts its transaction lazily; "
            "fastpath.execute_in_transaction relies on starting it itself"
        )
        await fastpath.execute_in_transaction(conn, "INSERT INTO items VALUES ($1)", (1,))
        assert adapter._transaction is not None, "the statement ran outside the transaction"
        assert through_sqlalchemy == [], "the fast path went through SQLAlchemy's execution"
        await conn.rollback()
    assert await count(engine) == 0, "the statement was not part of the caller's transaction"

    async with engine.begin() as conn:
        await fastpath.execute_in_transaction(conn, "INSERT INTO items VALUES ($1)", (2,))
    assert await count(engine) == 1


async def _insert(conn: AsyncConnection, value: int, *, fast_path: bool) -> None:
    if fast_path:
        await fastpath.execute_in_transaction(conn, "INSERT INTO items VALUES ($1)", (value,))
    else:
        await conn.exec_driver_sql("INSERT INTO items VALUES ($1)", (value,))


async def test_errors_come_out_as_sqlalchemy_would_raise_them(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(text("INSERT INTO items VALUES (1)"))
    raised: list[IntegrityError] = []
    for fast_path in (True, False):
        async with engine.connect() as conn:
            await conn.begin()
            with pytest.raises(IntegrityError) as caught:
                await _insert(conn, 1, fast_path=fast_path)
            raised.append(caught.value)
            await conn.rollback()
    fast, ordinary = raised
    assert type(fast) is type(ordinary)
    assert type(fast.orig) is type(ordinary.orig)
    assert fast.orig is not None
    cause = fast.orig.__cause__
    assert isinstance(cause, asyncpg.UniqueViolationError), cause
    assert cause.constraint_name == "pk_items", "the event store's version-clash check reads this"


async def test_a_dropped_connection_is_invalidated_as_sqlalchemy_would(
    engine: AsyncEngine,
) -> None:
    async with engine.connect() as victim:
        await victim.begin()
        pid = (await victim.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        async with engine.connect() as killer:
            await killer.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        with pytest.raises(DBAPIError) as caught:
            await fastpath.execute_in_transaction(victim, "INSERT INTO items VALUES ($1)", (3,))
        assert caught.value.connection_invalidated, "a lost connection must be invalidated"
        assert victim.invalidated
    assert await count(engine) == 0


async def test_the_pool_sees_the_driver_connection_and_whether_it_is_closed(
    engine: AsyncEngine,
) -> None:
    async with engine.connect() as conn:
        adapter = await adapter_of(conn)
        driver = getattr(adapter, "driver_connection", None)
        assert isinstance(driver, asyncpg.Connection), (
            "the pooled connection's driver_connection is no longer the asyncpg.Connection: "
            "the checkout check (db.install_checkout_check) cannot see closed connections"
        )
        assert callable(getattr(driver, "is_closed", None)), "asyncpg lost Connection.is_closed"
        assert fastpath.known_closed(adapter) is False
        pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        async with engine.connect() as killer:
            await killer.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        for _ in range(100):  # asyncpg notices the socket closing on its next read
            if fastpath.known_closed(adapter):
                break
            await asyncio.sleep(0.05)
        assert fastpath.known_closed(adapter), "a connection the server closed is not seen"
        await conn.invalidate()


def test_placeholders_are_renumbered_and_nothing_else() -> None:
    shifted = fastpath.shift_placeholders("SELECT $1, $12 WHERE a = $2 AND b = 'x'", 13)
    assert shifted == "SELECT $14, $25 WHERE a = $15 AND b = 'x'"


def test_a_canonical_traceparent_survives_the_w3c_propagator_unchanged() -> None:
    # The relay copies such a traceparent instead of extracting and injecting it again.
    propagator = TraceContextTextMapPropagator()
    carrier: dict[str, str] = {}
    propagator.inject(carrier, context=propagator.extract({"traceparent": TRACEPARENT}))
    assert carrier == {"traceparent": TRACEPARENT}, (
        "the W3C propagator now rewrites a canonical traceparent: "
        "fastpath.passthrough_headers must not copy it verbatim any more"
    )
    assert set(propagator.fields) <= fastpath.W3C_FIELDS
    stored = [("ce_id", "1"), ("traceparent", TRACEPARENT)]
    assert fastpath.passthrough_headers(stored) == [
        ("ce_id", b"1"),
        ("traceparent", TRACEPARENT.encode()),
    ]
    assert fastpath.passthrough_headers([*stored, ("tracestate", "v=1")]) is None
    assert fastpath.passthrough_headers([("traceparent", TRACEPARENT.upper())]) is None


def test_the_default_global_propagator_is_the_w3c_one() -> None:
    assert fastpath.w3c_propagation_only(), (
        "the global propagator is no longer W3C trace context + baggage by default: "
        "the relay now always goes through the propagator"
    )
