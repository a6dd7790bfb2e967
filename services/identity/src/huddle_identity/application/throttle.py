"""Sign-in throttling, stored in the database so every replica enforces the same limits.

Keys are derived from what the caller typed (the username, the client id), never from whether
an account exists, so a locked-out answer reveals nothing about existence.
"""

from __future__ import annotations

import hashlib
import math
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_identity.adapters.tables import login_throttle


def throttle_key(kind: str, value: str) -> str:
    # Hashed: the table must not become a list of every address someone tried.
    return kind + ":" + hashlib.sha256(value.strip().lower().encode()).hexdigest()


class LoginThrottle:
    def __init__(
        self, *, engine: AsyncEngine, max_failures: int, window: timedelta, lockout: timedelta
    ) -> None:
        self.engine = engine
        self.max_failures = max_failures
        self.window = window
        self.lockout = lockout

    async def retry_after(self, key: str, now: datetime) -> int | None:
        """Seconds to wait when ``key`` is locked out, else None."""
        async with self.engine.connect() as conn:
            locked_until: datetime | None = (
                await conn.execute(
                    select(login_throttle.c.locked_until).where(login_throttle.c.key == key)
                )
            ).scalar_one_or_none()
        if locked_until is None or locked_until <= now:
            return None
        return max(1, math.ceil((locked_until - now).total_seconds()))

    async def record_failure(self, key: str, now: datetime, *, limit: int | None = None) -> None:
        """One more failure (or attempt, for what is limited per address: reset requests);
        ``limit`` replaces the sign-in limit."""
        most = limit or self.max_failures
        async with self.engine.begin() as conn:
            row = (
                await conn.execute(
                    select(login_throttle).where(login_throttle.c.key == key).with_for_update()
                )
            ).one_or_none()
            if row is None or now - row.window_started_at > self.window:
                failures, started = 1, now
            else:
                failures, started = row.failures + 1, row.window_started_at
            locked_until = None
            if failures >= most:
                # Doubling lockouts, capped at the window: slow enough to stop guessing,
                # short enough that a person who mistyped is not locked out for long.
                factor = 2 ** min(failures - most, 10)
                locked_until = now + min(self.lockout * factor, self.window)
            stmt = insert(login_throttle).values(
                key=key, failures=failures, window_started_at=started, locked_until=locked_until
            )
            await conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=[login_throttle.c.key],
                    set_={
                        "failures": stmt.excluded.failures,
                        "window_started_at": stmt.excluded.window_started_at,
                        "locked_until": stmt.excluded.locked_until,
                    },
                )
            )

    async def reset(self, key: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(delete(login_throttle).where(login_throttle.c.key == key))
