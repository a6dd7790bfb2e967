"""Dead letters in the consuming services: listed with their reason, replayed once the cause is
fixed, by the operator route and by the operator command, and never applied twice.

teams' poison is an identity event that arrives before the registration it depends on (the
user directory refuses to guess the person's organisation): the fix is the registration
arriving, as when identity re-publishes a stream that was missing from the topic. assessments'
directory applies whatever decodes, so its poison is a payload its contract refuses (a team
role teams never defined, a producer bug): once teams' fix is out, the operator corrects the
stored record to what teams publishes now, in SQL, and replays it (docs/operations.md).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.kafka import eventually, produce_raw
from huddle_shared.contracts.identity import USER_TOPIC, OrgRole, Profession, UserRegistered
from huddle_shared.contracts.teams import TEAM_TOPIC
from huddle_shared.envelope import to_kafka
from huddle_shared.personal import new_person_key, seal

from .conftest import RunningService

OPERATOR_KEY = "dead-letter-test-operator"
OPERATOR = {"X-Operator-Key": OPERATOR_KEY}


async def publish(
    bootstrap: str,
    topic: str,
    *,
    stream: str,
    org_id: str,
    event_type: str,
    version: int,
    data: dict[str, Any],
) -> None:
    """One record as the producing service's relay sends it, at the stream version given."""
    key, value, headers = to_kafka(
        event_id=uuid.uuid4(),
        event_type=event_type,
        source="huddle/test",
        subject=stream,
        time=datetime.now(UTC),
        tenant_id=org_id,
        stream_version=version,
        data=data,
    )
    await produce_raw(bootstrap, topic, value, key=key, headers=headers)


