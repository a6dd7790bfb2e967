"""The command path's shortcuts against a real PostgreSQL: the read-model write sent with the
append, errors on the driver path surfacing as SQLAlchemy's, and the pool's checkout check."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from huddle_devtools.testing.databases import DatabaseFactory
from huddle_shared.commands import CommandResult, IdempotencyRequest, execute
from huddle_shared.config import ServiceSettings
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import CareSetting, TeamCreated, TeamRenamed
from huddle_shared.db import create_engine
from huddle_shared.errors import ConcurrencyConflict
from huddle_shared.eventstore import EventContext, EventStore, Statement
from huddle_teams.bootstrap import MIGRATIONS

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
CTX = EventContext(tenant_id="org-1", actor="user-1", correlation_id="req-1")
NOTE = "INSERT INTO notes (stream_id, body) VALUES ($1, $2)"


@pytest.fixture
async def engine(databases: DatabaseFactory) -> AsyncIterator[AsyncEngine]:
    url = databases.create("teams", MIGRATIONS)
    engine = create_engine(ServiceSettings(service_name="teams", database_url=url))
    async with engine.begin() as conn:
        await conn.execute(
            text("CREATE TABLE notes (stream_id text PRIMARY KEY, body text NOT NULL)")
        )
    yield engine
    await engine.dispose()


@pytest.fixture
def store() -> EventStore:
    return EventStore(registry=REGISTRY, source="huddle/teams", physical_topic=lambda t: t)


def created(team_id: str) -> TeamCreated:
    return TeamCreated(
        team_id=team_id,
        org_id="org-1",
        name="Team",
        care_setting=CareSetting.PRIMARY_CARE_CLINIC,
        created_by="user-1",
    )


async def rows(engine: AsyncEngine, stream: str) -> tuple[int, int, list[str]]:
    async with engine.connect() as conn:
        events = (
            await conn.execute(
                text("SELECT count(*) FROM events WHERE stream_id = :s"), {"s": stream}
            )
        ).scalar_one()
        outbox = (await conn.execute(text("SELECT count(*) FROM outbox"))).scalar_one()
        notes = (
            await conn.execute(text("SELECT body FROM notes WHERE stream_id = :s"), {"s": stream})
        ).scalars()
        return events, outbox, list(notes)


async def test_the_statement_sent_with_the_append_commits_with_it(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())
    async with engine.begin() as conn:
        recorded = await store.append(
            conn,
            stream_id=stream,
            stream_type="team",
            expected_version=0,
            events=[created(stream), TeamRenamed(team_id=stream, name="B", renamed_by="u")],
            context=CTX,
            now=NOW,
            also=Statement(NOTE, (stream, "written with the append")),
        )
    assert [r.version for r in recorded] == [1, 2]
    assert await rows(engine, stream) == (2, 2, ["written with the append"])
    async with engine.connect() as conn:
        order = (
            (await conn.execute(text("SELECT event_id FROM outbox ORDER BY id"))).scalars().all()
        )
    assert order == [r.event_id for r in recorded], "outbox ids follow the event order"


async def test_a_version_clash_writes_neither_the_events_nor_the_statement(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())
    async with engine.begin() as conn:
        await store.append(
            conn,
            stream_id=stream,
            stream_type="team",
            expected_version=0,
            events=[created(stream)],
            context=CTX,
            now=NOW,
        )
    with pytest.raises(ConcurrencyConflict):
        async with engine.begin() as conn:
            await store.append(
                conn,
                stream_id=stream,
                stream_type="team",
                expected_version=0,
                events=[created(stream)],
                context=CTX,
                now=NOW,
                also=Statement(NOTE, (stream, "must not stay")),
            )
    assert await rows(engine, stream) == (1, 1, [])


async def test_other_errors_of_the_append_are_sqlalchemy_errors_and_roll_back(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())
    async with engine.begin() as conn:
        await conn.execute(text("INSERT INTO notes VALUES (:s, 'first')"), {"s": stream})
    with pytest.raises(IntegrityError) as raised:
        async with engine.begin() as conn:
            await store.append(
                conn,
                stream_id=stream,
                stream_type="team",
                expected_version=0,
                events=[created(stream)],
                context=CTX,
                now=NOW,
                also=Statement(NOTE, (stream, "a duplicate key")),
            )
    assert not isinstance(raised.value, ConcurrencyConflict)
    assert "notes_pkey" in str(raised.value.orig)
    assert await rows(engine, stream) == (0, 0, ["first"])


async def test_the_append_joins_a_transaction_already_under_way(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())

    async def command_failing_after_the_append() -> None:
        async with engine.begin() as conn:
            await conn.execute(text("INSERT INTO notes VALUES (:s, 'earlier')"), {"s": stream})
            await store.append(
                conn,
                stream_id=stream,
                stream_type="team",
                expected_version=0,
                events=[created(stream)],
                context=CTX,
                now=NOW,
            )
            raise RuntimeError("the command fails after the append")

    with pytest.raises(RuntimeError):
        await command_failing_after_the_append()
    assert await rows(engine, stream) == (0, 0, [])


async def terminate(engine: AsyncEngine, pid: int) -> None:
    """End a server connection and wait until it is gone (and the client saw it close)."""
    other = create_async_engine(engine.url, poolclass=NullPool)  # not the pool under test
    async with other.connect() as admin:
        await admin.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        for _ in range(200):
            alive = (
                await admin.execute(
                    text("SELECT count(*) FROM pg_stat_activity WHERE pid = :p"), {"p": pid}
                )
            ).scalar_one()
            if not alive:
                break
            await asyncio.sleep(0.01)
    await other.dispose()
    await asyncio.sleep(0.1)


async def test_a_connection_the_server_closed_is_replaced_at_checkout(
    engine: AsyncEngine, store: EventStore
) -> None:
    async with engine.connect() as conn:
        pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    await terminate(engine, pid)
    # The pool holds the terminated connection, used a moment ago: no ping would be sent, yet
    # no request fails.
    for _ in range(3):
        stream = str(uuid.uuid4())
        async with engine.begin() as conn:
            assert (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one() != pid
            await store.append(
                conn,
                stream_id=stream,
                stream_type="team",
                expected_version=0,
                events=[created(stream)],
                context=CTX,
                now=NOW,
            )


async def test_a_connection_lost_during_the_append_is_a_disconnect(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())

    async def append_on_a_dead_connection() -> None:
        async with engine.begin() as conn:
            pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
            await terminate(engine, pid)
            await store.append(
                conn,
                stream_id=stream,
                stream_type="team",
                expected_version=0,
                events=[created(stream)],
                context=CTX,
                now=NOW,
            )

    with pytest.raises(DBAPIError) as raised:
        await append_on_a_dead_connection()
    assert raised.value.connection_invalidated
    async with engine.begin() as conn:  # the pool recovered
        assert (await conn.execute(text("SELECT 1"))).scalar_one() == 1
    assert await rows(engine, stream) == (0, 0, [])


async def test_a_one_statement_command_commits_without_a_transaction_block(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())
    sent: list[str] = []
    woken: list[bool] = []

    async def run(conn: AsyncConnection) -> CommandResult:
        raw = (await conn.get_raw_connection()).driver_connection
        assert raw is not None
        raw.add_query_logger(lambda record: sent.append(record.query.strip().split()[0]))
        await store.append(
            conn,
            stream_id=stream,
            stream_type="team",
            expected_version=0,
            events=[created(stream)],
            context=CTX,
            now=NOW,
            also=Statement(NOTE, (stream, "one statement")),
        )
        return CommandResult(201, {"id": stream})

    result = await execute(engine, run, one_statement=True, after_commit=lambda: woken.append(True))
    assert result.status_code == 201
    # (Type introspection may run before the first use of the statement on a connection.)
    assert sent[-1] == "WITH"
    assert not {"BEGIN", "COMMIT"} & set(sent), "no transaction block around the statement"
    assert woken == [True]
    assert await rows(engine, stream) == (1, 1, ["one statement"])


async def test_a_one_statement_command_with_an_idempotency_key_keeps_its_transaction(
    engine: AsyncEngine, store: EventStore
) -> None:
    stream = str(uuid.uuid4())
    key = IdempotencyRequest(scope="org-1:user-1", key="key-" + stream, fingerprint="f")
    runs: list[int] = []

    async def run(conn: AsyncConnection) -> CommandResult:
        runs.append(1)
        assert conn.in_transaction()
        await store.append(
            conn,
            stream_id=stream,
            stream_type="team",
            expected_version=0,
            events=[created(stream)],
            context=CTX,
            now=NOW,
            also=Statement(NOTE, (stream, "with a key")),
        )
        return CommandResult(201, {"id": stream})

    first = await execute(engine, run, idempotency=key, one_statement=True)
    again = await execute(engine, run, idempotency=key, one_statement=True)
    assert (first.status_code, first.body) == (again.status_code, again.body)
    assert runs == [1], "the repeat was answered from the stored record"
    assert await rows(engine, stream) == (1, 1, ["with a key"])
