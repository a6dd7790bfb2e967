"""A seeded world for the teams API tests: people published as identity events, and a team.

The teams service learns who exists only from identity's events on Kafka, so the tests publish
them the way identity does (CloudEvents, sealed names and emails, keyed by user id) and wait
until the teams consumer has folded them into its user directory.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import select

from huddle_devtools.testing.kafka import eventually, produce_raw
from huddle_devtools.testing.tokens import TestSigner
from huddle_shared.contracts.identity import (
    OrgRole,
    Profession,
    UserDeactivated,
    UserErased,
    UserRegistered,
)
from huddle_shared.envelope import to_kafka
from huddle_shared.events import DomainEvent
from huddle_shared.personal import new_person_key, seal
from huddle_teams.adapters.tables import user_directory

from .conftest import RunningService

USER_TOPIC = "identity.user.v1"


@dataclass(frozen=True)
class Person:
    user_id: str
    org_id: str
    name: str
    profession: Profession
    org_roles: tuple[OrgRole, ...] = (OrgRole.MEMBER,)


class IdentityFeed:
    """Publishes identity's user events, one stream per person, in version order."""

    def __init__(self, *, bootstrap: str, topic: str) -> None:
        self.bootstrap = bootstrap
        self.topic = topic
        self.versions: dict[str, int] = {}

    async def publish(self, event: DomainEvent, *, user_id: str, org_id: str) -> None:
        version = self.versions.get(user_id, 0) + 1
        self.versions[user_id] = version
        key, value, headers = to_kafka(
            event_id=uuid.uuid4(),
            event_type=event.event_type,
            source="huddle/identity",
            subject=user_id,
            time=datetime.now(UTC),
            tenant_id=org_id,
            stream_version=version,
            data=event.model_dump(mode="json"),
        )
        await produce_raw(self.bootstrap, self.topic, value, key=key, headers=headers)

    async def register(self, person: Person) -> None:
        key, kid = new_person_key(), f"pk-{person.user_id}"
        email = f"{person.name.lower().replace(' ', '.')}@riverside.example"
        await self.publish(
            UserRegistered(
                user_id=person.user_id,
                org_id=person.org_id,
                email=seal(key, kid, email, context=f"user:{person.user_id}:email"),
                display_name=seal(
                    key, kid, person.name, context=f"user:{person.user_id}:display_name"
                ),
                profession=person.profession,
                org_roles=list(person.org_roles),
            ),
            user_id=person.user_id,
            org_id=person.org_id,
        )

    async def deactivate(self, person: Person) -> None:
        event = UserDeactivated(
            user_id=person.user_id, org_id=person.org_id, deactivated_by="admin", reason="left"
        )
        await self.publish(event, user_id=person.user_id, org_id=person.org_id)

    async def erase(self, person: Person) -> None:
        event = UserErased(user_id=person.user_id, org_id=person.org_id, erased_by="admin")
        await self.publish(event, user_id=person.user_id, org_id=person.org_id)


async def directory(service: RunningService) -> dict[str, dict[str, Any]]:
    """The teams service's user directory, as rows by user id."""
    async with service.runtime.engine.connect() as conn:
        rows = (await conn.execute(select(user_directory))).mappings().all()
    return {r["user_id"]: dict(r) for r in rows}


async def wait_for_directory(service: RunningService, expected: dict[str, str]) -> None:
    """Until every user id in ``expected`` has the expected status in the directory."""

    async def caught_up() -> bool:
        rows = await directory(service)
        return all(rows.get(u, {}).get("status") == s for u, s in expected.items())

    await eventually(caught_up, timeout_s=60)


def person(name: str, profession: Profession, org_id: str, *roles: OrgRole) -> Person:
    return Person(str(uuid.uuid4()), org_id, name, profession, roles or (OrgRole.MEMBER,))


