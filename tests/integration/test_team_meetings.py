"""A team's meeting records through the teams API, against real PostgreSQL and Kafka: a
retrospective whose decisions agree actions and that reviews the charter, all written together
or not at all; huddles recorded by members; the list; what is refused; the events on
``teams.meeting.v1``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.kafka import read_topic
from huddle_devtools.testing.tokens import TestSigner
from huddle_shared.contracts.practice import MEETING_TOPIC
from huddle_shared.envelope import from_kafka
from huddle_teams.api.meeting_schemas import MeetingOut, MeetingPage

from .teams_support import World, seeded_world

pytestmark = [pytest.mark.postgres, pytest.mark.kafka]

PROBLEM = "application/problem+json"


def day(offset: int = 0) -> str:
    return (datetime.now(UTC).date() + timedelta(days=offset)).isoformat()


@pytest.fixture
async def world(
    start_teams: Callable[..., Any], signer: TestSigner, infra: Infrastructure, topic_prefix: str
) -> AsyncIterator[World]:
    async with seeded_world(
        start_teams, signer, bootstrap=infra.kafka_bootstrap, topic_prefix=topic_prefix
    ) as w:
        chartered = await w.client.put(
            w.url("/charter"),
            json={
                "vision": "Every patient knows who to call",
                "goals": [],
                "norms": [],
                "roles": [],
            },
            headers=w.headers("lead"),
        )
        assert chartered.status_code == 200, chartered.text
        yield w


def retrospective(w: World, **changes: Any) -> dict[str, Any]:
    return {
        "kind": "retrospective",
        "held_on": day(0),
        "participants": 6,
        "went_well": ["Handovers at 8:15 were on time all month"],
        "to_change": ["Lunch breaks are skipped on clinic days"],
        "decisions": [
            {
                "text": "Protect a 30-minute lunch break on clinic days",
                "action": {"owners": [w.id_of("nurse")], "due_date": day(30)},
            },
            {
                "text": "Add a norm about starting huddles on time",
                "proposes_charter_revision": True,
            },
            {"text": "Invite the front desk to Friday huddles"},
        ],
        "charter_review": {"outcome": "reaffirmed", "notes": "Goals still right"},
        **changes,
    }


async def counts(w: World) -> dict[str, int]:
    async with w.service.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT stream_type, count(*) FROM events GROUP BY stream_type")
        )
        found = {r[0]: int(r[1]) for r in rows}
        meetings = await conn.scalar(text("SELECT count(*) FROM team_meetings"))
    return {**found, "team_meetings": int(meetings or 0)}


async def test_a_retrospective_agrees_actions_and_reviews_the_charter_in_one_write(
    world: World, infra: Infrastructure, topic_prefix: str
) -> None:
    w = world
    response = await w.client.post(
        w.url("/meetings"), json=retrospective(w), headers=w.headers("lead")
    )
    assert response.status_code == 201, response.text
    meeting = MeetingOut.model_validate(response.json())
    assert response.headers["Location"] == w.url(f"/meetings/{meeting.id}")
    assert [d.outcome for d in meeting.decisions] == ["action", "charter_revision", "noted"]
    assert meeting.reviewed_charter and meeting.participants == 6
    action_id = meeting.decisions[0].action_id
    assert action_id is not None and meeting.decisions[1].action_id is None

    action = (await w.client.get(w.url(f"/actions/{action_id}"), headers=w.headers("lead"))).json()
    assert action["status"] == "committed"  # the lead recorded it
    assert action["title"] == "Protect a 30-minute lunch break on clinic days"
    assert action["prompted_by"]["kind"] == "meeting"
    assert action["prompted_by"]["meeting_id"] == meeting.id
    charter = (await w.client.get(w.url("/charter"), headers=w.headers("lead"))).json()
    assert charter["last_review"]["meeting_id"] == meeting.id
    assert charter["last_review"]["reviewed_on"] == day(0)

    read = await w.client.get(w.url(f"/meetings/{meeting.id}"), headers=w.headers("nurse"))
    assert read.status_code == 200 and read.json() == response.json()
    prompted = await w.client.get(
        w.url("/actions"), params={"prompted_by": "meeting"}, headers=w.headers("lead")
    )
    assert [a["id"] for a in prompted.json()["items"]] == [action_id]

    records = await read_topic(
        infra.kafka_bootstrap,
        topic_prefix + MEETING_TOPIC.name,
        until=lambda rs: any(r.key == meeting.id.encode() for r in rs),
    )
    [event] = [
        from_kafka(r.key, r.value, list(r.headers)) for r in records if r.key == meeting.id.encode()
    ]
    assert event.type == "huddle.teams.meeting_recorded.v1"
    assert event.data["participants"] == 6 and event.data["team_id"] == w.team_id
    assert event.data["decisions"][0]["action_id"] == action_id


async def test_members_record_huddles_their_actions_are_proposed_and_the_list_pages(
    world: World,
) -> None:
    w = world
    ids = []
    for offset, kind in ((-3, "daily_huddle"), (-2, "weekly_huddle"), (-1, "daily_huddle")):
        body: dict[str, Any] = {"kind": kind, "held_on": day(offset), "participants": 5}
        if offset == -1:
            body["decisions"] = [
                {
                    "text": "Swap the Tuesday phone rota",
                    "action": {"owners": [w.id_of("nurse")], "due_date": day(7)},
                }
            ]
        recorded = await w.client.post(w.url("/meetings"), json=body, headers=w.headers("nurse"))
        assert recorded.status_code == 201, recorded.text
        ids.append(recorded.json()["id"])
    proposed = recorded.json()["decisions"][0]["action_id"]
    action = (await w.client.get(w.url(f"/actions/{proposed}"), headers=w.headers("lead"))).json()
    assert action["status"] == "proposed"  # a member's decision waits for the lead

    first = await w.client.get(w.url("/meetings"), params={"limit": 2}, headers=w.headers("lead"))
    page = MeetingPage.model_validate(first.json())
    assert [m.id for m in page.items] == [ids[2], ids[1]]  # most recently held first
    assert page.next_cursor is not None
    rest = await w.client.get(
        w.url("/meetings"),
        params={"limit": 2, "cursor": page.next_cursor},
        headers=w.headers("lead"),
    )
    assert [m["id"] for m in rest.json()["items"]] == [ids[0]]
    huddles = await w.client.get(
        w.url("/meetings"), params={"kind": "daily_huddle"}, headers=w.headers("lead")
    )
    assert [m["id"] for m in huddles.json()["items"]] == [ids[2], ids[0]]
    bad = await w.client.get(
        w.url("/meetings"), params={"cursor": "nope"}, headers=w.headers("lead")
    )
    assert bad.status_code == 400


@pytest.mark.parametrize(
    ("who", "changes", "status", "location"),
    [
        ("lead", {"held_on": day(3)}, 422, ["body", "held_on"]),
        ("lead", {"held_on": day(-400)}, 422, ["body", "held_on"]),
        ("lead", {"participants": 0}, 422, ["body", "participants"]),
        ("lead", {"went_well": ["  "]}, 422, ["body", "went_well", "0"]),
        (
            "lead",
            {
                "decisions": [
                    {
                        "text": "Do it",
                        "action": {
                            "owners": ["c2a5e1b4-0d3f-4e6a-9b8c-7d1e2f3a4b5c"],
                            "due_date": day(5),
                        },
                    }
                ]
            },
            422,
            ["body", "owners", "0"],
        ),
        (
            "lead",
            {"decisions": [{"text": "Do it", "action": {"owners": [], "due_date": day(5)}}]},
            422,
            None,
        ),
        ("lead", {"kind": "daily_huddle"}, 422, ["body", "charter_review"]),
        ("nurse", {}, 403, None),  # a member cannot record the charter's review
    ],
)
async def test_a_refused_record_writes_nothing_not_even_its_actions(
    world: World, who: str, changes: dict[str, Any], status: int, location: list[str] | None
) -> None:
    w = world
    before = await counts(w)
    refused = await w.client.post(
        w.url("/meetings"), json=retrospective(w, **changes), headers=w.headers(who)
    )
    assert refused.status_code == status, refused.text
    assert refused.headers["content-type"] == PROBLEM
    if location is not None:
        assert location in [e["location"] for e in refused.json()["errors"]], refused.json()
    assert await counts(w) == before


async def test_an_action_can_name_a_meeting_of_its_own_team_only(world: World) -> None:
    w = world
    huddle = await w.client.post(
        w.url("/meetings"),
        json={"kind": "daily_huddle", "participants": 4},
        headers=w.headers("lead"),
    )
    assert huddle.status_code == 201, huddle.text
    body: dict[str, Any] = {
        "title": "Restock the treatment room daily",
        "owners": [w.id_of("nurse")],
        "due_date": day(10),
        "prompted_by": {"kind": "meeting", "meeting_id": huddle.json()["id"]},
    }
    created = await w.client.post(w.url("/actions"), json=body, headers=w.headers("lead"))
    assert created.status_code == 201, created.text
    body["prompted_by"]["meeting_id"] = "c2a5e1b4-0d3f-4e6a-9b8c-7d1e2f3a4b5c"
    unknown = await w.client.post(w.url("/actions"), json=body, headers=w.headers("lead"))
    assert unknown.status_code == 422
    assert ["body", "prompted_by", "meeting_id"] in [
        e["location"] for e in unknown.json()["errors"]
    ]
    missing = await w.client.get(
        w.url("/meetings/c2a5e1b4-0d3f-4e6a-9b8c-7d1e2f3a4b5c"), headers=w.headers("lead")
    )
    assert missing.status_code == 404
