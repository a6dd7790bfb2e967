"""What the per-source folds share: rows, the storable check, and statements sent once per batch.

Each fold (``identity_facts``, ``teams_facts``, ``charter_facts``, ``assessments_facts``) turns
the events of its source into lists of rows and then writes every kind of change with a single
statement. The helpers here keep those folds to their own rules: how a value dropped in memory
is still checked, and how a list of rows becomes one ``executemany`` or one ``unnest`` insert.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY, Insert, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.envelope import Envelope
from huddle_shared.events import DomainEvent

Row = dict[str, Any]
# A fold's per-event functions by event type. The payload is typed by each function itself; the
# map only promises that the function it returns accepts payloads of the type it is filed under.
Handlers = dict[type[DomainEvent], Callable[[Any, Envelope], None]]

_INT4_MIN, _INT4_MAX = -(2**31), 2**31 - 1


class UnstorableValue(ValueError):
    """A value the batch would drop could not have been stored: apply event by event instead."""


def ensure_storable(value: object) -> None:
    """Refuse what PostgreSQL would refuse, for a value the fold never sends to it."""
    if isinstance(value, str) and "\x00" in value:
        raise UnstorableValue("a text with a NUL character")
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and not _INT4_MIN <= value <= _INT4_MAX
    ):
        raise UnstorableValue(f"an integer out of range: {value}")


def overwrite(row: Row, column: str, value: object) -> None:
    """Replace a column of a row still to be inserted; the replaced value is checked first."""
    ensure_storable(row[column])
    row[column] = value


def insert_unnest(table: Table) -> Insert:
    """``INSERT … SELECT unnest(column arrays) ON CONFLICT DO NOTHING``: one statement whatever
    the number of rows, in the order given (so the first row of a key wins, as one by one)."""
    arrays = select(
        *(func.unnest(bindparam(f"a_{c.name}", type_=ARRAY(c.type))) for c in table.columns)
    )
    return (
        insert(table).from_select([c.name for c in table.columns], arrays).on_conflict_do_nothing()
    )


async def send_rows(conn: AsyncConnection, statement: Any, rows: Sequence[Row]) -> None:
    """One ``executemany`` of ``statement`` over ``rows``; nothing at all when there are none."""
    if rows:
        await conn.execute(statement, list(rows))


async def send_unnest(
    conn: AsyncConnection, statement: Any, table: Table, rows: Sequence[Row]
) -> None:
    """One :func:`insert_unnest` statement for ``rows``, as one array per column."""
    if rows:
        await conn.execute(
            statement, {f"a_{c.name}": [row[c.name] for row in rows] for c in table.columns}
        )
