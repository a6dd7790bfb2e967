"""Insights from the event stream: hand-computed numbers, privacy, alerts, rebuilds."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually, read_topic
from huddle_devtools.testing.tokens import TestSigner
from huddle_insights.api.schemas import (
    OrgDashboard,
    OrgHeatmap,
    OrgTeamPage,
    ProjectionStatus,
    Rebuilt,
    TeamDashboard,
    TeamTrends,
)
from huddle_insights.bootstrap import MIGRATIONS, build_app
from huddle_insights.config import InsightsSettings
from huddle_shared.contracts.assessments import InstrumentKind, ResponseScores
from huddle_shared.contracts.identity import Profession
from huddle_shared.contracts.teams import RoleChangeCategory, TeamRole
from huddle_shared.http import encode_cursor

from .conftest import RunningService, running
from .upstream_events import Upstream

OPERATOR_KEY = "operator-key-for-tests-only"
# One instant for the whole module: the events carry it, and the dates asked about are counted
# from it, so a run that crosses midnight still asks about the day its events are on.
NOW = datetime.now(UTC)
TODAY = NOW.date()
AS_OF = TODAY + timedelta(days=120)  # the charter was last touched 120 days before
PROFESSIONS = (
    [Profession.NURSE] * 4
    + [Profession.PHYSICIAN] * 2
    + [
        Profession.PHARMACIST,
        Profession.SOCIAL_WORKER,
    ]
)


def pulse(*indices: float) -> list[ResponseScores]:
    return [ResponseScores(overall=1 + i / 25, index=i) for i in indices]


def overall(*values: float) -> list[ResponseScores]:
    return [ResponseScores(overall=v) for v in values]


def burnout(*flags: bool) -> list[ResponseScores]:
    return [
        ResponseScores(overall=3.0 if f else 1.0, flags={"at_or_above_threshold": f}) for f in flags
    ]


def leadership(*values: float) -> list[ResponseScores]:
    return [
        ResponseScores(
            overall=v,
            subscales={
                "managing_self": v,
                "fostering_teamwork": v,
                "coaching_mentoring": 5 - v,
                "advocacy": v,
            },
        )
        for v in values
    ]


@dataclass
class Org:
    service: RunningService
    signer: TestSigner
    upstream: Upstream
    org_id: str
    big: str
    small: str
    members: list[str]
    campaigns: list[str]

    @property
    def client(self) -> httpx.AsyncClient:
        return self.service.client

    def analyst(self) -> dict[str, str]:
        return self.signer.headers(org_id=self.org_id, roles=["analyst"])

    async def get(self, path: str, **headers: str) -> httpx.Response:
        return await self.client.get(path, headers={**self.analyst(), **headers})


async def build_org(service: RunningService, signer: TestSigner, upstream: Upstream) -> Org:
    org_id = str(uuid.uuid4())
    # Assessment events first and teams' last: the projection must converge whatever the order.
    big = str(uuid.uuid4())
    campaigns = [
        await upstream.campaign(
            org_id,
            big,
            InstrumentKind.TEAM_PULSE,
            pulse(75, 50, 50, 62.5, 62.5),
            responses_first=True,
        ),
        await upstream.campaign(
            org_id,
            big,
            InstrumentKind.BURNOUT_SINGLE_ITEM,
            burnout(True, True, False, False, True, False),
        ),
        await upstream.campaign(
            org_id,
            big,
            InstrumentKind.TEAM_PULSE,
            pulse(50, 37.5, 50, 25, 37.5),
            groups=["nurse", "nurse", "nurse", "nurse", "other"],
        ),
        await upstream.campaign(
            org_id, big, InstrumentKind.PSYCHOLOGICAL_SAFETY, overall(4, 3.5, 5, 4.5, 3)
        ),
        await upstream.campaign(
            org_id, big, InstrumentKind.RELATIONAL_LEADERSHIP, leadership(3, 4, 3.5, 4.5, 4)
        ),
    ]
    await upstream.team(org_id, "Riverside Team A", team_id=big)
    members = []
    for _ in PROFESSIONS:
        user = str(uuid.uuid4())
        await upstream.member(org_id, big, user, TeamRole.NURSE)
        members.append(user)
    await upstream.charter(org_id, big)
    for days_before in (10, 80, 200):
        await upstream.role_changed(
            org_id, big, members[0], AS_OF - timedelta(days=days_before), TeamRole.CARE_COORDINATOR
        )
    for user, profession in zip(members, PROFESSIONS, strict=True):
        await upstream.user(org_id, profession, user_id=user)

    small = await upstream.team(org_id, "Small Clinic Team")
    for _ in range(4):
        user = await upstream.user(org_id, Profession.NURSE)
        await upstream.member(org_id, small, user, TeamRole.NURSE)
    await upstream.campaign(
        org_id, small, InstrumentKind.TEAM_PULSE, pulse(90, 20, 60, 40), eligible=4
    )
    await upstream.campaign(
        org_id, small, InstrumentKind.RELATIONAL_LEADERSHIP, leadership(2, 3, 4), eligible=4
    )
    return Org(service, signer, upstream, org_id, big, small, members, campaigns)


@pytest.fixture
async def org(
    databases: DatabaseFactory,
    settings_for: Callable[..., dict[str, Any]],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
) -> AsyncIterator[Org]:
    url = databases.create("insights", MIGRATIONS)
    settings = InsightsSettings(**settings_for(url, operator_key=OPERATOR_KEY))
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix, clock=lambda: NOW)
    async with running(build_app(settings), url) as service:
        built = await build_org(service, signer, upstream)

        async def all_applied() -> bool:
            live = service.app.state.projector.live
            return bool(live and live.applied_total >= sum(upstream.versions.values()))

        await eventually(all_applied, timeout_s=90)
        yield built


async def test_the_team_dashboard_matches_the_hand_computed_numbers(org: Org) -> None:
    response = await org.get(f"/v1/teams/{org.big}/dashboard?as_of={AS_OF}")
    assert response.status_code == 200, response.text
    board = response.json()
    assert board["morale"]["value"] == 40.0
    assert board["morale"]["trend"] == -20.0
    assert board["morale"]["level"] == "fair"
    assert board["collaboration"]["value"] == 66.3
    assert board["collaboration"]["components"]["structure"]["score"] == 85.4
    assert board["burnout_risk"]["value"] == 75.7  # see docs/indices.md
    assert board["burnout_risk"]["level"] == "high"
    contributions = {d["driver"]: d["contribution"] for d in board["burnout_risk"]["drivers"]}
    assert contributions["burnout_share"] == 30.0
    assert contributions["role_churn"] == 8.3
    assert board["roster"]["members"] == 8
    assert board["roster"]["by_profession"] == {
        "nurse": 4,
        "pharmacist": 1,
        "physician": 2,
        "social_worker": 1,
    }
    assert [c["change"] for c in board["role_changes"]][-2:] == ["role_changed", "role_changed"]
    assert board["charter"]["days_since_last_review"] == 120
    assert board["charter"]["overdue"] is True
    assert board["competencies"]["coaching_mentoring"]["value"] == 1.2
    assert board["participation"]["rate"] == 0.625


async def test_a_group_below_the_minimum_is_suppressed_in_every_endpoint(org: Org) -> None:
    team = (await org.get(f"/v1/teams/{org.small}/dashboard?as_of={AS_OF}")).json()
    assert team["morale"]["value"] is None
    assert team["morale"]["suppressed"] is True
    assert "too few" in team["morale"]["reason"]
    assert all(cell["value"] is None for cell in team["competencies"].values())
    listing = (await org.get(f"/v1/orgs/{org.org_id}/dashboard?as_of={AS_OF}")).json()
    small = next(t for t in listing["teams"] if t["team_id"] == org.small)
    assert small["morale"]["value"] is None
    assert small["morale"]["suppressed"] is True
    heat = (await org.get(f"/v1/orgs/{org.org_id}/heatmap?as_of={AS_OF}")).json()
    small_row = next(r for r in heat["teams"] if r["team_id"] == org.small)
    assert all(cell["value"] is None for cell in small_row["cells"].values())
    big_row = next(r for r in heat["teams"] if r["team_id"] == org.big)
    assert big_row["cells"]["managing_self"]["value"] == 3.8
    trend = (await org.get(f"/v1/teams/{org.small}/trends?metric=morale&to={AS_OF}")).json()
    assert [p["value"] for p in trend["points"]] == [None]
    assert trend["points"][0]["suppressed"] is True


async def test_differencing_through_breakdowns_and_totals_fails(org: Org) -> None:
    board = (await org.get(f"/v1/teams/{org.big}/dashboard?as_of={AS_OF}")).json()
    # Four nurses and one "other": the nurses' mean would give the other's answer away.
    assert board["morale_by_group"]["suppressed"] is True
    assert board["morale_by_group"]["groups"] is None
    listing = (await org.get(f"/v1/orgs/{org.org_id}/dashboard?as_of={AS_OF}")).json()
    # The organisation figure combines only teams shown on their own: the suppressed small
    # team cannot be recovered as "organisation minus the big team".
    assert listing["organisation"]["morale_mean_of_shown_teams"] == 40.0


async def test_every_dashboard_answers_exactly_what_its_model_documents(org: Org) -> None:
    """The dashboards are served as the cache's bytes, so the OpenAPI document is right only if
    those bytes match the models: no field missing and none more (the models forbid extra ones).
    A shown team, a suppressed one, one whose breakdown is shown and an empty organisation, each
    read twice (computed, then from the cache)."""
    upstream = org.upstream
    live = org.service.app.state.projector.live
    grouped = await upstream.team(org.org_id, "Harbour Practice")
    for _ in range(10):
        user = await upstream.user(org.org_id, Profession.NURSE)
        await upstream.member(org.org_id, grouped, user, TeamRole.NURSE)
    await upstream.campaign(
        org.org_id,
        grouped,
        InstrumentKind.TEAM_PULSE,
        pulse(*[60, 70] * 5),
        eligible=10,
        groups=["nurse", "physician"] * 5,
    )

    async def applied() -> bool:
        return bool(live and live.applied_total >= sum(upstream.versions.values()))

    await eventually(applied, timeout_s=60)
    documented: dict[str, type[Any]] = {
        f"/v1/orgs/{org.org_id}/dashboard?as_of={AS_OF}": OrgDashboard,
        f"/v1/orgs/{org.org_id}/heatmap?as_of={AS_OF}": OrgHeatmap,
    }
    for team in (org.big, org.small, grouped):
        documented[f"/v1/teams/{team}/dashboard?as_of={AS_OF}"] = TeamDashboard
        for metric in ("morale", "collaboration", "burnout_risk"):
            documented[f"/v1/teams/{team}/trends?metric={metric}&to={AS_OF}"] = TeamTrends
    bodies: dict[str, Any] = {}
    for path, model in documented.items():
        for _ in range(2):
            response = await org.get(path)
            assert response.status_code == 200, (path, response.text)
            bodies[path] = model.model_validate_json(response.content, strict=True)

    small = bodies[f"/v1/teams/{org.small}/dashboard?as_of={AS_OF}"]
    assert small.morale.suppressed and small.morale.value is None
    assert small.charter is None
    shown = bodies[f"/v1/teams/{grouped}/dashboard?as_of={AS_OF}"].morale_by_group
    assert shown.suppressed is False and shown.groups is not None
    assert set(shown.groups) == {"nurse", "physician"}
    risk = bodies[f"/v1/teams/{org.small}/trends?metric=burnout_risk&to={AS_OF}"].root
    assert risk.points and all(p.suppressed and p.value is None for p in risk.points)

    empty = str(uuid.uuid4())
    analyst = org.signer.headers(org_id=empty, roles=["analyst"])
    board = await org.client.get(f"/v1/orgs/{empty}/dashboard", headers=analyst)
    assert OrgDashboard.model_validate_json(board.content, strict=True).teams == []
    assert board.json()["organisation"] == {
        "teams": 0,
        "morale_mean_of_shown_teams": None,
        "teams_by_burnout_risk": {},
    }
    heat = await org.client.get(f"/v1/orgs/{empty}/heatmap", headers=analyst)
    assert OrgHeatmap.model_validate_json(heat.content, strict=True).teams == []
    listed = await org.client.get(f"/v1/orgs/{empty}/teams", headers=analyst)
    assert OrgTeamPage.model_validate_json(listed.content, strict=True).items == []


async def test_the_organisation_teams_come_in_cursor_pages(org: Org) -> None:
    path = f"/v1/orgs/{org.org_id}/teams"
    whole = OrgTeamPage.model_validate_json((await org.get(path)).content, strict=True)
    assert [(str(t.id), t.name) for t in whole.items] == [
        (org.big, "Riverside Team A"),
        (org.small, "Small Clinic Team"),
    ]
    assert whole.next_cursor is None
    first = (await org.get(f"{path}?limit=1")).json()
    assert [t["id"] for t in first["items"]] == [org.big]
    assert first["next_cursor"] is not None
    second = (await org.get(f"{path}?limit=1&cursor={first['next_cursor']}")).json()
    assert [t["id"] for t in second["items"]] == [org.small]
    assert second["next_cursor"] is None
    for cursor in ("not-one-of-ours", encode_cursor([1, 2]), encode_cursor(["a"])):
        refused = await org.get(f"{path}?cursor={cursor}")
        assert refused.status_code == 400, cursor
        assert refused.headers["content-type"] == "application/problem+json"


async def test_trends_follow_the_campaigns(org: Org) -> None:
    morale = (await org.get(f"/v1/teams/{org.big}/trends?metric=morale&to={AS_OF}")).json()
    assert [p["value"] for p in morale["points"]] == [60.0, 40.0]
    risk = (await org.get(f"/v1/teams/{org.big}/trends?metric=burnout_risk&to={AS_OF}")).json()
    assert len(risk["points"]) == 5
    assert all(p["value"] is not None for p in risk["points"])
    bad = await org.get(f"/v1/teams/{org.big}/trends?metric=happiness")
    assert bad.status_code == 422


async def test_access_follows_roles_and_tenants(org: Org) -> None:
    member = org.signer.headers(org_id=org.org_id, subject=org.members[1], roles=["member"])
    stranger = org.signer.headers(org_id=org.org_id, roles=["member"])
    other_tenant = org.signer.headers(org_id=str(uuid.uuid4()), roles=["org_admin"])
    client = org.signer.headers(org_id=org.org_id, client=True, scopes=["dashboards:read"])
    weak_client = org.signer.headers(org_id=org.org_id, client=True, scopes=["events:read"])
    team_path = f"/v1/teams/{org.big}/dashboard"
    org_path = f"/v1/orgs/{org.org_id}/dashboard"
    assert (await org.client.get(team_path, headers=member)).status_code == 200
    assert (await org.client.get(team_path, headers=stranger)).status_code == 403
    assert (await org.client.get(org_path, headers=member)).status_code == 403
    assert (await org.client.get(org_path, headers=client)).status_code == 200
    assert (await org.client.get(org_path, headers=weak_client)).status_code == 403
    for path in (
        team_path,
        org_path,
        f"/v1/orgs/{org.org_id}/heatmap",
        f"/v1/teams/{org.big}/trends",
    ):
        assert (await org.client.get(path, headers=other_tenant)).status_code == 404, path


async def test_a_rebuild_serves_byte_identical_dashboards_and_sends_no_alert_again(
    org: Org, infra: Infrastructure, topic_prefix: str
) -> None:
    paths = [
        f"/v1/teams/{org.big}/dashboard?as_of={AS_OF}",
        f"/v1/teams/{org.small}/dashboard?as_of={AS_OF}",
        f"/v1/orgs/{org.org_id}/dashboard?as_of={AS_OF}",
        f"/v1/orgs/{org.org_id}/heatmap?as_of={AS_OF}",
        f"/v1/teams/{org.big}/trends?metric=burnout_risk&to={AS_OF}",
    ]
    before = [(await org.get(p)).content for p in paths]
    async with org.service.runtime.engine.connect() as conn:
        sent = (
            await conn.execute(text("SELECT coalesce(sum(alerts_sent), 0) FROM alert_levels"))
        ).scalar_one()
    assert sent >= 1, "the big team's risk rose at least once"
    alerts_topic = topic_prefix + "insights.alerts.v1"
    alerts = await read_topic(
        infra.kafka_bootstrap, alerts_topic, until=lambda r: len(r) >= sent, settle_s=2.0
    )
    assert len(alerts) == sent, "exactly one message per rise"

    refused = await org.client.post("/v1/projections/rebuild", headers={"X-Operator-Key": "no"})
    assert refused.status_code == 403
    rebuilt = await org.client.post(
        "/v1/projections/rebuild", headers={"X-Operator-Key": OPERATOR_KEY}, timeout=300
    )
    assert rebuilt.status_code == 200, rebuilt.text
    assert Rebuilt.model_validate_json(rebuilt.content, strict=True).generation == 2

    async def swapped() -> bool:
        return bool(org.service.app.state.projector.generation == 2)

    await eventually(swapped, timeout_s=30)
    after = [(await org.get(p)).content for p in paths]
    assert after == before
    alerts_after = await read_topic(
        infra.kafka_bootstrap, alerts_topic, until=lambda r: True, settle_s=3.0
    )
    assert len(alerts_after) == sent, "a rebuild never alerts again"


async def test_duplicate_deliveries_change_nothing(org: Org) -> None:
    path = f"/v1/teams/{org.big}/dashboard?as_of={AS_OF}"
    before = (await org.get(path)).content
    live = org.service.app.state.projector.live
    applied = live.applied_total
    # Re-send the last team event and a response event exactly as a crashed relay would.
    upstream = org.upstream
    upstream.versions[org.big] -= 1
    await upstream.charter(org.org_id, org.big)
    await eventually(lambda: live.lag and all(v == 0 for v in live.lag.values()), timeout_s=30)
    assert (await org.get(path)).content == before
    assert live.applied_total == applied


async def test_projection_status_reports_partitions(org: Org) -> None:
    admin = org.signer.headers(org_id=org.org_id, roles=["org_admin"])
    response = await org.client.get("/v1/projections/status", headers=admin)
    ProjectionStatus.model_validate_json(response.content, strict=True)
    status = response.json()
    assert status["connected"] is True
    assert status["generation"] == 1
    assert status["dead_letters"] == 0
    topics = {p["topic"].split(".", 1)[1] for p in status["partitions"]}
    assert {"teams.team.v1", "assessments.response.v1", "identity.user.v1"} <= topics
    assert all(p["lag"] == 0 for p in status["partitions"])


def _alerts_of(records: list[Any], team_id: str) -> list[tuple[str, dict[str, Any]]]:
    """The (type, data) of each alert message about ``team_id``, in topic order."""
    found = []
    for record in records:
        data = json.loads(record.value)
        if data["team_id"] == team_id:
            headers = {k: v.decode() for k, v in record.headers}
            found.append((headers["ce_type"].split(".")[2], data))
    return found


async def test_risk_alerts_rise_on_evidence_and_time_and_are_lowered_and_resolved(
    org: Org, infra: Infrastructure, topic_prefix: str
) -> None:
    """A team's alert history: none without evidence, a rise, a rise from time alone (its
    charter going stale, no event at all), a lowering, and the resolution."""
    upstream = org.upstream
    live = org.service.app.state.projector.live

    async def applied() -> None:
        async def done() -> bool:
            return bool(live and live.applied_total >= sum(upstream.versions.values()))

        await eventually(done, timeout_s=60)

    async def level() -> tuple[str, int] | None:
        async with org.service.runtime.engine.connect() as conn:
            row = (
                await conn.execute(
                    text("SELECT level, alerts_sent FROM alert_levels WHERE team_id = :t"),
                    {"t": team},
                )
            ).one_or_none()
        return (row.level, row.alerts_sent) if row else None

    team = await upstream.team(org.org_id, "Drift Team")
    for _ in range(6):
        user = await upstream.user(org.org_id, Profession.NURSE)
        await upstream.member(org.org_id, team, user, TeamRole.NURSE)
    await upstream.charter(org.org_id, team)
    await applied()
    assert await level() is None, "structure alone (no survey) is no evidence: no level"

    await upstream.campaign(
        org.org_id,
        team,
        InstrumentKind.BURNOUT_SINGLE_ITEM,
        burnout(*[True] * 3, *[False] * 3),
        eligible=6,
    )
    await applied()
    assert await level() is None, "one survey-based driver is low confidence: no alert"

    await upstream.campaign(
        org.org_id, team, InstrumentKind.TEAM_PULSE, pulse(*[50] * 6), eligible=6
    )
    await applied()
    assert await level() == ("moderate", 1)  # 37.5 of 65 points: 57.7

    # No event: the schedule evaluates as of a day when the charter is twice its cadence old.
    versions_before = dict(upstream.versions)
    evaluated = await org.service.app.state.risk_schedule.run_once(as_of=TODAY + timedelta(200))
    assert evaluated >= 3
    assert upstream.versions == versions_before
    assert await level() == ("high", 2)  # the stale charter adds its 10 points: 73.1

    await upstream.campaign(
        org.org_id, team, InstrumentKind.TEAM_PULSE, pulse(*[90] * 6), eligible=6
    )
    await applied()
    assert await level() == ("moderate", 3)  # as of today: 31.5 of 85 points, 37.1

    await upstream.campaign(
        org.org_id, team, InstrumentKind.BURNOUT_SINGLE_ITEM, burnout(*[False] * 6), eligible=6
    )
    await applied()
    assert await level() == ("low", 4)

    records = await read_topic(
        infra.kafka_bootstrap,
        topic_prefix + "insights.alerts.v1",
        until=lambda r: len(_alerts_of(r, team)) >= 4,
        settle_s=1.0,
    )
    alerts = _alerts_of(records, team)
    assert [(kind, a["from_level"], a["to_level"]) for kind, a in alerts] == [
        ("burnout_risk_rose", None, "moderate"),
        ("burnout_risk_rose", "moderate", "high"),
        ("burnout_risk_lowered", "high", "moderate"),
        ("burnout_risk_resolved", "moderate", "low"),
    ]
    for _, alert in alerts:
        assert alert["confidence"] in ("moderate", "high")
        assert [d["driver"] for d in alert["drivers"]] == [
            "burnout_share",
            "morale_level",
            "morale_decline",
            "psychological_safety",
            "role_churn",
            "stale_charter",
            "falling_participation",
        ]
    stale = {d["driver"]: d for d in alerts[1][1]["drivers"]}["stale_charter"]
    assert stale["contribution"] == 10.0
    assert alerts[1][1]["risk"] == 73.1


async def test_promotions_and_planned_rotations_are_not_churn(org: Org) -> None:
    upstream = org.upstream
    team = await upstream.team(org.org_id, "Rotation Team")
    people = []
    for _ in range(4):
        user = await upstream.user(org.org_id, Profession.NURSE)
        await upstream.member(org.org_id, team, user, TeamRole.NURSE)
        people.append(user)
    day = TODAY - timedelta(days=5)
    await upstream.role_changed(
        org.org_id, team, people[0], day, TeamRole.CLINICAL_LEAD, RoleChangeCategory.PROMOTION
    )
    await upstream.role_changed(
        org.org_id,
        team,
        people[1],
        day,
        TeamRole.CARE_COORDINATOR,
        RoleChangeCategory.PLANNED_ROTATION,
    )
    await upstream.role_changed(
        org.org_id, team, people[2], day, TeamRole.CARE_COORDINATOR, RoleChangeCategory.COVERAGE
    )
    live = org.service.app.state.projector.live

    async def applied() -> bool:
        return bool(live and live.applied_total >= sum(upstream.versions.values()))

    await eventually(applied, timeout_s=60)
    board = (await org.get(f"/v1/teams/{team}/dashboard?as_of={TODAY}")).json()
    churn = {d["driver"]: d for d in board["burnout_risk"]["drivers"]}["role_churn"]
    assert churn["value"] == 0.25, "only the coverage change counts: 1 of 4 members"
    kinds = sorted(c["change"] for c in board["role_changes"] if c["change"] != "joined")
    assert kinds == ["planned_role_change", "planned_role_change", "role_changed"]
    assert board["burnout_risk"]["value"] is None, "no survey yet: the risk is unavailable"


async def test_nothing_of_an_open_campaign_shows_in_any_dashboard_until_it_closes(org: Org) -> None:
    """Results that moved with each response would tell a lead who answered what."""
    upstream = org.upstream
    live = org.service.app.state.projector.live
    team = await upstream.team(org.org_id, "Open Survey Team")
    for _ in range(6):
        user = await upstream.user(org.org_id, Profession.NURSE)
        await upstream.member(org.org_id, team, user, TeamRole.NURSE)

    async def applied() -> bool:
        return bool(live and live.applied_total >= sum(upstream.versions.values()))

    paths = [
        f"/v1/teams/{team}/dashboard?as_of={TODAY}",
        f"/v1/teams/{team}/trends?metric=morale&to={TODAY}",
        f"/v1/orgs/{org.org_id}/dashboard?as_of={TODAY}",
        f"/v1/orgs/{org.org_id}/heatmap?as_of={TODAY}",
    ]
    await eventually(applied, timeout_s=60)
    before = [(await org.get(p)).json() for p in paths]
    campaign = ""
    for n in range(1, 7):  # open campaigns with one to six responses, none closed
        campaign = await upstream.campaign(
            org.org_id,
            team,
            InstrumentKind.TEAM_PULSE,
            pulse(*[80.0] * n),
            eligible=6,
            close=False,
        )
        await eventually(applied, timeout_s=60)
        assert [(await org.get(p)).json() for p in paths] == before, f"{n} open response(s)"
    assert before[0]["morale"]["campaign_id"] is None

    await upstream.close(org.org_id, team, campaign, eligible=6, responded=6)
    await eventually(applied, timeout_s=60)
    board = (await org.get(paths[0])).json()
    assert board["morale"]["campaign_id"] == campaign
    assert board["morale"]["value"] == 80.0


async def test_the_schedule_leaves_archived_teams_alone(org: Org) -> None:
    upstream = org.upstream
    live = org.service.app.state.projector.live

    async def applied() -> bool:
        return bool(live and live.applied_total >= sum(upstream.versions.values()))

    async def teams_sent() -> dict[str, tuple[str, int]]:
        async with org.service.runtime.engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT team_id, level, alerts_sent FROM alert_levels WHERE team_id = ANY(:t)"
                ),
                {"t": [kept, archived]},
            )
            return {r.team_id: (r.level, r.alerts_sent) for r in rows}

    kept = await upstream.team(org.org_id, "Kept Team")
    archived = await upstream.team(org.org_id, "Archived Team")
    for team in (kept, archived):
        for _ in range(6):
            user = await upstream.user(org.org_id, Profession.NURSE)
            await upstream.member(org.org_id, team, user, TeamRole.NURSE)
        await upstream.charter(org.org_id, team)
    await eventually(applied, timeout_s=60)  # the charter in place before any survey
    for team in (kept, archived):
        await upstream.campaign(
            org.org_id,
            team,
            InstrumentKind.BURNOUT_SINGLE_ITEM,
            burnout(*[True] * 3, *[False] * 3),
            eligible=6,
        )
        await upstream.campaign(
            org.org_id, team, InstrumentKind.TEAM_PULSE, pulse(*[50] * 6), eligible=6
        )
    await upstream.archive(org.org_id, archived)
    await eventually(applied, timeout_s=60)
    assert await teams_sent() == {kept: ("moderate", 1), archived: ("moderate", 1)}

    await org.service.app.state.risk_schedule.run_once(as_of=TODAY + timedelta(200))
    assert await teams_sent() == {kept: ("high", 2), archived: ("moderate", 1)}


async def test_the_schedule_runs_by_itself_at_its_interval(
    start_insights: Callable[..., Any],
) -> None:
    async with start_insights(risk_reevaluation_interval_s=0.2) as service:
        schedule = service.app.state.risk_schedule

        async def ran_twice() -> bool:
            return bool(schedule.runs >= 2)

        await eventually(ran_twice, timeout_s=30)
