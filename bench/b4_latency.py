"""B4: end-to-end latency, HTTP command accepted -> visible in the insights dashboard.

Open loop: the load generator starts ``POST /v1/teams`` on the teams service at a fixed rate
whatever the answers, for a fixed time. For every accepted command (201) it then watches the
read model the insights dashboard reads (the ``teams`` table of the active projection
generation, polled every 5 ms for all pending ids in one query); the dashboard of a team answers
200 from the moment that row is committed. Every tenth team's dashboard is also polled over HTTP
(every 10 ms) as a cross-check of the same moment through the API. The path in between is the
real one: the command's transaction (event + outbox), the relay woken on commit, Kafka, the
insights consumer's batch transaction (and its alert evaluation), all as separate processes.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from bench.harness import Context, log
from bench.report import Row, Section
from bench.stack import get_stack, run_loadgen, wait_quiet

BODY = '{"name": "Riverside Family Practice", "description": "Team created by the benchmark"}'


def run(ctx: Context) -> Section:
    cfg = ctx.config
    stack = get_stack(ctx)
    section = Section("B4", "end-to-end latency")
    alerts_before = asyncio.run(_alerts_sent(stack.databases["insights"]))
    headers = {"Authorization": f"Bearer {stack.admin_token}", "Content-Type": "application/json"}
    for rate in cfg.b4_rates:
        spec: dict[str, Any] = {
            "mode": "open",
            "rate": rate,
            "duration_s": cfg.b4_seconds,
            "settle_s": 10.0,
            "host": "127.0.0.1",
            "port": stack.port("teams"),
            "requests": [{"method": "POST", "path": "/v1/teams", "headers": headers, "body": BODY}],
            "database_url": stack.databases["insights"],
            "poll_ms": 5,
            "dashboard": {
                "host": "127.0.0.1",
                "port": stack.port("insights"),
                "path": "/v1/teams/{team_id}/dashboard",
                "headers": {"Authorization": f"Bearer {stack.admin_token}"},
                "sample_every": 10,
                "poll_ms": 10,
            },
        }
        for service in ("teams", "insights"):
            ctx.profile(stack.pid(service), f"b4-{rate}-{service}", cfg.b4_seconds)
        result = run_loadgen(ctx, spec, timeout_s=cfg.b4_seconds + 120)
        section.details[f"{rate}/s"] = result
        visible = result["accepted_to_visible"]
        http = result["accepted_to_visible_http"]
        command = result["command_latency"]
        log(
            f"B4 {rate}/s: accepted {result['accepted']}/{result['commands']}, "
            f"visible p50 {visible.get('p50_ms')} p99 {visible.get('p99_ms')} ms, "
            f"command p99 {command.get('p99_ms')} ms"
        )
        missing = visible.get("missing", 0)
        note = (
            f"p50 {visible.get('p50_ms')} ms, max {visible.get('max_ms')} ms; "
            f"{result['accepted']}/{result['commands']} accepted"
            + (f", {missing} never visible" if missing else "")
            + f"; via HTTP (sampled) p99 {http.get('p99_ms')} ms"
        )
        section.rows.append(
            Row(
                "B4",
                f"accepted -> visible in dashboard, p99, open loop {rate} commands/s",
                _value(visible.get("p99_ms")),
                "ms",
                goal=100.0 if rate == 100 else None,
                comparison="value<=" if rate == 100 else "info",
                note=note,
            )
        )
        section.rows.append(
            Row(
                "B4",
                f"command POST /v1/teams answered, p99 from scheduled start, {rate}/s",
                _value(command.get("p99_ms")),
                "ms",
                note=f"p50 {command.get('p50_ms')} ms; sent at {result['achieved_send_rate']}/s",
            )
        )
        wait_quiet(stack)
    alerts = asyncio.run(_alerts_sent(stack.databases["insights"])) - alerts_before
    section.rows.append(
        Row(
            "B4",
            "burnout-risk alerts raised for the new, empty teams created above",
            float(alerts),
            "alerts",
            goal=0.0,
            comparison="value<=",
            note="a team with no members and no survey has no evidence to alert on",
        )
    )
    section.notes.append(
        "Visibility is the first 5 ms poll that finds the team's row in the read model the "
        "dashboard reads (so figures are at most ~6 ms late); latencies of commands never seen "
        "count as infinite. Command latency is measured from the scheduled start (no "
        "coordinated omission)."
    )
    return section


async def _alerts_sent(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SELECT coalesce(sum(alerts_sent), 0) FROM alert_levels"))
    finally:
        await conn.close()


def _value(value: Any) -> float:
    return float("inf") if value is None else float(value)
