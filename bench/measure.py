"""Timing helpers: percentiles, closed-loop rate measurement for coroutines and threads."""

from __future__ import annotations

import asyncio
import math
import statistics
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted sequence (q in 0..100)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


@dataclass(frozen=True)
class Latency:
    """Latency summary in milliseconds."""

    count: int
    mean_ms: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float

    @classmethod
    def of_seconds(cls, samples: Sequence[float]) -> Latency:
        values = sorted(s * 1000 for s in samples)
        if not values:
            return cls(0, math.nan, math.nan, math.nan, math.nan, math.nan)
        return cls(
            count=len(values),
            mean_ms=statistics.fmean(values),
            p50_ms=percentile(values, 50),
            p90_ms=percentile(values, 90),
            p99_ms=percentile(values, 99),
            max_ms=values[-1],
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "mean_ms": round(self.mean_ms, 3),
            "p50_ms": round(self.p50_ms, 3),
            "p90_ms": round(self.p90_ms, 3),
            "p99_ms": round(self.p99_ms, 3),
            "max_ms": round(self.max_ms, 3),
        }


@dataclass(frozen=True)
class Rate:
    """Operations per second over a measurement window, with their latencies."""

    ops: int
    seconds: float
    latency: Latency
    errors: int = 0

    @property
    def per_second(self) -> float:
        return self.ops / self.seconds if self.seconds > 0 else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "ops": self.ops,
            "seconds": round(self.seconds, 3),
            "per_second": round(self.per_second, 1),
            "errors": self.errors,
            "latency": self.latency.as_json(),
        }


Op = Callable[[], Awaitable[None]]


async def closed_loop(
    make_worker_op: Callable[[int], Op], *, concurrency: int, warmup_s: float, window_s: float
) -> Rate:
    """``concurrency`` workers call their op back to back; ops finishing in the window count.

    The warm-up runs first with the same workers (connections opened, caches filled); the
    window then starts for all workers at once and every worker stops by itself at its end.
    """
    ops = [make_worker_op(i) for i in range(concurrency)]
    loop = asyncio.get_running_loop()
    start = loop.time() + warmup_s
    end = start + window_s
    latencies: list[float] = []
    errors = 0

    async def worker(op: Op) -> None:
        nonlocal errors
        while True:
            began = loop.time()
            if began >= end:
                return
            try:
                await op()
            except Exception:
                errors += 1
                if errors > 1000:
                    raise
                continue
            done = loop.time()
            if began >= start and done <= end:
                latencies.append(done - began)

    await asyncio.gather(*(worker(op) for op in ops))
    return Rate(len(latencies), window_s, Latency.of_seconds(latencies), errors)


def threaded_closed_loop(
    make_worker_op: Callable[[int], Callable[[], None]],
    *,
    concurrency: int,
    warmup_s: float,
    window_s: float,
) -> Rate:
    """The same as :func:`closed_loop` for blocking code, one thread per worker."""
    ops = [make_worker_op(i) for i in range(concurrency)]
    start = time.perf_counter() + warmup_s
    end = start + window_s
    latencies: list[list[float]] = [[] for _ in ops]
    failures: list[BaseException] = []
    errors = [0] * len(ops)

    def worker(index: int) -> None:
        op = ops[index]
        mine = latencies[index]
        while True:
            began = time.perf_counter()
            if began >= end:
                return
            try:
                op()
            except Exception as exc:
                errors[index] += 1
                if errors[index] > 100:
                    failures.append(exc)
                    return
                continue
            done = time.perf_counter()
            if began >= start and done <= end:
                mine.append(done - began)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(len(ops))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=warmup_s + window_s + 60)
    if failures:
        raise failures[0]
    flat = [value for per_thread in latencies for value in per_thread]
    return Rate(len(flat), window_s, Latency.of_seconds(flat), sum(errors))


def median_rate(rates: Sequence[Rate]) -> Rate:
    """The repetition with the median throughput (its latencies come with it)."""
    ordered = sorted(rates, key=lambda r: r.per_second)
    return ordered[(len(ordered) - 1) // 2]


class Stopwatch:
    def __init__(self) -> None:
        self.started = time.perf_counter()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started
