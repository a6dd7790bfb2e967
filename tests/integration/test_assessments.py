"""Assessments through its API with real PostgreSQL and Kafka: trust is the product here."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from huddle_assessments.adapters.tables import team_members
from huddle_assessments.api.schemas import (
    CampaignOut,
    CampaignPage,
    CommentPage,
    InstrumentOut,
    InstrumentPage,
    OwnResponse,
    ResponseReceipt,
)
from huddle_assessments.bootstrap import MIGRATIONS, build_app
from huddle_assessments.config import AssessmentsSettings
from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually, read_topic
from huddle_devtools.testing.tokens import TestSigner
from huddle_shared.contracts.identity import Profession
from huddle_shared.contracts.teams import TeamRole

from .conftest import RunningService, running
from .upstream_events import Upstream

PULSE = "huddle-team-pulse-v1"
LATER = "2030-01-01T00:00:00Z"
GOOD = {"energy": 4, "recognition": 4, "workload": 3, "pride": 5, "recommend": 4}
PROFESSIONS = (
    [Profession.NURSE] * 6
    + [Profession.PHYSICIAN] * 3
    + [
        Profession.PHARMACIST,
        Profession.SOCIAL_WORKER,
    ]
)


@dataclass
class World:
    service: RunningService
    signer: TestSigner
    upstream: Upstream
    org_id: str
    team_id: str
    lead: str
    members: list[str]
    outsider: str
    topic_prefix: str
    infra: Infrastructure
    _headers: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def client(self) -> httpx.AsyncClient:
        return self.service.client

    def as_user(self, user_id: str, *roles: str) -> dict[str, str]:
        return self.signer.headers(org_id=self.org_id, subject=user_id, roles=roles or ["member"])

    def admin(self) -> dict[str, str]:
        return self.signer.headers(org_id=self.org_id, roles=["org_admin"])

    async def open_campaign(self, **overrides: Any) -> dict[str, Any]:
        body = {
            "team_id": self.team_id,
            "instrument_id": PULSE,
            "closes_at": (datetime.now(UTC) + timedelta(days=14)).isoformat(),
        }
        body.update(overrides)
        response = await self.client.post(
            "/v1/campaigns", json=body, headers=self.as_user(self.lead)
        )
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        CampaignOut.model_validate(result)
        assert response.headers["Location"] == f"/v1/campaigns/{result['id']}"
        assert response.headers["ETag"] == f'"{result["version"]}"'
        return result

    async def respond(self, campaign_id: str, user_id: str, **body: Any) -> httpx.Response:
        payload = {"answers": GOOD, **body}
        return await self.client.post(
            f"/v1/campaigns/{campaign_id}/responses", json=payload, headers=self.as_user(user_id)
        )


@pytest.fixture
async def world(
    databases: DatabaseFactory,
    settings_for: Callable[..., dict[str, Any]],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
) -> AsyncIterator[World]:
    url = databases.create("assessments", MIGRATIONS)
    settings = AssessmentsSettings(**settings_for(url, auto_close_interval_s=0.2))
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    org_id = str(uuid.uuid4())
    async with running(build_app(settings), url) as service:
        team_id = await upstream.team(org_id)
        lead = await upstream.user(org_id, Profession.PHYSICIAN)
        await upstream.member(org_id, team_id, lead, TeamRole.CLINICAL_LEAD)
        members = []
        for profession in PROFESSIONS:
            user_id = await upstream.user(org_id, profession)
            await upstream.member(org_id, team_id, user_id, TeamRole.NURSE)
            members.append(user_id)
        outsider = await upstream.user(org_id, Profession.NURSE)

        async def directory_ready() -> bool:
            async with service.runtime.engine.connect() as conn:
                rows = await conn.execute(
                    select(team_members.c.user_id).where(team_members.c.team_id == team_id)
                )
                return len(rows.all()) == 12

        await eventually(directory_ready, timeout_s=60)
        yield World(
            service, signer, upstream, org_id, team_id, lead, members, outsider, topic_prefix, infra
        )


async def test_seeded_and_organisation_instruments(world: World) -> None:
    listed = (await world.client.get("/v1/instruments", headers=world.admin())).json()["items"]
    assert {i["id"] for i in listed} >= {
        "huddle-single-item-burnout-v1",
        PULSE,
        "huddle-psychological-safety-v1",
        "huddle-teamwork-v1",
        "huddle-relational-leadership-v1",
    }
    pulse = (await world.client.get(f"/v1/instruments/{PULSE}", headers=world.admin())).json()
    assert pulse["definition"]["scoring"] == "index_0_100"

    custom = {
        "key": "org.huddle_check",
        "title": "Daily huddle check",
        "kind": "custom",
        "scale": {"min": 1, "max": 4},
        "items": [
            {"id": "started_on_time", "text": "We started on time."},
            {"id": "rushed", "text": "It felt rushed.", "reverse_scored": True},
        ],
        "subscales": [{"id": "flow", "title": "Flow", "items": ["started_on_time", "rushed"]}],
        "scoring": "mean",
    }
    first = await world.client.post("/v1/instruments", json=custom, headers=world.admin())
    second = await world.client.post("/v1/instruments", json=custom, headers=world.admin())
    assert (first.status_code, second.status_code) == (201, 201)
    assert (first.json()["version"], second.json()["version"]) == (1, 2)
    InstrumentOut.model_validate(first.json())
    assert first.headers["Location"] == f"/v1/instruments/{first.json()['id']}"
    published = await world.client.get(first.headers["Location"], headers=world.admin())
    assert published.json() == first.json()
    other_org = world.signer.headers(org_id=str(uuid.uuid4()), roles=["org_admin"])
    hidden = await world.client.get(f"/v1/instruments/{first.json()['id']}", headers=other_org)
    assert hidden.status_code == 404

    broken = {**custom, "subscales": [{"id": "flow", "title": "Flow", "items": ["ghost"]}]}
    refused = await world.client.post("/v1/instruments", json=broken, headers=world.admin())
    assert refused.status_code == 422
    assert "ghost" in refused.json()["detail"]
    reserved = {**custom, "key": "huddle.team_pulse"}
    assert (
        await world.client.post("/v1/instruments", json=reserved, headers=world.admin())
    ).status_code == 422
    bad_scale = {**custom, "scale": {"min": 3, "max": 1}}
    assert (
        await world.client.post("/v1/instruments", json=bad_scale, headers=world.admin())
    ).status_code == 422
    member = world.as_user(world.members[0])
    assert (
        await world.client.post("/v1/instruments", json=custom, headers=member)
    ).status_code == 403


async def test_one_key_published_many_times_at_once_gets_one_version_each(world: World) -> None:
    custom = {
        "key": "org.concurrent_check",
        "title": "Concurrent check",
        "kind": "custom",
        "scale": {"min": 1, "max": 5},
        "items": [{"id": "ok", "text": "It went well."}],
        "scoring": "mean",
    }
    answers = await asyncio.gather(
        *(
            world.client.post("/v1/instruments", json=custom, headers=world.admin())
            for _ in range(6)
        )
    )
    assert [a.status_code for a in answers] == [201] * 6, [a.text for a in answers]
    assert sorted(a.json()["version"] for a in answers) == [1, 2, 3, 4, 5, 6]


async def test_instruments_are_listed_in_pages_huddles_first(world: World) -> None:
    custom = {
        "key": "org.handover_check",
        "title": "Morning handover check",
        "kind": "custom",
        "scale": {"min": 1, "max": 5},
        "items": [{"id": "started_on_time", "text": "The handover started on time."}],
        "scoring": "mean",
    }
    for _ in range(2):
        posted = await world.client.post("/v1/instruments", json=custom, headers=world.admin())
        assert posted.status_code == 201, posted.text
    whole = InstrumentPage.model_validate(
        (await world.client.get("/v1/instruments", headers=world.admin())).json()
    )
    assert whole.next_cursor is None
    owners = [i.owner for i in whole.items]
    assert owners == sorted(owners, key=lambda owner: owner != "huddle")
    assert [(i.key, i.version) for i in whole.items if i.owner == world.org_id] == [
        ("org.handover_check", 1),
        ("org.handover_check", 2),
    ]

    paged: list[str] = []
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 2}
        if cursor is not None:
            params["cursor"] = cursor
        got = await world.client.get("/v1/instruments", params=params, headers=world.admin())
        assert got.status_code == 200, got.text
        page = InstrumentPage.model_validate(got.json())
        assert len(page.items) <= 2
        paged += [i.id for i in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert paged == [i.id for i in whole.items]
    bad = await world.client.get(
        "/v1/instruments", params={"cursor": "not-ours"}, headers=world.admin()
    )
    assert bad.status_code == 400
    assert bad.headers["content-type"] == "application/problem+json"


async def test_campaigns_are_opened_by_leads_and_admins_for_the_teams_members(world: World) -> None:
    campaign = await world.open_campaign()
    assert campaign["participation"] == {
        "eligible": 12,
        "responded": 0,
        "rate": 0.0,
        "warning": None,
    }
    assert campaign["anonymity"] == "anonymous"
    assert campaign["min_group_size"] == 5
    assert campaign["status"] == "open"
    closes = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    body = {"team_id": world.team_id, "instrument_id": PULSE, "closes_at": closes}
    as_member = await world.client.post(
        "/v1/campaigns", json=body, headers=world.as_user(world.members[0])
    )
    assert as_member.status_code == 403
    foreign = world.signer.headers(org_id=str(uuid.uuid4()), roles=["org_admin"])
    assert (await world.client.post("/v1/campaigns", json=body, headers=foreign)).status_code == 404
    assert (
        await world.client.get(f"/v1/campaigns/{campaign['id']}", headers=foreign)
    ).status_code == 404
    too_small = await world.client.post(
        "/v1/campaigns", json={**body, "min_group_size": 2}, headers=world.admin()
    )
    assert too_small.status_code == 422
    backwards = await world.client.post(
        "/v1/campaigns",
        json={**body, "opens_at": closes, "closes_at": datetime.now(UTC).isoformat()},
        headers=world.admin(),
    )
    assert backwards.status_code == 422
    listed = await world.client.get(
        f"/v1/campaigns?team_id={world.team_id}&status=open",
        headers=world.as_user(world.members[1]),
    )
    assert [c["id"] for c in listed.json()["items"]] == [campaign["id"]]
    CampaignPage.model_validate(listed.json())
    read = await world.client.get(f"/v1/campaigns/{campaign['id']}", headers=world.admin())
    assert CampaignOut.model_validate(read.json()).version == campaign["version"]
    assert read.headers["ETag"] == f'"{campaign["version"]}"'
    outsider_list = await world.client.get("/v1/campaigns", headers=world.as_user(world.outsider))
    assert outsider_list.json()["items"] == []
    outsider_read = await world.client.get(
        f"/v1/campaigns/{campaign['id']}", headers=world.as_user(world.outsider)
    )
    assert outsider_read.status_code == 403


async def test_responses_are_checked_and_recorded_once(world: World) -> None:
    campaign = await world.open_campaign()
    cid = campaign["id"]
    first = await world.respond(cid, world.members[0])
    assert first.status_code == 201, first.text
    receipt = ResponseReceipt.model_validate(first.json())
    assert receipt.scores.index == 75.0
    assert first.headers["Location"] == f"/v1/campaigns/{cid}/responses/{receipt.response_id}"
    again = await world.respond(cid, world.members[0])
    assert again.status_code == 409
    outsider = await world.respond(cid, world.outsider)
    assert outsider.status_code == 403
    bad = await world.respond(cid, world.members[1], answers={"energy": 9, "pride": "a lot"})
    assert bad.status_code == 422
    named = [e["location"][-1] for e in bad.json()["errors"]]
    assert named == ["energy", "pride", "recognition", "recommend", "workload"]
    unknown_item = await world.respond(cid, world.members[1], answers={**GOOD, "mood": 3})
    assert unknown_item.status_code == 422

    read = (await world.client.get(f"/v1/campaigns/{cid}", headers=world.admin())).json()
    assert read["participation"]["responded"] == 1
    assert read["settings_locked"] is True


async def test_nobody_but_the_author_reads_an_individual_response(world: World) -> None:
    campaign = await world.open_campaign()
    cid = campaign["id"]
    author = world.members[2]
    posted = await world.respond(cid, author, comment="We need more time for handovers.")
    response_id = posted.json()["response_id"]
    mine = await world.client.get(
        f"/v1/campaigns/{cid}/responses/me", headers=world.as_user(author)
    )
    assert mine.status_code == 200
    assert mine.json()["answers"] == GOOD
    assert mine.json()["comment"] == "We need more time for handovers."

    lead = world.as_user(world.lead)
    admin = world.admin()
    for headers in (lead, admin):
        for path in (
            f"/v1/campaigns/{cid}/responses",
            f"/v1/campaigns/{cid}/responses/{response_id}",
        ):
            refused = await world.client.get(path, headers=headers)
            assert refused.status_code == 403, (path, refused.text)
        own = await world.client.get(f"/v1/campaigns/{cid}/responses/me", headers=headers)
        assert own.status_code == 404, "their own, which does not exist: never the author's"
    by_author = await world.client.get(
        f"/v1/campaigns/{cid}/responses/{response_id}", headers=world.as_user(author)
    )
    assert by_author.status_code == 200
    assert OwnResponse.model_validate(by_author.json()) == OwnResponse.model_validate(mine.json())
    assert posted.headers["Location"] == f"/v1/campaigns/{cid}/responses/{response_id}"


async def test_comments_need_ten_respondents_even_once_closed(world: World) -> None:
    campaign = await world.open_campaign()
    cid = campaign["id"]
    for n, member in enumerate(world.members[:9]):
        assert (await world.respond(cid, member, comment=f"comment {n}")).status_code == 201
    lead = world.as_user(world.lead)
    closed = await world.client.post(f"/v1/campaigns/{cid}/close", headers=lead)
    assert closed.json()["status"] == "closed"
    few = await world.client.get(f"/v1/campaigns/{cid}/comments", headers=lead)
    assert few.status_code == 200
    assert few.json() == {
        "suppressed": True,
        "reason": "Comments are shown once at least 10 people have responded",
        "items": [],
        "next_cursor": None,
    }
    member_view = await world.client.get(
        f"/v1/campaigns/{cid}/comments", headers=world.as_user(world.members[0])
    )
    assert member_view.status_code == 403


async def test_comments_stay_hidden_while_open_and_carry_no_author(world: World) -> None:
    campaign = await world.open_campaign()
    cid = campaign["id"]
    lead = world.as_user(world.lead)
    path = f"/v1/campaigns/{cid}/comments"
    assert len(world.members) > 10
    for n, member in enumerate(world.members):
        assert (await world.respond(cid, member, comment=f"comment {n}")).status_code == 201
        # A lead polling an open campaign must never see a comment arrive, past ten included.
        for headers in (lead, world.admin()):
            polled = await world.client.get(path, headers=headers)
            assert polled.status_code == 200
            assert polled.json() == {
                "suppressed": True,
                "reason": "Comments are shown once the campaign has closed",
                "items": [],
                "next_cursor": None,
            }, n
    # Access is checked first: a member is refused, not told the campaign is open.
    refused = await world.client.get(path, headers=world.as_user(world.members[0]))
    assert refused.status_code == 403
    unknown = await world.client.get(f"/v1/campaigns/{uuid.uuid4()}/comments", headers=lead)
    assert unknown.status_code == 404

    closed = await world.client.post(f"/v1/campaigns/{cid}/close", headers=lead)
    assert closed.json()["status"] == "closed"
    shown = CommentPage.model_validate((await world.client.get(path, headers=lead)).json())
    assert shown.suppressed is False
    assert shown.reason is None
    assert shown.next_cursor is None
    expected = sorted(f"comment {n}" for n in range(len(world.members)))
    assert sorted(shown.items) == expected
    paged: list[str] = []
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 5}
        if cursor is not None:
            params["cursor"] = cursor
        page = CommentPage.model_validate(
            (await world.client.get(path, params=params, headers=lead)).json()
        )
        assert len(page.items) <= 5
        paged += page.items
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert paged == shown.items, "the same random order, page by page"
    bad = await world.client.get(path, params={"cursor": "not-ours"}, headers=lead)
    assert bad.status_code == 400
    still_refused = await world.client.get(path, headers=world.as_user(world.members[0]))
    assert still_refused.status_code == 403


async def test_anonymity_settings_lock_at_the_first_response(world: World) -> None:
    campaign = await world.open_campaign()
    cid = campaign["id"]
    lead = world.as_user(world.lead)
    changed = await world.client.patch(
        f"/v1/campaigns/{cid}", json={"min_group_size": 7}, headers=lead
    )
    assert changed.status_code == 200
    assert CampaignOut.model_validate(changed.json()).min_group_size == 7
    assert changed.headers["ETag"] == f'"{changed.json()["version"]}"'
    stale = await world.client.patch(
        f"/v1/campaigns/{cid}",
        json={"min_group_size": 8},
        headers={**lead, "If-Match": f'"{campaign["version"]}"'},
    )
    assert stale.status_code == 412
    await world.respond(cid, world.members[0])
    locked = await world.client.patch(
        f"/v1/campaigns/{cid}", json={"anonymity": "confidential"}, headers=lead
    )
    assert locked.status_code == 409
    assert "locked" in locked.json()["detail"]


async def test_closed_campaigns_take_no_responses_and_windows_close_by_themselves(
    world: World,
) -> None:
    campaign = await world.open_campaign()
    cid = campaign["id"]
    closed = await world.client.post(
        f"/v1/campaigns/{cid}/close", headers=world.as_user(world.lead)
    )
    assert CampaignOut.model_validate(closed.json()).status == "closed"
    assert closed.headers["ETag"] == f'"{closed.json()["version"]}"'
    assert (await world.respond(cid, world.members[0])).status_code == 409
    twice = await world.client.post(f"/v1/campaigns/{cid}/close", headers=world.as_user(world.lead))
    assert twice.status_code == 409

    short = await world.open_campaign(
        closes_at=(datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    )

    async def closed_by_itself() -> bool:
        got = await world.client.get(f"/v1/campaigns/{short['id']}", headers=world.admin())
        return bool(got.json()["closed_at"])

    await eventually(closed_by_itself, timeout_s=30)


async def test_assessment_events_on_kafka_name_no_one(world: World) -> None:
    campaign = await world.open_campaign()
    cid = campaign["id"]
    for member in world.members[:8]:
        posted = await world.respond(cid, member, comment="private words about my day")
        assert posted.status_code == 201
    await world.client.post(f"/v1/campaigns/{cid}/close", headers=world.as_user(world.lead))
    prefix, bootstrap = world.topic_prefix, world.infra.kafka_bootstrap
    responses = await read_topic(
        bootstrap, prefix + "assessments.response.v1", until=lambda r: len(r) >= 8
    )
    campaign_events = await read_topic(
        bootstrap, prefix + "assessments.campaign.v1", until=lambda r: len(r) >= 2
    )
    wire = b"\n".join(r.value for r in responses + campaign_events)
    for user_id in [world.lead, *world.members, world.outsider]:
        assert user_id.encode() not in wire
    assert b"private words" not in wire
    assert b'"energy"' not in wire, "item answers stay in assessments"
    groups = sorted(_json(r.value)["respondent_group"] for r in responses)
    # Six nurses are enough to be a group of five; three physicians, a pharmacist and a social
    # worker are not, so they travel as "other".
    assert set(groups) <= {"nurse", "other"}
    refs = {_json(r.value)["respondent_ref"] for r in responses}
    assert len(refs) == 8


async def test_erasure_cuts_a_persons_link_to_their_responses(world: World) -> None:
    campaign = await world.open_campaign()
    cid = campaign["id"]
    person = world.members[4]
    await world.respond(cid, person)
    mine = f"/v1/campaigns/{cid}/responses/me"
    assert (await world.client.get(mine, headers=world.as_user(person))).status_code == 200
    await world.upstream.erase(world.org_id, person)

    async def unlinked() -> bool:
        got = await world.client.get(mine, headers=world.as_user(person))
        return got.status_code == 404

    await eventually(unlinked, timeout_s=60)
    still_counted = (await world.client.get(f"/v1/campaigns/{cid}", headers=world.admin())).json()
    assert still_counted["participation"]["responded"] == 1


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/v1/campaigns", {}, 422),
        ("/v1/campaigns", {"team_id": "x", "instrument_id": PULSE, "closes_at": "soon"}, 422),
        (
            "/v1/campaigns",
            {"team_id": "x", "instrument_id": PULSE, "closes_at": "2030-01-01T00:00:00Z"},
            404,
        ),
        ("/v1/instruments", {"key": "x"}, 422),
        (f"/v1/campaigns/{uuid.uuid4()}/responses", {"answers": GOOD}, 404),
        (f"/v1/campaigns/{uuid.uuid4()}/responses", {"answers": "all good"}, 422),
        ("/v1/campaigns/not-a-uuid/close", {}, 422),
    ],
)
async def test_bad_input_gets_problem_responses(
    world: World, path: str, body: dict[str, Any], status: int
) -> None:
    response = await world.client.post(path, json=body, headers=world.admin())
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"


def _json(value: bytes) -> dict[str, Any]:
    import json

    loaded: dict[str, Any] = json.loads(value)
    return loaded
