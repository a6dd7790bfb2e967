"""The one way an event-sourced aggregate is read and changed, for every service.

Each service describes its aggregates once (stream type, the fold, what "not found" means) and
every use case goes through :meth:`Aggregate.change`: load the stream, authorise, check
``If-Match``, decide, append with the outbox, update the read models written in the command's
transaction. The order of the checks is a security decision, so it lives here and nowhere else:
404 before 403 (another tenant learns nothing, not even that the id exists), 403 before 412 (a
caller who may not write learns nothing about versions), then the business rules.

Nothing here opens a transaction: handlers run on the connection that
:func:`huddle_shared.commands.execute` opened, so events, outbox rows, read models and the
idempotency record commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.auth import Principal
from huddle_shared.errors import HuddleError
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventContext, EventStore, RecordedEvent, Statement
from huddle_shared.http import check_if_match


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


S = TypeVar("S", bound=Versioned)


@dataclass(frozen=True)
class Caller:
    """Who asks, on whose behalf the events are recorded, when, and the version they saw."""

    principal: Principal
    context: EventContext
    now: datetime
    if_match: str | None = None


@dataclass(frozen=True)
class Aggregate(Generic[S]):
    """How one kind of aggregate is folded from its stream and found missing.

    ``evolve(state, event, recorded_at, version)`` is the domain's pure fold step;
    ``not_found`` builds the error for a stream that does not exist in the caller's tenant.
    """

    stream_type: str
    evolve: Callable[[S | None, DomainEvent, datetime, int], S]
    not_found: Callable[[], HuddleError]

    def fold(self, events: Iterable[RecordedEvent], state: S | None = None) -> S | None:
        for recorded in events:
            state = self.evolve(state, recorded.payload, recorded.recorded_at, recorded.version)
        return state

    def evolved(self, state: S | None, events: Sequence[DomainEvent], *, now: datetime) -> S:
        """The state after ``events``, as the store will record them: the next versions, at now."""
        version = state.version if state is not None else 0
        for offset, event in enumerate(events, start=1):
            state = self.evolve(state, event, now, version + offset)
        assert state is not None, "evolved() needs at least one event or a state"
        return state

    async def load(
        self, conn: AsyncConnection, *, store: EventStore, stream_id: str, tenant_id: str
    ) -> S:
        """The aggregate as of its last event; another tenant's stream does not exist."""
        state = self.fold(await store.load(conn, stream_id, tenant_id=tenant_id))
        if state is None:
            raise self.not_found()
        return state

    async def create(
        self,
        conn: AsyncConnection,
        *,
        store: EventStore,
        stream_id: str,
        events: Sequence[DomainEvent],
        context: EventContext,
        now: datetime,
        also: Callable[[S], Statement] | None = None,
    ) -> tuple[S, list[RecordedEvent]]:
        """Append the first events of a new stream (a concurrent creator gets a conflict)."""
        state = self.evolved(None, events, now=now)
        recorded = await store.append(
            conn,
            stream_id=stream_id,
            stream_type=self.stream_type,
            expected_version=0,
            events=list(events),
            context=context,
            now=now,
            also=also(state) if also is not None else None,
        )
        return state, recorded

    async def change(
        self,
        conn: AsyncConnection,
        *,
        store: EventStore,
        stream_id: str,
        caller: Caller,
        decide: Callable[[S], Awaitable[list[DomainEvent]] | list[DomainEvent]],
        authorise: Callable[[S], None] | None = None,
        also: Callable[[S], Statement] | None = None,
        after_append: Callable[[AsyncConnection, S, list[RecordedEvent]], Awaitable[None]]
        | None = None,
    ) -> S:
        """Load → authorise → If-Match → decide → append; the new state (unchanged if no event).

        ``also`` gives a read-model statement carried by the append itself; ``after_append``
        updates read models from the recorded events in the same transaction.
        """
        state = await self.load(
            conn, store=store, stream_id=stream_id, tenant_id=caller.context.tenant_id
        )
        if authorise is not None:
            authorise(state)
        check_if_match(caller.if_match, state.version)
        decided = decide(state)
        events = await decided if isinstance(decided, Awaitable) else decided
        if not events:
            return state
        changed = self.evolved(state, events, now=caller.now)
        recorded = await store.append(
            conn,
            stream_id=stream_id,
            stream_type=self.stream_type,
            expected_version=state.version,
            events=events,
            context=caller.context,
            now=caller.now,
            also=also(changed) if also is not None else None,
        )
        if after_append is not None:
            await after_append(conn, changed, recorded)
        return changed
