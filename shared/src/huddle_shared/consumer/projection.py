"""What a projection is handed, and the optional ways it can take a batch.

The runtime looks the optional abilities up once, with ``isinstance`` on these
``runtime_checkable`` protocols: a projection offers them simply by having the methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared.envelope import Envelope
from huddle_shared.events import DomainEvent


@dataclass(frozen=True)
class ReceivedEvent:
    """A decoded event with where it came from."""

    envelope: Envelope
    payload: DomainEvent
    topic: str
    partition: int
    offset: int


@runtime_checkable
class Projection(Protocol):
    """Folds events into read-model tables. ``apply`` runs inside the batch transaction."""

    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None: ...


@runtime_checkable
class BatchProjection(Projection, Protocol):
    """A projection that can apply a whole batch at once (with a handful of statements).

    ``apply_batch(conn, events)`` must leave the read models exactly as ``apply`` for each event
    in order would. When it fails, the consumer applies the events one by one with ``apply`` to
    find the poison ones, so ``apply`` stays required.
    """

    async def apply_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None: ...


@runtime_checkable
class BatchAware(Protocol):
    """A projection that also wants to act once per batch, in the batch's transaction."""

    async def after_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None: ...


class PoisonEvent(Exception):
    """Raised by a projection for an event it can never apply (it goes to the dead letters)."""
