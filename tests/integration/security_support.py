"""Two organisations on the four services run as real processes, for the security matrix.

Organisation A holds one person per kind of principal the matrix calls with (org admin,
analyst, a member on no team, the team's clinical lead, a team member), three integration
clients (one with the scopes the routes ask for, one with events:read, one with scim, the SCIM
connector of identity's /scim/v2), a team with a charter, an instrument of its own and a
campaign answered by ten people, so that even its comments are past suppression. Organisation
B holds only its org admin: the most privileged stranger there is.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from huddle_devtools.devinfra.selection import Infrastructure, free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.processes import ServiceProcess

SERVICES = ("identity", "teams", "assessments", "insights", "integrations")
PASSWORD = "correct horse battery staple"
OPERATOR_KEY = "operator-key-for-the-security-matrix"
PULSE = "huddle-team-pulse-v1"
DEAD_WEBHOOK = "http://127.0.0.1:9/huddle-hooks"  # the discard port: nothing listens there
PULSE_ITEMS = ("energy", "recognition", "workload", "pride", "recommend")
RESPONDENTS = 10  # the comment threshold of assessments (insights needs only five)

# The principals of organisation A every operation is called with.
ANONYMOUS = "anonymous"
ORG_ADMIN = "org_admin"
ANALYST = "analyst"
MEMBER = "member"  # org role member, on no team
TEAM_LEAD = "team_lead"  # org role member, the team's clinical lead
TEAM_MEMBER = "team_member"  # org role member, a nurse on the team
CLIENT_SCOPED = "client_scoped"  # integration client with fhir:read and dashboards:read
CLIENT_UNSCOPED = "client_unscoped"  # integration client with events:read only (integrations)
CLIENT_SCIM = "client_scim"  # integration client with scim only (identity's /scim/v2)
OPERATOR = "operator"  # no token, only the insights operator key
PRINCIPALS = (
    ANONYMOUS,
    ORG_ADMIN,
    ANALYST,
    MEMBER,
    TEAM_LEAD,
    TEAM_MEMBER,
    CLIENT_SCOPED,
    CLIENT_UNSCOPED,
    CLIENT_SCIM,
    OPERATOR,
)
PEOPLE = (ORG_ADMIN, ANALYST, MEMBER, TEAM_LEAD, TEAM_MEMBER)
CLIENTS = (CLIENT_SCOPED, CLIENT_UNSCOPED, CLIENT_SCIM)


def wait_for(
    what: str, check: Callable[[], bool], *, timeout_s: float = 90, every_s: float = 0.25
) -> None:
    """Poll until another service has caught up with the events it consumes."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(every_s)
    raise AssertionError(f"timed out waiting for {what}")


def ok(response: httpx.Response, *statuses: int) -> httpx.Response:
    """The response, after checking it has one of ``statuses`` (200 and 201 by default)."""
    assert response.status_code in (statuses or (200, 201)), (
        f"{response.request.method} {response.request.url.path} -> "
        f"{response.status_code}: {response.text[:500]}"
    )
    return response


