"""The consumer's spans: one per batch, and one per event continuing the trace that caused it.

Without an OpenTelemetry SDK every span is a no-op, but parsing each event's ``traceparent``
to link or parent it is not free; the helpers here skip that work unless spans are recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager

from opentelemetry import propagate, trace
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_shared import telemetry
from huddle_shared.consumer.projection import BatchProjection, Projection, ReceivedEvent
from huddle_shared.envelope import Envelope


def _span_context_of(envelope: Envelope) -> trace.SpanContext | None:
    if not envelope.traceparent:
        return None
    context = trace.get_current_span(
        propagate.extract({"traceparent": envelope.traceparent})
    ).get_span_context()
    return context if context.is_valid else None


class ConsumerSpans:
    def __init__(self, group_id: str) -> None:
        self.group_id = group_id
        self._tracer = telemetry.tracer()

    def batch(
        self, events: Iterable[ReceivedEvent], message_count: int
    ) -> AbstractContextManager[trace.Span]:
        """The span of one batch, linked to the trace of each event in it."""
        # Links only matter to a recording span; without an SDK skip parsing every traceparent.
        links = (
            [
                trace.Link(span_context)
                for event in events
                if (span_context := _span_context_of(event.envelope)) is not None
            ]
            if telemetry.recording()
            else []
        )
        return self._tracer.start_as_current_span(
            f"apply batch {self.group_id}",
            kind=trace.SpanKind.CONSUMER,
            links=links,
            attributes={"messaging.batch.message_count": message_count},
        )

    def event(self, event: ReceivedEvent, batch_size: int | None = None) -> trace.Span:
        """A span for one event that continues the trace of the request that caused it."""
        envelope = event.envelope
        carrier = {"traceparent": envelope.traceparent, "tracestate": envelope.tracestate}
        cause = propagate.extract({k: v for k, v in carrier.items() if v})
        attributes: dict[str, str | int] = {
            "messaging.destination.name": event.topic,
            "messaging.kafka.destination.partition": event.partition,
            "messaging.kafka.message.offset": event.offset,
            "messaging.consumer.group.name": self.group_id,
        }
        if batch_size is not None:
            attributes["messaging.batch.message_count"] = batch_size
        return self._tracer.start_span(
            f"apply {event.envelope.type}",
            context=cause,
            kind=trace.SpanKind.CONSUMER,
            attributes=attributes,
        )

    async def apply(
        self, projection: Projection, conn: AsyncConnection, event: ReceivedEvent
    ) -> None:
        """``projection.apply`` inside the event's span."""
        if not telemetry.recording():
            # No SDK: the span would be a no-op, so skip it and the parsing of its parent.
            await projection.apply(conn, event)
            return
        with trace.use_span(self.event(event), end_on_exit=True):
            await projection.apply(conn, event)

    async def apply_batch(
        self, projection: BatchProjection, conn: AsyncConnection, events: Sequence[ReceivedEvent]
    ) -> None:
        """``projection.apply_batch`` with one span per event around it.

        The spans are started before and ended after the batch is applied: with a batch
        projection the events have no work of their own to time, but each trace still reaches
        the projection.
        """
        spans = [self.event(e, len(events)) for e in events] if telemetry.recording() else []
        try:
            await projection.apply_batch(conn, events)
        except BaseException as exc:
            for span in spans:
                span.record_exception(exc)
                span.set_status(trace.Status(trace.StatusCode.ERROR, type(exc).__name__))
            raise
        finally:
            for span in spans:
                span.end()
