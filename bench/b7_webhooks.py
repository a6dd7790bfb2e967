"""B7: webhook delivery, from the integrations service to a local receiver.

The receiver (``bench/webhook_receiver.py``) is its own process on 127.0.0.1: it answers 200
and keeps each request's ``webhook-id`` and arrival time. B7 subscribes it through the API
(``POST /v1/webhooks`` as an org admin of an organisation of its own, to
``huddle.integration.team.created.v1``), warms the path up (the organisation's topic is created
with its first event), then measures:

1. **Throughput.** With the subscription paused, N teams are created through the teams API
   (``POST /v1/teams``); each becomes, through the teams relay, Kafka and the integrations
   consumer's batch transaction, one pending delivery. Once every service is quiet, the
   subscription is resumed and the receiver times the drain: deliveries/s from the first
   arrival to the last. This is the dispatcher's own rate (claim, sign, send, record), with
   nothing upstream competing for the two cores. The baseline, interleaved with it in the same
   run: the same receiver, driven by a bare httpx client posting N bodies of the same size,
   signed the same way (Standard Webhooks, signed before the clock starts), at the dispatcher's
   concurrency (16) and, like the dispatcher's sender, a new connection per request (it never
   reuses a connection across subscribers). The same client with keep-alive is shown for
   reference.
2. **Latency.** Open loop: ``POST /v1/teams`` at a fixed rate (100/s) for 10 s, the
   subscription active. For each accepted team, the time from the commit of its integration
   event (the feed row's ``recorded_at``) to its arrival at the receiver, and from the command's
   answer to its arrival. ``recorded_at`` is ``now()`` of the consumer's batch transaction,
   i.e. when that transaction began, a few ms before it committed: the figure is an upper bound
   of commit -> delivered by at most the transaction's length. Both clocks are this machine's.

A sample of what arrived (every 50th request) is verified with ``standardwebhooks`` after the
timed parts; a delivery that does not verify fails the benchmark.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx
from standardwebhooks.webhooks import Webhook

from bench.harness import Context, log, run_async, wait_until
from bench.loadgen import Pool, encode_request, summary
from bench.report import Row, Section
from bench.stack import Stack, get_stack, wait_quiet
from huddle_devtools.devinfra.selection import free_port

TEAM_CREATED = "huddle.integration.team.created.v1"
CONCURRENCY = 16  # the dispatcher's default HUDDLE_WEBHOOK_CONCURRENCY
BODY = '{"name": "Riverside Family Practice", "description": "Team created by the benchmark"}'
WARM_UP = 20
RATIO_GOAL = 0.3
P99_GOAL_MS = 500.0
SETTLE_S = 30.0


@dataclass
class Receiver:
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def count(self) -> int:
        return int(httpx.get(f"{self.base}/_count", timeout=10).text)

    def report(self) -> dict[str, Any]:
        """What arrived since the last report (and forget it)."""
        found: dict[str, Any] = httpx.get(f"{self.base}/_report?reset=1", timeout=30).json()
        return found

    def wait_for(self, expected: int, *, stall_s: float = SETTLE_S) -> int:
        """Poll (gently) until ``expected`` requests arrived or none came for ``stall_s``."""
        last, last_change = -1, time.monotonic()
        while True:
            now_count = self.count()
            if now_count >= expected:
                return now_count
            if now_count != last:
                last, last_change = now_count, time.monotonic()
            elif time.monotonic() - last_change > stall_s:
                return now_count
            time.sleep(0.25)


def _start_receiver(ctx: Context) -> Receiver:
    receiver = Receiver(free_port())
    ctx.spawn(
        ["-m", "bench.webhook_receiver"],
        name="webhook-receiver",
        env={"HUDDLE_PORT": str(receiver.port)},
    )

    def ready() -> bool:
        try:
            return httpx.get(f"{receiver.base}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    if not wait_until(ready, timeout_s=30, interval_s=0.1):
        raise RuntimeError("the webhook receiver did not start")
    return receiver


@dataclass
class Api:
    stack: Stack
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}

    def subscribe(self, url: str) -> dict[str, Any]:
        response = httpx.post(
            f"{self.stack.url('integrations')}/v1/webhooks",
            json={"url": url, "description": "bench B7", "event_types": [TEAM_CREATED]},
            headers=self.headers,
            timeout=30,
        )
        if response.status_code != 201:
            raise RuntimeError(f"cannot subscribe: {response.status_code} {response.text}")
        created: dict[str, Any] = response.json()
        return created

    def set_status(self, subscription_id: str, status: str) -> None:
        response = httpx.patch(
            f"{self.stack.url('integrations')}/v1/webhooks/{subscription_id}",
            json={"status": status},
            headers=self.headers,
            timeout=30,
        )
        if response.status_code != 200 or response.json()["status"] != status:
            raise RuntimeError(f"cannot set {status}: {response.status_code} {response.text}")

    def unsubscribe(self, subscription_id: str) -> None:
        httpx.delete(
            f"{self.stack.url('integrations')}/v1/webhooks/{subscription_id}",
            headers=self.headers,
            timeout=30,
        )

    async def create_teams(self, n: int) -> list[str]:
        """N teams as fast as 16 keep-alive connections go (not timed: it builds a backlog)."""
        ids: list[str] = []
        started = 0
        limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
        async with httpx.AsyncClient(
            base_url=self.stack.url("teams"), headers=self.headers, limits=limits, timeout=30
        ) as client:

            async def worker() -> None:
                nonlocal started
                while started < n:
                    started += 1
                    response = await client.post("/v1/teams", content=BODY)
                    if response.status_code != 201:
                        raise RuntimeError(f"a team was refused: {response.status_code}")
                    ids.append(response.json()["id"])

            await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return ids


def _pending(stack: Stack, subscription_id: str) -> int:
    async def count() -> int:
        conn = await asyncpg.connect(stack.databases["integrations"])
        try:
            return int(
                await conn.fetchval(
                    "SELECT count(*) FROM webhook_deliveries "
                    "WHERE subscription_id = $1::uuid AND status = 'pending'",
                    subscription_id,
                )
            )
        finally:
            await conn.close()

    return run_async(count())


def _first_arrivals(report: dict[str, Any]) -> tuple[dict[str, float], int]:
    """Each webhook-id's first arrival, and how many arrivals were duplicates."""
    first: dict[str, float] = {}
    duplicates = 0
    for webhook_id, arrived, _size in report["received"]:
        if webhook_id in first:
            duplicates += 1
        else:
            first[webhook_id] = float(arrived)
    return first, duplicates


