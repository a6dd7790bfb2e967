"""The speed-ups that depend on other libraries' internals or exact output, fenced in one place.

Each one replaces a documented way of doing something with a cheaper one that gives the same
result, and each relies on something no library promises to keep. When a dependency is
upgraded, this module and ``shared/tests/test_fastpath.py`` are where to look.

What it relies on, and what happens when that changes:

- **SQLAlchemy's asyncpg adapter** (``AsyncAdapt_asyncpg_connection``, private): its attributes
  ``_connection`` (the ``asyncpg.Connection``), ``_execute_mutex``, ``_transaction``,
  ``_start_transaction()`` and ``_handle_exception()``, plus ``dbapi.Error`` and the dialect's
  ``is_disconnect``. :func:`execute_in_transaction` uses them to send the event store's append
  straight to asyncpg. If any is missing it takes ``exec_driver_sql`` instead (same effect,
  slower). If their *meaning* changed (a transaction no longer started lazily) the test fails.
- **The pooled connection's ``driver_connection``** (SQLAlchemy's ``AdaptedConnection``) and
  asyncpg's ``Connection.is_closed()``: :func:`known_closed` tells a connection the server
  closed without a round trip. If either is missing it answers False and the checkout check
  still pings connections that sat idle.
- **asyncpg's positional placeholders** (``$1``, ``$2``, …): :func:`shift_placeholders`
  renumbers a caller's statement so it can follow the append in one round trip. A ``$n``
  inside a string literal of that statement would be renumbered too: callers do not write one.
- **The CloudEvents SDK's exact Kafka binary-mode output** (header names, their sorted order,
  the ``Z`` time format, ASCII JSON): :func:`outbox_record` builds those bytes itself. No
  fallback: ``test_outbox_record.py`` compares it with the SDK byte for byte.
- **The same layout when reading**: :func:`decode_direct` parses the records Huddle writes and
  returns None for anything else, which the SDK then decides (``test_envelope_direct.py``
  checks with Hypothesis that both give the same envelope or both refuse the record).
- **The W3C trace-context propagator's canonical form**: :func:`passthrough_headers` copies a
  stored ``traceparent`` when extracting and injecting it would give the same string; only
  when the global propagator is the default W3C one (:func:`w3c_propagation_only`), otherwise
  the relay goes through the propagator.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import asyncpg
from opentelemetry import propagate
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.wire import (
    CONTENT_TYPE,
    SPECVERSION,
    TENANT_EXT,
    TRACE_HEADERS,
    VERSION_EXT,
    Envelope,
)

# ---- asyncpg under SQLAlchemy ------------------------------------------------------------------

_ADAPTER_METHODS = ("_start_transaction", "_handle_exception")


def adapter_problems(adapter: Any) -> list[str]:
    """What :func:`execute_in_transaction` needs and ``adapter`` lacks (empty: all there)."""
    problems: list[str] = []
    if not isinstance(getattr(adapter, "_connection", None), asyncpg.Connection):
        problems.append("_connection is not an asyncpg.Connection")
    if getattr(adapter, "_execute_mutex", None) is None:
        problems.append("_execute_mutex is missing")
    if not hasattr(adapter, "_transaction"):
        problems.append("_transaction is missing")
    problems += [
        f"{name}() is missing"
        for name in _ADAPTER_METHODS
        if not callable(getattr(adapter, name, None))
    ]
    return problems


async def execute_in_transaction(conn: AsyncConnection, sql: str, args: tuple[Any, ...]) -> None:
    """Run one statement on the asyncpg connection under ``conn``, in ``conn``'s transaction.

    The same as ``conn.exec_driver_sql(sql, args)`` (same connection, same transaction, the
    same SQLAlchemy exceptions), without SQLAlchemy's execution machinery around it. It relies
    on the adapter's lazily started transaction (none in autocommit mode); any other
    connection, or one outside a transaction, takes the ordinary way.
    """
    adapter: Any = (await conn.get_raw_connection()).dbapi_connection
    if (
        not (conn.in_transaction() or getattr(adapter, "autocommit", False) is True)
    ) or adapter_problems(adapter):
        await conn.exec_driver_sql(sql, args)
        return
    async with adapter._execute_mutex:
        try:
            if adapter._transaction is None:
                await adapter._start_transaction()
            await adapter._connection.execute(sql, *args)
        except Exception as error:
            wrapped, disconnected = _as_sqlalchemy_error(conn, adapter, error, sql, args)
            if wrapped is None:
                raise
            if disconnected:
                await conn.invalidate()
            raise wrapped from error


def _as_sqlalchemy_error(
    conn: AsyncConnection, adapter: Any, error: Exception, sql: str, args: tuple[Any, ...]
) -> tuple[DBAPIError | None, bool]:
    """``error`` as SQLAlchemy would have raised it from ``exec_driver_sql``, and whether the
    connection is gone (then it must be invalidated, as SQLAlchemy does)."""
    dbapi_error_type = adapter.dbapi.Error
    if isinstance(error, dbapi_error_type):
        translated: Exception = error
    else:
        try:
            adapter._handle_exception(error)  # raises the DB-API form of the driver's error
        except dbapi_error_type as exc:
            translated = exc
        except Exception:
            return None, False
    is_disconnect: Any = conn.dialect.is_disconnect
    disconnected = bool(is_disconnect(translated, adapter, None))
    wrapped = DBAPIError.instance(
        sql,
        args,
        translated,
        dbapi_error_type,
        connection_invalidated=disconnected,
        dialect=conn.dialect,
    )
    return (wrapped if isinstance(wrapped, DBAPIError) else None), disconnected


def known_closed(dbapi_connection: Any) -> bool:
    """Whether the driver already knows the server closed this pooled connection."""
    driver = getattr(dbapi_connection, "driver_connection", None)
    is_closed = getattr(driver, "is_closed", None)
    return is_closed is not None and bool(is_closed())


_PLACEHOLDER = re.compile(r"\$(\d+)")


def shift_placeholders(sql: str, by: int) -> str:
    """``sql`` with ``$n`` renumbered to ``$(n + by)``, to follow ``by`` parameters of another."""
    return _PLACEHOLDER.sub(lambda m: f"${int(m.group(1)) + by}", sql)


# ---- CloudEvents without the SDK ---------------------------------------------------------------

# The binary-mode headers of an outbox row, in the order ``envelope.to_kafka`` returns them
# (sorted by name, then the trace headers); every one is always present.
_CE_ID, _CE_SOURCE, _CE_SPECVERSION = "ce_id", "ce_source", "ce_specversion"
_CE_VERSION, _CE_SUBJECT, _CE_TENANT = f"ce_{VERSION_EXT}", "ce_subject", f"ce_{TENANT_EXT}"
_CE_TIME, _CE_TYPE, _CONTENT_TYPE_HEADER = "ce_time", "ce_type", "content-type"


def outbox_record(
    *,
    event_id: UUID,
    event_type: str,
    source: str,
    subject: str,
    time: datetime,
    tenant_id: str,
    stream_version: int,
    data: dict[str, Any],
    trace_headers: dict[str, str],
) -> tuple[bytes, bytes, str]:
    """The outbox row's key, payload and headers (as stored: JSON pairs of latin-1 text).

    The very bytes :func:`huddle_shared.envelope.to_kafka` produces with the CloudEvents SDK,
    built directly: going through the SDK (an event object whose attributes it validates, a
    message, the headers sorted) cost about as much Python as the rest of the append.
    ``data`` is JSON-ready (``model_dump(mode="json")``).
    """
    value = json.dumps(data).encode()
    stamp = time.astimezone(UTC).isoformat()
    if stamp.endswith("+00:00"):
        stamp = stamp[:-6] + "Z"
    pairs = [
        [_CE_ID, str(event_id)],
        [_CE_SOURCE, source],
        [_CE_SPECVERSION, SPECVERSION],
        [_CE_VERSION, str(stream_version)],
        [_CE_SUBJECT, subject],
        [_CE_TENANT, tenant_id],
        [_CE_TIME, stamp],
        [_CE_TYPE, event_type],
        [_CONTENT_TYPE_HEADER, CONTENT_TYPE],
    ]
    for name in TRACE_HEADERS:
        trace_value = trace_headers.get(name)
        if trace_value:
            pairs.append([name, trace_value])
    if not all(text.isascii() for _, text in pairs):
        # Header bytes are UTF-8, stored as latin-1 text: the same for ASCII, not otherwise.
        pairs = [[name, text.encode().decode("latin-1")] for name, text in pairs]
    return subject.encode(), value, json.dumps(pairs)


_DIRECT_HEADERS = frozenset(
    {
        _CE_ID,
        _CE_SOURCE,
        _CE_TYPE,
        _CE_SPECVERSION,
        _CE_SUBJECT,
        _CE_TIME,
        _CE_TENANT,
        _CE_VERSION,
        _CONTENT_TYPE_HEADER,
        *TRACE_HEADERS,
    }
)


_TRACE_HEADERS = frozenset({"traceparent", "tracestate"})


def decode_direct(key: bytes | None, value: bytes, header_map: dict[str, bytes]) -> Envelope | None:
    """The usual record decoded without the SDK, or None to let the SDK handle it."""
    if not header_map.keys() <= _DIRECT_HEADERS:
        return None
    try:
        # CloudEvents attributes are UTF-8; the W3C trace headers are read as the SDK path reads
        # them (latin-1, byte for byte), so both paths agree on any bytes there.
        text = {
            name: raw.decode("latin-1" if name in _TRACE_HEADERS else "utf-8")
            for name, raw in header_map.items()
        }
        if key is not None:
            key.decode("utf-8")  # the SDK refuses a key that is not UTF-8
        if text[_CE_SPECVERSION] != SPECVERSION or text[_CONTENT_TYPE_HEADER] != CONTENT_TYPE:
            return None
        event_id, source, event_type = text[_CE_ID], text[_CE_SOURCE], text[_CE_TYPE]
        subject, tenant = text[_CE_SUBJECT], text[_CE_TENANT]
        time = datetime.fromisoformat(text[_CE_TIME])
        version = int(text[_CE_VERSION])
        data = json.loads(value.decode("utf-8"))  # as the SDK: UTF-8 only, no detection
    except (KeyError, ValueError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None
    if not (event_id and source and event_type and subject and tenant) or time.tzinfo is None:
        return None
    if not isinstance(data, dict):
        return None
    return Envelope(
        id=event_id,
        type=event_type,
        source=source,
        subject=subject,
        time=time,
        tenant_id=tenant,
        stream_version=version,
        data=data,
        traceparent=text.get("traceparent"),
        tracestate=text.get("tracestate"),
    )


# ---- trace context without the propagator ------------------------------------------------------

# A traceparent exactly as the W3C propagator writes it (version 00, non-zero ids): extracting
# it and injecting it again through a no-op span gives back the very same string.
_CANONICAL_TRACEPARENT = re.compile(r"00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}")
W3C_FIELDS = frozenset({"traceparent", "tracestate", "baggage"})


def w3c_propagation_only() -> bool:
    """Whether the global propagator is the default one (W3C trace context and baggage)."""
    return set(propagate.get_global_textmap().fields) == W3C_FIELDS


def passthrough_headers(stored: list[tuple[str, str]]) -> list[tuple[str, bytes]] | None:
    """The Kafka headers of an outbox row when its trace context can be copied verbatim.

    That is when it has no ``tracestate`` and either no ``traceparent`` or a canonical one;
    otherwise (None) the caller goes through the propagator, which normalises or drops it.
    """
    headers: list[tuple[str, bytes]] = []
    traceparent: str | None = None
    for name, value in stored:
        if name == "traceparent":
            traceparent = value
        elif name == "tracestate":
            return None
        else:
            headers.append((name, value.encode("latin-1")))
    if traceparent is not None:
        if _CANONICAL_TRACEPARENT.fullmatch(traceparent) is None:
            return None
        headers.append(("traceparent", traceparent.encode("latin-1")))
    return headers
