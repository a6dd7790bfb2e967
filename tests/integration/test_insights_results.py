"""A closed campaign's results on insights.results.v1: once, complete, private, never rebuilt."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.kafka import eventually, read_topic
from huddle_devtools.testing.tokens import TestSigner
from huddle_insights.bootstrap import MIGRATIONS, build_app
from huddle_insights.config import InsightsSettings
from huddle_shared.contracts.assessments import InstrumentKind, ResponseScores
from huddle_shared.contracts.identity import Profession
from huddle_shared.contracts.teams import TeamRole

from .conftest import RunningService, running
from .upstream_events import Upstream

OPERATOR_KEY = "operator-key-for-tests-only"
RESULTS_TYPE = "huddle.insights.campaign_results_published.v1"
PULSE = InstrumentKind.TEAM_PULSE


def pulse(*indices: float) -> list[ResponseScores]:
    return [ResponseScores(overall=1 + i / 25, index=i) for i in indices]


@dataclass
class Insights:
    service: RunningService
    signer: TestSigner
    upstream: Upstream
    bootstrap: str
    topic: str
    org_id: str
    team_id: str

    async def applied(self) -> None:
        """Wait until the live projection has applied everything published so far."""

        def done() -> bool:
            live = self.service.app.state.projector.live
            return bool(live and live.applied_total >= sum(self.upstream.versions.values()))

        await eventually(done, timeout_s=90)

    async def results(self, count: int, *, settle_s: float = 2.0) -> list[dict[str, Any]]:
        """The results messages on the topic once there are ``count`` (and ``settle_s`` more)."""
        records = await read_topic(
            self.bootstrap,
            self.topic,
            until=lambda r: len(r) >= count,
            settle_s=settle_s,
            timeout_s=60,
        )
        found = []
        for record in records:
            headers = {k: v.decode() for k, v in record.headers}
            assert headers["ce_type"] == RESULTS_TYPE
            assert headers["ce_tenantid"] == self.org_id
            data = json.loads(record.value)
            assert record.key == f"results-{data['campaign_id']}".encode()
            assert headers["ce_subject"] == f"results-{data['campaign_id']}"
            found.append(data)
        return found

    async def ledger(self) -> dict[str, bool]:
        """campaign id → whether its results are recorded as published."""
        async with self.service.runtime.engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT campaign_id, published_at IS NOT NULL AS sent FROM campaign_results")
            )
            return {r.campaign_id: r.sent for r in rows}


@pytest.fixture
async def insights(
    databases: DatabaseFactory,
    settings_for: Callable[..., dict[str, Any]],
    infra: Infrastructure,
    signer: TestSigner,
    topic_prefix: str,
) -> AsyncIterator[Insights]:
    url = databases.create("insights", MIGRATIONS)
    settings = InsightsSettings(**settings_for(url, operator_key=OPERATOR_KEY))
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    async with running(build_app(settings), url) as service:
        org_id = str(uuid.uuid4())
        team_id = await upstream.team(org_id, "Results Team")
        for _ in range(8):
            user = await upstream.user(org_id, Profession.NURSE)
            await upstream.member(org_id, team_id, user, TeamRole.NURSE)
        found = Insights(
            service,
            signer,
            upstream,
            infra.kafka_bootstrap,
            topic_prefix + "insights.results.v1",
            org_id,
            team_id,
        )
        await found.applied()
        yield found


async def test_results_are_published_once_when_the_close_or_the_last_response_comes_last(
    insights: Insights,
) -> None:
    up, org, team = insights.upstream, insights.org_id, insights.team_id
    groups = ["nurse", "nurse", "nurse", "nurse", "physician"]

    # Responses first, close last: nothing while the campaign is open.
    late_close = await up.open_campaign(org, team, PULSE)
    await up.respond(org, team, late_close, PULSE, pulse(50, 37.5, 50, 25, 37.5), groups=groups)
    await insights.applied()
    # Close first, responses after: nothing until every counted response is in.
    early_close = await up.open_campaign(org, team, PULSE, eligible=6)
    await up.close(org, team, early_close, eligible=6, responded=5)
    await up.respond(org, team, early_close, PULSE, pulse(80, 80, 60, 100))
    await insights.applied()
    assert await insights.ledger() == {early_close: False}, "4 of 5 responses: waiting"
    assert (
        await read_topic(insights.bootstrap, insights.topic, until=lambda r: True, settle_s=2.0)
        == []
    )

    await up.close(org, team, late_close, eligible=8, responded=5)
    await up.respond(org, team, early_close, PULSE, pulse(40))
    await insights.applied()
    messages = await insights.results(2, settle_s=3.0)
    assert len(messages) == 2, "exactly one message per campaign"
    by_campaign = {m["campaign_id"]: m for m in messages}
    assert by_campaign[late_close] == {
        "campaign_id": late_close,
        "team_id": team,
        "org_id": org,
        "instrument_kind": "team_pulse",
        "closed_at": by_campaign[late_close]["closed_at"],
        "eligible_count": 8,
        "responded_count": 5,
        "participation_rate": 0.625,
        "min_group_size": 5,
        "suppressed": False,
        "reason": None,
        "scores": {"morale": 40.0},
        "morale_level": "fair",
    }
    early = by_campaign[early_close]
    assert early["scores"] == {"morale": 72.0}
    assert (early["responded_count"], early["participation_rate"]) == (5, 0.833)
    for message in messages:
        assert "nurse" not in json.dumps(message), "no respondent group breakdown"
    assert await insights.ledger() == {early_close: True, late_close: True}

    # The team dashboard shows the same number for the latest pulse.
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date()
    board = await insights.service.client.get(
        f"/v1/teams/{team}/dashboard?as_of={tomorrow}",
        headers=insights.signer.headers(org_id=org, roles=["analyst"]),
    )
    assert board.status_code == 200, board.text
    assert board.json()["morale"]["campaign_id"] == late_close
    assert board.json()["morale"]["value"] == by_campaign[late_close]["scores"]["morale"]


async def test_too_few_respondents_publish_withheld_scores(insights: Insights) -> None:
    up, org, team = insights.upstream, insights.org_id, insights.team_id
    campaign = await up.campaign(org, team, PULSE, pulse(90, 20, 60, 40), eligible=8)
    await insights.applied()
    [message] = await insights.results(1, settle_s=2.0)
    assert message["campaign_id"] == campaign
    assert message["suppressed"] is True
    assert message["scores"] == {"morale": None}
    assert message["morale_level"] is None
    assert message["reason"] == "suppressed: too few responses (fewer than 5)"
    assert (message["responded_count"], message["participation_rate"]) == (4, 0.5)


async def test_nothing_is_published_while_the_campaign_is_open(insights: Insights) -> None:
    up, org, team = insights.upstream, insights.org_id, insights.team_id
    await up.campaign(org, team, PULSE, pulse(*[70.0] * 8), close=False)
    await insights.applied()
    assert await insights.ledger() == {}
    records = await read_topic(
        insights.bootstrap, insights.topic, until=lambda r: True, settle_s=2.0
    )
    assert records == []


async def test_a_rebuild_publishes_nothing_again_and_a_later_close_still_publishes(
    insights: Insights,
) -> None:
    up, org, team = insights.upstream, insights.org_id, insights.team_id
    first = await up.campaign(org, team, PULSE, pulse(75, 50, 50, 62.5, 62.5))
    second = await up.campaign(org, team, PULSE, pulse(90, 20, 60, 40))
    await insights.applied()
    before = await insights.results(2, settle_s=1.0)
    assert {m["campaign_id"] for m in before} == {first, second}

    rebuilt = await insights.service.client.post(
        "/v1/projections/rebuild", headers={"X-Operator-Key": OPERATOR_KEY}, timeout=300
    )
    assert rebuilt.status_code == 200, rebuilt.text
    assert rebuilt.json()["generation"] == 2

    async def swapped() -> bool:
        return bool(insights.service.app.state.projector.generation == 2)

    await eventually(swapped, timeout_s=30)
    assert len(await insights.results(2, settle_s=3.0)) == 2, "a rebuild never publishes again"

    # The new generation is live: a campaign closing now is published, once.
    # (The new generation's consumer counts only what it applied itself: wait on the topic.)
    third = await up.campaign(org, team, PULSE, pulse(60, 60, 60, 60, 60))
    after = await insights.results(3, settle_s=3.0)
    assert [m["campaign_id"] for m in after].count(third) == 1
    assert len(after) == 3
    assert {m["campaign_id"]: m for m in after}[third]["scores"] == {"morale": 60.0}
    assert await insights.ledger() == {first: True, second: True, third: True}
