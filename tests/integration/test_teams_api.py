"""The teams API end to end: every route, its refusals, and who may call it.

In-process app, real PostgreSQL and Kafka; the user directory is seeded by publishing identity
events as identity does, and waiting until the teams consumer has them.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fhir.resources.R4B.careteam import CareTeam
from sqlalchemy import text

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.kafka import eventually
from huddle_devtools.testing.tokens import TestSigner
from huddle_shared.contracts.identity import (
    OrgRole,
    OrgRoleGranted,
    OrgRoleRevoked,
    Profession,
    UserProfileUpdated,
)
from huddle_shared.http import encode_cursor
from huddle_teams.api import fhir_schemas
from huddle_teams.api.history_schemas import HistoryPage
from huddle_teams.api.schemas import CharterOut, MemberPage, TeamOut, TeamPage

from .teams_support import Person, World, directory, seeded_world, wait_for_directory

PROBLEM = "application/problem+json"


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


def assert_problem(response: httpx.Response, status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["title"]
    if code is not None:
        assert body["type"].endswith(f"/{code}"), body


async def members_of(w: World, who: str = "admin") -> dict[str, dict[str, Any]]:
    response = await w.client.get(w.url("/members"), headers=w.headers(who))
    assert response.status_code == 200, response.text
    return {m["user_id"]: m for m in response.json()["items"]}


async def history_of(w: World) -> list[dict[str, Any]]:
    response = await w.client.get(w.url("/history?limit=200"), headers=w.headers("admin"))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


CHARTER: dict[str, Any] = {
    "vision": "Every patient knows who to call, and gets an answer the same day",
    "goals": [
        {
            "title": "Reduce no-shows",
            "measure": "No-show rate below 8% for three months",
            "due_date": today(120),
        }
    ],
    "norms": ["Huddles start on time", "Anyone can stop the line"],
    "roles": [
        {"role": "care_coordinator", "responsibilities": ["Runs the morning huddle"]},
        {"role": "clinical_pharmacist", "responsibilities": ["Reconciles medications"]},
    ],
}


async def with_charter(w: World) -> dict[str, Any]:
    response = await w.client.put(w.url("/charter"), json=CHARTER, headers=w.headers("admin"))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def every_write(w: World, goal_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    """A valid request for every write route of an existing team (the nurse is a member)."""
    nurse = w.id_of("nurse")
    return [
        ("patch", w.url(), {"json": {"name": "Renamed"}}),
        ("post", w.url("/archive"), {}),
        (
            "post",
            w.url("/members"),
            {"json": {"user_id": w.id_of("social_worker"), "role": "social_worker"}},
        ),
        (
            "put",
            w.url(f"/members/{nurse}/role"),
            {"json": {"role": "other", "reason": "r", "effective_date": today()}},
        ),
        ("delete", w.url(f"/members/{nurse}"), {}),
        ("put", w.url("/charter"), {"json": {**CHARTER, "vision": "New"}}),
        ("post", w.url("/charter/reviews"), {"json": {"outcome": "reaffirmed"}}),
        ("put", w.url(f"/charter/goals/{goal_id}/status"), {"json": {"status": "dropped"}}),
    ]


# ---- the team ------------------------------------------------------------------------------


async def test_a_team_is_created_with_its_cadence_and_read_with_its_version_as_etag(
    world: World,
) -> None:
    created = await world.client.post(
        "/v1/teams",
        json={"name": "Eastside", "care_setting": "community_health", "review_cadence_days": 30},
        headers=world.headers("admin"),
    )
    assert created.status_code == 201, created.text
    # TeamCreated, then the non-default cadence as its own event.
    assert created.headers["ETag"] == '"2"'
    got = await world.client.get(created.headers["Location"], headers=world.headers("nurse"))
    assert got.status_code == 200 and got.headers["ETag"] == '"2"'
    body = got.json()
    assert body["status"] == "active"
    assert (body["review_cadence_days"], body["member_count"], body["charter_revision"]) == (
        30,
        0,
        0,
    )

    team = (await world.client.get(world.url(), headers=world.headers("outsider"))).json()
    assert (team["member_count"], team["version"], team["review_cadence_days"]) == (2, 3, 90)


async def test_patch_changes_only_the_fields_it_is_given(world: World) -> None:
    url, admin = world.url(), world.headers("admin")
    described = await world.client.patch(url, json={"description": "Panel of 4k"}, headers=admin)
    assert described.status_code == 200, described.text
    assert described.json()["name"] == "Riverside Team A"
    assert described.headers["ETag"] == '"4"'
    cadence = await world.client.patch(url, json={"review_cadence_days": 45}, headers=admin)
    assert cadence.json()["review_cadence_days"] == 45 and cadence.headers["ETag"] == '"5"'
    same = await world.client.patch(
        url, json={"name": "Riverside Team A", "description": "Panel of 4k"}, headers=admin
    )
    assert same.status_code == 200 and same.headers["ETag"] == '"5"', "no change, no event"


async def test_the_team_list_filters_by_status_membership_and_setting(world: World) -> None:
    admin = world.headers("admin")
    other = await world.client.post(
        "/v1/teams", json={"name": "Mobile Unit", "care_setting": "home_care"}, headers=admin
    )
    other_id = other.json()["id"]
    archived = await world.client.post(f"/v1/teams/{other_id}/archive", headers=admin)
    assert archived.status_code == 200, archived.text

    async def listed(query: str) -> list[str]:
        response = await world.client.get(f"/v1/teams{query}", headers=world.headers("outsider"))
        assert response.status_code == 200, response.text
        return [t["id"] for t in response.json()["items"]]

    assert await listed("") == [world.team_id, other_id]
    assert await listed("?status=active") == [world.team_id]
    assert await listed("?status=archived") == [other_id]
    assert await listed(f"?member={world.id_of('nurse')}") == [world.team_id]
    assert await listed(f"?member={world.id_of('outsider')}") == []
    assert await listed("?care_setting=home_care") == [other_id]
    rows = (await world.client.get("/v1/teams", headers=admin)).json()["items"]
    assert [(r["member_count"], r["status"]) for r in rows] == [(2, "active"), (0, "archived")]


# ---- membership ----------------------------------------------------------------------------


async def test_adding_a_member_answers_201_with_a_location_and_lists_them(world: World) -> None:
    etag = await world.etag()
    sam = world.id_of("social_worker")
    added = await world.client.post(
        world.url("/members"),
        json={"user_id": sam, "role": "social_worker"},
        headers=world.headers("lead", **{"If-Match": etag}),
    )
    assert added.status_code == 201, added.text
    assert added.headers["Location"] == world.url(f"/members/{sam}")
    assert added.headers["ETag"] == '"4"' and added.json()["member_count"] == 3
    # The list carries the team's version, so the next addition can send it as If-Match.
    listed = await world.client.get(world.url("/members"), headers=world.headers("nurse"))
    assert listed.headers["ETag"] == '"4"'
    MemberPage.model_validate(listed.json())
    member = (await members_of(world, "nurse"))[sam]
    assert member == {
        "user_id": sam,
        "role": "social_worker",
        "role_since": today(),
        "joined_on": today(),
        "profession": "social_worker",
        "user_status": "active",
    }
    # The Location reads the member, with the team's version to change them next.
    read = await world.client.get(added.headers["Location"], headers=world.headers("nurse"))
    assert read.status_code == 200, read.text
    assert (read.json(), read.headers["ETag"]) == (member, '"4"')
    outsider = world.url(f"/members/{world.id_of('outsider')}")
    assert_problem(
        await world.client.get(outsider, headers=world.headers("admin")), 404, "member-not-found"
    )


async def test_only_active_people_of_the_same_organisation_can_join(world: World) -> None:
    refusals = {
        "unknown": (str(uuid.uuid4()), 422, "unknown-user"),
        "stranger": (world.id_of("stranger"), 422, "unknown-user"),
        "deactivated": (world.id_of("deactivated"), 422, "user-not-active"),
        "erased": (world.id_of("erased"), 422, "user-not-active"),
        "duplicate": (world.id_of("nurse"), 409, "already-a-member"),
    }
    details = {}
    for case, (user_id, status, code) in refusals.items():
        response = await world.client.post(
            world.url("/members"),
            json={"user_id": user_id, "role": "front_desk"},
            headers=world.headers("admin"),
        )
        assert_problem(response, status, code)
        details[case] = response.json()["detail"]
    # Someone of another organisation is indistinguishable from no one.
    assert details["stranger"] == details["unknown"]
    assert await world.etag() == '"3"', "refused commands record nothing"


async def test_a_role_change_records_from_to_reason_and_effective_date(world: World) -> None:
    nurse = world.id_of("nurse")
    url = world.url(f"/members/{nurse}/role")
    change = {
        "role": "care_coordinator",
        "reason": "Covers the coordinator",
        "effective_date": today(),
    }
    changed = await world.client.put(url, json=change, headers=world.headers("lead"))
    assert changed.status_code == 200, changed.text
    assert (await members_of(world))[nurse]["role"] == "care_coordinator"
    last = (await history_of(world))[-1]
    assert last["type"] == "huddle.teams.member_role_changed.v2"
    assert last["actor"] == world.id_of("lead")
    assert last["data"] == {
        "team_id": world.team_id,
        "user_id": nurse,
        "from_role": "nurse",
        "to_role": "care_coordinator",
        "reason": "Covers the coordinator",
        "effective_date": today(),
        "changed_by": world.id_of("lead"),
        "category": "other",
    }

    admin = world.headers("admin")
    assert_problem(await world.client.put(url, json=change, headers=admin), 422, "role-unchanged")
    outsider_url = world.url(f"/members/{world.id_of('outsider')}/role")
    assert_problem(
        await world.client.put(outsider_url, json=change, headers=admin), 404, "member-not-found"
    )
    future = {**change, "role": "nurse", "effective_date": today(3)}
    assert_problem(
        await world.client.put(url, json=future, headers=admin), 422, "invalid-effective-date"
    )
    too_early = {**change, "role": "nurse", "effective_date": today(-1)}
    assert_problem(
        await world.client.put(url, json=too_early, headers=admin), 422, "invalid-effective-date"
    )

    # A promotion says so (insights does not count it as churn); an unknown category is refused.
    promoted = {"role": "clinical_lead", "reason": "Leads the team now", "category": "promotion"}
    changed = await world.client.put(
        url, json={**promoted, "effective_date": today()}, headers=world.headers("lead")
    )
    assert changed.status_code == 200, changed.text
    assert (await history_of(world))[-1]["data"]["category"] == "promotion"
    unknown = {**promoted, "role": "nurse", "category": "whim", "effective_date": today()}
    refused = await world.client.put(url, json=unknown, headers=world.headers("lead"))
    assert refused.status_code == 422


async def test_removing_a_member_answers_204_and_they_are_gone(world: World) -> None:
    url = world.url(f"/members/{world.id_of('nurse')}")
    future = await world.client.delete(
        f"{url}?effective_date={today(5)}", headers=world.headers("admin")
    )
    assert_problem(future, 422, "invalid-effective-date")
    removed = await world.client.delete(url, headers=world.headers("lead"))
    assert removed.status_code == 204, removed.text
    assert removed.headers["ETag"] == '"4"' and removed.content == b""
    assert world.id_of("nurse") not in await members_of(world)
    assert_problem(
        await world.client.delete(url, headers=world.headers("admin")), 404, "member-not-found"
    )
    assert_problem(
        await world.client.get(url, headers=world.headers("admin")), 404, "member-not-found"
    )
    history = await history_of(world)
    assert history[-1]["data"]["role"] == "nurse"


async def test_the_member_list_is_paginated_by_user_id(world: World) -> None:
    for who in ("social_worker", "coordinator", "outsider"):
        r = await world.client.post(
            world.url("/members"),
            json={"user_id": world.id_of(who), "role": "other"},
            headers=world.headers("admin"),
        )
        assert r.status_code == 201, r.text
    seen: list[str] = []
    cursor = ""
    while True:
        page = (
            await world.client.get(
                world.url(f"/members?limit=2{cursor}"), headers=world.headers("admin")
            )
        ).json()
        seen += [m["user_id"] for m in page["items"]]
        if page["next_cursor"] is None:
            break
        cursor = f"&cursor={page['next_cursor']}"
    assert seen == sorted(seen) and len(seen) == 5


# ---- the charter ---------------------------------------------------------------------------


async def test_the_charter_is_revised_reviewed_and_its_goals_tracked(world: World) -> None:
    lead, charter_url = world.headers("lead"), world.url("/charter")
    empty = (await world.client.get(charter_url, headers=world.headers("nurse"))).json()
    assert (empty["revision"], empty["next_review_due"], empty["goals"]) == (0, None, [])

    first = await world.client.put(charter_url, json=CHARTER, headers=lead)
    assert first.status_code == 200, first.text
    body = first.json()
    assert (body["revision"], body["revised_by"], body["revised_on"]) == (
        1,
        world.id_of("lead"),
        today(),
    )
    assert body["next_review_due"] == today(90) and body["review_overdue"] is False
    goal_id = body["goals"][0]["id"]
    assert body["goals"][0]["status"] == "on_track"

    kept = {**CHARTER["goals"][0], "id": goal_id, "measure": "No-show rate below 6%"}
    new_goal = {"title": "Close care gaps", "measure": "HbA1c for 90%", "due_date": today(200)}
    second = await world.client.put(
        charter_url, json={**CHARTER, "goals": [kept, new_goal]}, headers=lead
    )
    assert second.json()["revision"] == 2
    assert [g["title"] for g in second.json()["goals"]] == ["Reduce no-shows", "Close care gaps"]
    assert second.json()["goals"][0]["id"] == goal_id
    identical = await world.client.put(
        charter_url,
        json={**CHARTER, "goals": [kept, {**new_goal, "id": second.json()["goals"][1]["id"]}]},
        headers=lead,
    )
    assert identical.json()["revision"] == 2
    assert identical.headers["ETag"] == second.headers["ETag"], "same wording, no revision"

    status_url = world.url(f"/charter/goals/{goal_id}/status")
    at_risk = await world.client.put(
        status_url, json={"status": "at_risk", "note": "Staff gap"}, headers=lead
    )
    assert at_risk.status_code == 200, at_risk.text
    assert at_risk.json()["goals"][0]["status"] == "at_risk"
    assert_problem(
        await world.client.put(status_url, json={"status": "at_risk"}, headers=lead),
        422,
        "goal-status-unchanged",
    )
    await world.client.put(status_url, json={"status": "achieved"}, headers=lead)
    assert_problem(
        await world.client.put(status_url, json={"status": "on_track"}, headers=lead),
        422,
        "goal-closed",
    )
    assert_problem(
        await world.client.put(
            world.url("/charter/goals/no-such-goal/status"),
            json={"status": "dropped"},
            headers=lead,
        ),
        404,
        "goal-not-found",
    )

    # The cadence is the team's: a shorter one brings the next review closer.
    await world.client.patch(world.url(), json={"review_cadence_days": 30}, headers=lead)
    assert (await world.client.get(charter_url, headers=lead)).json()["next_review_due"] == today(
        30
    )
    review = await world.client.post(
        world.url("/charter/reviews"),
        json={"outcome": "needs_revision", "notes": "Roles unclear for front desk"},
        headers=lead,
    )
    assert review.status_code == 201, review.text
    assert review.headers["Location"] == charter_url
    reviewed = review.json()
    assert reviewed["last_review"] == {
        "revision": 2,
        "outcome": "needs_revision",
        "notes": "Roles unclear for front desk",
        "reviewed_on": today(),
        "reviewed_by": world.id_of("lead"),
        "meeting_id": None,
    }
    assert reviewed["next_review_due"] == today(30)
    team = (await world.client.get(world.url(), headers=lead)).json()
    assert (team["charter_revision"], team["next_review_due"]) == (2, today(30))
    assert_problem(
        await world.client.post(
            world.url("/charter/reviews"),
            json={"outcome": "reaffirmed", "reviewed_on": today(3)},
            headers=lead,
        ),
        422,
        "invalid-review",
    )


async def test_a_charter_must_exist_to_be_reviewed_and_must_hold_together(world: World) -> None:
    admin = world.headers("admin")
    assert_problem(
        await world.client.post(
            world.url("/charter/reviews"), json={"outcome": "reaffirmed"}, headers=admin
        ),
        422,
        "no-charter",
    )
    goal = CHARTER["goals"][0]
    broken = [
        {**CHARTER, "norms": ["Be kind", "be kind"]},
        {**CHARTER, "roles": [{"role": "nurse"}, {"role": "nurse"}]},
        {**CHARTER, "goals": [{**goal, "id": "never-issued"}]},
        {**CHARTER, "goals": [{**goal, "due_date": today(-30)}]},
    ]
    for body in broken:
        response = await world.client.put(world.url("/charter"), json=body, headers=admin)
        assert_problem(response, 422, "invalid-charter")
    assert await world.etag() == '"3"'


# ---- archival ------------------------------------------------------------------------------


async def test_an_archived_team_can_be_read_but_refuses_every_change(world: World) -> None:
    goal_id = (await with_charter(world))["goals"][0]["id"]
    archived = await world.client.post(
        world.url("/archive"), json={"reason": "Merged into Team B"}, headers=world.headers("lead")
    )
    assert archived.status_code == 200, archived.text
    assert archived.json()["status"] == "archived" and archived.json()["archived_at"]

    writes = every_write(world, goal_id)
    for method, url, kwargs in writes:
        response = await world.client.request(method, url, headers=world.headers("admin"), **kwargs)
        assert_problem(response, 409, "team-archived")

    for suffix in ("", "/members", "/charter", "/history", "/fhir"):
        read = await world.client.get(world.url(suffix), headers=world.headers("nurse"))
        assert read.status_code == 200, (suffix, read.text)
    fhir = (await world.client.get(world.url("/fhir"), headers=world.headers("nurse"))).json()
    assert fhir["status"] == "inactive"


# ---- concurrency and retries ---------------------------------------------------------------


async def test_a_stale_if_match_is_refused_on_every_write(world: World) -> None:
    goal_id = (await with_charter(world))["goals"][0]["id"]
    stale = world.headers("admin", **{"If-Match": '"1"'})
    writes = every_write(world, goal_id)
    for method, url, kwargs in writes:
        response = await world.client.request(method, url, headers=stale, **kwargs)
        assert_problem(response, 412, "precondition-failed")
        assert response.json()["current_etag"] == '"4"'
    assert await world.etag() == '"4"'


async def test_two_writers_never_lose_an_update(world: World) -> None:
    admin, lead = world.headers("admin"), world.headers("lead")
    # Without If-Match both commands hold, so both land: the loser is decided again and retried.
    first, second = await asyncio.gather(
        world.client.post(
            world.url("/members"),
            json={"user_id": world.id_of("social_worker"), "role": "social_worker"},
            headers=admin,
        ),
        world.client.post(
            world.url("/members"),
            json={"user_id": world.id_of("coordinator"), "role": "care_coordinator"},
            headers=lead,
        ),
    )
    assert (first.status_code, second.status_code) == (201, 201), (first.text, second.text)
    assert {first.headers["ETag"], second.headers["ETag"]} == {'"4"', '"5"'}
    assert len(await members_of(world)) == 4

    # With the same If-Match, exactly one writer wins and the other is told, not overwritten.
    etag = await world.etag()
    a, b = await asyncio.gather(
        world.client.patch(
            world.url(), json={"name": "Name A"}, headers={**admin, "If-Match": etag}
        ),
        world.client.patch(
            world.url(), json={"name": "Name B"}, headers={**lead, "If-Match": etag}
        ),
    )
    statuses = sorted([a.status_code, b.status_code])
    assert statuses[0] == 200 and statuses[1] in (409, 412), (a.text, b.text)
    winner = a if a.status_code == 200 else b
    current = (await world.client.get(world.url(), headers=admin)).json()
    assert current["name"] == winner.json()["name"] and current["version"] == 6


async def test_an_idempotency_key_makes_a_retried_write_act_once(world: World) -> None:
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"user_id": world.id_of("social_worker"), "role": "social_worker"}
    headers = world.headers("admin", **key)
    first = await world.client.post(world.url("/members"), json=body, headers=headers)
    again = await world.client.post(world.url("/members"), json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and first.headers["ETag"] == again.headers["ETag"]
    added = [e for e in await history_of(world) if e["type"].endswith("member_added.v1")]
    assert len(added) == 3

    delete_key = world.headers("admin", **{"Idempotency-Key": str(uuid.uuid4())})
    url = world.url(f"/members/{world.id_of('social_worker')}")
    assert (await world.client.delete(url, headers=delete_key)).status_code == 204
    assert (await world.client.delete(url, headers=delete_key)).status_code == 204


# ---- history -------------------------------------------------------------------------------


async def test_the_history_says_who_did_what_and_when_page_by_page(world: World) -> None:
    headers = world.headers("analyst")
    page1 = (await world.client.get(world.url("/history?limit=2"), headers=headers)).json()
    page2 = (
        await world.client.get(
            world.url(f"/history?limit=2&cursor={page1['next_cursor']}"), headers=headers
        )
    ).json()
    entries = page1["items"] + page2["items"]
    assert page2["next_cursor"] is None
    assert [(e["version"], e["type"]) for e in entries] == [
        (1, "huddle.teams.team_created.v1"),
        (2, "huddle.teams.member_added.v1"),
        (3, "huddle.teams.member_added.v1"),
    ]
    assert {e["actor"] for e in entries} == {world.id_of("admin")}
    assert entries[1]["data"]["user_id"] == world.id_of("lead")
    assert all(datetime.fromisoformat(e["occurred_at"]).tzinfo for e in entries)
    assert_problem(
        await world.client.get(
            world.url(f"/history?cursor={encode_cursor(['x'])}"), headers=headers
        ),
        400,
    )


async def test_every_response_is_what_the_openapi_document_says(world: World) -> None:
    """The routes that render their own JSON (the writes, the reads with an ETag, FHIR) are held
    to the models the document shows; the history holds one entry of every kind of event."""
    admin, lead = world.headers("admin"), world.headers("lead")
    nurse = world.id_of("nurse")
    created = await world.client.post(
        "/v1/teams", json={"name": "Eastside", "review_cadence_days": 30}, headers=admin
    )
    TeamOut.model_validate(created.json())
    TeamPage.model_validate((await world.client.get("/v1/teams", headers=admin)).json())
    TeamOut.model_validate((await world.client.get(world.url(), headers=admin)).json())
    renamed = await world.client.patch(
        world.url(),
        json={"name": "Riverside Family Practice", "review_cadence_days": 60},
        headers=lead,
    )
    TeamOut.model_validate(renamed.json())
    added = await world.client.post(
        world.url("/members"),
        json={"user_id": world.id_of("social_worker"), "role": "social_worker"},
        headers=lead,
    )
    TeamOut.model_validate(added.json())
    changed = await world.client.put(
        world.url(f"/members/{nurse}/role"),
        json={"role": "care_coordinator", "reason": "Covers", "effective_date": today()},
        headers=lead,
    )
    TeamOut.model_validate(changed.json())
    removed = await world.client.delete(
        world.url(f"/members/{world.id_of('social_worker')}"), headers=lead
    )
    assert removed.status_code == 204 and removed.headers["ETag"]
    charter = await with_charter(world)
    CharterOut.model_validate(charter)
    goal_id = charter["goals"][0]["id"]
    status = await world.client.put(
        world.url(f"/charter/goals/{goal_id}/status"), json={"status": "at_risk"}, headers=lead
    )
    CharterOut.model_validate(status.json())
    reviewed = await world.client.post(
        world.url("/charter/reviews"), json={"outcome": "reaffirmed"}, headers=lead
    )
    CharterOut.model_validate(reviewed.json())
    CharterOut.model_validate((await world.client.get(world.url("/charter"), headers=lead)).json())
    MemberPage.model_validate((await world.client.get(world.url("/members"), headers=lead)).json())
    archived = await world.client.post(world.url("/archive"), headers=lead)
    TeamOut.model_validate(archived.json())
    fhir = await world.client.get(world.url("/fhir"), headers=world.headers("fhir_client"))
    fhir_schemas.CareTeam.model_validate_json(fhir.content)

    kinds: set[str] = set()
    for team_id in (world.team_id, created.json()["id"]):
        history = await world.client.get(f"/v1/teams/{team_id}/history?limit=200", headers=admin)
        kinds |= {e.type for e in HistoryPage.model_validate(history.json()).items}
    assert kinds == {
        f"huddle.teams.{name}"
        for name in (
            "team_created.v1",
            "team_renamed.v1",
            "review_cadence_changed.v1",
            "member_added.v1",
            "member_role_changed.v2",
            "member_removed.v1",
            "charter_revised.v1",
            "charter_reviewed.v1",
            "goal_status_changed.v1",
            "team_archived.v1",
        )
    }


# ---- the directory follows identity --------------------------------------------------------


async def test_the_user_directory_follows_identity_and_forgets_the_erased(world: World) -> None:
    nurse = world.people["nurse"]
    feed = world.feed
    await feed.publish(
        UserProfileUpdated(
            user_id=nurse.user_id,
            org_id=world.org,
            profession=Profession.NURSE_PRACTITIONER,
            updated_by="admin",
        ),
        user_id=nurse.user_id,
        org_id=world.org,
    )
    for event in (
        OrgRoleGranted(
            user_id=nurse.user_id, org_id=world.org, role=OrgRole.ANALYST, granted_by="a"
        ),
        OrgRoleGranted(
            user_id=nurse.user_id, org_id=world.org, role=OrgRole.ANALYST, granted_by="a"
        ),
        OrgRoleRevoked(
            user_id=nurse.user_id, org_id=world.org, role=OrgRole.MEMBER, revoked_by="a"
        ),
    ):
        await feed.publish(event, user_id=nurse.user_id, org_id=world.org)
    await feed.deactivate(nurse)
    await wait_for_directory(world.service, {nurse.user_id: "deactivated"})
    row = (await directory(world.service))[nurse.user_id]
    assert (row["profession"], row["org_roles"]) == ("nurse_practitioner", ["analyst"])
    # Deactivation keeps the membership; the roster says so.
    listed = (await members_of(world))[nurse.user_id]
    assert (listed["user_status"], listed["profession"]) == ("deactivated", "nurse_practitioner")

    await feed.erase(nurse)
    await wait_for_directory(world.service, {nurse.user_id: "erased"})
    row = (await directory(world.service))[nurse.user_id]
    assert (row["profession"], row["org_roles"], row["org_id"]) == (None, [], world.org)
    assert set(row) == {"user_id", "org_id", "profession", "org_roles", "status", "updated_at"}
    listed = (await members_of(world))[nurse.user_id]
    assert (listed["user_status"], listed["profession"]) == ("erased", None)


async def test_an_identity_event_for_someone_never_registered_is_dead_lettered(
    world: World,
) -> None:
    ghost = str(uuid.uuid4())
    await world.feed.deactivate(Person(ghost, world.org, "Ghost", Profession.OTHER))
    late = world.people["coordinator"]
    await world.feed.deactivate(late)
    await wait_for_directory(world.service, {late.user_id: "deactivated"})

    async def dead_letters() -> list[str]:
        async with world.service.runtime.engine.connect() as conn:
            rows = await conn.execute(text("SELECT reason FROM dead_letters"))
            return [r.reason for r in rows]

    await eventually(dead_letters, timeout_s=30)
    assert [ghost in r for r in await dead_letters()] == [True]


# ---- FHIR ----------------------------------------------------------------------------------


async def test_the_fhir_view_is_a_valid_r4_care_team_with_participant_periods(
    world: World,
) -> None:
    nurse, lead = world.id_of("nurse"), world.id_of("lead")
    await world.client.put(
        world.url(f"/members/{nurse}/role"),
        json={"role": "care_coordinator", "reason": "Covers", "effective_date": today()},
        headers=world.headers("admin"),
    )
    response = await world.client.get(world.url("/fhir"), headers=world.headers("fhir_client"))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/fhir+json"
    assert response.headers["ETag"] == '"4"'
    documented = fhir_schemas.CareTeam.model_validate_json(response.content)
    assert documented.model_dump_json(exclude_none=True).encode() == response.content
    care_team = CareTeam.model_validate_json(response.content)
    assert care_team.id == world.team_id and care_team.status == "active"
    assert [r.reference for r in care_team.managingOrganization or []] == [
        f"Organization/{world.org}"
    ]
    periods = [
        (
            p.member.reference if p.member else None,
            p.role[0].coding[0].code if p.role and p.role[0].coding else None,
            str(p.period.start) if p.period else None,
            str(p.period.end) if p.period and p.period.end else None,
        )
        for p in care_team.participant or []
    ]
    assert periods == [
        (f"Practitioner/{lead}", "clinical_lead", today(), None),
        (f"Practitioner/{nurse}", "nurse", today(), today()),
        (f"Practitioner/{nurse}", "care_coordinator", today(), None),
    ]


# ---- who may do what -----------------------------------------------------------------------

READ_ROUTES = ("list", "team", "members", "charter", "history", "fhir")
EVERYTHING = dict.fromkeys(READ_ROUTES, 200)
READS: dict[str, dict[str, int]] = {
    "admin": EVERYTHING,
    "lead": EVERYTHING,
    "nurse": EVERYTHING,
    "analyst": EVERYTHING,
    # A person of the organisation who is not on the team sees that it exists, not inside it.
    "outsider": {**dict.fromkeys(READ_ROUTES, 403), "list": 200, "team": 200},
    "stranger": {**dict.fromkeys(READ_ROUTES, 404), "list": 200},
    "fhir_client": {**dict.fromkeys(READ_ROUTES, 403), "fhir": 200},
    "client": dict.fromkeys(READ_ROUTES, 403),
}
REFUSED_WRITERS = {
    "nurse": 403,
    "analyst": 403,
    "outsider": 403,
    "stranger": 404,
    "fhir_client": 403,
    "client": 403,
}


def write_requests(w: World, who: str, goal_id: str) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """One valid request per write route; managers each act on their own person."""
    own = w.id_of("coordinator" if who == "lead" else "social_worker")
    goals = [{**CHARTER["goals"][0], "id": goal_id}]
    return {
        "update": ("patch", w.url(), {"json": {"description": f"edited by {who}"}}),
        "add member": ("post", w.url("/members"), {"json": {"user_id": own, "role": "other"}}),
        "change role": (
            "put",
            w.url(f"/members/{own}/role"),
            {"json": {"role": "care_coordinator", "reason": "covering", "effective_date": today()}},
        ),
        "remove member": ("delete", w.url(f"/members/{own}"), {}),
        "revise charter": (
            "put",
            w.url("/charter"),
            {"json": {**CHARTER, "vision": f"vision of {who}", "goals": goals}},
        ),
        "review charter": ("post", w.url("/charter/reviews"), {"json": {"outcome": "reaffirmed"}}),
        "goal status": (
            "put",
            w.url(f"/charter/goals/{goal_id}/status"),
            {"json": {"status": "at_risk" if who == "admin" else "on_track"}},
        ),
        "archive": ("post", w.url("/archive"), {"json": {"reason": "done"}}),
    }


async def test_the_authorisation_matrix(world: World) -> None:
    goal_id = (await with_charter(world))["goals"][0]["id"]
    wrong: list[str] = []

    for who, expected in READS.items():
        for route, status in expected.items():
            url = (
                "/v1/teams"
                if route == "list"
                else world.url("" if route == "team" else f"/{route}")
            )
            response = await world.client.get(url, headers=world.headers(who))
            if response.status_code != status:
                wrong.append(f"{who} GET {route}: {response.status_code}, expected {status}")
            elif route == "list" and who == "stranger" and response.json()["items"]:
                wrong.append("another tenant listed our team")

    before = await world.etag()
    for who, status in REFUSED_WRITERS.items():
        for route, (method, url, kwargs) in write_requests(world, who, goal_id).items():
            response = await world.client.request(method, url, headers=world.headers(who), **kwargs)
            if response.status_code != status or response.headers["content-type"] != PROBLEM:
                wrong.append(f"{who} {route}: {response.status_code}, expected {status}")
    if await world.etag() != before:
        wrong.append("a refused write changed the team")

    # The org admin and the team's clinical lead manage the team; the lead archives it last.
    for who in ("admin", "lead"):
        for route, (method, url, kwargs) in write_requests(world, who, goal_id).items():
            if route == "archive" and who == "admin":
                continue
            response = await world.client.request(method, url, headers=world.headers(who), **kwargs)
            if not 200 <= response.status_code < 300:
                wrong.append(f"{who} {route}: {response.status_code} {response.text}")

    for who in ("lead", "nurse", "analyst", "outsider", "fhir_client"):
        response = await world.client.post(
            "/v1/teams", json={"name": "Mine"}, headers=world.headers(who)
        )
        if response.status_code != 403:
            wrong.append(f"{who} created a team: {response.status_code}")
    assert wrong == []


# ---- bad input -----------------------------------------------------------------------------


async def test_bad_input_gets_a_problem_response_never_a_500(world: World) -> None:
    nobody, nurse = str(uuid.uuid4()), world.id_of("nurse")
    member = {"user_id": world.id_of("social_worker"), "role": "nurse"}
    role = {"role": "other", "reason": "why", "effective_date": today()}
    goal = CHARTER["goals"][0]
    cases: list[tuple[str, str, dict[str, Any], int]] = [
        ("post", "/members", {"json": {}}, 422),
        ("post", "/members", {"json": {**member, "user_id": "not-a-uuid"}}, 422),
        ("post", "/members", {"json": {**member, "role": "wizard"}}, 422),
        ("post", "/members", {"json": {**member, "effective_date": "yesterday"}}, 422),
        ("post", "/members", {"json": {**member, "extra": 1}}, 422),
        ("post", "/members", {"json": [member]}, 422),
        (
            "post",
            "/members",
            {"content": b"{oops", "headers": {"content-type": "application/json"}},
            400,
        ),
        (
            "post",
            "/members",
            {"content": b"user=1", "headers": {"content-type": "text/plain"}},
            415,
        ),
        ("post", "/members", {"json": member, "headers": {"Idempotency-Key": "short"}}, 422),
        ("put", f"/members/{nurse}/role", {"json": {"role": "other"}}, 422),
        ("put", f"/members/{nurse}/role", {"json": {**role, "reason": ""}}, 422),
        ("put", f"/members/{nurse}/role", {"json": {**role, "effective_date": "2026-02-30"}}, 422),
        ("put", "/members/not-a-uuid/role", {"json": role}, 422),
        ("delete", "/members/not-a-uuid", {}, 422),
        ("delete", f"/members/{nurse}?effective_date=soon", {}, 422),
        ("put", "/charter", {"json": {"goals": [{"title": "x"}]}}, 422),
        ("put", "/charter", {"json": {"goals": [{**goal, "due_date": "2026-13-45"}]}}, 422),
        ("put", "/charter", {"json": {"norms": [""]}}, 422),
        ("put", "/charter", {"json": {"norms": [f"n{i}" for i in range(51)]}}, 422),
        ("put", "/charter", {"json": {"vision": "x" * 4001}}, 422),
        ("put", "/charter", {"json": {"roles": [{"role": "astronaut"}]}}, 422),
        ("post", "/charter/reviews", {"json": {}}, 422),
        ("post", "/charter/reviews", {"json": {"outcome": "meh"}}, 422),
        ("put", "/charter/goals/x/status", {"json": {"status": "done"}}, 422),
        ("put", f"/charter/goals/{'g' * 101}/status", {"json": {"status": "dropped"}}, 422),
        ("patch", "", {"json": {"review_cadence_days": 3}}, 422),
        ("patch", "", {"json": {"name": ""}}, 422),
        ("patch", "", {"json": {"name": "x" * 201}}, 422),
        ("post", "/archive", {"json": {"reason": 5}}, 422),
        ("post", "/archive", {"json": []}, 422),
        ("get", "/history?cursor=%%%garbage", {}, 400),
        ("get", "/history?limit=0", {}, 422),
        ("get", "/members?cursor=%%%garbage", {}, 400),
        ("get", "/members?limit=201", {}, 422),
    ]
    missing = f"/v1/teams/{nobody}"
    absolute: list[tuple[str, str, dict[str, Any], int]] = [
        ("get", "/v1/teams?status=deleted", {}, 422),
        ("get", "/v1/teams?member=not-a-uuid", {}, 422),
        ("post", "/v1/teams", {"json": {"name": "A", "review_cadence_days": 1000}}, 422),
        *[
            ("get", f"{missing}{s}", {}, 404)
            for s in ("", "/members", "/charter", "/history", "/fhir")
        ],
        ("post", f"{missing}/members", {"json": member}, 404),
        ("post", f"{missing}/archive", {}, 404),
        ("put", f"{missing}/charter", {"json": CHARTER}, 404),
        ("get", "/v1/teams/not-a-uuid/fhir", {}, 422),
    ]
    wrong = []
    for method, path, kwargs, status in [
        *[(m, world.url(p), k, s) for m, p, k, s in cases],
        *absolute,
    ]:
        headers = world.headers("admin", **kwargs.pop("headers", {}))
        response = await world.client.request(method, path, headers=headers, **kwargs)
        if response.status_code != status or response.headers["content-type"] != PROBLEM:
            wrong.append(f"{method} {path}: {response.status_code} {response.text[:200]}")
    assert wrong == []
    assert await world.etag() == '"3"'
