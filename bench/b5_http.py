"""B5 and B6: HTTP throughput and p99 at concurrency 32, and the services' resident memory.

Closed loop, 32 keep-alive connections, each sending its next request when the previous answer
arrived. Targets, interleaved so that noise hits them alike:

- ``bare``: a FastAPI endpoint doing one asyncpg insert (``bench/bare.py``), served the same way;
- ``command``: ``POST /v1/teams`` on the teams service (JWT, validation, the command transaction:
  event, outbox row, team-list row; the relay and the insights projection then do their work
  too, as in production);
- ``team dashboard`` and ``org dashboard``: ``GET /v1/teams/{id}/dashboard`` over the 10 teams
  of a seeded organisation (12 members, a charter, 8 closed campaigns of 9 responses each) and
  ``GET /v1/orgs/{id}/dashboard`` of that organisation, as deployed: after the first read of
  each, answers come from the dashboard cache (the projection is idle, the watermark still);
- ``team dashboard, cache miss`` and ``org dashboard, cache miss``: the very same requests to a
  second insights process on the same database with ``HUDDLE_DASHBOARD_CACHE_SIZE=0`` (a
  replica in the same consumer group), so every answer is computed: what a read costs right
  after the projection applied something.

B6 reads each service's RSS once idle (after start-up and seeding) and samples it every 200 ms
while B5 runs; a service's figure under load is the peak.
"""

from __future__ import annotations

from typing import Any

from bench.harness import Context, log, wait_until
from bench.report import Row, Section
from bench.stack import RssSampler, Stack, get_stack, rss, run_loadgen, wait_quiet
from huddle_devtools.devinfra.selection import free_port

CACHE_MISS = " dashboard, cache miss"
BODY = '{"name": "Riverside Family Practice", "description": "Team created by the benchmark"}'
MEMORY_GOAL_MB = 150.0


def _start_bare(ctx: Context) -> tuple[int, int]:
    import httpx

    port = free_port()
    proc = ctx.spawn(
        ["-m", "bench.bare"],
        name="bare",
        env={
            "HUDDLE_DATABASE_URL": ctx.empty_database(),
            "HUDDLE_PORT": str(port),
            "HUDDLE_HOST": "127.0.0.1",
        },
    )

    def ready() -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/health/ready", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    if not wait_until(ready, timeout_s=60, interval_s=0.2):
        raise RuntimeError("the bare app did not start")
    return port, int(proc.pid)


def _start_uncached_insights(ctx: Context, stack: Stack) -> int:
    """A replica of insights on the stack's database and topics with its cache turned off."""
    process = ctx.start_service(
        "insights",
        stack.databases["insights"],
        stack.prefix,
        HUDDLE_DASHBOARD_CACHE_SIZE="0",
    )
    process.wait_ready(timeout_s=180)
    return process.port


def _cache_counts(port: int) -> dict[str, float]:
    """The dashboard cache counters of one insights process, from its /metrics."""
    import httpx

    counts: dict[str, float] = {}
    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
    for line in text.splitlines():
        if line.startswith("huddle_dashboard_cache_requests_total{"):
            labels, _, value = line.partition("} ")
            counts[labels.split("{", 1)[1]] = float(value)
    return counts


