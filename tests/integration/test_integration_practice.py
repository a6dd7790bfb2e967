"""A team's action plans reach health-system IT as integration events, through the real
integrations service, PostgreSQL and Kafka: ids, owners, dates and statuses; an action's title
only when the organisation shares it; never its why or why it was dropped."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.kafka import eventually, read_topic
from huddle_devtools.testing.tokens import TestSigner
from huddle_integrations.consumers.upstream_events import consumed_topics
from huddle_shared.contracts.integration import INTEGRATION_REGISTRY, org_topic
from huddle_shared.contracts.practice import (
    ActionCreated,
    ActionPrompt,
    ActionStatus,
    ActionStatusChanged,
    DashboardDriver,
    PromptKind,
)
from huddle_shared.contracts.teams import TeamRole
from huddle_shared.topics import ensure_topics

from .upstream_events import Upstream

pytestmark = [pytest.mark.postgres, pytest.mark.kafka]

PRIVATE = ("Protect the lunch break", "Lunch is eaten at desks")


def action(org_id: str, team_id: str, owner: str, title: str) -> ActionCreated:
    return ActionCreated(
        action_id=str(uuid.uuid4()),
        team_id=team_id,
        org_id=org_id,
        title=title,
        why="Lunch is eaten at desks",
        owners=[owner],
        due_date=date.today() + timedelta(days=30),
        status=ActionStatus.COMMITTED,
        prompted_by=ActionPrompt(kind=PromptKind.DRIVER, driver=DashboardDriver.BURNOUT_SHARE),
        goal_ids=[],
        created_by="lead",
    )


async def test_actions_reach_the_feed_and_the_org_topic_without_their_wording(
    start_integrations: Callable[..., Any],
    signer: TestSigner,
    infra: Infrastructure,
    topic_prefix: str,
) -> None:
    upstream = Upstream(infra.kafka_bootstrap, topic_prefix)
    await ensure_topics(infra.kafka_bootstrap, [topic_prefix + t for t in consumed_topics()])
    org_id = str(uuid.uuid4())
    reader = signer.headers(org_id=org_id, client=True, roles=[], scopes=["events:read"])
    admin = signer.headers(org_id=org_id, roles=["org_admin"])
    async with start_integrations(feed_poll_interval_s=0.05) as service:
        await asyncio.wait_for(service.runtime.topics_ready.wait(), timeout=60)
        team_id = await upstream.team(org_id, "Riverside Team A")
        owner = str(uuid.uuid4())
        await upstream.member(org_id, team_id, owner, TeamRole.NURSE)
        first = action(org_id, team_id, owner, "Protect the lunch break")
        await upstream.publish(first.action_id, org_id, first, "teams")
        await upstream.publish(
            first.action_id,
            org_id,
            ActionStatusChanged(
                action_id=first.action_id,
                team_id=team_id,
                from_status=ActionStatus.COMMITTED,
                to_status=ActionStatus.DONE,
                effective_on=date.today(),
                changed_by="lead",
            ),
            "teams",
        )

        async def feed(types: str) -> list[dict[str, Any]]:
            response = await service.client.get(
                "/v1/events", params={"types": types, "limit": 100}, headers=reader
            )
            assert response.status_code == 200, response.text
            return list(response.json())

        practice_types = ",".join(
            [
                "huddle.integration.action.created.v1",
                "huddle.integration.action.status_changed.v1",
            ]
        )

        async def both() -> bool:
            return len(await feed(practice_types)) == 2

        await eventually(both, timeout_s=60)
        events = await feed(practice_types)
        by_type = {e["type"]: e["data"] for e in events}
        for event in events:
            INTEGRATION_REGISTRY.decode(event["type"], event["data"])
            assert event["subject"] == team_id and event["tenantid"] == org_id
        created = by_type["huddle.integration.action.created.v1"]
        assert created["owners"] == [{"user_id": owner, "external_id": None}]
        assert created["prompted_by"] == {
            "kind": "driver",
            "driver": "burnout_share",
            "campaign_id": None,
            "goal_id": None,
            "meeting_id": None,
        }
        assert created["status"] == "committed" and created["title"] is None
        done = by_type["huddle.integration.action.status_changed.v1"]
        assert (done["action_id"], done["to_status"]) == (first.action_id, "done")
        for private in PRIVATE:
            assert private not in json.dumps(events)
        records = await read_topic(
            infra.kafka_bootstrap,
            topic_prefix + org_topic(org_id),
            until=lambda rs: sum(b"action" in r.value for r in rs) >= 2,
            settle_s=0.5,
        )
        for record in records:
            for private in PRIVATE:
                assert private.encode() not in record.value

        # Once the organisation shares action titles, a new action's title goes out with it.
        shared = await service.client.put(
            "/v1/integrations/sharing", headers=admin, json={"shared_fields": ["action.title"]}
        )
        assert shared.status_code == 200, shared.text
        second = ActionCreated(
            **{
                **action(org_id, team_id, owner, "Start huddles at 8:15").model_dump(),
                "prompted_by": ActionPrompt(
                    kind=PromptKind.DRIVER, driver=DashboardDriver.PSYCHOLOGICAL_SAFETY
                ),
            }
        )
        await upstream.publish(second.action_id, org_id, second, "teams")

        async def titled() -> list[str | None]:
            return [
                e["data"]["title"]
                for e in await feed("huddle.integration.action.created.v1")
                if e["data"]["action_id"] == second.action_id
            ]

        async def arrived() -> bool:
            return bool(await titled())

        await eventually(arrived, timeout_s=60)
        assert await titled() == ["Start huddles at 8:15"]
