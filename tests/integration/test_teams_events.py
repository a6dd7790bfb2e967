"""Every teams event type reaches Kafka as a CloudEvent, keyed by team id, in stream order."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fhir.resources.R4B.careteam import CareTeam

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.kafka import read_topic
from huddle_devtools.testing.tokens import TestSigner
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import TEAM_TOPIC
from huddle_shared.envelope import from_kafka

from .teams_support import World, seeded_world

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


@pytest.fixture
async def world(
    start_teams: Callable[..., Any], signer: TestSigner, infra: Infrastructure, topic_prefix: str
) -> AsyncIterator[World]:
    async with seeded_world(
        start_teams, signer, bootstrap=infra.kafka_bootstrap, topic_prefix=topic_prefix
    ) as w:
        yield w


def today(offset_days: int = 0) -> str:
    return (datetime.now(UTC).date() + timedelta(days=offset_days)).isoformat()


async def care_team(world: World) -> CareTeam:
    response = await world.client.get(world.url("/fhir"), headers=world.headers("fhir_client"))
    assert response.status_code == 200, response.text
    return CareTeam.model_validate_json(response.content)


async def test_every_team_event_type_arrives_on_kafka_as_a_cloudevent(
    world: World, infra: Infrastructure, topic_prefix: str
) -> None:
    lead = world.headers("lead", traceparent=TRACEPARENT)
    nurse, sam = world.id_of("nurse"), world.id_of("social_worker")
    steps: list[tuple[str, str, dict[str, Any]]] = [
        ("patch", world.url(), {"json": {"name": "Riverside North", "review_cadence_days": 60}}),
        ("post", world.url("/members"), {"json": {"user_id": sam, "role": "social_worker"}}),
        (
            "put",
            world.url(f"/members/{nurse}/role"),
            {"json": {"role": "care_coordinator", "reason": "Covers", "effective_date": today()}},
        ),
        ("delete", world.url(f"/members/{sam}"), {}),
        (
            "put",
            world.url("/charter"),
            {
                "json": {
                    "vision": "Same-day answers",
                    "goals": [{"title": "No-shows", "measure": "< 8%", "due_date": today(90)}],
                    "norms": ["Start on time"],
                    "roles": [{"role": "clinical_lead", "responsibilities": ["Chairs reviews"]}],
                }
            },
        ),
        ("post", world.url("/charter/reviews"), {"json": {"outcome": "reaffirmed"}}),
    ]
    for method, url, kwargs in steps:
        response = await world.client.request(method, url, headers=lead, **kwargs)
        assert 200 <= response.status_code < 300, response.text
    charter = (await world.client.get(world.url("/charter"), headers=lead)).json()
    goal = charter["goals"][0]["id"]
    moved = await world.client.put(
        world.url(f"/charter/goals/{goal}/status"), json={"status": "at_risk"}, headers=lead
    )
    assert moved.status_code == 200, moved.text
    owned = await world.client.put(
        world.url(f"/charter/goals/{goal}/owners"),
        json={"owners": [world.id_of("lead")]},
        headers=lead,
    )
    assert owned.status_code == 200, owned.text

    before_archive = await care_team(world)
    assert before_archive.status == "active"
    archived = await world.client.post(world.url("/archive"), headers=lead)
    assert archived.status_code == 200, archived.text
    after_archive = await care_team(world)
    assert after_archive.status == "inactive"
    assert after_archive.period is not None and str(after_archive.period.end) == today()

    expected_types = {spec.type_name for spec in REGISTRY.types_on(TEAM_TOPIC.name)}
    records = await read_topic(
        infra.kafka_bootstrap,
        f"{topic_prefix}{TEAM_TOPIC.name}",
        until=lambda recs: sum(r.key == world.team_id.encode() for r in recs) >= 13,
        timeout_s=60,
    )
    ours = [r for r in records if r.key == world.team_id.encode()]
    envelopes = [from_kafka(r.key, r.value, list(r.headers)) for r in ours]
    assert {e.type for e in envelopes} == expected_types, "every event type was seen"

    # One team, one partition, its stream in order, every event exactly once.
    assert len({r.partition for r in ours}) == 1
    assert [e.stream_version for e in envelopes] == list(range(1, 14))
    assert len({e.id for e in envelopes}) == 13
    for record, envelope in zip(ours, envelopes, strict=True):
        headers = {name: value.decode() for name, value in record.headers}
        assert headers["ce_specversion"] == "1.0"
        assert headers["ce_source"] == "huddle/teams"
        assert headers["ce_type"] == envelope.type
        assert headers["ce_subject"] == world.team_id
        assert headers["ce_tenantid"] == world.org
        assert headers["content-type"] == "application/json"
        uuid.UUID(headers["ce_id"])
        datetime.fromisoformat(headers["ce_time"].replace("Z", "+00:00"))
        payload = REGISTRY.decode(envelope.type, envelope.data)
        assert getattr(payload, "team_id", None) == world.team_id
        if envelope.stream_version > 3:  # the lead's requests carried a trace context
            assert envelope.traceparent == TRACEPARENT

    by_type = {e.type: e.data for e in envelopes}
    assert by_type["huddle.teams.member_role_changed.v2"] == {
        "team_id": world.team_id,
        "user_id": nurse,
        "from_role": "nurse",
        "to_role": "care_coordinator",
        "reason": "Covers",
        "effective_date": today(),
        "changed_by": world.id_of("lead"),
        "category": "other",
    }
    assert by_type["huddle.teams.review_cadence_changed.v1"]["review_cadence_days"] == 60
    assert by_type["huddle.teams.charter_reviewed.v1"]["next_review_due"] == today(60)


async def test_no_personal_data_of_members_travels_in_team_events(
    world: World, infra: Infrastructure, topic_prefix: str
) -> None:
    records = await read_topic(
        infra.kafka_bootstrap,
        f"{topic_prefix}{TEAM_TOPIC.name}",
        until=lambda recs: len(recs) >= 3,
        timeout_s=60,
    )
    blob = b"".join(r.value for r in records)
    # Ids and team roles only: no names, emails or professions (identity's business).
    assert b'"profession"' not in blob and b"@" not in blob
    for who in ("lead", "nurse"):
        assert world.people[who].name.encode() not in blob