def _rate(arrivals: dict[str, float]) -> float:
    """Arrivals per second from the first to the last (n - 1 intervals)."""
    times = sorted(arrivals.values())
    if len(times) < 2 or times[-1] <= times[0]:
        return math.nan
    return (len(times) - 1) / (times[-1] - times[0])


def _signed_bodies(sample: dict[str, Any], secret: str, n: int) -> list[tuple[str, dict[str, str]]]:
    """N bodies like the sample delivery (fresh ids, so the same size), signed as it was."""
    document = json.loads(sample["body"])
    signer = Webhook(secret)
    now = datetime.now(UTC).replace(microsecond=0)
    out = []
    for _ in range(n):
        event_id = str(uuid.uuid4())
        body = json.dumps({**document, "id": event_id}, separators=(",", ":"), ensure_ascii=False)
        headers = {
            "webhook-id": event_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": signer.sign(msg_id=event_id, timestamp=now, data=body),
            "content-type": sample["headers"].get("content-type", "application/json"),
            "user-agent": "bench-raw-poster",
        }
        out.append((body, headers))
    return out


async def _raw_posts(
    url: str, bodies: list[tuple[str, dict[str, str]]], *, keep_alive: bool
) -> int:
    """The baseline: a bare httpx client posting the signed bodies, 16 at a time."""
    limits = httpx.Limits(
        max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY if keep_alive else 0
    )
    failures = 0
    queue = list(reversed(bodies))
    async with httpx.AsyncClient(limits=limits, timeout=30, trust_env=False) as client:

        async def worker() -> None:
            nonlocal failures
            while queue:
                body, headers = queue.pop()
                response = await client.post(url, content=body.encode(), headers=headers)
                failures += response.status_code != 200

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return failures


