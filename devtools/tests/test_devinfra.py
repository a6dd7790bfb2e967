"""The dev/test infrastructure really works: a real PostgreSQL and a real Kafka 4.1 broker, and
the dev stack's helper processes (the mail sink, the console's server) as processes."""

from __future__ import annotations

import asyncio
import smtplib
import sys
import time
import uuid
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import ClassVar

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord

from huddle_devtools.devinfra import (
    Infrastructure,
    LocalKafka,
    ensure_kafka_jars,
    free_port,
)
from huddle_devtools.devinfra.mailsink import LocalMailSink
from huddle_devtools.devinfra.process import LocalProcess
from huddle_shared.topics import ensure_topics as create_topics


# The session-wide `infra` fixture is provision() itself; sharing it avoids a second pair of
# servers in a full run.
@pytest.fixture
def provisioned(infra: Infrastructure) -> Infrastructure:
    return infra


def _unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


async def _produce(bootstrap: str, topic: str, count: int) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, acks="all")
    await producer.start()
    try:
        for i in range(count):
            await producer.send_and_wait(
                topic,
                value=f"event-{i}".encode(),
                key=f"key-{i % 4}".encode(),
                headers=[("ce_type", b"test.event"), ("seq", str(i).encode())],
            )
    finally:
        await producer.stop()


@pytest.mark.postgres
@pytest.mark.kafka
async def test_postgres_and_kafka_round_trip(provisioned: Infrastructure) -> None:
    assert provisioned.database_url.startswith("postgresql://")

    connection = await asyncpg.connect(provisioned.database_url)
    try:
        assert await connection.fetchval("select 1") == 1
        database = _unique("devinfra")
        await connection.execute(f'CREATE DATABASE "{database}"')
        created = await connection.fetchval(
            "select count(*) from pg_database where datname = $1", database
        )
        assert created == 1
    finally:
        await connection.close()

    topic = _unique("devprovisioned.events")
    await create_topics(provisioned.kafka_bootstrap, [topic], partitions=3)
    # A second call for an existing topic is not an error.
    await create_topics(provisioned.kafka_bootstrap, [topic], partitions=3)

    await _produce(provisioned.kafka_bootstrap, topic, 10)

    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=provisioned.kafka_bootstrap,
        group_id=_unique("devinfra-group"),
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        received: list[ConsumerRecord[bytes, bytes]] = []
        async with asyncio.timeout(30):
            while len(received) < 10:
                batches = await consumer.getmany(timeout_ms=500)
                for records in batches.values():
                    received.extend(records)
        await consumer.commit()
        assert consumer.partitions_for_topic(topic) == {0, 1, 2}
    finally:
        await consumer.stop()

    assert sorted(r.value for r in received) == sorted(f"event-{i}".encode() for i in range(10))
    for record in received:
        headers = dict(record.headers)
        assert headers["ce_type"] == b"test.event"
        assert record.value == f"event-{int(headers['seq'])}".encode()
    assert len({r.partition for r in received}) > 1


async def _read_all(bootstrap: str, topic: str, expected: int) -> list[bytes]:
    # No group: the consumer takes every partition and starts from the beginning.
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    try:
        values: list[bytes] = []
        async with asyncio.timeout(30):
            while len(values) < expected:
                batches = await consumer.getmany(timeout_ms=500)
                for records in batches.values():
                    values.extend(r.value for r in records)
        assert consumer.partitions_for_topic(topic) == {0, 1, 2}
        return values
    finally:
        await consumer.stop()


@pytest.mark.postgres
@pytest.mark.kafka
async def test_local_kafka_keeps_its_data_across_kill_and_restart(tmp_path: Path) -> None:
    port = free_port()
    controller_port = free_port()
    while controller_port == port:
        controller_port = free_port()
    kafka = LocalKafka(
        work_dir=tmp_path / "kafka",
        port=port,
        controller_port=controller_port,
        jars_dir=ensure_kafka_jars(),
        heap_mb=256,
    )
    # start() blocks for seconds; the event loop has nothing else to do meanwhile.
    await asyncio.to_thread(kafka.start)
    try:
        first_pid = kafka.pid
        topic = "devinfra.durable"
        await create_topics(kafka.bootstrap, [topic], partitions=3)
        await _produce(kafka.bootstrap, topic, 6)

        await asyncio.to_thread(kafka.kill)
        assert not kafka.is_running()
        assert kafka.pid is None

        await asyncio.to_thread(kafka.start)
        assert kafka.is_running()
        assert kafka.pid != first_pid

        before = await _read_all(kafka.bootstrap, topic, 6)
        assert sorted(before) == sorted(f"event-{i}".encode() for i in range(6))

        # Still a working broker, not just readable files.
        await _produce(kafka.bootstrap, topic, 2)
        after = await _read_all(kafka.bootstrap, topic, 8)
        assert len(after) == 8
    finally:
        await asyncio.to_thread(kafka.stop)
    assert not kafka.is_running()


def test_the_mail_sink_keeps_each_message_as_a_file_until_stopped(tmp_path: Path) -> None:
    sink = LocalMailSink(tmp_path / "state", port=free_port())
    assert sink.pid() is None
    pid = sink.start()
    try:
        assert sink.wait_ready(30) is None, sink.log_path.read_text()
        assert sink.pid() == pid
        assert sink.pid_path == tmp_path / "state" / "services" / "mail-sink.pid"
        with pytest.raises(RuntimeError, match="already running"):
            sink.start()

        message = EmailMessage()
        message["From"] = "Huddle <no-reply@huddle.invalid>"
        message["To"] = "amara.okafor@riverside.example"
        message["Subject"] = "Reset your Huddle password"
        link = "http://127.0.0.1:8080/#/reset-password?token=" + "t" * 86
        message.set_content(f"Open this link:\n\n  {link}\n")
        with smtplib.SMTP("127.0.0.1", sink.port, timeout=10) as smtp:
            smtp.send_message(message)

        deadline = time.monotonic() + 10
        while not (files := list(sink.inbox.iterdir()) if sink.inbox.is_dir() else []):
            assert time.monotonic() < deadline, "no file under the Maildir's new/"
            time.sleep(0.05)
        [file] = files
        received = message_from_bytes(file.read_bytes(), policy=policy.default)
        assert isinstance(received, EmailMessage)
        assert received["To"] == "amara.okafor@riverside.example"
        body = received.get_body()
        assert body is not None
        assert link in body.get_content()
    finally:
        assert sink.stop()
    assert sink.pid() is None
    assert not sink.pid_path.exists()
    assert sink.not_ready() is not None
    assert not sink.stop(), "stopping what does not run is a no-op"


@dataclass
class _ExitsAtOnce(LocalProcess):
    state_dir: Path
    port: int = 0
    name: str = "short lived"
    marker: ClassVar[bytes] = b"huddle-exits-at-once"

    def command(self) -> list[str]:
        return [sys.executable, "-c", "raise SystemExit(3)", self.marker.decode()]

    def not_ready(self) -> str | None:
        return "never ready"


def test_a_process_that_exits_is_reported_with_its_log(tmp_path: Path) -> None:
    process = _ExitsAtOnce(tmp_path)
    process.start()
    assert process.wait_ready(30) == f"short lived exited (log {process.log_path})"
    assert process.log_path == tmp_path / "logs" / "short-lived.log"
    assert process.pid() is None
    assert not process.stop()
