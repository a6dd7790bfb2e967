"""Keyset pagination over read models, and the one safe "name contains" filter.

Every list in every service pages the same way: rows in a stable order of unique keys, the
cursor carries the last row's keys, and the next page starts strictly after them. Offsets are
never used: they skip or repeat rows while others write, and they get slower page by page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, or_
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.http import decode_cursor, encode_cursor, parse_cursor_time


@dataclass(frozen=True)
class Page:
    rows: Sequence[RowMapping]
    has_more: bool

    def next_cursor(self, keys: Callable[[RowMapping], list[Any]]) -> str | None:
        """The cursor of the page after this one, or None on the last page."""
        if not self.has_more or not self.rows:
            return None
        return encode_cursor(keys(self.rows[-1]))


def contains(column: ColumnElement[str], fragment: str) -> ColumnElement[bool]:
    """Case-insensitive substring match; ``%``, ``_`` and ``\\`` in the input match literally."""
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def after(columns: Sequence[ColumnElement[Any]], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after ``values`` in the order of ``columns`` (a lexicographic comparison)."""
    condition: ColumnElement[bool] = false()
    for index in reversed(range(len(columns))):
        ties = [columns[i] == values[i] for i in range(index)]
        condition = or_(and_(*ties, columns[index] > values[index]), condition)
    return condition


async def fetch_page(
    conn: AsyncConnection,
    query: Select[Any],
    *,
    order_by: Sequence[ColumnElement[Any]],
    after_keys: Sequence[Any] | None,
    limit: int,
) -> Page:
    """One page of ``query`` in ``order_by`` order, after the previous page's last keys."""
    if after_keys is not None:
        query = query.where(after(order_by, after_keys))
    rows = (await conn.execute(query.order_by(*order_by).limit(limit + 1))).mappings().all()
    return Page(rows=rows[:limit], has_more=len(rows) > limit)


def time_and_id_cursor(cursor: str | None) -> tuple[Any, str] | None:
    """Decode a ``[created_at, id]`` cursor, the order most lists use (400 if it is not ours)."""
    values = decode_cursor(cursor, 2)
    if values is None:
        return None
    return parse_cursor_time(values[0]), str(values[1])
