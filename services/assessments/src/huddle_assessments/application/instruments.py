"""Publishing instruments: Huddle's seeds at start-up, organisations' own on request."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.adapters.tables import instruments
from huddle_assessments.application import access
from huddle_assessments.application.deps import Assessments
from huddle_assessments.domain.instruments import definition_problems
from huddle_assessments.domain.seeds import SEEDS
from huddle_shared.auth import Principal
from huddle_shared.contracts.assessments import InstrumentDefinition, InstrumentPublished
from huddle_shared.errors import ConcurrencyConflict, DomainRuleViolated, NotFound
from huddle_shared.eventstore import EventContext
from huddle_shared.retry import Backoff

HUDDLE_SCOPE = "huddle"
logger = logging.getLogger("huddle.assessments.instruments")


async def _publish(
    conn: AsyncConnection,
    deps: Assessments,
    *,
    instrument_id: str,
    version: int,
    scope: str,
    definition: InstrumentDefinition,
    actor: str,
    now: datetime,
) -> None:
    event = InstrumentPublished(
        instrument_id=instrument_id,
        version=version,
        org_id=None if scope == HUDDLE_SCOPE else scope,
        definition=definition,
    )
    await deps.store.append(
        conn,
        stream_id=instrument_id,
        stream_type="instrument",
        expected_version=0,
        events=[event],
        context=EventContext(tenant_id=scope, actor=actor),
        now=now,
    )
    await conn.execute(
        insert(instruments).values(
            instrument_id=instrument_id,
            scope=scope,
            key=definition.key,
            version=version,
            kind=definition.kind.value,
            title=definition.title,
            definition=definition.model_dump(mode="json"),
            published_at=now,
        )
    )


async def seed_instruments(deps: Assessments) -> int:
    """Publish the seeds not yet published; safe to run from every replica at every start."""
    published = 0
    for instrument_id, definition in SEEDS.items():
        try:
            async with deps.engine.begin() as conn:
                exists = await conn.execute(
                    select(instruments.c.instrument_id).where(
                        instruments.c.instrument_id == instrument_id
                    )
                )
                if exists.first() is not None:
                    continue
                await _publish(
                    conn,
                    deps,
                    instrument_id=instrument_id,
                    version=1,
                    scope=HUDDLE_SCOPE,
                    definition=definition,
                    actor="huddle",
                    now=deps.clock(),
                )
            published += 1
        except ConcurrencyConflict:
            continue  # another replica seeded it first
    if published:
        deps.store.committed()
    return published


async def keep_seeding(deps: Assessments, stop: asyncio.Event) -> None:
    """Seed once the database answers; retried so a slow database does not block start-up."""
    backoff = Backoff(0.5, 10.0)
    while not stop.is_set():
        try:
            await seed_instruments(deps)
            return
        except Exception as exc:
            logger.warning("seeding instruments failed (%s); retrying", type(exc).__name__)
            await backoff.wait(stop)


async def publish_instrument(
    conn: AsyncConnection,
    deps: Assessments,
    *,
    org_id: str,
    definition: InstrumentDefinition,
    actor: str,
    now: datetime,
) -> str:
    if definition.key.startswith("huddle."):
        raise DomainRuleViolated("Keys starting with 'huddle.' are reserved for Huddle")
    problems = definition_problems(definition)
    if problems:
        raise DomainRuleViolated(
            "The instrument definition is not valid: " + "; ".join(problems),
            errors=[{"location": ["body"], "message": p, "type": "definition"} for p in problems],
        )
    # Publishing one key twice at the same moment: the second waits for the first to commit,
    # then numbers after it (instead of taking the same version and failing on the unique key).
    await conn.execute(
        select(
            func.pg_advisory_xact_lock(
                func.hashtextextended(f"instrument:{org_id}:{definition.key}", 0)
            )
        )
    )
    latest = await conn.execute(
        select(func.max(instruments.c.version)).where(
            instruments.c.scope == org_id, instruments.c.key == definition.key
        )
    )
    version = (latest.scalar_one() or 0) + 1
    instrument_id = str(uuid.uuid4())
    await _publish(
        conn,
        deps,
        instrument_id=instrument_id,
        version=version,
        scope=org_id,
        definition=definition,
        actor=actor,
        now=now,
    )
    return instrument_id


async def visible_instrument(
    conn: AsyncConnection, *, instrument_id: str, org_id: str
) -> tuple[InstrumentDefinition, int, str | None]:
    """An instrument the organisation may use: Huddle's own, or one it published itself."""
    row = (
        await conn.execute(
            select(instruments).where(
                instruments.c.instrument_id == instrument_id,
                or_(instruments.c.scope == HUDDLE_SCOPE, instruments.c.scope == org_id),
            )
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such instrument")
    owner = None if row.scope == HUDDLE_SCOPE else row.scope
    return InstrumentDefinition.model_validate(row.definition), row.version, owner


async def instrument_row(conn: AsyncConnection, *, instrument_id: str) -> Row[Any]:
    query = select(instruments).where(instruments.c.instrument_id == instrument_id)
    return (await conn.execute(query)).one()


async def publish_own_instrument(
    conn: AsyncConnection,
    deps: Assessments,
    *,
    principal: Principal,
    definition: InstrumentDefinition,
    now: datetime,
) -> Row[Any]:
    """Publish the organisation's own instrument version (org admins); the stored row."""
    access.ensure_can_publish_instruments(principal)
    instrument_id = await publish_instrument(
        conn, deps, org_id=principal.org_id, definition=definition, actor=principal.subject, now=now
    )
    return await instrument_row(conn, instrument_id=instrument_id)
