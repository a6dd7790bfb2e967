"""A realistic, deterministic event history for the insights projection, produced to Kafka fast.

Per team (about 118 events): its people registering (identity), the team's creation, members,
role changes, a charter revision, a review and a goal status change (teams), and eight closed
campaigns of four instrument kinds with nine scored responses each (assessments). Events carry
the CloudEvents headers exactly as :func:`huddle_shared.envelope.to_kafka` writes them; the
encoder here is a faster copy of it, and :func:`check_encoding` proves the two agree (and that
every payload validates against its contract model) before anything is produced.
"""

from __future__ import annotations

import asyncio
import base64
import json
import random
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiokafka import AIOKafkaProducer

from huddle_shared.contracts import REGISTRY
from huddle_shared.envelope import to_kafka
from huddle_shared.topics import ensure_topics

USER_TOPIC = "identity.user.v1"
TEAM_TOPIC = "teams.team.v1"
CAMPAIGN_TOPIC = "assessments.campaign.v1"
RESPONSE_TOPIC = "assessments.response.v1"
TOPICS = (USER_TOPIC, TEAM_TOPIC, CAMPAIGN_TOPIC, RESPONSE_TOPIC)
MEMBERS = 12
RESPONDENTS = 9
KINDS = (
    "team_pulse",
    "burnout_single_item",
    "psychological_safety",
    "team_pulse",
    "teamwork",
    "team_pulse",
    "relational_leadership",
    "burnout_single_item",
)
PROFESSIONS = ("physician", "nurse", "nurse", "nurse", "pharmacist", "social_worker")
ROLES = ("clinical_lead", "nurse", "nurse", "care_coordinator", "clinical_pharmacist")
TEAMS_PER_ORG = 10
EVENTS_PER_TEAM = MEMBERS + (1 + MEMBERS + 2 + 3) + len(KINDS) * (2 + RESPONDENTS)

Message = tuple[str, bytes, bytes, list[tuple[str, bytes]]]


def _iso(moment: datetime) -> str:
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def encode(
    *,
    event_id: str,
    event_type: str,
    source: str,
    subject: str,
    moment: datetime,
    tenant_id: str,
    stream_version: int,
    data: dict[str, Any],
) -> tuple[bytes, bytes, list[tuple[str, bytes]]]:
    """What ``to_kafka`` returns for these arguments (no trace headers), without the SDK."""
    headers = [
        ("ce_id", event_id.encode()),
        ("ce_source", source.encode()),
        ("ce_specversion", b"1.0"),
        ("ce_streamversion", str(stream_version).encode()),
        ("ce_subject", subject.encode()),
        ("ce_tenantid", tenant_id.encode()),
        ("ce_time", _iso(moment.astimezone(UTC)).encode()),
        ("ce_type", event_type.encode()),
        ("content-type", b"application/json"),
    ]
    return subject.encode(), json.dumps(data).encode(), headers


