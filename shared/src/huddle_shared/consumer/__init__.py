"""The consumer runtime; :mod:`huddle_shared.consumer.runtime` explains how it works.

Everything services import from ``huddle_shared.consumer`` is re-exported here; the tables'
statements are in :mod:`huddle_shared.consumer.bookkeeping`.
"""

from huddle_shared.consumer.deadletters import DEAD_LETTER_RECHECK_S
from huddle_shared.consumer.projection import (
    BatchAware,
    BatchProjection,
    PoisonEvent,
    Projection,
    ReceivedEvent,
)
from huddle_shared.consumer.runtime import ANALYZE_EVERY_STREAMS, ConsumerRuntime

__all__ = [
    "ANALYZE_EVERY_STREAMS",
    "DEAD_LETTER_RECHECK_S",
    "BatchAware",
    "BatchProjection",
    "ConsumerRuntime",
    "PoisonEvent",
    "Projection",
    "ReceivedEvent",
]
