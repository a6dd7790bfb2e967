"""The reconnect backoff: exponential, capped, jittered within its bounds, and resettable."""

from __future__ import annotations

import asyncio
import time

import pytest

from huddle_shared.retry import Backoff


def delays(backoff: Backoff, n: int) -> list[float]:
    return [backoff.next_delay() for _ in range(n)]


def test_without_jitter_it_doubles_up_to_the_maximum_and_starts_again_after_a_reset() -> None:
    backoff = Backoff(0.2, 1.0, jitter="none")
    assert delays(backoff, 5) == [0.2, 0.4, 0.8, 1.0, 1.0]
    backoff.reset()
    assert backoff.next_delay() == 0.2


@pytest.mark.parametrize(("draw", "expected"), [(0.0, 0.5), (1.0, 1.0), (0.5, 0.75)])
def test_equal_jitter_stays_between_half_and_all_of_the_step(draw: float, expected: float) -> None:
    backoff = Backoff(1.0, 8.0, rng=lambda: draw)
    assert delays(backoff, 4) == [expected * step for step in (1.0, 2.0, 4.0, 8.0)]


def test_full_jitter_draws_from_zero_to_the_step() -> None:
    backoff = Backoff(1.0, 4.0, jitter="full", rng=lambda: 0.25)
    assert delays(backoff, 4) == [0.25, 0.5, 1.0, 1.0]


def test_real_draws_never_exceed_the_plain_backoff() -> None:
    plain = delays(Backoff(0.2, 5.0, jitter="none"), 50)
    jittered = delays(Backoff(0.2, 5.0), 50)
    assert all(p / 2 <= j <= p for p, j in zip(plain, jittered, strict=True))


@pytest.mark.parametrize(("initial", "maximum", "factor"), [(0, 1, 2), (2, 1, 2), (1, 2, 0.5)])
def test_nonsense_is_refused(initial: float, maximum: float, factor: float) -> None:
    with pytest.raises(ValueError, match="initial"):
        Backoff(initial, maximum, factor=factor)


async def test_waiting_ends_at_once_when_stopped() -> None:
    stop = asyncio.Event()
    stop.set()
    started = time.monotonic()
    await Backoff(30.0, 60.0).wait(stop)
    assert time.monotonic() - started < 1.0