@dataclass
class History:
    """Generates the events of one organisation after another, team by team."""

    seed: int = 7
    now: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    teams: list[tuple[str, str]] = field(default_factory=list)  # (org id, team id)
    orgs: list[str] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)  # noqa: S311 - test data, not secrets

    def _id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _b64(self, size: int) -> str:
        return base64.urlsafe_b64encode(self.rng.randbytes(size)).decode().rstrip("=")

    def _event(
        self,
        topic: str,
        event_type: str,
        subject: str,
        tenant: str,
        version: int,
        moment: datetime,
        data: dict[str, Any],
    ) -> Message:
        source = f"huddle/{topic.split('.', 1)[0]}"
        event_id = self._id()
        key, value, headers = encode(
            event_id=event_id,
            event_type=event_type,
            source=source,
            subject=subject,
            moment=moment,
            tenant_id=tenant,
            stream_version=version,
            data=data,
        )
        if event_type not in self.checked:
            check_encoding(
                (key, value, headers),
                event_id=event_id,
                event_type=event_type,
                source=source,
                subject=subject,
                moment=moment,
                tenant_id=tenant,
                stream_version=version,
                data=data,
            )
            self.checked.add(event_type)
        return topic, key, value, headers

    def messages(self) -> Iterator[Message]:
        """Endless: one organisation of ``TEAMS_PER_ORG`` teams after another."""
        while True:
            org = self._id()
            self.orgs.append(org)
            for n in range(TEAMS_PER_ORG):
                yield from self._team(org, n)

    def _team(self, org: str, n: int) -> Iterator[Message]:
        rng = self.rng
        team = self._id()
        self.teams.append((org, team))
        admin = self._id()
        start = self.now - timedelta(days=420 - rng.randrange(0, 20), minutes=n)
        people: list[tuple[str, str]] = []
        for i in range(MEMBERS):
            user = self._id()
            profession = PROFESSIONS[i % len(PROFESSIONS)]
            people.append((user, profession))
            yield self._event(
                USER_TOPIC,
                "huddle.identity.user_registered.v1",
                user,
                org,
                1,
                start + timedelta(seconds=i),
                {
                    "user_id": user,
                    "org_id": org,
                    "email": self._sealed(user),
                    "display_name": self._sealed(user),
                    "profession": profession,
                    "org_roles": ["member"],
                    "registered_by": admin,
                },
            )
        version = 0

        def team_event(event_type: str, moment: datetime, data: dict[str, Any]) -> Message:
            nonlocal version
            version += 1
            return self._event(TEAM_TOPIC, event_type, team, org, version, moment, data)

        day = start + timedelta(minutes=5)
        yield team_event(
            "huddle.teams.team_created.v1",
            day,
            {
                "team_id": team,
                "org_id": org,
                "name": f"Care team {len(self.teams)}",
                "care_setting": "primary_care_clinic",
                "description": "Interprofessional primary-care team.",
                "created_by": admin,
            },
        )
        for i, (user, _) in enumerate(people):
            yield team_event(
                "huddle.teams.member_added.v1",
                day + timedelta(minutes=1 + i),
                {
                    "team_id": team,
                    "user_id": user,
                    "role": ROLES[i % len(ROLES)],
                    "effective_date": (day + timedelta(days=1)).date().isoformat(),
                    "added_by": admin,
                },
            )
        for i in (1, 2):
            user = people[i][0]
            yield team_event(
                "huddle.teams.member_role_changed.v2",
                day + timedelta(days=40 * i),
                {
                    "team_id": team,
                    "user_id": user,
                    "from_role": ROLES[i % len(ROLES)],
                    "to_role": "care_coordinator",
                    "reason": "Covers the care coordination of the clinic from now on.",
                    "effective_date": (day + timedelta(days=40 * i)).date().isoformat(),
                    "changed_by": admin,
                    "category": "coverage",
                },
            )
        goals = [self._id() for _ in range(3)]
        revised = day + timedelta(days=10)
        yield team_event(
            "huddle.teams.charter_revised.v1",
            revised,
            {
                "team_id": team,
                "revision": 1,
                "vision": "Every patient sees a team that knows them and works as one.",
                "goals": [
                    {
                        "goal_id": goal,
                        "title": f"Goal {g + 1}",
                        "measure": "Share of patients with a care plan reviewed this quarter",
                        "due_date": (revised + timedelta(days=180)).date().isoformat(),
                        "status": "on_track",
                    }
                    for g, goal in enumerate(goals)
                ],
                "norms": ["Start huddles on time", "Speak up about safety", "Close the loop"],
                "roles": [
                    {"role": "clinical_lead", "responsibilities": ["Chairs the huddle"]},
                    {"role": "nurse", "responsibilities": ["Triage", "Follow-up calls"]},
                ],
                "next_review_due": (revised + timedelta(days=90)).date().isoformat(),
                "revised_by": admin,
            },
        )
        reviewed = self.now - timedelta(days=rng.randrange(10, 150))
        yield team_event(
            "huddle.teams.charter_reviewed.v1",
            reviewed,
            {
                "team_id": team,
                "revision": 1,
                "outcome": "reaffirmed",
                "notes": "",
                "reviewed_on": reviewed.date().isoformat(),
                "next_review_due": (reviewed + timedelta(days=90)).date().isoformat(),
                "reviewed_by": admin,
            },
        )
        yield team_event(
            "huddle.teams.goal_status_changed.v1",
            reviewed + timedelta(hours=1),
            {
                "team_id": team,
                "goal_id": goals[0],
                "from_status": "on_track",
                "to_status": "at_risk",
                "note": "",
                "changed_by": admin,
            },
        )
        for c, kind in enumerate(KINDS):
            yield from self._campaign(org, team, kind, start + timedelta(days=45 * (c + 1)), people)

    def _sealed(self, user: str) -> dict[str, str]:
        return {"alg": "A256GCM", "kid": user, "nonce": self._b64(12), "ct": self._b64(40)}

    def _campaign(
        self, org: str, team: str, kind: str, opens: datetime, people: list[tuple[str, str]]
    ) -> Iterator[Message]:
        rng = self.rng
        campaign = self._id()
        instrument = f"huddle-{kind.replace('_', '-')}-v1"
        closes = opens + timedelta(days=14)
        yield self._event(
            CAMPAIGN_TOPIC,
            "huddle.assessments.campaign_opened.v1",
            campaign,
            org,
            1,
            opens,
            {
                "campaign_id": campaign,
                "org_id": org,
                "team_id": team,
                "instrument_id": instrument,
                "instrument_kind": kind,
                "title": f"{kind.replace('_', ' ').capitalize()} {opens.date().isoformat()}",
                "opens_at": _iso(opens),
                "closes_at": _iso(closes),
                "anonymity": "anonymous",
                "min_group_size": 3,
                "eligible_count": len(people),
            },
        )
        for r in range(RESPONDENTS):
            response = self._id()
            moment = opens + timedelta(days=1 + r // 3, minutes=r)
            profession = people[r][1]
            group = profession if profession == "nurse" else "other"
            yield self._event(
                RESPONSE_TOPIC,
                "huddle.assessments.response_recorded.v1",
                response,
                org,
                1,
                moment,
                {
                    "response_id": response,
                    "campaign_id": campaign,
                    "team_id": team,
                    "org_id": org,
                    "instrument_id": instrument,
                    "instrument_kind": kind,
                    "respondent_ref": self._id(),
                    "respondent_group": group,
                    "scores": self._scores(kind, rng),
                    "recorded_at": _iso(moment),
                },
            )
        yield self._event(
            CAMPAIGN_TOPIC,
            "huddle.assessments.campaign_closed.v1",
            campaign,
            org,
            2,
            closes,
            {
                "campaign_id": campaign,
                "team_id": team,
                "closed_at": _iso(closes),
                "reason": "window_ended",
                "eligible_count": len(people),
                "responded_count": RESPONDENTS,
            },
        )

    @staticmethod
    def _scores(kind: str, rng: random.Random) -> dict[str, Any]:
        if kind == "team_pulse":
            mean = round(rng.uniform(2.2, 4.6), 2)
            return {
                "overall": mean,
                "index": round((mean - 1) / 4 * 100, 1),
                "subscales": {},
                "flags": {},
            }
        if kind == "burnout_single_item":
            value = float(rng.randint(1, 5))
            return {
                "overall": value,
                "index": None,
                "subscales": {},
                "flags": {"at_or_above_threshold": value >= 3},
            }
        if kind == "relational_leadership":
            subscales = {
                c: round(rng.uniform(2.0, 4.8), 2)
                for c in ("managing_self", "fostering_teamwork", "coaching_mentoring", "advocacy")
            }
            overall = round(sum(subscales.values()) / 4, 2)
            return {"overall": overall, "index": None, "subscales": subscales, "flags": {}}
        high = 7 if kind == "psychological_safety" else 5
        return {
            "overall": round(rng.uniform(2.0, high - 0.3), 2),
            "index": None,
            "subscales": {},
            "flags": {},
        }


def check_encoding(
    produced: tuple[bytes, bytes, list[tuple[str, bytes]]],
    *,
    event_id: str,
    event_type: str,
    source: str,
    subject: str,
    moment: datetime,
    tenant_id: str,
    stream_version: int,
    data: dict[str, Any],
) -> None:
    """The fast encoder must write what the services write, for a payload the contract accepts."""
    model = REGISTRY.decode(event_type, data)
    canonical = model.model_dump(mode="json")
    if canonical != data:
        raise AssertionError(f"{event_type}: generated payload differs from its model: {data}")
    expected = to_kafka(
        event_id=event_id,
        event_type=event_type,
        source=source,
        subject=subject,
        time=moment,
        tenant_id=tenant_id,
        stream_version=stream_version,
        data=canonical,
    )
    if expected != produced:
        raise AssertionError(f"{event_type}: encoder differs from to_kafka: {produced} {expected}")


@dataclass
class Loaded:
    messages: int
    seconds: float


async def produce(
    bootstrap: str, prefix: str, history: History, count: int, *, partitions: int = 3
) -> Loaded:
    """Append ``count`` more events of ``history`` to the prefixed topics (fast, not measured)."""
    await ensure_topics(bootstrap, [prefix + t for t in all_topics()], partitions=partitions)
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=True,
        linger_ms=20,
        max_batch_size=1_048_576,
        max_request_size=4_194_304,
    )
    await producer.start()
    began = time.perf_counter()
    try:
        pending: list[asyncio.Future[Any]] = []
        messages = history.messages()
        for _ in range(count):
            topic, key, value, headers = next(messages)
            pending.append(
                await producer.send(prefix + topic, value=value, key=key, headers=headers)
            )
            if len(pending) >= 20_000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return Loaded(count, time.perf_counter() - began)


def all_topics() -> list[str]:
    """Every topic insights subscribes to (a consumer waits for all of them), and its DLQ."""
    from huddle_insights.consumers.upstream_events import CONSUMED_SERVICES

    return [*REGISTRY.topic_names(services=CONSUMED_SERVICES), "insights.deadletter.v1"]
