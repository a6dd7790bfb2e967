"""What free text an organisation shares with its integrations, field by field (none unless an
org admin opts in). Event-sourced (``domain/sharing.py``); ``org_settings`` is its read model,
written by the append itself, which the projection reads when it translates an event. Applies
to events published from then on; nothing is re-sent."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_integrations.application.access import ensure_integrator, ensure_org_admin
from huddle_integrations.domain import sharing
from huddle_shared.aggregates import Caller
from huddle_shared.auth import Principal
from huddle_shared.contracts.integration import ShareableField
from huddle_shared.eventstore import EventStore, Statement
from huddle_shared.http import check_if_match

_UPSERT = (
    "INSERT INTO org_settings (org_id, shared_fields, updated_at, updated_by) "
    "VALUES ($1, $2::text[], $3, $4) ON CONFLICT (org_id) DO UPDATE SET "
    "shared_fields = excluded.shared_fields, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by"
)


def _row(state: sharing.Sharing) -> Statement:
    fields = sorted(f.value for f in state.shared_fields)
    return Statement(_UPSERT, (state.org_id, fields, state.updated_at, state.updated_by))


async def _load(conn: AsyncConnection, store: EventStore, org_id: str) -> sharing.Sharing:
    events = await store.load(conn, sharing.stream_id(org_id), tenant_id=org_id)
    state: sharing.Sharing | None = None
    for recorded in events:
        state = sharing.evolve(state, recorded.payload, recorded.recorded_at, recorded.version)
    return state or sharing.nothing_shared(org_id)


async def read_sharing(
    engine: AsyncEngine, store: EventStore, principal: Principal
) -> sharing.Sharing:
    ensure_integrator(principal)
    async with engine.connect() as conn:
        return await _load(conn, store, principal.org_id)


async def change_sharing(
    conn: AsyncConnection,
    *,
    store: EventStore,
    fields: Sequence[ShareableField],
    caller: Caller,
) -> sharing.Sharing:
    ensure_org_admin(caller.principal)
    org_id = caller.principal.org_id
    state = await _load(conn, store, org_id)
    check_if_match(caller.if_match, state.version)
    events = sharing.decide_change(state, fields, actor=caller.principal.subject)
    if not events:
        return state
    changed = state
    for offset, event in enumerate(events, start=1):
        changed = sharing.evolve(changed, event, caller.now, state.version + offset)
    await store.append(
        conn,
        stream_id=sharing.stream_id(org_id),
        stream_type=sharing.STREAM_TYPE,
        expected_version=state.version,
        events=events,
        context=caller.context,
        now=caller.now,
        also=_row(changed),
    )
    return changed
