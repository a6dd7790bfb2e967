"""A small HTTP/1.1 load generator, run as its own process: ``python -m bench.loadgen SPEC OUT``.

Written for this suite rather than using httpx: on a 2-core machine the client competes with the
server for CPU, so it must cost as little as possible per request (raw keep-alive connections on
uvloop, pre-encoded requests). Two modes, both bounded in time and count and stopping by
themselves; every target must be on the loopback interface:

- ``closed``: ``concurrency`` connections each send the next request as soon as the previous
  answer arrived (throughput and latency at a fixed concurrency, B5);
- ``open``: requests are started at a fixed rate whatever the answers (latency is measured from
  the scheduled start, so a slow server cannot hide its queueing), and each accepted command is
  then watched until it is visible in the insights read model (B4).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_IN_FLIGHT = 2000
# uvicorn closes a keep-alive connection after 5 s idle; one idle longer is not reused (sending
# on it would race the server's close and fail a request the server never saw).
MAX_IDLE_S = 4.0
MAX_WATCHERS = 8
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _summary(samples: list[float]) -> dict[str, Any]:
    """Latency summary in ms; ``inf`` samples (never answered, never visible) count as misses."""
    values = sorted(samples)
    if not values:
        return {"count": 0}

    def pick(q: float) -> float | None:
        value = values[min(len(values), max(1, math.ceil(q / 100 * len(values)))) - 1]
        return None if math.isinf(value) else round(value * 1000, 3)

    finite = [v for v in values if not math.isinf(v)]
    return {
        "count": len(values),
        "missing": len(values) - len(finite),
        "mean_ms": round(sum(finite) / len(finite) * 1000, 3) if finite else None,
        "min_ms": round(finite[0] * 1000, 3) if finite else None,
        "p50_ms": pick(50),
        "p90_ms": pick(90),
        "p99_ms": pick(99),
        "max_ms": pick(100),
    }


summary = _summary  # the same summary for B7's latencies


def encode_request(
    method: str, path: str, host: str, headers: dict[str, str], body: str | None
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: keep-alive"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    payload = body.encode() if body is not None else b""
    if body is not None:
        lines.append(f"Content-Length: {len(payload)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


class Connection:
    def __init__(self, host: str, port: int) -> None:
        if host not in LOOPBACK:
            raise ValueError(f"load is only ever sent to this machine, not to {host}")
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.used_at = time.perf_counter()

    async def request(self, raw: bytes) -> tuple[int, bytes]:
        if self.writer is None or self.reader is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        chunked = close = False
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            lowered = name.strip().lower()
            if lowered == b"content-length":
                length = int(value.strip())
            elif lowered == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif lowered == b"connection" and b"close" in value.lower():
                close = True
        if chunked:
            body = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                body += chunk[:-2]
        else:
            body = await self.reader.readexactly(length) if length else b""
        if close:
            self.close()
        self.used_at = time.perf_counter()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _requests(spec: dict[str, Any]) -> tuple[str, int, list[bytes]]:
    host, port = spec["host"], int(spec["port"])
    raws = [
        encode_request(r["method"], r["path"], host, r.get("headers", {}), r.get("body"))
        for r in spec["requests"]
    ]
    return host, port, raws


# ---- closed loop -------------------------------------------------------------------------------


async def closed_loop(spec: dict[str, Any]) -> dict[str, Any]:
    host, port, raws = _requests(spec)
    concurrency = int(spec["concurrency"])
    start = time.perf_counter() + float(spec["warmup_s"])
    end = start + float(spec["window_s"])
    hard_stop = end + 30.0
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    errors: Counter[str] = Counter()

    async def worker(index: int) -> None:
        connection = Connection(host, port)
        n = index
        try:
            while (began := time.perf_counter()) < end:
                raw = raws[n % len(raws)]
                n += concurrency
                try:
                    status, _ = await asyncio.wait_for(
                        connection.request(raw), timeout=max(hard_stop - began, 0.1)
                    )
                except (OSError, asyncio.IncompleteReadError, TimeoutError) as exc:
                    errors[type(exc).__name__] += 1
                    connection.close()
                    await asyncio.sleep(0.01)
                    continue
                done = time.perf_counter()
                if began >= start and done <= end:
                    latencies.append(done - began)
                    statuses[status] += 1
        finally:
            connection.close()

    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    window = float(spec["window_s"])
    ok = sum(n for s, n in statuses.items() if s in spec.get("expect", [200, 201]))
    return {
        "mode": "closed",
        "concurrency": concurrency,
        "window_s": window,
        "requests": len(latencies),
        "ok": ok,
        "per_second": ok / window,
        "latency": _summary(latencies),
        "status": {str(k): v for k, v in sorted(statuses.items())},
        "errors": dict(errors),
    }


# ---- open loop with visibility ----------------------------------------------------------------


@dataclass
class Command:
    scheduled: float
    sent: float = math.nan
    answered: float = math.nan
    status: int = 0
    team_id: str | None = None
    visible_db: float = math.inf
    visible_http: float = math.inf
    sampled: bool = False


@dataclass
class Pool:
    host: str
    port: int
    idle: list[Connection] = field(default_factory=list)

    async def request(self, raw: bytes, timeout_s: float) -> tuple[int, bytes]:
        now = time.perf_counter()
        while self.idle and now - self.idle[-1].used_at > MAX_IDLE_S:
            self.idle.pop().close()
        connection = self.idle.pop() if self.idle else Connection(self.host, self.port)
        try:
            result = await asyncio.wait_for(connection.request(raw), timeout=timeout_s)
        except BaseException:
            connection.close()
            raise
        self.idle.append(connection)
        return result

    def close(self) -> None:
        for connection in self.idle:
            connection.close()
        self.idle.clear()


async def open_loop(spec: dict[str, Any]) -> dict[str, Any]:
    import asyncpg

    rate = float(spec["rate"])
    duration = float(spec["duration_s"])
    settle = float(spec.get("settle_s", 10.0))
    host, port, raws = _requests(spec)
    commands_pool = Pool(host, port)
    board = spec["dashboard"]
    board_pool = Pool(board["host"], int(board["port"]))
    board_headers = board.get("headers", {})
    sample_every = int(board.get("sample_every", 10))
    poll_s = float(spec.get("poll_ms", 2)) / 1000
    board_poll_s = float(board.get("poll_ms", 10)) / 1000
    # Warm connections so the first second does not measure TCP handshakes.
    for _ in range(16):
        commands_pool.idle.append(Connection(host, port))
        await commands_pool.idle[-1].request(encode_request("GET", "/health/live", host, {}, None))
    conn = await asyncpg.connect(spec["database_url"])
    generation = await conn.fetchval(
        "SELECT active_generation FROM projection_meta WHERE name = 'insights'"
    )
    query = (
        f'SELECT team_id FROM "insights_g{int(generation)}".teams WHERE team_id = ANY($1::text[])'  # noqa: S608
    )
    total = int(rate * duration)
    commands = [Command(scheduled=0.0) for _ in range(total)]
    pending: dict[str, Command] = {}
    tasks: set[asyncio.Task[None]] = set()
    in_flight = 0
    watching = 0
    dropped = 0
    done_sending = asyncio.Event()

    async def watch_dashboard(command: Command) -> None:
        # Polled gently (backing off, a few at a time): the cross-check must not become load.
        nonlocal watching
        assert command.team_id is not None
        raw = encode_request(
            "GET", board["path"].format(team_id=command.team_id), board["host"], board_headers, None
        )
        deadline = command.answered + settle
        pause = board_poll_s
        watching += 1
        try:
            while time.perf_counter() < deadline:
                try:
                    status, _ = await board_pool.request(raw, timeout_s=5.0)
                except (OSError, asyncio.IncompleteReadError, TimeoutError):
                    status = 0
                if status == 200:
                    command.visible_http = time.perf_counter()
                    return
                await asyncio.sleep(pause)
                pause = min(pause * 1.5, 0.2)
        finally:
            watching -= 1

    async def send(index: int, command: Command) -> None:
        nonlocal in_flight
        try:
            command.sent = time.perf_counter()
            status, body = await commands_pool.request(raws[index % len(raws)], timeout_s=30.0)
            command.answered = time.perf_counter()
            command.status = status
            if status == 201:
                command.team_id = json.loads(body)["id"]
                pending[command.team_id] = command
                if sample_every and index % sample_every == 0 and watching < MAX_WATCHERS:
                    command.sampled = True
                    task = asyncio.create_task(watch_dashboard(command))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
        except (OSError, asyncio.IncompleteReadError, TimeoutError):
            command.status = -1
        finally:
            in_flight -= 1

    async def poll_visibility() -> None:
        while True:
            if pending:
                rows = await conn.fetch(query, list(pending))
                now = time.perf_counter()
                for row in rows:
                    found = pending.pop(row["team_id"], None)
                    if found is not None:
                        found.visible_db = now
            elif done_sending.is_set() and not in_flight:
                return
            await asyncio.sleep(poll_s)

    poller = asyncio.create_task(poll_visibility())
    t0 = time.perf_counter() + 0.05
    for index, command in enumerate(commands):
        command.scheduled = t0 + index / rate
        delay = command.scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if in_flight >= MAX_IN_FLIGHT:
            dropped += 1
            command.status = -2
            continue
        in_flight += 1  # counted from here, so the poller never sees a gap before it starts
        task = asyncio.create_task(send(index, command))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    sent_seconds = time.perf_counter() - t0
    done_sending.set()
    deadline = time.perf_counter() + settle + 30
    while (pending or in_flight or tasks) and time.perf_counter() < deadline:
        if pending and all(
            c.answered + settle < time.perf_counter()
            for c in pending.values()
            if c.answered == c.answered
        ):
            break
        await asyncio.sleep(0.05)
    poller.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await poller
    for task in list(tasks):
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await conn.close()
    commands_pool.close()
    board_pool.close()
    accepted = [c for c in commands if c.status == 201]
    statuses = Counter(c.status for c in commands)
    return {
        "mode": "open",
        "offered_rate": rate,
        "achieved_send_rate": round(total / sent_seconds, 1) if sent_seconds > 0 else None,
        "commands": total,
        "accepted": len(accepted),
        "dropped": dropped,
        "status": {str(k): v for k, v in sorted(statuses.items())},
        "command_latency": _summary([c.answered - c.scheduled for c in accepted]),
        "accepted_to_visible": _summary([c.visible_db - c.answered for c in accepted]),
        "scheduled_to_visible": _summary([c.visible_db - c.scheduled for c in accepted]),
        "accepted_to_visible_http": _summary(
            [c.visible_http - c.answered for c in accepted if c.sampled]
        ),
        "poll_ms": poll_s * 1000,
    }


async def main(spec_path: str, out_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())  # noqa: ASYNC240 - before any load
    result = await (closed_loop(spec) if spec["mode"] == "closed" else open_loop(spec))
    Path(out_path).write_text(json.dumps(result))  # noqa: ASYNC240 - after the load


if __name__ == "__main__":
    import uvloop

    uvloop.run(main(sys.argv[1], sys.argv[2]))