def run(ctx: Context) -> list[Section]:
    cfg = ctx.config
    stack = get_stack(ctx)
    bare_port, bare_pid = _start_bare(ctx)
    uncached_port = _start_uncached_insights(ctx, stack)
    seeded_org = stack.seed.orgs[0]
    seeded_teams = [team for org, team in stack.seed.teams if org == seeded_org]
    auth = {"Authorization": f"Bearer {stack.seed_token}"}
    command_headers = {
        "Authorization": f"Bearer {stack.admin_token}",
        "Content-Type": "application/json",
    }
    targets: dict[str, dict[str, Any]] = {
        "bare": {
            "port": bare_port,
            "requests": [
                {
                    "method": "POST",
                    "path": "/bare",
                    "headers": {"Content-Type": "application/json"},
                    "body": BODY,
                }
            ],
        },
        "command": {
            "port": stack.port("teams"),
            "requests": [
                {"method": "POST", "path": "/v1/teams", "headers": command_headers, "body": BODY}
            ],
        },
        "team dashboard": {
            "port": stack.port("insights"),
            "requests": [
                {"method": "GET", "path": f"/v1/teams/{team}/dashboard", "headers": auth}
                for team in seeded_teams
            ],
        },
        "org dashboard": {
            "port": stack.port("insights"),
            "requests": [
                {"method": "GET", "path": f"/v1/orgs/{seeded_org}/dashboard", "headers": auth}
            ],
        },
    }
    for name in ("team", "org"):
        targets[name + CACHE_MISS] = {**targets[f"{name} dashboard"], "port": uncached_port}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in targets}
    watched = {name: stack.pid(name) for name in stack.services}
    with RssSampler({**watched, "bare": bare_pid}) as sampler:
        for repeat in range(cfg.repeats):
            for name, target in targets.items():
                spec = {
                    "mode": "closed",
                    "host": "127.0.0.1",
                    "concurrency": cfg.b5_concurrency,
                    "warmup_s": min(1.0, cfg.b5_seconds / 4),
                    "window_s": cfg.b5_seconds,
                    "expect": [200, 201],
                    **target,
                }
                seconds = cfg.b5_seconds + 1
                profiled = {"command": "teams", "team dashboard": "insights"}.get(name)
                if repeat == 0 and profiled:
                    ctx.profile(
                        stack.pid(profiled), f"b5-{profiled}-{name.replace(' ', '-')}", seconds
                    )
                result = run_loadgen(ctx, spec, timeout_s=cfg.b5_seconds + 90)
                runs[name].append(result)
                log(
                    f"B5 {name} #{repeat + 1}: {result['per_second']:,.0f}/s, "
                    f"p99 {result['latency'].get('p99_ms')} ms, status {result['status']}"
                )
                if name == "command":
                    # The projection catches up with the commands before the next target runs.
                    waited = wait_quiet(stack)
                    result["insights_catch_up_s"] = round(waited, 1)

    def median(name: str) -> dict[str, Any]:
        ordered = sorted(runs[name], key=lambda r: float(r["per_second"]))
        return ordered[(len(ordered) - 1) // 2]

    bare, command = median("bare"), median("command")
    b5 = Section("B5", "HTTP throughput and p99 at concurrency 32")
    b5.rows.append(
        Row(
            "B5",
            f"command POST /v1/teams, c={cfg.b5_concurrency}: throughput vs bare FastAPI+asyncpg",
            float(command["per_second"]),
            "req/s",
            "bare",
            float(bare["per_second"]),
            goal=0.5,
            comparison="ratio>=",
            note=f"p99 {command['latency'].get('p99_ms')} ms vs bare "
            f"{bare['latency'].get('p99_ms')} ms",
        )
    )
    b5.rows.append(
        Row(
            "B5",
            f"command POST /v1/teams, c={cfg.b5_concurrency}: p99",
            _ms(command["latency"].get("p99_ms")),
            "ms",
            note=f"bare p99 {bare['latency'].get('p99_ms')} ms",
        )
    )
    for name, label in (
        ("team dashboard", "team dashboard GET, c={c}, cached"),
        ("org dashboard", "org dashboard GET, c={c}, cached"),
        ("team" + CACHE_MISS, "team dashboard GET, c={c}, cache miss (cache off)"),
        ("org" + CACHE_MISS, "org dashboard GET, c={c}, cache miss (cache off)"),
    ):
        result = median(name)
        b5.rows.append(
            Row(
                "B5",
                label.format(c=cfg.b5_concurrency) + ": p99",
                _ms(result["latency"].get("p99_ms")),
                "ms",
                goal=20.0,
                comparison="value<=",
                note=f"{result['per_second']:,.0f} req/s, p50 {result['latency'].get('p50_ms')} ms",
            )
        )
    cache_counts = {
        "cached": _cache_counts(stack.port("insights")),
        "cache off": _cache_counts(uncached_port),
    }
    b5.details = {"runs": runs, "dashboard_cache": cache_counts}
    b5.notes.append(
        f"Closed loop, {cfg.b5_concurrency} keep-alive connections, {cfg.b5_seconds:g} s "
        f"windows, median of {cfg.repeats}; the load generator shares the 2 cores with the "
        "servers, PostgreSQL and Kafka."
    )
    cached = cache_counts["cached"]
    b5.notes.append(
        "Dashboards: 'cached' is the insights service as deployed (its cache answered "
        + ", ".join(f"{k}: {v:,.0f}" for k, v in sorted(cached.items()))
        + "); 'cache miss' is the same requests to a second insights process on the same "
        "database with HUDDLE_DASHBOARD_CACHE_SIZE=0, every answer computed."
    )

    b6 = Section("B6", "resident memory")
    for name in stack.services:
        idle = stack.idle_rss.get(name, 0) / 2**20
        peak = sampler.peak.get(name, 0) / 2**20
        b6.rows.append(
            Row("B6", f"{name} RSS idle", idle, "MB", goal=MEMORY_GOAL_MB, comparison="value<=")
        )
        loaded = name in ("teams", "insights", "integrations")
        b6.rows.append(
            Row(
                "B6",
                f"{name} RSS peak during B5" + ("" if loaded else " (not loaded by B5)"),
                peak,
                "MB",
                goal=MEMORY_GOAL_MB,
                comparison="value<=",
            )
        )
    b6.rows.append(
        Row("B6", "bare FastAPI app RSS peak (reference)", sampler.peak["bare"] / 2**20, "MB")
    )
    b6.details = {
        "idle_bytes": stack.idle_rss,
        "peak_bytes": sampler.peak,
        "bare_now_bytes": rss(bare_pid),
    }
    b6.notes.append("MB = MiB (2^20 bytes) of resident set size, as psutil reports it.")
    return [b5, b6]


def _ms(value: Any) -> float:
    return float("inf") if value is None else float(value)