@dataclass
class Sent:
    scheduled: float
    answered_wall: float = math.nan
    status: int = 0
    team_id: str | None = None


async def _open_loop(stack: Stack, token: str, rate: float, seconds: float) -> list[Sent]:
    """POST /v1/teams at ``rate`` for ``seconds``, whatever the answers (open loop)."""
    host, port = "127.0.0.1", stack.port("teams")
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    raw = encode_request("POST", "/v1/teams", host, headers, BODY)
    pool = Pool(host, port)
    for _ in range(8):  # warm connections: the first second should not measure handshakes
        await pool.request(encode_request("GET", "/health/live", host, {}, None), timeout_s=10)
    sent = [Sent(scheduled=0.0) for _ in range(int(rate * seconds))]
    tasks: set[asyncio.Task[None]] = set()

    async def send(item: Sent) -> None:
        try:
            status, body = await pool.request(raw, timeout_s=30.0)
        except (OSError, asyncio.IncompleteReadError, TimeoutError):
            item.status = -1
            return
        item.answered_wall = time.time()
        item.status = status
        if status == 201:
            item.team_id = json.loads(body)["id"]

    t0 = time.perf_counter() + 0.05
    for index, item in enumerate(sent):
        item.scheduled = t0 + index / rate
        delay = item.scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(send(item))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    await asyncio.gather(*list(tasks))
    pool.close()
    return sent


async def _commit_times(stack: Stack, team_ids: list[str]) -> dict[str, tuple[str, float]]:
    """Per team: its team.created integration event's id and the feed row's ``recorded_at``."""
    conn = await asyncpg.connect(stack.databases["integrations"])
    try:
        rows = await conn.fetch(
            "SELECT subject, event_id::text AS event_id, "
            "extract(epoch FROM recorded_at)::float8 AS recorded "
            "FROM feed WHERE type = $1 AND subject = ANY($2::text[])",
            TEAM_CREATED,
            team_ids,
        )
    finally:
        await conn.close()
    return {r["subject"]: (r["event_id"], float(r["recorded"])) for r in rows}


def _verify(secret: str, samples: list[dict[str, Any]]) -> int:
    signer = Webhook(secret)
    for sample in samples:
        signer.verify(sample["body"], sample["headers"])  # raises on a bad signature
    return len(samples)


def _lower_median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2] if ordered else math.nan


def run(ctx: Context) -> Section:
    stack = get_stack(ctx)
    receiver = _start_receiver(ctx)
    org_id = str(uuid.uuid4())
    token = ctx.signer.token(
        org_id=org_id, roles=["org_admin"], expires_in=7200, subject=str(uuid.uuid4())
    )
    api = Api(stack, token)
    subscription = api.subscribe(f"{receiver.base}/hooks")
    bench = B7(ctx, stack, receiver, api, subscription["id"], subscription["secret"])
    section = Section("B7", "webhook delivery")
    try:
        sample = bench.warm_up()
        section.rows.append(bench.throughput(sample))
        section.rows.extend(bench.latency())
    finally:
        api.unsubscribe(bench.sub_id)
        wait_quiet(stack)
    section.details = bench.details
    section.notes.append(
        f"Throughput: a backlog of {ctx.config.b7_events:,} team.created deliveries built while "
        "the subscription was paused, drained after resuming, timed at the receiver from the "
        "first arrival to the last; the baseline posts as many bodies of the same size, signed "
        f"the same way, {CONCURRENCY} at a time with a new connection each, like the "
        "dispatcher's sender. Latency: open loop, POST /v1/teams; 'commit' is the feed row's "
        "recorded_at (now() of the integrations consumer's batch transaction, i.e. when it "
        "began: an upper bound); an event never delivered counts as infinite. "
        f"{bench.verified} sampled deliveries verified with standardwebhooks."
    )
    return section


