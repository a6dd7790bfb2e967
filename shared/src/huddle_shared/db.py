"""Database engine creation and the tables every service shares (event store, outbox, ...)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    event,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.exc import InvalidatePoolError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from huddle_shared.config import ServiceSettings
from huddle_shared.fastpath import known_closed

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The tables of the shared mechanisms. Each service's Alembic history creates them in its own
# database; services add their read-model tables to their own MetaData.
shared_metadata = MetaData(naming_convention=NAMING)

events_table = Table(
    "events",
    shared_metadata,
    Column("stream_id", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("event_id", UUID(as_uuid=True), nullable=False, unique=True),
    Column("stream_type", Text, nullable=False),
    Column("tenant_id", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("data", JSONB, nullable=False),
    Column("metadata", JSONB, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    # The primary key is the optimistic-concurrency check: two writers cannot both append v+1.
    PrimaryKeyConstraint("stream_id", "version", name="pk_events"),
)

outbox_table = Table(
    "outbox",
    shared_metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("event_id", UUID(as_uuid=True), nullable=False),
    Column("topic", Text, nullable=False),
    Column("key", LargeBinary, nullable=False),
    Column("headers", JSONB, nullable=False),
    Column("payload", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

idempotency_table = Table(
    "idempotency_keys",
    shared_metadata,
    Column("scope", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("fingerprint", Text, nullable=False),
    Column("status_code", Integer, nullable=False),
    Column("body", JSONB, nullable=True),
    Column("headers", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("scope", "key", name="pk_idempotency_keys"),
)

# Consumer-side bookkeeping: written in the same transaction as the read models.
consumer_offsets_table = Table(
    "consumer_offsets",
    shared_metadata,
    Column("group_id", Text, nullable=False),
    Column("topic", Text, nullable=False),
    Column("partition", Integer, nullable=False),
    Column("next_offset", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("group_id", "topic", "partition", name="pk_consumer_offsets"),
)

applied_streams_table = Table(
    "applied_streams",
    shared_metadata,
    Column("group_id", Text, nullable=False),
    Column("stream_id", Text, nullable=False),
    Column("version", Integer, nullable=False),
    PrimaryKeyConstraint("group_id", "stream_id", name="pk_applied_streams"),
)

dead_letters_table = Table(
    "dead_letters",
    shared_metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("group_id", Text, nullable=False),
    Column("topic", Text, nullable=False),
    Column("partition", Integer, nullable=False),
    Column("offset", BigInteger, nullable=False),
    Column("key", LargeBinary, nullable=True),
    Column("headers", JSONB, nullable=False),
    Column("payload", LargeBinary, nullable=True),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("published_at", DateTime(timezone=True), nullable=True),
    Column("replayed_at", DateTime(timezone=True), nullable=True),
)
Index(
    "ix_dead_letters_source",
    dead_letters_table.c.group_id,
    dead_letters_table.c.topic,
    dead_letters_table.c.partition,
    dead_letters_table.c.offset,
    unique=True,
)


# A pooled connection idle for longer than this is pinged before it is handed out.
PING_AFTER_IDLE_S = 1.0
_LAST_USED = "huddle_last_used"


def create_engine(settings: ServiceSettings) -> AsyncEngine:
    """The service's engine. Nothing connects until first use."""
    engine = create_async_engine(
        settings.sqlalchemy_url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_pool_size,
        # Replaced by the cheaper check of ``install_checkout_check``: SQLAlchemy's pre-ping
        # costs three round trips on asyncpg (BEGIN, an empty query, ROLLBACK) per checkout.
        pool_pre_ping=False,
        pool_timeout=5,
        connect_args={
            "timeout": 5,
            "command_timeout": settings.database_statement_timeout_ms / 1000,
            "server_settings": {
                "statement_timeout": str(settings.database_statement_timeout_ms),
                "application_name": f"huddle-{settings.service_name}",
            },
        },
    )
    install_checkout_check(engine)
    return engine


def install_checkout_check(
    engine: AsyncEngine, *, ping_after_idle_s: float = PING_AFTER_IDLE_S
) -> None:
    """Hand out only live connections, as ``pool_pre_ping`` does, without its round trips.

    - A connection the server closed (a restart, an administrator's terminate) is known to the
      driver without asking the server: asyncpg sees the socket close. Such a connection
      invalidates the pool (every older connection is suspect too) and the pool reconnects.
    - A connection that sat idle in the pool for more than ``ping_after_idle_s`` is pinged
      first (the dialect's own ping), so one silently dropped by a firewall or a failover is
      replaced before a request uses it. Under load connections come back within milliseconds
      and are handed out again without a round trip.
    - A fresh connection has just talked to the server and is used as it is.
    """
    pool_events: Any = engine.sync_engine.pool
    dialect = engine.dialect

    @event.listens_for(pool_events, "connect")
    def _connected(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[_LAST_USED] = time.monotonic()

    @event.listens_for(pool_events, "checkin")
    def _returned(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[_LAST_USED] = time.monotonic()

    @event.listens_for(pool_events, "checkout")
    def _check(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        if known_closed(dbapi_connection):
            raise InvalidatePoolError("the server closed the connection")
        last_used = record.info.get(_LAST_USED)
        if last_used is not None and time.monotonic() - last_used <= ping_after_idle_s:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise InvalidatePoolError(f"ping failed: {type(exc).__name__}") from exc
        record.info[_LAST_USED] = time.monotonic()
