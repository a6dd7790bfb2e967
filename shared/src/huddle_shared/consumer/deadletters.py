"""Dead letters: set aside in the batch transaction, published afterwards, replayed on request.

A record is stored in ``dead_letters`` in the same transaction as the rest of its batch, so it
is never lost and never stored twice. Publishing to the dead-letter topic comes after the
commit and may fail or be cut short by a crash: whatever is not marked published yet is sent
again later, by this replica or another. A replay re-drives the stored records through the
projection once a fix is deployed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence

from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from huddle_shared.consumer import bookkeeping
from huddle_shared.consumer.decoding import Item
from huddle_shared.consumer.projection import ReceivedEvent

# After a batch without dead letters of its own, the consumer still looks for unpublished ones
# (another replica's, or left by a crash) at most this often instead of after every batch.
DEAD_LETTER_RECHECK_S = 2.0
# Published per round; a full round means more may be waiting.
PUBLISH_AT_MOST = 1000


class DeadLetterPublisher:
    """Sends a group's unpublished dead letters to its dead-letter topic."""

    def __init__(
        self,
        *,
        engine: AsyncEngine,
        group_id: str,
        topic: str,
        producer_factory: Callable[[], AIOKafkaProducer],
    ) -> None:
        self.engine = engine
        self.group_id = group_id
        self.topic = topic
        self.producer_factory = producer_factory
        self._waiting = True  # unknown at start: look
        self._checked_at = 0.0

    def recorded(self) -> None:
        """A batch stored dead letters: publish them after it."""
        self._waiting = True

    def due(self) -> bool:
        """Whether to look for unpublished dead letters now."""
        return self._waiting or time.monotonic() - self._checked_at >= DEAD_LETTER_RECHECK_S

    async def publish_pending(self) -> None:
        self._checked_at = time.monotonic()
        async with self.engine.connect() as conn:
            letters = await bookkeeping.unpublished_dead_letters(
                conn, group_id=self.group_id, limit=PUBLISH_AT_MOST
            )
            if not letters:
                self._waiting = False
                return
            producer = self.producer_factory()
            await producer.start()
            try:
                futures = [
                    await producer.send(
                        self.topic, value=d.payload, key=d.key, headers=self._headers(d)
                    )
                    for d in letters
                ]
                await asyncio.gather(*futures)
            finally:
                await producer.stop()
            await bookkeeping.mark_published(conn, [d.id for d in letters])
            await conn.commit()
            self._waiting = len(letters) == PUBLISH_AT_MOST

    def _headers(self, letter: bookkeeping.DeadLetter) -> list[tuple[str, bytes]]:
        """The record's own headers, then where it came from and why it was set aside."""
        return [
            *letter.headers,
            ("dlq_reason", letter.reason.encode()),
            ("dlq_source_topic", letter.topic.encode()),
            ("dlq_source_partition", str(letter.partition).encode()),
            ("dlq_source_offset", str(letter.offset).encode()),
            ("dlq_consumer_group", self.group_id.encode()),
        ]


async def replay(
    engine: AsyncEngine,
    *,
    group_id: str,
    decode: Callable[[ConsumerRecord[bytes, bytes]], Item],
    apply: Callable[[AsyncConnection, ReceivedEvent], Awaitable[None]],
    ids: Sequence[int] | None = None,
) -> tuple[int, int]:
    """Re-drive the group's dead letters (only ``ids`` when given) through ``apply``.

    Returns (applied, still failing). Applied ones are marked replayed, so each is applied
    at most once; the ones still failing stay for the next replay.
    """
    async with engine.connect() as conn:
        letters = await bookkeeping.dead_letters_to_replay(conn, group_id=group_id, ids=ids)
    ok = failed = 0
    for letter in letters:
        event = decode(letter.to_record()).event
        if event is None:
            failed += 1
            continue
        try:
            async with engine.begin() as conn:
                # Claimed first, in this transaction: a concurrent replay of the same letter
                # waits for it, then skips it. A failure rolls the claim back with the rest.
                if not await bookkeeping.claim_for_replay(conn, letter.id):
                    continue
                # A dead letter was never applied, so it is applied now even if later events
                # of its stream were (replayed events arrive out of order; the projections'
                # upserts tolerate that). ``replayed_at`` makes this happen at most once.
                try:
                    async with conn.begin_nested():
                        await apply(conn, event)
                except Exception as exc:
                    raise _StillFailing from exc
                await bookkeeping.record_progress(
                    conn,
                    group_id=group_id,
                    versions={event.envelope.subject: event.envelope.stream_version},
                    next_offsets={},
                )
                # A replay moves no offset; touching the group's rows still moves the
                # watermark that read-model caches (insights dashboards) are validated by.
                await bookkeeping.touch_group(conn, group_id=group_id)
        except _StillFailing:
            failed += 1
            continue
        ok += 1
    return ok, failed


class _StillFailing(Exception):
    """The projection refused the event again: roll back its transaction, claim included."""