async def waiting(service: RunningService) -> list[dict[str, Any]]:
    response = await service.client.get(
        "/v1/dead-letters", params={"replayed": "false"}, headers=OPERATOR
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def listed(service: RunningService, count: int) -> list[dict[str, Any]]:
    """Wait until the consumer has set ``count`` records aside; return them."""
    found: list[dict[str, Any]] = []

    async def enough() -> bool:
        found[:] = await waiting(service)
        return len(found) == count

    await eventually(enough, timeout_s=60)
    return found


async def replay_by_route(service: RunningService, **body: Any) -> dict[str, Any]:
    response = await service.client.post(
        "/v1/dead-letters/replay", json=body or None, headers=OPERATOR
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def command(service: str, env: dict[str, str], *args: str) -> list[dict[str, Any]]:
    """``python -m huddle_<service> replay-dead-letters ...``: its JSON lines, logs left out."""
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", f"huddle_{service}", "replay-dead-letters", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return [line for line in lines if "still_failing" in line or "reason" in line]


async def scalar(service: RunningService, sql: str, **params: Any) -> Any:
    async with service.runtime.engine.connect() as conn:
        return (await conn.execute(text(sql), params)).scalar()


# ---- teams: a role granted to a person whose registration teams has not seen ---------------


def registered(user_id: str, org_id: str) -> dict[str, Any]:
    key = new_person_key()
    return UserRegistered(
        user_id=user_id,
        org_id=org_id,
        email=seal(key, user_id, f"{user_id}@example.org", context="email"),
        display_name=seal(key, user_id, "Someone", context="name"),
        profession=Profession.NURSE,
        org_roles=[OrgRole.MEMBER],
    ).model_dump(mode="json")


async def grant_before_registration(
    infra: Infrastructure, topic: str, org_id: str
) -> tuple[str, dict[str, Any]]:
    """The poison: version 2 of a person's stream (a role granted) without version 1."""
    user_id = str(uuid.uuid4())
    await publish(
        infra.kafka_bootstrap,
        topic,
        stream=user_id,
        org_id=org_id,
        event_type="huddle.identity.org_role_granted.v1",
        version=2,
        data={"user_id": user_id, "org_id": org_id, "role": "analyst", "granted_by": "admin"},
    )
    return user_id, registered(user_id, org_id)


async def test_teams_replays_a_dead_letter_once_its_precondition_is_met(
    start_teams: Callable[..., Any],
    service_env: Callable[..., dict[str, str]],
    infra: Infrastructure,
    topic_prefix: str,
) -> None:
    topic = topic_prefix + USER_TOPIC.name
    org_id = str(uuid.uuid4())
    roles_of = "SELECT array_to_string(org_roles, ',') FROM user_directory WHERE user_id = :u"
    async with start_teams(operator_key=OPERATOR_KEY) as teams:
        await teams.runtime.topics_ready.wait()
        first, registration = await grant_before_registration(infra, topic, org_id)
        [letter] = await listed(teams, 1)
        assert letter["event_type"] == "huddle.identity.org_role_granted.v1"
        assert letter["subject"] == first and letter["topic"] == topic
        assert "no registration seen" in letter["reason"]
        assert letter["replayed_at"] is None
        assert await replay_by_route(teams) == {"replayed": 0, "still_failing": 1}

        # The fix: the registration reaches the topic (identity re-publishes the stream).
        await publish(
            infra.kafka_bootstrap,
            topic,
            stream=first,
            org_id=org_id,
            event_type="huddle.identity.user_registered.v1",
            version=1,
            data=registration,
        )
        await eventually(lambda: scalar(teams, roles_of, u=first), timeout_s=60)
        assert await replay_by_route(teams, ids=[letter["id"]]) == {
            "replayed": 1,
            "still_failing": 0,
        }
        assert await scalar(teams, roles_of, u=first) == "member,analyst"
        assert await replay_by_route(teams) == {"replayed": 0, "still_failing": 0}
        assert await waiting(teams) == []

        # Another one, replayed by the operator command instead of the route.
        second, registration = await grant_before_registration(infra, topic, org_id)
        [other] = await listed(teams, 1)
        env = service_env(teams.database_url)
        [shown] = await command("teams", env, "--list")
        assert shown["id"] == other["id"] and "no registration seen" in shown["reason"]
        await publish(
            infra.kafka_bootstrap,
            topic,
            stream=second,
            org_id=org_id,
            event_type="huddle.identity.user_registered.v1",
            version=1,
            data=registration,
        )
        await eventually(lambda: scalar(teams, roles_of, u=second), timeout_s=60)
        assert await command("teams", env) == [{"replayed": 1, "still_failing": 0}]
        assert await scalar(teams, roles_of, u=second) == "member,analyst"
        assert await command("teams", env) == [{"replayed": 0, "still_failing": 0}]
        assert await replay_by_route(teams) == {"replayed": 0, "still_failing": 0}
        assert await command("teams", env, "--list") == []

        everything = (await teams.client.get("/v1/dead-letters", headers=OPERATOR)).json()
        assert [d["id"] for d in everything["items"]] == [letter["id"], other["id"]]
        assert all(d["replayed_at"] for d in everything["items"])
        metrics = (await teams.client.get("/metrics")).text
        assert 'huddle_dead_letters_replayed_total{group="teams",result="applied"}' in metrics


# ---- assessments: a member added in a team role its contract does not know -----------------


async def add_member_with_unknown_role(
    infra: Infrastructure, topic: str, org_id: str
) -> tuple[str, str]:
    """The poison: teams (with a bug) publishing a role that is not one of its team roles."""
    team_id, user_id = str(uuid.uuid4()), str(uuid.uuid4())
    await publish(
        infra.kafka_bootstrap,
        topic,
        stream=team_id,
        org_id=org_id,
        event_type="huddle.teams.member_added.v1",
        version=1,
        data={
            "team_id": team_id,
            "user_id": user_id,
            "role": "charge nurse",
            "effective_date": datetime.now(UTC).date().isoformat(),
            "added_by": "lead",
        },
    )
    return team_id, user_id


async def correct_the_stored_record(service: RunningService, dead_letter_id: int) -> None:
    """What the operator does once teams' fix is out: the record as teams now publishes it."""
    async with service.runtime.engine.begin() as conn:
        payload = (
            await conn.execute(
                text("SELECT payload FROM dead_letters WHERE id = :i"), {"i": dead_letter_id}
            )
        ).scalar_one()
        fixed = {**json.loads(payload), "role": "nurse"}
        await conn.execute(
            text("UPDATE dead_letters SET payload = :p WHERE id = :i"),
            {"p": json.dumps(fixed).encode(), "i": dead_letter_id},
        )


async def test_assessments_replays_a_corrected_dead_letter_once(
    start_assessments: Callable[..., Any],
    service_env: Callable[..., dict[str, str]],
    infra: Infrastructure,
    topic_prefix: str,
) -> None:
    topic = topic_prefix + TEAM_TOPIC.name
    org_id = str(uuid.uuid4())
    role_of = "SELECT role FROM team_members WHERE team_id = :t AND user_id = :u"
    async with start_assessments(operator_key=OPERATOR_KEY) as assessments:
        await assessments.runtime.topics_ready.wait()
        team, person = await add_member_with_unknown_role(infra, topic, org_id)
        [letter] = await listed(assessments, 1)
        assert letter["event_type"] == "huddle.teams.member_added.v1"
        assert letter["subject"] == team
        assert letter["reason"].startswith("InvalidEventPayload")
        assert await replay_by_route(assessments) == {"replayed": 0, "still_failing": 1}

        await correct_the_stored_record(assessments, letter["id"])
        assert await replay_by_route(assessments) == {"replayed": 1, "still_failing": 0}
        assert await scalar(assessments, role_of, t=team, u=person) == "nurse"
        assert await replay_by_route(assessments) == {"replayed": 0, "still_failing": 0}

        # Another one, by the operator command.
        team, person = await add_member_with_unknown_role(infra, topic, org_id)
        [other] = await listed(assessments, 1)
        env = service_env(assessments.database_url)
        assert await command("assessments", env) == [{"replayed": 0, "still_failing": 1}]
        await correct_the_stored_record(assessments, other["id"])
        assert await command("assessments", env, "--id", str(other["id"])) == [
            {"replayed": 1, "still_failing": 0}
        ]
        assert await scalar(assessments, role_of, t=team, u=person) == "nurse"
        assert await command("assessments", env) == [{"replayed": 0, "still_failing": 0}]
        assert await replay_by_route(assessments) == {"replayed": 0, "still_failing": 0}
        assert await waiting(assessments) == []


async def test_the_dead_letter_routes_need_the_operator_key(
    start_teams: Callable[..., Any],
) -> None:
    async with start_teams(operator_key=OPERATOR_KEY) as teams:
        for headers, status in (({}, 403), ({"X-Operator-Key": "wrong"}, 403), (OPERATOR, 200)):
            response = await teams.client.get("/v1/dead-letters", headers=headers)
            assert response.status_code == status, response.text
    async with start_teams() as teams:  # no key configured: the routes do not exist
        response = await teams.client.post("/v1/dead-letters/replay", headers=OPERATOR)
        assert response.status_code == 404, response.text
