"""``python -m bench [B1 B2 ...]``: run the benchmarks, print the table, write the reports."""

from __future__ import annotations

import asyncio
import importlib
import os
import shutil
import signal
import sys
import time
import traceback
from types import FrameType, ModuleType

from bench.config import BenchConfig
from bench.harness import Context, checkpoint, log, machine_facts, run_async
from bench.report import Section, render_text, write_reports
from huddle_devtools.devinfra.selection import provision
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.tokens import TestSigner

# The order they run in: the 1M-event dataset of B3 comes last so its I/O cannot disturb the
# latency figures; B6 samples memory while B5 runs; B7 after B5, on the same stack, so B5's
# memory figures do not include B7's webhook deliveries.
ORDER = (
    ("B1", "bench.b1_append"),
    ("B2", "bench.b2_relay"),
    ("B4", "bench.b4_latency"),
    ("B5", "bench.b5_http"),
    ("B7", "bench.b7_webhooks"),
    ("B3", "bench.b3_projection"),
)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    config = BenchConfig.from_env(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, _terminate)
    started = time.perf_counter()
    wanted = set(config.only)
    if "B6" in wanted:
        wanted.add("B5")  # memory is sampled under B5's load
    run_dir = config.work_dir / time.strftime("%Y%m%d-%H%M%S")
    run_dir.mkdir(parents=True, exist_ok=True)
    sections: list[Section] = []
    log(f"benchmarks {', '.join(sorted(wanted))}; scale {config.scale:g}; work dir {run_dir}")
    failed = False
    with provision(work_dir=run_dir / "infra", fast=not config.durable) as infra:
        ctx = Context(
            config=config,
            infra=infra,
            databases=DatabaseFactory(infra.database_url),
            signer=TestSigner.create(run_dir),
            work_dir=run_dir,
        )
        log(f"servers: {infra.kind}, PostgreSQL {infra.database_url}")
        log(f"servers: {infra.kind}, Kafka {infra.kafka_bootstrap}")
        machine = machine_facts(ctx)
        try:
            for bench_id, module_name in ORDER:
                if bench_id not in wanted:
                    continue
                began = time.perf_counter()
                log(f"{bench_id} ...")
                module: ModuleType = importlib.import_module(module_name)
                try:
                    produced = module.run(ctx)
                except (Exception, asyncio.CancelledError) as exc:
                    failed = True
                    traceback.print_exc()
                    produced = Section(bench_id, module_name, error=f"{type(exc).__name__}: {exc}")
                for section in produced if isinstance(produced, list) else [produced]:
                    section.seconds = time.perf_counter() - began
                    if section.id in config.only:
                        sections.append(section)
                log(f"{bench_id} done in {time.perf_counter() - began:.0f} s")
                run_async(checkpoint(infra.database_url))
        finally:
            ctx.stop_processes()
            ctx.cleanup()
    seconds = time.perf_counter() - started
    # Other work on the machine during the run shows here (the figures are only comparable
    # within one run, and only trustworthy when this stayed near the start's).
    machine["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    sections.sort(key=lambda s: s.id)
    print()
    print(render_text(sections))
    print()
    json_path, md_path = write_reports(
        config.results_dir, sections, machine, config.as_json(), seconds
    )
    print(f"{seconds:.0f} s in total; reports: {md_path} and {json_path}")
    if not failed:
        shutil.rmtree(run_dir, ignore_errors=True)
    else:
        print(f"service and helper logs kept in {run_dir / 'logs'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
