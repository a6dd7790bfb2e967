"""Exponential backoff with jitter, for the loops that reconnect (relay, consumers, topics).

After an outage every replica of every service retries at once; delays that double in
lockstep make them hit the broker or the database together each time. Equal jitter keeps each
delay between half and all of its exponential value: never longer than the plain backoff was
(recovery is no slower), never close to zero (a broken dependency is not hammered).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from typing import Literal

from huddle_shared.aio import sleep_or_stop

Jitter = Literal["none", "equal", "full"]


class Backoff:
    """Delays ``initial``, ``initial * factor``, … up to ``maximum``, each jittered.

    ``full`` jitter draws from ``[0, d]``, ``equal`` from ``[d/2, d]``, ``none`` gives ``d``.
    """

    def __init__(
        self,
        initial: float,
        maximum: float,
        *,
        factor: float = 2.0,
        jitter: Jitter = "equal",
        rng: Callable[[], float] = random.random,
    ) -> None:
        if not 0 < initial <= maximum or factor < 1:
            raise ValueError("need 0 < initial <= maximum and factor >= 1")
        self.initial = initial
        self.maximum = maximum
        self.factor = factor
        self.jitter = jitter
        self._rng = rng
        self._current = initial

    def reset(self) -> None:
        """Start again from ``initial`` (after a success)."""
        self._current = self.initial

    def next_delay(self) -> float:
        """The delay before the next attempt; each call moves the backoff one step on."""
        ceiling = self._current
        self._current = min(self._current * self.factor, self.maximum)
        if self.jitter == "full":
            return ceiling * self._rng()
        if self.jitter == "equal":
            return ceiling / 2 + ceiling / 2 * self._rng()
        return ceiling

    async def wait(self, stop: asyncio.Event) -> None:
        """Sleep for the next delay, waking at once when ``stop`` is set."""
        await sleep_or_stop(stop, self.next_delay())