def leaf_strings(value: Any) -> list[str]:
    """Every string inside a decoded JSON document (keys excluded)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in leaf_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in leaf_strings(v)]
    return []


@contextmanager
def running_stack(
    infra: Infrastructure, databases: DatabaseFactory, log_dir: Path
) -> Iterator[Stack]:
    """The five services as processes; every service verifies identity's own tokens."""
    from huddle_assessments.bootstrap import MIGRATIONS as ASSESSMENTS
    from huddle_identity.bootstrap import MIGRATIONS as IDENTITY
    from huddle_insights.bootstrap import MIGRATIONS as INSIGHTS
    from huddle_integrations.bootstrap import MIGRATIONS as INTEGRATIONS
    from huddle_teams.bootstrap import MIGRATIONS as TEAMS

    migrations = {
        "identity": IDENTITY,
        "teams": TEAMS,
        "assessments": ASSESSMENTS,
        "insights": INSIGHTS,
        "integrations": INTEGRATIONS,
    }
    identity_port = free_port()
    prefix = f"s{uuid.uuid4().hex[:8]}."
    processes: dict[str, ServiceProcess] = {}
    for name in SERVICES:
        env = {
            "HUDDLE_ENVIRONMENT": "test",
            "HUDDLE_DATABASE_URL": databases.create(name, migrations[name]),
            "HUDDLE_KAFKA_BOOTSTRAP": infra.kafka_bootstrap,
            "HUDDLE_TOPIC_PREFIX": prefix,
            "HUDDLE_JWKS_URL": f"http://127.0.0.1:{identity_port}/.well-known/jwks.json",
            "HUDDLE_RELAY_POLL_INTERVAL_S": "0.05",
            "HUDDLE_ARGON2_TIME_COST": "1",
            "HUDDLE_ARGON2_MEMORY_KIB": "8192",
            "HUDDLE_OPERATOR_KEY": OPERATOR_KEY,
            # Webhooks to a closed port on this machine: every delivery is dead at once.
            "HUDDLE_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",
            "HUDDLE_WEBHOOK_MAX_ATTEMPTS": "1",
            "HUDDLE_WEBHOOK_POLL_INTERVAL_S": "0.1",
            "HUDDLE_WEBHOOK_DISABLE_AFTER_DEAD": "1000",
        }
        if name == "identity":
            # The console at this URL is identity's one OpenID client (the matrix's requests).
            env["HUDDLE_PUBLIC_URL"] = "http://127.0.0.1:8080"
        port = identity_port if name == "identity" else free_port()
        processes[name] = ServiceProcess(name, port=port, env=env, log_dir=log_dir)
    stack = Stack(processes)
    try:
        for process in processes.values():
            process.start(wait_ready=False)
        for process in processes.values():
            process.wait_ready(timeout_s=90)
        yield stack
    finally:
        stack.close()
        for process in processes.values():
            process.stop()


class Databases:
    """Synchronous reads of the services' databases for the tests (asyncpg on its own loop)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.connections: dict[str, asyncpg.Connection] = {}

    def fetch(self, url: str, sql: str, *args: Any) -> list[asyncpg.Record]:
        async def run() -> list[asyncpg.Record]:
            if url not in self.connections:
                self.connections[url] = await asyncpg.connect(url)
            return list(await self.connections[url].fetch(sql, *args))

        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout=60)

    def close(self) -> None:
        async def close_all() -> None:
            for conn in self.connections.values():
                await conn.close()

        asyncio.run_coroutine_threadsafe(close_all(), self.loop).result(timeout=60)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)


@dataclass
class Stack:
    """The five services and one HTTP client for each."""

    processes: dict[str, ServiceProcess]
    http: dict[str, httpx.Client] = field(default_factory=dict)
    databases: Databases = field(default_factory=Databases)

    def __post_init__(self) -> None:
        for name, process in self.processes.items():
            self.http[name] = httpx.Client(base_url=process.url, timeout=120)

    def query(self, service: str, sql: str, *args: Any) -> list[asyncpg.Record]:
        url = to_plain_url(self.processes[service].env["HUDDLE_DATABASE_URL"])
        return self.databases.fetch(url, sql, *args)

    def events(self, service: str, stream_id: str) -> list[dict[str, Any]]:
        """The stored payloads of one event stream, oldest first, decoded from JSONB."""
        rows = self.query(
            service, "SELECT data FROM events WHERE stream_id = $1 ORDER BY version", stream_id
        )
        return [json.loads(row[0]) for row in rows]

    def streams_of(self, tenant_id: str) -> list[tuple[str, str, str, int]]:
        """Every event stream of a tenant with its length, whoever wrote to it last, in the
        services that take writes: each change to a resource appends at least one event.
        (Insights writes only alerts, on its own schedule, from what it consumes.)"""
        streams: list[tuple[str, str, str, int]] = []
        for service in ("identity", "teams", "assessments", "integrations"):
            rows = self.query(
                service,
                "SELECT stream_id, tenant_id, count(*) FROM events WHERE stream_id IN "
                "(SELECT stream_id FROM events WHERE tenant_id = $1) "
                "GROUP BY stream_id, tenant_id ORDER BY stream_id, tenant_id",
                tenant_id,
            )
            streams += [(service, row[0], row[1], row[2]) for row in rows]
        return streams

    def close(self) -> None:
        for client in self.http.values():
            client.close()
        self.databases.close()


def to_plain_url(url: str) -> str:
    """asyncpg takes ``postgresql://``; the services may be given a SQLAlchemy-style URL."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def new_person(label: str, profession: str = "nurse") -> dict[str, str]:
    tag = uuid.uuid4().hex[:8]
    return {
        "email": f"{label.lower().replace(' ', '.')}.{tag}@example.org",
        "password": PASSWORD,
        "display_name": f"{label} {tag}",
        "profession": profession,
    }


