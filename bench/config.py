"""Benchmark settings, read from ``HUDDLE_BENCH_*`` environment variables.

``HUDDLE_BENCH_SCALE`` multiplies every size and duration (1 = the default run that fits the
15-minute budget on a 2-core machine; 0.05 is a quick smoke run). Individual knobs override it.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ALL = ("B1", "B2", "B3", "B4", "B5", "B6", "B7")


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    return float(raw) if raw not in (None, "") else default


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(float(raw)) if raw not in (None, "") else default


def _ints(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    raw = os.environ.get(name)
    if not raw:
        return default
    return tuple(int(part) for part in raw.replace(" ", "").split(",") if part)


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    return raw.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class BenchConfig:
    scale: float
    only: tuple[str, ...]
    # Durable PostgreSQL (fsync and synchronous_commit on, as in production) unless turned off.
    durable: bool
    repeats: int
    warmup_s: float
    window_s: float
    b1_concurrency: tuple[int, ...]
    b2_messages: int
    b3_events: int
    b3_live_events: int
    b3_budget_s: float
    b4_rates: tuple[int, ...]
    b4_seconds: float
    b5_concurrency: int
    b5_seconds: float
    b7_events: int
    b7_rate: int
    b7_seconds: float
    profile: bool
    results_dir: Path = field(default=ROOT / "bench" / "results")
    work_dir: Path = field(default=ROOT / ".huddle" / "bench")

    @classmethod
    def from_env(cls, argv: list[str] | None = None) -> BenchConfig:
        scale = _float("HUDDLE_BENCH_SCALE", 1.0)
        if scale <= 0:
            raise ValueError("HUDDLE_BENCH_SCALE must be positive")
        only_raw = [a.upper() for a in (argv or [])] or [
            p.strip().upper() for p in os.environ.get("HUDDLE_BENCH_ONLY", "").split(",") if p
        ]
        unknown = [p for p in only_raw if p not in ALL]
        if unknown:
            raise ValueError(f"unknown benchmark(s) {unknown}; choose from {', '.join(ALL)}")
        return cls(
            scale=scale,
            only=tuple(p for p in ALL if not only_raw or p in only_raw),
            durable=_bool("HUDDLE_BENCH_DURABLE", True),
            repeats=max(1, _int("HUDDLE_BENCH_REPEATS", 2)),
            warmup_s=_float("HUDDLE_BENCH_WARMUP_S", max(0.3, 1.0 * min(scale, 1.0))),
            window_s=_float("HUDDLE_BENCH_WINDOW_S", max(1.0, 3.0 * scale)),
            b1_concurrency=_ints("HUDDLE_BENCH_B1_CONCURRENCY", (1, 8, 32)),
            b2_messages=_int("HUDDLE_BENCH_B2_MESSAGES", max(1000, int(50_000 * scale))),
            b3_events=_int("HUDDLE_BENCH_B3_EVENTS", max(5000, int(1_000_000 * scale))),
            b3_live_events=_int("HUDDLE_BENCH_B3_LIVE_EVENTS", max(2000, int(20_000 * scale))),
            b3_budget_s=_float("HUDDLE_BENCH_B3_BUDGET_S", max(60.0, 600.0 * scale)),
            b4_rates=_ints("HUDDLE_BENCH_B4_RATES", (100, 300)),
            b4_seconds=_float("HUDDLE_BENCH_B4_SECONDS", max(3.0, 10.0 * scale)),
            b5_concurrency=_int("HUDDLE_BENCH_B5_CONCURRENCY", 32),
            b5_seconds=_float("HUDDLE_BENCH_B5_SECONDS", max(2.0, 6.0 * scale)),
            b7_events=_int("HUDDLE_BENCH_B7_EVENTS", max(200, int(1000 * scale))),
            b7_rate=_int("HUDDLE_BENCH_B7_RATE", 100),
            b7_seconds=_float("HUDDLE_BENCH_B7_SECONDS", max(3.0, 10.0 * scale)),
            profile=_bool("HUDDLE_BENCH_PROFILE", False),
            results_dir=Path(os.environ.get("HUDDLE_BENCH_RESULTS", ROOT / "bench" / "results")),
        )

    def as_json(self) -> dict[str, Any]:
        values = asdict(self)
        values["results_dir"] = str(self.results_dir)
        values["work_dir"] = str(self.work_dir)
        return values