@dataclass
class World:
    """One organisation with its people and one team (lead + nurse), plus a stranger org."""

    service: RunningService
    signer: TestSigner
    feed: IdentityFeed
    org: str
    other_org: str
    people: dict[str, Person]
    team_id: str = ""
    tokens: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def client(self) -> httpx.AsyncClient:
        return self.service.client

    def url(self, suffix: str = "") -> str:
        return f"/v1/teams/{self.team_id}{suffix}"

    def id_of(self, who: str) -> str:
        return self.people[who].user_id

    def headers(self, who: str, **extra: str) -> dict[str, str]:
        return {**self.tokens[who], **extra}

    async def etag(self) -> str:
        response = await self.client.get(self.url(), headers=self.headers("admin"))
        return response.headers["ETag"]


PEOPLE: dict[str, tuple[str, Profession, tuple[OrgRole, ...]]] = {
    "admin": ("Dana Admin", Profession.OTHER, (OrgRole.ORG_ADMIN, OrgRole.MEMBER)),
    "lead": ("Lena Lead", Profession.PHARMACIST, (OrgRole.MEMBER,)),
    "nurse": ("Noor Nurse", Profession.NURSE, (OrgRole.MEMBER,)),
    "analyst": ("Ana Lyst", Profession.OTHER, (OrgRole.ANALYST,)),
    "outsider": ("Otto Outside", Profession.PHYSICIAN, (OrgRole.MEMBER,)),
    "social_worker": ("Sam Social", Profession.SOCIAL_WORKER, (OrgRole.MEMBER,)),
    "coordinator": ("Cory Coord", Profession.CARE_COORDINATOR, (OrgRole.MEMBER,)),
    "deactivated": ("Dee Active", Profession.MEDICAL_ASSISTANT, (OrgRole.MEMBER,)),
    "erased": ("Eve Erased", Profession.FRONT_DESK, (OrgRole.MEMBER,)),
}


@asynccontextmanager
async def seeded_world(
    start_teams: Callable[..., Any], signer: TestSigner, *, bootstrap: str, topic_prefix: str
) -> AsyncIterator[World]:
    """Start teams, publish the people, wait for the directory, create the team."""
    org, other_org = str(uuid.uuid4()), str(uuid.uuid4())
    async with start_teams() as service:
        feed = IdentityFeed(bootstrap=bootstrap, topic=f"{topic_prefix}{USER_TOPIC}")
        people = {
            key: person(name, profession, org, *roles)
            for key, (name, profession, roles) in PEOPLE.items()
        }
        people["stranger"] = person(
            "Stan Ger", Profession.NURSE, other_org, OrgRole.ORG_ADMIN, OrgRole.MEMBER
        )
        world = World(service, signer, feed, org, other_org, people)
        world.tokens = {
            key: signer.headers(
                org_id=p.org_id, subject=p.user_id, roles=[r.value for r in p.org_roles]
            )
            for key, p in people.items()
        }
        world.tokens["fhir_client"] = signer.headers(
            org_id=org, roles=[], scopes=["fhir:read"], client=True
        )
        world.tokens["client"] = signer.headers(org_id=org, roles=[], client=True)

        # The consumer's topic must exist before anything is produced to it.
        await asyncio.wait_for(service.runtime.topics_ready.wait(), timeout=60)
        for p in people.values():
            await feed.register(p)
        await feed.deactivate(people["deactivated"])
        await feed.erase(people["erased"])
        expected = {p.user_id: "active" for p in people.values()}
        expected[people["deactivated"].user_id] = "deactivated"
        expected[people["erased"].user_id] = "erased"
        await wait_for_directory(service, expected)

        created = await service.client.post(
            "/v1/teams",
            json={"name": "Riverside Team A", "care_setting": "primary_care_clinic"},
            headers=world.headers("admin"),
        )
        assert created.status_code == 201, created.text
        world.team_id = created.json()["id"]
        for who, role in (("lead", "clinical_lead"), ("nurse", "nurse")):
            added = await service.client.post(
                world.url("/members"),
                json={"user_id": world.id_of(who), "role": role},
                headers=world.headers("admin"),
            )
            assert added.status_code == 201, added.text
        yield world
