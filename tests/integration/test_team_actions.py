"""A team's action plans through the teams API, against real PostgreSQL and Kafka: agreeing and
proposing, owners, the lifecycle, check-ins, the list, who may do what, what is refused (and
that a refusal writes nothing), the owner who leaves, and the events on ``teams.action.v1``."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.kafka import read_topic
from huddle_devtools.testing.tokens import TestSigner
from huddle_shared.contracts.practice import ACTION_TOPIC
from huddle_shared.envelope import from_kafka
from huddle_teams.adapters.tables import team_actions
from huddle_teams.api.action_plan_schemas import ActionOut, ActionPage

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
                "goals": [
                    {"title": "Fewer missed handovers", "measure": "<2/month", "due_date": day(90)}
                ],
                "norms": ["Huddles start on time"],
                "roles": [],
            },
            headers=w.headers("lead"),
        )
        assert chartered.status_code == 200, chartered.text
        yield w


async def goal_of(w: World) -> str:
    charter = (await w.client.get(w.url("/charter"), headers=w.headers("lead"))).json()
    return str(charter["goals"][0]["id"])


def body(w: World, **changes: Any) -> dict[str, Any]:
    return {
        "title": "Protect a 30-minute lunch break",
        "why": "Burnout share rose; skipped breaks came up first",
        "owners": [w.id_of("nurse")],
        "due_date": day(30),
        "prompted_by": {"kind": "driver", "driver": "burnout_share"},
        **changes,
    }


async def create(w: World, who: str = "lead", **changes: Any) -> dict[str, Any]:
    response = await w.client.post(
        w.url("/actions"), json=body(w, **changes), headers=w.headers(who)
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    assert response.headers["Location"] == w.url(f"/actions/{created['id']}")
    assert response.headers["ETag"] == f'"{created["version"]}"'
    return created


async def written(w: World) -> tuple[int, int]:
    """How many action events and list rows the service holds (a refusal must add none)."""
    async with w.service.runtime.engine.connect() as conn:
        events = await conn.scalar(text("SELECT count(*) FROM events WHERE stream_type = 'action'"))
        rows = await conn.scalar(select(func.count()).select_from(team_actions))
    return int(events or 0), int(rows or 0)


def assert_field_problem(response: httpx.Response, status: int, *location: str | int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert [str(p) for p in location] in [e["location"] for e in problem["errors"]], problem


async def test_an_action_from_a_driver_to_done_with_check_ins_and_its_events_in_order(
    world: World, infra: Infrastructure, topic_prefix: str
) -> None:
    w = world
    goal = await goal_of(w)
    created = await create(w, goal_ids=[goal])
    ActionOut.model_validate(created)
    assert created["status"] == "committed" and created["owners"] == [w.id_of("nurse")]
    assert created["prompted_by"] == {
        "kind": "driver",
        "driver": "burnout_share",
        "campaign_id": None,
        "goal_id": None,
        "meeting_id": None,
    }
    action = w.url(f"/actions/{created['id']}")

    started = await w.client.put(
        f"{action}/status", json={"status": "in_progress"}, headers=w.headers("nurse")
    )
    assert started.status_code == 200, started.text
    for note in ("Front desk blocks 12:30-13:00", "Two weeks in: most days kept"):
        checked = await w.client.post(
            f"{action}/check-ins", json={"note": note}, headers=w.headers("nurse")
        )
        assert checked.status_code == 201, checked.text
    revised = await w.client.patch(
        action, json={"due_date": day(45)}, headers=w.headers("lead", **{"If-Match": '"4"'})
    )
    assert revised.status_code == 200, revised.text
    stale = await w.client.patch(
        action, json={"title": "Other"}, headers=w.headers("lead", **{"If-Match": '"4"'})
    )
    assert stale.status_code == 412
    done = await w.client.put(
        f"{action}/status", json={"status": "done"}, headers=w.headers("nurse")
    )
    assert done.status_code == 200, done.text
    final = ActionOut.model_validate(done.json())
    assert final.status == "done" and final.closed_on is not None and not final.overdue
    assert [c.note for c in final.check_ins] == [
        "Front desk blocks 12:30-13:00",
        "Two weeks in: most days kept",
    ]
    read = await w.client.get(action, headers=w.headers("analyst"))
    assert read.status_code == 200 and read.json() == done.json()
    assert read.headers["ETag"] == f'"{final.version}"'

    # Closed for good: no more check-ins or moves, and nothing written by trying.
    before = await written(w)
    again = await w.client.post(
        f"{action}/check-ins", json={"note": "x"}, headers=w.headers("lead")
    )
    assert again.status_code == 409 and again.json()["type"].endswith("/action-closed")
    assert await written(w) == before

    records = await read_topic(
        infra.kafka_bootstrap,
        topic_prefix + ACTION_TOPIC.name,
        until=lambda rs: sum(r.key == created["id"].encode() for r in rs) >= 6,
    )
    mine = [
        from_kafka(r.key, r.value, list(r.headers))
        for r in records
        if r.key == created["id"].encode()
    ]
    assert [e.type.rsplit(".", 2)[1] for e in mine] == [
        "action_created",
        "action_status_changed",
        "action_checked_in",
        "action_checked_in",
        "action_revised",
        "action_status_changed",
    ]
    assert [e.stream_version for e in mine] == [1, 2, 3, 4, 5, 6]
    assert {e.tenant_id for e in mine} == {w.org}


async def test_members_propose_leads_commit_analysts_read_and_others_are_refused(
    world: World,
) -> None:
    w = world
    proposed = await create(w, who="nurse")
    assert proposed["status"] == "proposed"
    action = w.url(f"/actions/{proposed['id']}")
    # A member may not commit, drop, revise or reassign; the lead may.
    nurse_commits = await w.client.post(
        w.url("/actions"), json=body(w, status="committed"), headers=w.headers("nurse")
    )
    assert nurse_commits.status_code == 403
    for method, path, payload in (
        ("put", f"{action}/status", {"status": "committed"}),
        ("put", f"{action}/status", {"status": "dropped", "reason": "no"}),
        ("patch", action, {"title": "Mine now"}),
        ("put", f"{action}/owners", {"owners": [w.id_of("lead")]}),
    ):
        refused = await w.client.request(method, path, json=payload, headers=w.headers("nurse"))
        assert refused.status_code == 403, (method, path, refused.text)
    committed = await w.client.put(
        f"{action}/status", json={"status": "committed"}, headers=w.headers("lead")
    )
    assert committed.status_code == 200 and committed.json()["status"] == "committed"
    # Analysts read only; people off the team, clients and other organisations get nothing.
    assert (await w.client.get(action, headers=w.headers("analyst"))).status_code == 200
    analyst = await w.client.post(w.url("/actions"), json=body(w), headers=w.headers("analyst"))
    assert analyst.status_code == 403
    for who, status in (("outsider", 403), ("client", 403), ("stranger", 404)):
        assert (await w.client.get(action, headers=w.headers(who))).status_code == status, who
        listed = await w.client.get(w.url("/actions"), headers=w.headers(who))
        assert listed.status_code == status, who
        checked = await w.client.post(
            f"{action}/check-ins", json={"note": "hi"}, headers=w.headers(who)
        )
        assert checked.status_code == status, who
    # An action id of another team is not found on this one.
    other = await w.client.post(
        "/v1/teams",
        json={"name": "Other", "care_setting": "urgent_care"},
        headers=w.headers("admin"),
    )
    other_team = other.json()["id"]
    elsewhere = await w.client.get(
        f"/v1/teams/{other_team}/actions/{proposed['id']}", headers=w.headers("admin")
    )
    assert elsewhere.status_code == 404


async def test_bad_input_names_the_field_and_writes_nothing(world: World) -> None:
    w = world
    before = await written(w)
    cases = [
        (body(w, owners=[w.id_of("outsider")]), 422, ("body", "owners", 0)),
        (body(w, owners=[w.id_of("nurse"), w.id_of("nurse")]), 422, ("body", "owners", 1)),
        (body(w, due_date=day(-3)), 422, ("body", "due_date")),
        (body(w, goal_ids=["no-such-goal"]), 422, ("body", "goal_ids", 0)),
        (
            body(w, prompted_by={"kind": "goal", "driver": "burnout_share"}),
            422,
            ("body", "prompted_by", "driver"),
        ),
        (
            body(w, prompted_by={"kind": "goal", "goal_id": "nope"}),
            422,
            ("body", "prompted_by", "goal_id"),
        ),
        (body(w, owners=[]), 422, ("body", "owners")),
        (body(w, title=""), 422, ("body", "title")),
    ]
    for payload, status, location in cases:
        response = await w.client.post(w.url("/actions"), json=payload, headers=w.headers("lead"))
        assert_field_problem(response, status, *location)
    assert await written(w) == before

    created = await create(w)
    action = w.url(f"/actions/{created['id']}")
    after_create = await written(w)
    for method, path, payload, location in (
        (
            "post",
            f"{action}/check-ins",
            {"note": "x", "checked_in_on": day(5)},
            ("body", "checked_in_on"),
        ),
        (
            "post",
            f"{action}/check-ins",
            {"note": "x", "checked_in_on": day(-5)},
            ("body", "checked_in_on"),
        ),
        ("put", f"{action}/status", {"status": "dropped"}, ("body", "reason")),
        ("put", f"{action}/owners", {"owners": [w.id_of("coordinator")]}, ("body", "owners", 0)),
        ("patch", action, {"due_date": day(-3)}, ("body", "due_date")),
    ):
        response = await w.client.request(method, path, json=payload, headers=w.headers("lead"))
        assert_field_problem(response, 422, *location)
    skipped = await w.client.put(
        f"{action}/status", json={"status": "proposed"}, headers=w.headers("lead")
    )
    assert skipped.status_code == 409
    assert await written(w) == after_create

    dropped = await w.client.put(
        f"{action}/status",
        json={"status": "dropped", "reason": "Covered by the new rota"},
        headers=w.headers("lead"),
    )
    assert dropped.status_code == 200 and dropped.json()["drop_reason"] == "Covered by the new rota"
    on_dropped = await w.client.post(
        f"{action}/check-ins", json={"note": "late"}, headers=w.headers("nurse")
    )
    assert on_dropped.status_code == 409


async def test_the_list_filters_and_pages_newest_first(world: World) -> None:
    w = world
    goal = await goal_of(w)
    made = [
        await create(w),
        await create(w, prompted_by={"kind": "goal", "goal_id": goal}, owners=[w.id_of("lead")]),
        await create(w, prompted_by={"kind": "campaign", "campaign_id": str(uuid.uuid4())}),
        await create(w, who="nurse"),
    ]
    await w.client.put(
        w.url(f"/actions/{made[0]['id']}/status"),
        json={"status": "done"},
        headers=w.headers("nurse"),
    )

    async def listing(**params: Any) -> list[str]:
        ids: list[str] = []
        cursor: str | None = None
        while True:
            query = {**params, "limit": 2, **({"cursor": cursor} if cursor else {})}
            response = await w.client.get(
                w.url("/actions"), params=query, headers=w.headers("analyst")
            )
            assert response.status_code == 200, response.text
            page = ActionPage.model_validate(response.json())
            ids += [a.id for a in page.items]
            if page.next_cursor is None:
                return ids
            cursor = page.next_cursor

    newest_first = [m["id"] for m in reversed(made)]
    assert await listing() == newest_first
    assert await listing(status=["done"]) == [made[0]["id"]]
    assert await listing(status=["proposed", "done"]) == [made[3]["id"], made[0]["id"]]
    assert await listing(owner=w.id_of("lead")) == [made[1]["id"]]
    assert await listing(prompted_by="campaign") == [made[2]["id"]]
    assert await listing(overdue="true") == []
    page = (await w.client.get(w.url("/actions"), headers=w.headers("lead"))).json()
    by_id = {a["id"]: a for a in page["items"]}
    assert by_id[made[1]["id"]]["prompted_by"]["goal_id"] == goal
    assert by_id[made[0]["id"]]["status"] == "done" and by_id[made[0]["id"]]["closed_on"] == day()
    bad = await w.client.get(
        w.url("/actions"), params={"cursor": "nope"}, headers=w.headers("lead")
    )
    assert bad.status_code == 400


async def test_an_owner_who_leaves_the_team_is_taken_off_open_actions_only(world: World) -> None:
    w = world
    nurse = w.id_of("nurse")
    shared = await create(w, owners=[nurse, w.id_of("lead")])
    alone = await create(w)
    finished = await create(w)
    await w.client.put(
        w.url(f"/actions/{finished['id']}/status"),
        json={"status": "done"},
        headers=w.headers("lead"),
    )
    removed = await w.client.delete(w.url(f"/members/{nurse}"), headers=w.headers("admin"))
    assert removed.status_code == 204, removed.text

    async def owners(action_id: str) -> list[str]:
        response = await w.client.get(w.url(f"/actions/{action_id}"), headers=w.headers("lead"))
        return list(response.json()["owners"])

    assert await owners(shared["id"]) == [w.id_of("lead")]
    assert await owners(alone["id"]) == []  # waits for a lead to give it an owner
    assert await owners(finished["id"]) == [nurse]  # history keeps who did it
    listed = (
        await w.client.get(w.url("/actions"), params={"owner": nurse}, headers=w.headers("lead"))
    ).json()
    assert [a["id"] for a in listed["items"]] == [finished["id"]]
    assigned = await w.client.put(
        w.url(f"/actions/{alone['id']}/owners"),
        json={"owners": [w.id_of("lead")]},
        headers=w.headers("lead"),
    )
    assert assigned.status_code == 200 and assigned.json()["owners"] == [w.id_of("lead")]


async def test_a_charter_goal_gets_owners_keeps_them_when_reworded_and_loses_a_leaver(
    world: World, infra: Infrastructure, topic_prefix: str
) -> None:
    w = world
    goal = await goal_of(w)
    nurse, lead = w.id_of("nurse"), w.id_of("lead")
    owners_url = w.url(f"/charter/goals/{goal}/owners")

    refused = await w.client.put(
        owners_url, json={"owners": [nurse, str(uuid.uuid4())]}, headers=w.headers("lead")
    )
    assert_field_problem(refused, 422, "body", "owners", 1)
    by_member = await w.client.put(owners_url, json={"owners": [nurse]}, headers=w.headers("nurse"))
    assert by_member.status_code == 403
    named = await w.client.put(
        owners_url, json={"owners": [nurse, lead]}, headers=w.headers("lead")
    )
    assert named.status_code == 200, named.text
    assert named.json()["goals"][0]["owners"] == [nurse, lead]

    charter = (await w.client.get(w.url("/charter"), headers=w.headers("lead"))).json()
    kept = {k: charter["goals"][0][k] for k in ("id", "title", "due_date")}
    reworded = await w.client.put(
        w.url("/charter"),
        json={
            "vision": charter["vision"],
            "goals": [{**kept, "measure": "<1/month"}],
            "norms": charter["norms"],
            "roles": [],
        },
        headers=w.headers("lead"),
    )
    assert reworded.status_code == 200, reworded.text
    assert reworded.json()["goals"][0]["owners"] == [nurse, lead]

    removed = await w.client.delete(w.url(f"/members/{nurse}"), headers=w.headers("admin"))
    assert removed.status_code == 204, removed.text
    charter = (await w.client.get(w.url("/charter"), headers=w.headers("lead"))).json()
    assert charter["goals"][0]["owners"] == [lead]

    history = (await w.client.get(w.url("/history"), headers=w.headers("lead"))).json()
    changes = [
        e["data"] for e in history["items"] if e["type"] == "huddle.teams.goal_owners_changed.v1"
    ]
    assert [(c["owners"], c["reason"]) for c in changes] == [
        ([nurse, lead], "assigned"),
        ([lead], "left_team"),
    ]
