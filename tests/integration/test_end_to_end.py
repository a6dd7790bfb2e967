"""All five services as real processes: from sign-up to the dashboards, numbers checked, and
the same journey in the organisation's integration feed.

The same run checks what operators rely on: one trace from the teams request through the relay
to the insights projection and the integrations service (spans written by each process to its
own file), metrics that move, and logs that never hold a password, a token or a survey answer.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from huddle_assessments.bootstrap import MIGRATIONS as ASSESSMENTS
from huddle_devtools.devinfra.selection import free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually
from huddle_devtools.testing.processes import ServiceProcess
from huddle_identity.bootstrap import MIGRATIONS as IDENTITY
from huddle_insights.bootstrap import MIGRATIONS as INSIGHTS
from huddle_integrations.bootstrap import MIGRATIONS as INTEGRATIONS
from huddle_teams.bootstrap import MIGRATIONS as TEAMS

from .identity_support import PASSWORD, person

pytestmark = pytest.mark.timeout(400)

# Five respondents' pulse answers and the indices they give: (mean - 1) / 4 * 100.
ANSWERS = [
    ([4, 4, 4, 4, 4], 75.0),
    ([3, 3, 3, 3, 3], 50.0),
    ([4, 4, 3, 3, 3], 60.0),
    ([4, 4, 4, 3, 3], 65.0),
    ([3, 3, 3, 3, 3], 50.0),
]
ITEMS = ["energy", "recognition", "workload", "pride", "recommend"]


@pytest.fixture
def receiver(log_dir: Path) -> Iterator[tuple[str, Path]]:
    """A webhook receiver of the organisation's own, as its own process."""
    port = free_port()
    received = log_dir / "webhooks.jsonl"
    script = Path(__file__).with_name("webhook_receiver.py")
    process = subprocess.Popen(
        [sys.executable, str(script), "--port", str(port), "--log", str(received)]
    )
    try:
        yield f"http://127.0.0.1:{port}/huddle", received
    finally:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture
def stack(
    databases: DatabaseFactory, service_env: Callable[..., dict[str, str]], log_dir: Path
) -> Iterator[dict[str, ServiceProcess]]:
    identity_port = free_port()
    jwks = f"http://127.0.0.1:{identity_port}/.well-known/jwks.json"
    extra = {
        "HUDDLE_ARGON2_TIME_COST": "1",
        "HUDDLE_ARGON2_MEMORY_KIB": "8192",
        "HUDDLE_JWKS_URL": jwks,
        "HUDDLE_AUTO_CLOSE_INTERVAL_S": "1",
        "HUDDLE_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",  # the receiver is on 127.0.0.1
    }
    processes = {
        name: ServiceProcess(
            name,
            port=identity_port if name == "identity" else free_port(),
            env=service_env(
                databases.create(name, migrations),
                **extra,
                HUDDLE_TRACE_FILE=str(log_dir / f"{name}.spans.jsonl"),
            ),
            log_dir=log_dir,
        )
        for name, migrations in (
            ("identity", IDENTITY),
            ("teams", TEAMS),
            ("assessments", ASSESSMENTS),
            ("insights", INSIGHTS),
            ("integrations", INTEGRATIONS),
        )
    }
    try:
        for process in processes.values():
            process.start(wait_ready=False)
        for process in processes.values():
            process.wait_ready(timeout_s=90)
        yield processes
    finally:
        for process in processes.values():
            process.stop()


async def _retry(call: Callable[[], Any], ok: tuple[int, ...] = (200, 201)) -> httpx.Response:
    """Calls that depend on another service's events: retry until they have arrived."""
    response: httpx.Response | None = None
    for _ in range(120):
        response = await call()
        assert response is not None
        if response.status_code in ok:
            return response
        await asyncio.sleep(0.5)
    assert response is not None
    raise AssertionError(f"{response.status_code}: {response.text}")


def spans(stack: dict[str, ServiceProcess], name: str) -> list[dict[str, Any]]:
    path = Path(stack[name].env["HUDDLE_TRACE_FILE"])
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


