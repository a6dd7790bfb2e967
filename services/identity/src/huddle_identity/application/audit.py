"""The sign-in audit: each sign-in to an organisation (how, through which frontend and which
identity provider), and each attempt that failed for one of its people, for its org admins to
read. Ids and fixed labels only; an attempt for an address nobody has is nobody's to read."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_identity.adapters.tables import sign_in_audit
from huddle_identity.application import access
from huddle_shared.auth import Principal

log = logging.getLogger("huddle.identity.audit")

Method = Literal["password", "sso", "password_grant"]
Result = Literal["succeeded", "failed"]


@dataclass(frozen=True)
class SignIn:
    id: int
    at: datetime
    user_id: str | None
    method: str
    client_id: str | None
    identity_provider: str | None
    result: str
    reason: str | None


async def record(
    engine: AsyncEngine,
    *,
    org_id: str,
    user_id: str | None,
    method: Method,
    result: Result,
    at: datetime,
    reason: str | None = None,
    client_id: str | None = None,
    identity_provider: str | None = None,
) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            insert(sign_in_audit).values(
                org_id=org_id,
                user_id=user_id,
                method=method,
                client_id=client_id,
                identity_provider=identity_provider,
                result=result,
                reason=reason,
                at=at,
            )
        )


@dataclass(frozen=True)
class SignInPage:
    items: Sequence[SignIn]
    next_before: int | None


async def list_sign_ins(
    engine: AsyncEngine,
    *,
    org_id: str,
    principal: Principal,
    before: int | None,
    limit: int,
    user_id: str | None = None,
    result: str | None = None,
    method: str | None = None,
) -> SignInPage:
    """The organisation's sign-ins, newest first (org admins)."""
    access.ensure_org_admin(principal)
    principal.require_org(org_id)
    query = select(sign_in_audit).where(sign_in_audit.c.org_id == org_id)
    if before is not None:
        query = query.where(sign_in_audit.c.id < before)
    if user_id is not None:
        query = query.where(sign_in_audit.c.user_id == user_id)
    if result is not None:
        query = query.where(sign_in_audit.c.result == result)
    if method is not None:
        query = query.where(sign_in_audit.c.method == method)
    async with engine.connect() as conn:
        rows = (
            (await conn.execute(query.order_by(sign_in_audit.c.id.desc()).limit(limit + 1)))
            .mappings()
            .all()
        )
    items = [
        SignIn(
            id=row["id"],
            at=row["at"],
            user_id=row["user_id"],
            method=row["method"],
            client_id=row["client_id"],
            identity_provider=row["identity_provider"],
            result=row["result"],
            reason=row["reason"],
        )
        for row in rows[:limit]
    ]
    more = len(rows) > limit
    return SignInPage(items, items[-1].id if more and items else None)


class AuditRetention:
    """Forgets sign-ins older than the retention, once an hour."""

    def __init__(
        self,
        *,
        engine: AsyncEngine,
        clock: Callable[[], datetime],
        retention: timedelta,
        every_s: float = 3600,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.retention = retention
        self.every_s = every_s

    async def forget_old(self) -> int:
        async with self.engine.begin() as conn:
            result = await conn.execute(
                delete(sign_in_audit).where(sign_in_audit.c.at < self.clock() - self.retention)
            )
        return int(result.rowcount or 0)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                forgotten = await self.forget_old()
                if forgotten:
                    log.info("forgot %d sign-ins past the retention", forgotten)
            except Exception as exc:
                log.warning("sign-in audit retention failed (%s); retrying", type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.every_s)
