"""The vertical slice: a team created over HTTP reaches the insights projection via Kafka."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from huddle_devtools.testing.kafka import eventually
from huddle_devtools.testing.tokens import TestSigner

from .conftest import RunningService

ORG = str(uuid.uuid4())
JSON = {"content-type": "application/json"}
TEXT = {"content-type": "text/plain"}


def admin(signer: TestSigner, org: str = ORG) -> dict[str, str]:
    return signer.headers(org_id=org, roles=["org_admin"])


async def test_a_created_team_appears_in_the_insights_team_list(
    start_teams: Any, start_insights: Any, signer: TestSigner
) -> None:
    async with start_teams() as teams, start_insights() as insights:
        response = await teams.client.post(
            "/v1/teams",
            json={"name": "Riverside Team A", "care_setting": "primary_care_clinic"},
            headers=admin(signer),
        )
        assert response.status_code == 201, response.text
        team = response.json()
        assert response.headers["ETag"] == '"1"'
        assert response.headers["Location"] == f"/v1/teams/{team['id']}"

        async def listed() -> bool:
            r = await insights.client.get(
                f"/v1/orgs/{ORG}/teams", headers=signer.headers(org_id=ORG, roles=["analyst"])
            )
            return r.status_code == 200 and [t["id"] for t in r.json()["items"]] == [team["id"]]

        await eventually(listed, timeout_s=60)
        other_org = await insights.client.get(
            f"/v1/orgs/{ORG}/teams", headers=signer.headers(org_id=str(uuid.uuid4()))
        )
        assert other_org.status_code == 404


async def test_read_list_and_update_a_team_with_etags(
    teams: RunningService, signer: TestSigner
) -> None:
    org = str(uuid.uuid4())
    headers = admin(signer, org)
    ids = []
    for n in range(5):
        r = await teams.client.post(
            "/v1/teams",
            json={"name": f"Team {n}", "care_setting": "community_health"},
            headers=headers,
        )
        ids.append(r.json()["id"])
    got = await teams.client.get(f"/v1/teams/{ids[0]}", headers=headers)
    assert got.status_code == 200 and got.headers["ETag"] == '"1"'

    page1 = (await teams.client.get("/v1/teams?limit=2", headers=headers)).json()
    page2 = (
        await teams.client.get(f"/v1/teams?limit=2&cursor={page1['next_cursor']}", headers=headers)
    ).json()
    page3 = (
        await teams.client.get(f"/v1/teams?limit=2&cursor={page2['next_cursor']}", headers=headers)
    ).json()
    listed = [t["id"] for p in (page1, page2, page3) for t in p["items"]]
    assert listed == ids and page3["next_cursor"] is None
    found = (await teams.client.get("/v1/teams?q=team%203", headers=headers)).json()
    assert [t["name"] for t in found["items"]] == ["Team 3"]

    updated = await teams.client.patch(
        f"/v1/teams/{ids[0]}", json={"name": "Team Zero"}, headers={**headers, "If-Match": '"1"'}
    )
    assert updated.status_code == 200 and updated.headers["ETag"] == '"2"'
    stale = await teams.client.patch(
        f"/v1/teams/{ids[0]}", json={"name": "Lost"}, headers={**headers, "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"
    assert (await teams.client.get(f"/v1/teams/{ids[0]}", headers=headers)).json()[
        "name"
    ] == "Team Zero"


async def test_an_idempotency_key_replays_the_first_response(
    teams: RunningService, signer: TestSigner
) -> None:
    headers = {**admin(signer), "Idempotency-Key": str(uuid.uuid4())}
    body = {"name": "Once Only"}
    first = await teams.client.post("/v1/teams", json=body, headers=headers)
    again = await teams.client.post("/v1/teams", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    listed = (await teams.client.get("/v1/teams?q=Once", headers=headers)).json()["items"]
    assert len(listed) == 1
    reused = await teams.client.post("/v1/teams", json={"name": "Different"}, headers=headers)
    assert reused.status_code == 422


async def test_teams_of_another_organisation_do_not_exist_for_the_caller(
    teams: RunningService, signer: TestSigner
) -> None:
    created = await teams.client.post("/v1/teams", json={"name": "Mine"}, headers=admin(signer))
    team_id = created.json()["id"]
    stranger = admin(signer, str(uuid.uuid4()))
    assert (await teams.client.get(f"/v1/teams/{team_id}", headers=stranger)).status_code == 404
    patch = await teams.client.patch(f"/v1/teams/{team_id}", json={"name": "x"}, headers=stranger)
    assert patch.status_code == 404
    assert (await teams.client.get("/v1/teams", headers=stranger)).json()["items"] == []


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        (
            "post",
            "/v1/teams",
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
        ),
        ("post", "/v1/teams", {"json": {}}, 422),
        ("post", "/v1/teams", {"json": {"name": ""}}, 422),
        ("post", "/v1/teams", {"json": {"name": "x" * 201}}, 422),
        ("post", "/v1/teams", {"json": {"name": "A", "care_setting": "moon_base"}}, 422),
        ("post", "/v1/teams", {"json": {"name": "A", "extra": 1}}, 422),
        ("post", "/v1/teams", {"json": ["not", "an", "object"]}, 422),
        (
            "post",
            "/v1/teams",
            {"content": b"name=A", "headers": {"content-type": "text/plain"}},
            415,
        ),
        ("post", "/v1/teams", {"json": {"name": "A", "description": "x" * 2_000_000}}, 413),
        ("get", "/v1/teams/not-a-uuid", {}, 422),
        ("get", f"/v1/teams/{uuid.uuid4()}", {}, 404),
        ("get", "/v1/teams?limit=0", {}, 422),
        ("get", "/v1/teams?limit=100000", {}, 422),
        ("get", "/v1/teams?cursor=%%%garbage", {}, 400),
        ("get", "/v1/teams?cursor=WzFd", {}, 400),
        ("patch", f"/v1/teams/{uuid.uuid4()}", {"json": {"name": "A"}}, 404),
        ("delete", "/v1/teams", {}, 405),
        ("get", "/v1/nowhere", {}, 404),
    ],
)
async def test_bad_input_gets_a_problem_response_never_a_500(
    teams: RunningService,
    signer: TestSigner,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
) -> None:
    headers = {**admin(signer), **kwargs.pop("headers", {})}
    response = await getattr(teams.client, method)(path, headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and problem["title"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer not.a.jwt"}, 401),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401),
    ],
)
async def test_requests_without_a_valid_token_are_refused(
    teams: RunningService, headers: dict[str, str], status: int
) -> None:
    for response in (
        await teams.client.get("/v1/teams", headers=headers),
        await teams.client.post("/v1/teams", json={"name": "A"}, headers=headers),
    ):
        assert response.status_code == status
        assert response.headers["www-authenticate"] == "Bearer"


async def test_only_org_admins_create_teams(teams: RunningService, signer: TestSigner) -> None:
    for role in ("member", "analyst"):
        r = await teams.client.post(
            "/v1/teams", json={"name": "A"}, headers=signer.headers(org_id=ORG, roles=[role])
        )
        assert r.status_code == 403


async def test_health_and_metrics_endpoints(teams: RunningService) -> None:
    assert (await teams.client.get("/health/live")).json() == {"status": "ok"}
    ready = await teams.client.get("/health/ready")
    assert ready.status_code == 200, ready.text
    # The user-directory consumer does not gate readiness: writes work while Kafka is away.
    assert ready.json()["checks"] == {"database": "ok", "migrations": "ok"}
    metrics = await teams.client.get("/metrics")
    assert "huddle_relay_leader" in metrics.text


async def test_the_openapi_document_describes_problem_responses(teams: RunningService) -> None:
    doc = (await teams.client.get("/openapi.json")).json()
    post = doc["paths"]["/v1/teams"]["post"]
    assert "application/problem+json" in post["responses"]["422"]["content"]
    assert doc["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


async def test_readiness_reports_a_database_that_is_behind_its_migrations(
    start_teams: Any, databases: Any
) -> None:
    async with start_teams(databases.empty()) as service:
        response = await service.client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"].startswith("at None")