async def test_from_sign_up_to_the_morale_dashboard(
    stack: dict[str, ServiceProcess], log_dir: Path, receiver: tuple[str, Path]
) -> None:
    identity, teams, assessments, insights, integrations = (
        httpx.AsyncClient(base_url=stack[name].url, timeout=30)
        for name in ("identity", "teams", "assessments", "insights", "integrations")
    )
    async with identity, teams, assessments, insights, integrations:
        admin = person("Amara Okafor", "physician")
        org = (await identity.post("/v1/orgs", json={"name": "Riverside", "admin": admin})).json()
        org_id = org["org"]["id"]

        async def bearer(email: str) -> dict[str, str]:
            token = await identity.post(
                "/v1/auth/token",
                data={"grant_type": "password", "username": email, "password": PASSWORD},
            )
            return {"Authorization": f"Bearer {token.json()['access_token']}"}

        boss = await bearer(admin["email"])
        hook_url, received = receiver

        created = await integrations.post(
            "/v1/webhooks",
            json={"url": hook_url, "event_types": ["huddle.integration.team.created.v1"]},
            headers=boss,
        )
        assert created.status_code == 201, created.text
        state: dict[str, str] = {"hook_secret": created.json()["secret"]}
        professions = ["nurse", "nurse", "nurse", "physician", "pharmacist", "social_worker"]
        people = []
        for n, profession in enumerate(professions):
            someone = person(f"Person {n}", profession)
            created = await identity.post("/v1/users", json=someone, headers=boss)
            assert created.status_code == 201, created.text
            people.append((created.json()["id"], someone["email"]))

        team = await teams.post("/v1/teams", json={"name": "Riverside A"}, headers=boss)
        assert team.status_code == 201, team.text
        team_id = team.json()["id"]
        for user_id, _ in people:

            async def add(u: str = user_id) -> httpx.Response:
                return await teams.post(
                    f"/v1/teams/{team_id}/members",
                    json={"user_id": u, "role": "nurse"},
                    headers=boss,
                )

            await _retry(add)

        async def eligible_everyone() -> bool:
            opened = await assessments.post(
                "/v1/campaigns",
                json={
                    "team_id": team_id,
                    "instrument_id": "huddle-team-pulse-v1",
                    "closes_at": (datetime.now(UTC) + timedelta(days=7)).isoformat(),
                },
                headers=boss,
            )
            if opened.status_code == 201 and opened.json()["participation"]["eligible"] == 6:
                state["campaign"] = opened.json()["id"]
                return True
            if opened.status_code == 201:  # opened before every member arrived: close, retry
                await assessments.post(f"/v1/campaigns/{opened.json()['id']}/close", headers=boss)
            return False

        await eventually(eligible_everyone, timeout_s=60, interval_s=1.0)
        campaign_id = state["campaign"]
        for (_, email), (answers, _) in zip(people, ANSWERS, strict=False):
            posted = await assessments.post(
                f"/v1/campaigns/{campaign_id}/responses",
                json={
                    "answers": dict(zip(ITEMS, answers, strict=True)),
                    "comment": "a private remark about handovers",
                },
                headers=await bearer(email),
            )
            assert posted.status_code == 201, posted.text
        closed = await assessments.post(f"/v1/campaigns/{campaign_id}/close", headers=boss)
        assert closed.status_code == 200

        async def morale_shown() -> bool:
            board = await insights.get(f"/v1/teams/{team_id}/dashboard", headers=boss)
            return board.status_code == 200 and board.json()["morale"]["value"] is not None

        await eventually(morale_shown, timeout_s=90, interval_s=0.5)
        board = (await insights.get(f"/v1/teams/{team_id}/dashboard", headers=boss)).json()
        expected = sum(index for _, index in ANSWERS) / len(ANSWERS)
        assert board["morale"]["value"] == expected == 60.0
        assert board["morale"]["respondents"] == 5
        assert board["participation"]["rate"] == round(5 / 6, 3)
        assert board["roster"]["by_profession"] == {
            "nurse": 3,
            "pharmacist": 1,
            "physician": 1,
            "social_worker": 1,
        }
        listing = (await insights.get(f"/v1/orgs/{org_id}/dashboard", headers=boss)).json()
        assert [t["team_id"] for t in listing["teams"]] == [team_id]

        # ---- the same journey in the organisation's integration feed ---------------------------
        client = (
            await identity.post(
                "/v1/clients",
                json={"name": "Riverside integration engine", "scopes": ["events:read"]},
                headers=boss,
            )
        ).json()
        token = await identity.post(
            "/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": client["client_id"],
                "client_secret": client["client_secret"],
            },
        )
        engine = {"Authorization": f"Bearer {token.json()['access_token']}"}
        promoted = people[0][0]
        changed = await teams.put(
            f"/v1/teams/{team_id}/members/{promoted}/role",
            json={
                "role": "clinical_lead",
                "reason": "took over the practice's quality work",
                "effective_date": datetime.now(UTC).date().isoformat(),
                "category": "promotion",
            },
            headers=boss,
        )
        assert changed.status_code == 200, changed.text
        wanted = {
            "huddle.integration.team.created.v1": 1,
            "huddle.integration.team.member_joined.v1": 6,
            "huddle.integration.team.member_role_changed.v1": 1,
            "huddle.integration.campaign.opened.v1": 1,
            "huddle.integration.campaign.closed.v1": 1,
            "huddle.integration.results.published.v1": 1,
        }
        feed: list[dict[str, Any]] = []

        async def journey_in_feed() -> bool:
            response = await integrations.get("/v1/events", params={"limit": 1000}, headers=engine)
            assert response.status_code == 200, response.text
            feed[:] = response.json()
            counts = {t: sum(e["type"] == t for e in feed) for t in wanted}
            ours = [e for e in feed if e["data"].get("campaign_id") == campaign_id]
            return all(counts[t] >= n for t, n in wanted.items()) and len(ours) == 3

        await eventually(journey_in_feed, timeout_s=90, interval_s=0.5)
        assert {e["tenantid"] for e in feed} == {org_id}
        assert {e["subject"] for e in feed} == {team_id}
        role_change = next(e for e in feed if e["type"].endswith("member_role_changed.v1"))
        assert role_change["data"]["member"]["user_id"] == promoted
        assert role_change["data"]["category"] == "promotion"
        # (campaigns opened before every member had arrived were closed at once, unanswered)
        closed_event = next(
            e
            for e in feed
            if e["type"].endswith("campaign.closed.v1") and e["data"]["campaign_id"] == campaign_id
        )
        assert closed_event["data"]["participation"] == {
            "eligible": 6,
            "responded": 5,
            "rate": round(5 / 6, 4),
        }
        results = next(
            e
            for e in feed
            if e["type"].endswith("results.published.v1")
            and e["data"]["campaign_id"] == campaign_id
        )
        assert results["data"]["suppressed"] is False
        assert results["data"]["scores"]["morale"] == expected == 60.0
        as_text = json.dumps(feed)
        for private in ("Riverside A", "a private remark", "quality work", "@", '"energy"'):
            assert private not in as_text
        refused = await integrations.get("/v1/events", headers=await bearer(people[1][1]))
        assert refused.status_code == 403

        # ---- one trace: teams request -> relay publish -> insights projection ----------------
        requests = [
            s
            for s in spans(stack, "teams")
            if s["kind"] == "SERVER" and s["name"] == "POST /v1/teams"
        ]
        assert requests, "the teams request has a server span"
        trace_id = requests[0]["trace_id"]
        appends = [
            s
            for s in spans(stack, "teams")
            if s["name"] == "INSERT events" and s["trace_id"] == trace_id
        ]
        assert appends, "the event-store append has its database span in the request's trace"
        assert appends[0]["kind"] == "CLIENT"
        assert appends[0]["attributes"]["db.system.name"] == "postgresql"
        assert appends[0]["attributes"]["huddle.stream.type"] == "team"
        assert "huddle.teams.team_created.v1" in appends[0]["attributes"]["huddle.event.types"]
        published = [
            s
            for s in spans(stack, "teams")
            if s["name"].startswith("publish ") and s["trace_id"] == trace_id
        ]
        assert published, "the relay's publish span continues the request's trace"
        applied = [
            s
            for s in spans(stack, "insights")
            if s["name"] == "apply huddle.teams.team_created.v1" and s["trace_id"] == trace_id
        ]
        assert applied, "the insights projection continues the same trace"
        translated = [
            s
            for s in spans(stack, "integrations")
            if s["name"] == "apply huddle.teams.team_created.v1" and s["trace_id"] == trace_id
        ]
        assert translated, "the integrations service continues the same trace"

        def delivered() -> list[dict[str, Any]]:
            lines = received.read_text().splitlines() if received.exists() else []
            return [json.loads(line) for line in lines if json.loads(line)["status"] < 300]

        await eventually(delivered, timeout_s=60, interval_s=0.5)
        hook = Webhook(state["hook_secret"]).verify(
            delivered()[0]["body"], delivered()[0]["headers"]
        )
        assert hook["type"] == "huddle.integration.team.created.v1" and hook["subject"] == team_id
        deliveries = [s for s in spans(stack, "integrations") if s["name"] == "webhook deliver"]
        assert any(link["trace_id"] == trace_id for d in deliveries for link in d["links"]), (
            "the webhook delivery links to the trace of the change that caused it"
        )
        batches = [s for s in spans(stack, "insights") if s["name"].startswith("apply batch")]
        assert any(link["trace_id"] == trace_id for batch in batches for link in batch["links"]), (
            "the batch span links to the events it applied"
        )

        # ---- metrics moved --------------------------------------------------------------------
        metrics_text = (await teams.get("/metrics")).text
        lines = metrics_text.splitlines()
        assert any(
            line.startswith("huddle_http_requests_total{")
            and 'method="POST"' in line
            and 'route="/v1/teams"' in line
            and 'status="201"' in line
            for line in lines
        )
        assert any(line.startswith("huddle_relay_published_total ") for line in lines)
        assert not any('service="' in line for line in lines if line.startswith("huddle_"))
        assert any(
            line.startswith("huddle_events_appended_total{") and "team_created" in line
            for line in lines
        )
        insights_metrics = (await insights.get("/metrics")).text
        assert "huddle_consumer_events_applied_total" in insights_metrics
        assert "huddle_projection_batch_seconds_bucket" in insights_metrics

    # ---- logs: JSON lines with ids, never a secret or an answer ---------------------------
    for name in stack:
        log = stack[name].log_path.read_text()
        assert PASSWORD not in log, f"{name} logged a password"
        assert "Bearer ey" not in log
        assert "a private remark" not in log, f"{name} logged a survey comment"
        assert '"energy"' not in log, f"{name} logged a survey answer"
    access = [
        json.loads(line)
        for line in stack["teams"].log_path.read_text().splitlines()
        if '"huddle.access"' in line
    ]
    assert access, "requests are logged"
    assert all({"request_id", "time", "level", "service"} <= set(line) for line in access)
    assert any(line.get("tenant") == org_id for line in access)
    assert any("trace_id" in line for line in access)