@dataclass
class B7:
    ctx: Context
    stack: Stack
    receiver: Receiver
    api: Api
    sub_id: str
    secret: str
    verified: int = 0

    def __post_init__(self) -> None:
        self.details: dict[str, Any] = {}

    def _arrived(self) -> tuple[dict[str, float], int]:
        """Every arrival since the last look, its sample verified (outside any timed part)."""
        report = self.receiver.report()
        self.verified += _verify(self.secret, report["samples"])
        return _first_arrivals(report)

    def warm_up(self) -> dict[str, Any]:
        """The subscription is effective, the organisation's topic exists; one delivery, whole."""
        run_async(self.api.create_teams(WARM_UP))
        if self.receiver.wait_for(WARM_UP) < WARM_UP:
            raise RuntimeError("the warm-up deliveries did not all arrive")
        report = self.receiver.report()
        self.verified += _verify(self.secret, report["samples"])
        wait_quiet(self.stack)
        sample: dict[str, Any] = report["samples"][0]
        return sample

    def raw(self, sample: dict[str, Any], *, keep_alive: bool) -> dict[str, Any]:
        bodies = _signed_bodies(sample, self.secret, self.ctx.config.b7_events)
        url = f"{self.receiver.base}/raw"
        failures = run_async(_raw_posts(url, bodies, keep_alive=keep_alive))
        self.receiver.wait_for(len(bodies), stall_s=5)
        arrivals, _ = self._arrived()
        return {"posts": len(arrivals), "failures": failures, "per_second": _rate(arrivals)}

    def backlog(self) -> int:
        """Pause, create the teams, wait until their deliveries are written and all is quiet."""
        self.api.set_status(self.sub_id, "paused")
        created = len(run_async(self.api.create_teams(self.ctx.config.b7_events)))
        if not wait_until(lambda: _pending(self.stack, self.sub_id) >= created, timeout_s=180):
            raise TimeoutError("the paused subscription's deliveries were not all written")
        wait_quiet(self.stack)
        return _pending(self.stack, self.sub_id)

    def drain(self, *, profile: bool) -> dict[str, Any]:
        backlog = self.backlog()
        self.receiver.report()  # forget anything delivered before the pause took hold
        if profile:
            seconds = max(2.0, backlog / 100)
            self.ctx.profile(self.stack.pid("integrations"), "b7-drain-integrations", seconds)
        resumed = time.time()
        self.api.set_status(self.sub_id, "active")
        self.receiver.wait_for(backlog)
        arrivals, duplicates = self._arrived()
        first = min(arrivals.values(), default=math.nan)
        last = max(arrivals.values(), default=math.nan)
        wait_quiet(self.stack)
        return {
            "backlog": backlog,
            "delivered": len(arrivals),
            "duplicates": duplicates,
            "per_second": _rate(arrivals),
            "resume_to_first_ms": round((first - resumed) * 1000, 1),
            "resume_to_last_per_second": len(arrivals) / (last - resumed),
        }

    def throughput(self, sample: dict[str, Any]) -> Row:
        cfg = self.ctx.config
        runs: dict[str, list[dict[str, Any]]] = {"raw": [], "raw keep-alive": [], "webhooks": []}
        for repeat in range(cfg.repeats):  # interleaved, so that noise hits them alike
            runs["raw"].append(self.raw(sample, keep_alive=False))
            runs["raw keep-alive"].append(self.raw(sample, keep_alive=True))
            runs["webhooks"].append(self.drain(profile=repeat == 0))
            log(
                f"B7 #{repeat + 1}: webhooks {runs['webhooks'][-1]['per_second']:,.0f}/s "
                f"({runs['webhooks'][-1]['delivered']}/{runs['webhooks'][-1]['backlog']}), "
                f"raw posts {runs['raw'][-1]['per_second']:,.0f}/s, with keep-alive "
                f"{runs['raw keep-alive'][-1]['per_second']:,.0f}/s"
            )
        self.details["throughput"] = runs
        webhooks = _lower_median([r["per_second"] for r in runs["webhooks"]])
        raw = _lower_median([r["per_second"] for r in runs["raw"]])
        missing = sum(r["backlog"] - r["delivered"] for r in runs["webhooks"])
        return Row(
            "B7",
            f"webhook deliveries/s to a local receiver ({cfg.b7_events:,} backlog, "
            f"c={CONCURRENCY})",
            webhooks,
            "deliveries/s",
            "raw httpx posts",
            raw,
            goal=RATIO_GOAL,
            comparison="ratio>=",
            note=f"lower median of {cfg.repeats}: "
            + ", ".join(f"{r['per_second']:,.0f}" for r in runs["webhooks"])
            + " vs raw "
            + ", ".join(f"{r['per_second']:,.0f}" for r in runs["raw"])
            + "/s; raw with keep-alive "
            + ", ".join(f"{r['per_second']:,.0f}" for r in runs["raw keep-alive"])
            + "/s; "
            + (f"{missing} not delivered" if missing else "none missing"),
        )

    def latency(self) -> list[Row]:
        cfg = self.ctx.config
        pid = self.stack.pid("integrations")
        self.ctx.profile(pid, "b7-latency-integrations", cfg.b7_seconds)
        sent = run_async(_open_loop(self.stack, self.api.token, cfg.b7_rate, cfg.b7_seconds))
        accepted = [s for s in sent if s.status == 201 and s.team_id]
        self.receiver.wait_for(len(accepted))
        arrivals, duplicates = self._arrived()
        commits = run_async(_commit_times(self.stack, [s.team_id for s in accepted if s.team_id]))
        commit_to_delivered: list[float] = []
        answered_to_delivered: list[float] = []
        for item in accepted:
            event_id, recorded = commits.get(item.team_id or "", ("", math.nan))
            arrived = arrivals.get(event_id, math.inf)
            commit_to_delivered.append(math.inf if math.isnan(recorded) else arrived - recorded)
            answered_to_delivered.append(arrived - item.answered_wall)
        latency, end_to_end = summary(commit_to_delivered), summary(answered_to_delivered)
        missing = latency.get("missing", 0)
        # Below the offered rate, the dispatcher did not keep up and the latency is a queue's.
        arrival_rate = _rate(arrivals)
        log(
            f"B7 {cfg.b7_rate}/s: {len(accepted)}/{len(sent)} accepted, commit -> delivered "
            f"p50 {latency.get('p50_ms')} p99 {latency.get('p99_ms')} ms, {missing} missing"
        )
        self.details["latency"] = {
            "rate": cfg.b7_rate,
            "seconds": cfg.b7_seconds,
            "commands": len(sent),
            "accepted": len(accepted),
            "commit_to_delivered": latency,
            "answered_to_delivered": end_to_end,
            "duplicates": duplicates,
            "arrivals_per_second": round(arrival_rate, 1),
        }
        return [
            Row(
                "B7",
                f"commit -> webhook delivered, p99 at {cfg.b7_rate} events/s",
                _ms(latency.get("p99_ms")),
                "ms",
                goal=P99_GOAL_MS,
                comparison="value<=",
                note=f"from the feed row's recorded_at; p50 {latency.get('p50_ms')} ms, "
                f"max {latency.get('max_ms')} ms; {missing} missing of {len(accepted)} accepted "
                f"({len(sent)} commands); they arrived at {arrival_rate:,.0f}/s"
                + (f"; {duplicates} duplicates" if duplicates else ""),
            ),
            Row(
                "B7",
                f"command answered -> webhook delivered, p99 at {cfg.b7_rate} commands/s",
                _ms(end_to_end.get("p99_ms")),
                "ms",
                note=f"p50 {end_to_end.get('p50_ms')} ms: the teams relay, Kafka, the "
                "integrations consumer and the dispatcher",
            ),
        ]


def _ms(value: Any) -> float:
    return math.inf if value is None else float(value)