def charter(goal_title: str = "Fewer missed handovers") -> dict[str, Any]:
    return {
        "vision": "Every patient leaves with a plan",
        "goals": [
            {
                "title": goal_title,
                "measure": "Audit of handover notes",
                "due_date": (date.today() + timedelta(days=90)).isoformat(),
            }
        ],
        "norms": ["We start on time"],
        "roles": [{"role": "nurse", "responsibilities": ["Triage"]}],
    }


def instrument(key: str) -> dict[str, Any]:
    return {
        "key": key,
        "title": f"Huddle check {key}",
        "kind": "custom",
        "scale": {"min": 1, "max": 4},
        "items": [
            {"id": "started_on_time", "text": "We started on time."},
            {"id": "rushed", "text": "It felt rushed.", "reverse_scored": True},
        ],
        "subscales": [{"id": "flow", "title": "Flow", "items": ["started_on_time", "rushed"]}],
        "scoring": "mean",
    }


def pulse_answers(value: int = 4) -> dict[str, int]:
    return dict.fromkeys(PULSE_ITEMS, value)


@dataclass
class World:
    """Both organisations and what the matrix needs of organisation A, by id."""

    stack: Stack
    org_id: str = ""
    org_name: str = ""
    stranger_org_id: str = ""
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # principal -> headers
    stranger: dict[str, str] = field(default_factory=dict)  # org B's org admin
    user_ids: dict[str, str] = field(default_factory=dict)  # principal -> user id
    respondent_ids: list[str] = field(default_factory=list)  # people who are no principal
    client_ids: dict[str, str] = field(default_factory=dict)  # principal -> client id
    team_id: str = ""
    goal_id: str = ""
    action_id: str = ""  # a committed action of the team, owned by the team member
    meeting_id: str = ""  # a daily huddle of the team
    instrument_id: str = ""
    campaign_id: str = ""  # answered by ten people, then closed
    open_campaign_id: str = ""  # open, unanswered
    response_id: str = ""  # the team member's own response to campaign_id
    subscription_id: str = ""  # a webhook subscription of A's
    delivery_id: str = ""  # a dead delivery of it (its receiver never answers)
    public_login: dict[str, str] = field(default_factory=dict)  # a third org, for sign-in
    secrets: set[str] = field(default_factory=set)  # ids and names of A, never shown to B

    # ---- calls --------------------------------------------------------------------------

    def call(
        self, service: str, method: str, path: str, headers: dict[str, str], **kwargs: Any
    ) -> httpx.Response:
        return self.stack.http[service].request(method, path, headers=headers, **kwargs)

    def admin(self, service: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.call(service, method, path, self.headers[ORG_ADMIN], **kwargs)

    def sign_in(self, email: str) -> dict[str, str]:
        token = ok(
            self.stack.http["identity"].post(
                "/v1/auth/token",
                data={"grant_type": "password", "username": email, "password": PASSWORD},
            )
        ).json()["access_token"]
        return {"Authorization": f"Bearer {token}"}

    def client_sign_in(self, client_id: str, secret: str) -> dict[str, str]:
        token = ok(
            self.stack.http["identity"].post(
                "/v1/auth/token",
                data={
                    "grant_type": "client_credentials",
                    "client_id": client_id,
                    "client_secret": secret,
                },
            )
        ).json()["access_token"]
        return {"Authorization": f"Bearer {token}"}

    # ---- fresh resources for cells that change or destroy what they touch ---------------

    def new_user(self, label: str = "Fresh Person", org_roles: tuple[str, ...] = ()) -> str:
        body: dict[str, Any] = new_person(label)
        if org_roles:
            body["org_roles"] = list(org_roles)
        user_id: str = ok(self.admin("identity", "POST", "/v1/users", json=body)).json()["id"]
        return user_id

    def new_client(self, scopes: tuple[str, ...] = ("events:read",)) -> tuple[str, str]:
        created = ok(
            self.admin(
                "identity",
                "POST",
                "/v1/clients",
                json={"name": f"Client {uuid.uuid4().hex[:6]}", "scopes": list(scopes)},
            )
        ).json()
        return created["client_id"], created["client_secret"]

    def new_invitation(self) -> str:
        body = {
            "email": f"invitee.{uuid.uuid4().hex[:8]}@matrix.example",
            "display_name": "Matrix Invitee",
            "profession": "nurse",
        }
        created = ok(self.admin("identity", "POST", "/v1/invitations", json=body))
        invitation_id: str = created.json()["id"]
        return invitation_id

    def new_subscription(self) -> str:
        created = ok(self.admin("integrations", "POST", "/v1/webhooks", json={"url": DEAD_WEBHOOK}))
        subscription_id: str = created.json()["id"]
        return subscription_id

    def new_dead_delivery(self, subscription_id: str) -> str:
        """A ping to the subscription, once it has failed for good (a delivery to replay)."""
        ping = ok(self.admin("integrations", "POST", f"/v1/webhooks/{subscription_id}/ping"), 202)
        delivery_id = str(ping.json()["id"])

        def dead() -> bool:
            log = ok(
                self.admin(
                    "integrations",
                    "GET",
                    f"/v1/webhooks/{subscription_id}/deliveries",
                    params={"status": "dead"},
                )
            ).json()["items"]
            return any(str(d["id"]) == delivery_id for d in log)

        wait_for("the ping to fail for good", dead, every_s=0.2)
        return delivery_id

    def add_member(self, team_id: str, user_id: str, role: str) -> None:
        """Teams learns people from identity's events: retry until it knows this one."""
        path = f"/v1/teams/{team_id}/members"

        def added() -> bool:
            response = self.admin("teams", "POST", path, json={"user_id": user_id, "role": role})
            assert response.status_code in (201, 404, 409, 422), response.text
            return response.status_code in (201, 409)

        wait_for(f"teams to know {user_id}", added)

    def new_team(self, *, name: str = "", with_charter: bool = False) -> tuple[str, str]:
        """A team led by the team lead with the team member on it; its goal id if chartered."""
        created = self.admin(
            "teams", "POST", "/v1/teams", json={"name": name or f"Team {uuid.uuid4().hex[:6]}"}
        )
        team_id: str = ok(created).json()["id"]
        self.add_member(team_id, self.user_ids[TEAM_LEAD], "clinical_lead")
        self.add_member(team_id, self.user_ids[TEAM_MEMBER], "nurse")
        goal_id = ""
        if with_charter:
            revised = ok(self.admin("teams", "PUT", f"/v1/teams/{team_id}/charter", json=charter()))
            goal_id = revised.json()["goals"][0]["id"]
        return team_id, goal_id

    def new_action(self, team_id: str | None = None, **changes: Any) -> str:
        """A committed action of the team (organisation A's by default), the member its owner."""
        team_id = team_id or self.team_id
        body = {
            "title": "Protect the lunch break",
            "owners": [self.user_ids[TEAM_MEMBER]],
            "due_date": (datetime.now(UTC) + timedelta(days=30)).date().isoformat(),
            "prompted_by": {"kind": "driver", "driver": "burnout_share"},
            **changes,
        }
        created = self.admin("teams", "POST", f"/v1/teams/{team_id}/actions", json=body)
        return str(ok(created).json()["id"])

    def new_meeting(self, team_id: str | None = None, **changes: Any) -> str:
        """A meeting record of the team (organisation A's by default)."""
        team_id = team_id or self.team_id
        body = {"kind": "daily_huddle", "participants": 5, **changes}
        created = self.admin("teams", "POST", f"/v1/teams/{team_id}/meetings", json=body)
        return str(ok(created).json()["id"])

    def new_campaign(self, title: str | None = None) -> str:
        """An open pulse campaign on organisation A's team."""
        body: dict[str, Any] = {
            "team_id": self.team_id,
            "instrument_id": PULSE,
            "closes_at": (datetime.now(UTC) + timedelta(days=7)).isoformat(),
        }
        if title is not None:
            body["title"] = title
        campaign_id: str = ok(self.admin("assessments", "POST", "/v1/campaigns", json=body)).json()[
            "id"
        ]
        return campaign_id

    # ---- what must stay as it is when organisation B writes -----------------------------

    def snapshot(self) -> dict[str, Any]:
        """Versions and states of organisation A's resources, read as its org admin."""
        users = ok(self.admin("identity", "GET", "/v1/users", params={"limit": 200})).json()
        clients = ok(self.admin("identity", "GET", "/v1/clients", params={"limit": 200})).json()
        teams = ok(self.admin("teams", "GET", "/v1/teams", params={"limit": 200})).json()
        campaigns = [
            ok(self.admin("assessments", "GET", f"/v1/campaigns/{c}")).headers["ETag"]
            for c in (self.campaign_id, self.open_campaign_id)
        ]
        instruments = ok(self.admin("assessments", "GET", "/v1/instruments")).json()
        members = ok(self.admin("teams", "GET", f"/v1/teams/{self.team_id}/members")).json()
        hooks = ok(self.admin("integrations", "GET", "/v1/webhooks", params={"limit": 200}))
        sharing = ok(self.admin("integrations", "GET", "/v1/integrations/sharing"))
        return {
            "users": sorted((u["id"], u["version"], u["status"]) for u in users["items"]),
            "clients": sorted((c["client_id"], c["revoked"]) for c in clients["items"]),
            "teams": sorted((t["id"], t["version"]) for t in teams["items"]),
            "members": sorted((m["user_id"], m["role"]) for m in members["items"]),
            "campaigns": campaigns,
            "instruments": sorted(i["id"] for i in instruments["items"]),
            "webhooks": sorted((w["id"], w["version"], w["status"]) for w in hooks.json()["items"]),
            "sharing": sharing.headers["ETag"],
        }


def build_world(stack: Stack) -> World:
    """Sign both organisations up and wait until every service has seen organisation A."""
    world = World(stack)
    identity = stack.http["identity"]
    tag = uuid.uuid4().hex[:8]

    admin = new_person("Alpha Admin", "physician")
    org = ok(identity.post("/v1/orgs", json={"name": f"Alpha Clinic {tag}", "admin": admin})).json()
    world.org_id, world.org_name = org["org"]["id"], org["org"]["name"]
    world.user_ids[ORG_ADMIN] = org["admin"]["id"]
    world.headers[ORG_ADMIN] = world.sign_in(admin["email"])
    world.headers[ANONYMOUS] = {}
    world.headers[OPERATOR] = {"X-Operator-Key": OPERATOR_KEY}
    people = {ORG_ADMIN: admin}
    for principal, roles in (
        (ANALYST, ["analyst"]),
        (MEMBER, ["member"]),
        (TEAM_LEAD, ["member"]),
        (TEAM_MEMBER, ["member"]),
    ):
        someone = new_person(f"Alpha {principal.replace('_', ' ')}")
        created = ok(
            world.admin("identity", "POST", "/v1/users", json={**someone, "org_roles": roles})
        )
        world.user_ids[principal] = created.json()["id"]
        world.headers[principal] = world.sign_in(someone["email"])
        people[principal] = someone
    respondents: list[dict[str, str]] = []
    for n in range(RESPONDENTS - 2):
        someone = new_person(f"Alpha Respondent {n}")
        world.respondent_ids.append(
            ok(world.admin("identity", "POST", "/v1/users", json=someone)).json()["id"]
        )
        respondents.append(someone)
    for principal, scopes in (
        (CLIENT_SCOPED, ("fhir:read", "dashboards:read")),
        (CLIENT_UNSCOPED, ("events:read",)),
        (CLIENT_SCIM, ("scim",)),
    ):
        client_id, secret = world.new_client(scopes)
        world.client_ids[principal] = client_id
        world.headers[principal] = world.client_sign_in(client_id, secret)

    stranger = new_person("Bravo Admin")
    bravo = ok(identity.post("/v1/orgs", json={"name": f"Bravo Care {tag}", "admin": stranger}))
    world.stranger_org_id = bravo.json()["org"]["id"]
    world.stranger = world.sign_in(stranger["email"])
    login = new_person("Public Login")
    ok(identity.post("/v1/orgs", json={"name": f"Public {tag}", "admin": login}))
    world.public_login = login

    # The team, its charter and members: lead, team member and the other respondents.
    team_name = f"Alpha Team {tag}"
    team = ok(world.admin("teams", "POST", "/v1/teams", json={"name": team_name})).json()
    world.team_id = team["id"]
    world.add_member(world.team_id, world.user_ids[TEAM_LEAD], "clinical_lead")
    world.add_member(world.team_id, world.user_ids[TEAM_MEMBER], "nurse")
    for user_id in world.respondent_ids:
        world.add_member(world.team_id, user_id, "nurse")
    chartered = ok(
        world.admin("teams", "PUT", f"/v1/teams/{world.team_id}/charter", json=charter())
    )
    world.goal_id = chartered.json()["goals"][0]["id"]
    world.action_id = world.new_action()
    world.meeting_id = world.new_meeting()
    world.instrument_id = ok(
        world.admin("assessments", "POST", "/v1/instruments", json=instrument(f"org.alpha_{tag}"))
    ).json()["id"]

    # A campaign everyone on the team answers (assessments learns the team from its events).
    def everyone_eligible() -> bool:
        opened = world.admin(
            "assessments",
            "POST",
            "/v1/campaigns",
            json={
                "team_id": world.team_id,
                "instrument_id": PULSE,
                "title": f"Alpha Pulse {tag}",
                "closes_at": (datetime.now(UTC) + timedelta(days=7)).isoformat(),
            },
        )
        if opened.status_code == 404:  # the team has not reached assessments yet
            return False
        campaign = ok(opened).json()
        if campaign["participation"]["eligible"] == RESPONDENTS:
            world.campaign_id = campaign["id"]
            return True
        ok(world.admin("assessments", "POST", f"/v1/campaigns/{campaign['id']}/close"))
        return False

    wait_for("assessments to know every member", everyone_eligible, every_s=0.5)
    answerers = [world.headers[TEAM_LEAD], world.headers[TEAM_MEMBER]]
    answerers += [world.sign_in(p["email"]) for p in respondents]
    for n, headers in enumerate(answerers):
        answered = ok(
            world.call(
                "assessments",
                "POST",
                f"/v1/campaigns/{world.campaign_id}/responses",
                headers,
                json={"answers": pulse_answers(3 + n % 2), "comment": f"Alpha remark {n}"},
            )
        )
        if n == 1:
            world.response_id = answered.json()["response_id"]
    ok(world.admin("assessments", "POST", f"/v1/campaigns/{world.campaign_id}/close"))
    world.open_campaign_id = world.new_campaign()

    # Insights: the team, its roster and the closed campaign's morale.
    def projected() -> bool:
        for principal in (TEAM_LEAD, TEAM_MEMBER):
            board = world.call(
                "insights", "GET", f"/v1/teams/{world.team_id}/dashboard", world.headers[principal]
            )
            if board.status_code != 200 or board.json()["morale"]["value"] is None:
                return False
        return True

    wait_for("insights to project organisation A", projected, timeout_s=120)
    world.subscription_id = world.new_subscription()
    world.delivery_id = world.new_dead_delivery(world.subscription_id)

    world.secrets = {
        world.org_id,
        world.org_name,
        world.team_id,
        team_name,
        world.goal_id,
        world.action_id,
        world.meeting_id,
        world.instrument_id,
        world.campaign_id,
        world.open_campaign_id,
        world.response_id,
        world.subscription_id,
        f"Alpha Pulse {tag}",
        *world.user_ids.values(),
        *world.respondent_ids,
        *world.client_ids.values(),
        *(p["email"] for p in (*people.values(), *respondents)),
        *(p["display_name"] for p in (*people.values(), *respondents)),
    }
    return world
