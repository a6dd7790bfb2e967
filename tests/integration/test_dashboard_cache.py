"""The insights dashboard cache: hits, never stale, ETags, and access checked on every request."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from prometheus_client import REGISTRY
from sqlalchemy import text

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually
from huddle_devtools.testing.tokens import TestSigner
from huddle_insights.api.schemas import OrgDashboard, OrgHeatmap, TeamDashboard, TeamTrends
from huddle_insights.bootstrap import MIGRATIONS, build_app
from huddle_insights.config import InsightsSettings
from huddle_shared.contracts.assessments import InstrumentKind, ResponseScores
from huddle_shared.contracts.identity import Profession
from huddle_shared.contracts.teams import TeamRole

from .conftest import RunningService, running
from .upstream_events import Upstream

OPERATOR_KEY = "operator-key-for-cache-tests"


@dataclass
class Team:
    service: RunningService
    signer: TestSigner
    upstream: Upstream
    org_id: str
    team_id: str
    members: list[str]

    @property
    def client(self) -> httpx.AsyncClient:
        return self.service.client

    @property
    def path(self) -> str:
        return f"/v1/teams/{self.team_id}/dashboard"

    def analyst(self) -> dict[str, str]:
        return self.signer.headers(org_id=self.org_id, roles=["analyst"])

    async def get(self, path: str | None = None, **headers: str) -> httpx.Response:
        return await self.client.get(path or self.path, headers={**self.analyst(), **headers})

    async def caught_up(self) -> None:
        """Wait until the live projection has applied everything published so far."""
        expected = sum(self.upstream.versions.values())

        async def applied() -> bool:
            live = self.service.app.state.projector.live
            return bool(live and live.applied_total >= expected)

        await eventually(applied, timeout_s=90)

    async def add_member(self) -> str:
        user = await self.upstream.user(self.org_id, Profession.NURSE)
        await self.upstream.member(self.org_id, self.team_id, user, TeamRole.NURSE)
        return user


def hits(endpoint: str = "team_dashboard") -> float:
    labels = {"endpoint": endpoint, "result": "hit"}
    return REGISTRY.get_sample_value("huddle_dashboard_cache_requests_total", labels) or 0.0


def computations(endpoint: str = "team_dashboard") -> float:
    labels = {"endpoint": endpoint}
    return REGISTRY.get_sample_value("huddle_dashboard_query_seconds_count", labels) or 0.0


@pytest.fixture
def start_team(
    databases: DatabaseFactory,
    settings_for: Callable[..., dict[str, Any]],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
) -> Callable[..., Any]:
    """A running insights service with one projected team (8 members, a pulse campaign)."""

    class Started:
        def __init__(self, **overrides: Any) -> None:
            self.overrides = overrides
            self._context: Any = None

        async def __aenter__(self) -> Team:
            url = databases.create("insights", MIGRATIONS)
            settings = InsightsSettings(
                **settings_for(url, operator_key=OPERATOR_KEY, **self.overrides)
            )
            self._context = running(build_app(settings), url)
            service = await self._context.__aenter__()
            upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
            org_id = str(uuid.uuid4())
            team_id = await upstream.team(org_id, "Harbour Ward")
            members = []
            for _ in range(8):
                user = await upstream.user(org_id, Profession.NURSE)
                await upstream.member(org_id, team_id, user, TeamRole.NURSE)
                members.append(user)
            await upstream.campaign(
                org_id,
                team_id,
                InstrumentKind.TEAM_PULSE,
                [ResponseScores(overall=3.0, index=i) for i in (50, 60, 70, 55, 65)],
            )
            team = Team(service, signer, upstream, org_id, team_id, members)
            await team.caught_up()
            return team

        async def __aexit__(self, *exc: object) -> None:
            await self._context.__aexit__(*exc)

    return Started


@pytest.fixture
async def team(start_team: Callable[..., Any]) -> AsyncIterator[Team]:
    async with start_team() as running_team:
        yield running_team


async def test_a_second_read_returns_the_same_body_from_the_cache(team: Team) -> None:
    first = await team.get()
    assert first.status_code == 200, first.text
    assert first.headers["content-type"] == "application/json"
    before = hits()
    second = await team.get()
    assert second.status_code == 200
    assert second.content == first.content
    assert hits() == before + 1
    cached = TeamDashboard.model_validate_json(second.content, strict=True)
    assert cached.roster.members == 8
    assert cached.morale.value is not None


async def test_concurrent_misses_share_one_computation(team: Team) -> None:
    before = computations()
    answers = await asyncio.gather(*(team.get() for _ in range(8)))
    assert {a.status_code for a in answers} == {200}
    assert len({a.content for a in answers}) == 1
    assert computations() == before + 1


async def test_a_newly_applied_event_is_reflected_by_the_next_read(team: Team) -> None:
    assert (await team.get()).json()["roster"]["members"] == 8
    assert (await team.get()).json()["roster"]["members"] == 8  # now served from the cache
    await team.add_member()
    await team.caught_up()
    assert (await team.get()).json()["roster"]["members"] == 9


async def test_a_dead_letter_replay_is_reflected_by_the_next_read(team: Team) -> None:
    """A replayed dead letter moves no offset; the replay still moves the watermark."""
    engine = team.service.runtime.engine
    blocked = str(uuid.uuid4())
    async with engine.begin() as conn:
        # A bug, simulated: the read model refuses this one member, so the event dead-letters.
        await conn.execute(
            text(
                "CREATE FUNCTION insights_g1.refuse_member() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN IF NEW.user_id = '{blocked}' THEN "
                "RAISE EXCEPTION 'simulated projection bug'; END IF; RETURN NEW; END $$"
            )
        )
        await conn.execute(
            text(
                "CREATE TRIGGER refuse_member BEFORE INSERT OR UPDATE ON insights_g1.roster "
                "FOR EACH ROW EXECUTE FUNCTION insights_g1.refuse_member()"
            )
        )
    assert (await team.get()).json()["roster"]["members"] == 8
    await team.upstream.user(team.org_id, Profession.NURSE, user_id=blocked)
    await team.upstream.member(team.org_id, team.team_id, blocked, TeamRole.NURSE)

    async def dead_lettered() -> bool:
        async with engine.connect() as conn:
            count = (await conn.execute(text("SELECT count(*) FROM dead_letters"))).scalar_one()
        return bool(count == 1)

    await eventually(dead_lettered, timeout_s=90)
    cached = await team.get()
    assert cached.json()["roster"]["members"] == 8
    assert (await team.get()).content == cached.content  # and it is cached again
    async with engine.begin() as conn:  # the fix, deployed
        await conn.execute(text("DROP TRIGGER refuse_member ON insights_g1.roster"))
    replayed = await team.client.post(
        "/v1/projections/dead-letters/replay", headers={"X-Operator-Key": OPERATOR_KEY}
    )
    assert replayed.json() == {"replayed": 1, "still_failing": 0}
    after = await team.get()
    assert after.json()["roster"]["members"] == 9
    assert after.headers["etag"] != cached.headers["etag"]


async def test_after_a_rebuild_the_new_generation_is_served(team: Team) -> None:
    engine = team.service.runtime.engine
    original = (await team.get()).json()["name"]
    async with engine.begin() as conn:
        # Generation 1 drifts from the events (as a projection bug would leave it); moving the
        # watermark by hand makes the cache show the drift.
        await conn.execute(text("UPDATE insights_g1.teams SET name = 'Drifted'"))
        await conn.execute(text("UPDATE consumer_offsets SET updated_at = clock_timestamp()"))
    drifted = await team.get()
    assert drifted.json()["name"] == "Drifted"
    rebuilt = await team.client.post(
        "/v1/projections/rebuild", headers={"X-Operator-Key": OPERATOR_KEY}, timeout=300
    )
    assert rebuilt.status_code == 200, rebuilt.text
    assert team.service.app.state.projector.generation == 2
    fresh = await team.get()
    assert fresh.json()["name"] == original == "Harbour Ward"
    assert fresh.headers["etag"] != drifted.headers["etag"]
    before = hits()
    assert (await team.get()).content == fresh.content
    assert hits() == before + 1


async def test_if_none_match_answers_304_until_the_dashboard_changes(team: Team) -> None:
    first = await team.get()
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"'), "a strong validator"
    assert first.headers["cache-control"] == "private, no-cache"
    same = await team.get(**{"If-None-Match": etag})
    assert same.status_code == 304
    assert same.content == b""
    assert same.headers["etag"] == etag
    listed = await team.get(**{"If-None-Match": f'"other", W/{etag}'})
    assert listed.status_code == 304
    other = await team.get(**{"If-None-Match": '"not-this-one"'})
    assert other.status_code == 200
    assert other.content == first.content
    await team.add_member()
    await team.caught_up()
    changed = await team.get(**{"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.json()["roster"]["members"] == 9
    assert changed.headers["etag"] != etag
    for path, model in (
        (f"/v1/orgs/{team.org_id}/dashboard", OrgDashboard),
        (f"/v1/orgs/{team.org_id}/heatmap", OrgHeatmap),
        (f"/v1/teams/{team.team_id}/trends?metric=morale", TeamTrends),
    ):
        fresh = await team.get(path)
        assert fresh.status_code == 200, path
        model.model_validate_json(fresh.content, strict=True)
        again = await team.get(path, **{"If-None-Match": fresh.headers["etag"]})
        assert again.status_code == 304, path


async def test_a_cached_dashboard_is_never_served_to_someone_not_allowed(team: Team) -> None:
    paths = [
        team.path,
        f"/v1/teams/{team.team_id}/trends?metric=morale",
        f"/v1/orgs/{team.org_id}/dashboard",
        f"/v1/orgs/{team.org_id}/heatmap",
    ]
    etags = {}
    for path in paths:
        await team.get(path)
        response = await team.get(path)  # the second read is a hit: the entry is cached
        assert response.status_code == 200, path
        etags[path] = response.headers["etag"]
    other_tenant = team.signer.headers(org_id=str(uuid.uuid4()), roles=["org_admin"])
    for path in paths:
        for extra in ({}, {"If-None-Match": etags[path]}):
            refused = await team.client.get(path, headers={**other_tenant, **extra})
            assert refused.status_code == 404, (path, extra)
            assert "morale" not in refused.text
    outsider = team.signer.headers(org_id=team.org_id, roles=["member"])
    member = team.signer.headers(org_id=team.org_id, subject=team.members[0], roles=["member"])
    weak_client = team.signer.headers(org_id=team.org_id, client=True, scopes=["events:read"])
    for path in paths[:2]:
        for extra in ({}, {"If-None-Match": etags[path]}):
            outsider_answer = await team.client.get(path, headers={**outsider, **extra})
            assert outsider_answer.status_code == 403, (path, extra)
            weak_answer = await team.client.get(path, headers={**weak_client, **extra})
            assert weak_answer.status_code == 403, (path, extra)
        assert (await team.client.get(path, headers=member)).status_code == 200
    for path in paths[2:]:
        assert (await team.client.get(path, headers=member)).status_code == 403
    # Roster changes reach the access check too: a newcomer sees the team once projected.
    newcomer = await team.add_member()
    await team.caught_up()
    joined = team.signer.headers(org_id=team.org_id, subject=newcomer, roles=["member"])
    assert (await team.client.get(team.path, headers=joined)).status_code == 200


async def test_with_the_cache_disabled_everything_still_works(
    start_team: Callable[..., Any],
) -> None:
    async with start_team(dashboard_cache_size=0) as team:
        assert len(team.service.app.state.dashboard_cache.bodies) == 0
        before = hits()
        first = await team.get()
        second = await team.get()
        assert first.status_code == second.status_code == 200
        assert second.content == first.content
        TeamDashboard.model_validate_json(first.content, strict=True)
        assert hits() == before
        assert len(team.service.app.state.dashboard_cache.bodies) == 0
        assert (await team.get(**{"If-None-Match": first.headers["etag"]})).status_code == 304
        stranger = team.signer.headers(org_id=team.org_id, roles=["member"])
        assert (await team.client.get(team.path, headers=stranger)).status_code == 403
        await team.add_member()
        await team.caught_up()
        assert (await team.get()).json()["roster"]["members"] == 9
