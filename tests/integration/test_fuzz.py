"""Schemathesis against the four OpenAPI documents, authenticated: no 5xx, ever, and every
response conforms to its documented schema and content type.

Stateless: every operation of every service on its own. Stateful: for teams and assessments,
sequences that follow OpenAPI links added here to the documents (create a team, add a member,
change their role, revise the charter; open a campaign, respond, close it), so the fuzzer reaches
resources that exist instead of answering 404s."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case, Response
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from huddle_devtools.devinfra.selection import Infrastructure, free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.processes import ServiceProcess
from huddle_devtools.testing.tokens import TestSigner

SERVICES = ("identity", "teams", "assessments", "insights", "integrations")
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
FUZZ = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
STATEFUL = settings(
    max_examples=15,
    stateful_step_count=10,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
PULSE = "huddle-team-pulse-v1"
PULSE_ANSWERS = {"energy": 4, "recognition": 3, "workload": 2, "pride": 5, "recommend": 4}


@pytest.fixture(scope="module")
def processes(
    infra: Infrastructure,
    databases: DatabaseFactory,
    signer: TestSigner,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, ServiceProcess]]:
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
    log_dir: Path = tmp_path_factory.mktemp("fuzz-logs")
    prefix = f"f{uuid.uuid4().hex[:8]}."
    started = {}
    try:
        for name in SERVICES:
            env = {
                "HUDDLE_ENVIRONMENT": "test",
                "HUDDLE_DATABASE_URL": databases.create(name, migrations[name]),
                "HUDDLE_KAFKA_BOOTSTRAP": infra.kafka_bootstrap,
                "HUDDLE_TOPIC_PREFIX": prefix,
                "HUDDLE_JWKS_URL": signer.jwks_url,
                "HUDDLE_ARGON2_TIME_COST": "1",
                "HUDDLE_ARGON2_MEMORY_KIB": "8192",
                # the feed's long poll: generated `wait` values must not make the run crawl
                "HUDDLE_FEED_MAX_WAIT_S": "0.5",
            }
            process = ServiceProcess(name, port=free_port(), env=env, log_dir=log_dir)
            process.start(wait_ready=False)
            started[name] = process
        for process in started.values():
            process.wait_ready(timeout_s=90)
        yield started
    finally:
        for process in started.values():
            process.stop()


@pytest.fixture(scope="module")
def tenant(processes: dict[str, ServiceProcess]) -> dict[str, str]:
    """An organisation with its first admin, signed in to identity."""
    admin = {
        "email": f"fuzz.{uuid.uuid4().hex[:8]}@example.org",
        "password": "correct horse battery staple",
        "display_name": "Fuzz Admin",
        "profession": "other",
    }
    base = processes["identity"].url
    created = httpx.post(f"{base}/v1/orgs", json={"name": "Fuzz", "admin": admin}, timeout=30)
    assert created.status_code == 201, created.text
    token = httpx.post(
        f"{base}/v1/auth/token",
        data={"grant_type": "password", "username": admin["email"], "password": admin["password"]},
        timeout=30,
    ).json()["access_token"]
    return {
        "org_id": created.json()["org"]["id"],
        "admin_id": created.json()["admin"]["id"],
        "identity_token": token,
    }


@pytest.fixture(scope="module")
def auth(tenant: dict[str, str], signer: TestSigner) -> dict[str, dict[str, str]]:
    """An org admin per service: identity's own token for identity, the test key elsewhere."""
    others = signer.headers(org_id=tenant["org_id"], roles=["org_admin", "analyst"])
    return {
        name: {"Authorization": f"Bearer {tenant['identity_token']}"}
        if name == "identity"
        else others
        for name in SERVICES
    }


def fuzz(name: str, processes: dict[str, ServiceProcess], headers: dict[str, str]) -> None:
    """Every operation of the service's OpenAPI document, with generated valid and invalid
    inputs; collects every failing operation before failing, so one run names them all."""
    base_url = processes[name].url
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    failures: dict[str, str] = {}
    operations = 0
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"the OpenAPI document has an invalid operation: {result}"
        operation = result.ok()
        operations += 1

        @FUZZ
        @given(case=operation.as_strategy())
        def check(case: Any) -> None:
            case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS, timeout=30)

        try:
            check()
        except Exception as exc:  # a Schemathesis failure group, or an assertion
            failures[operation.label] = f"{type(exc).__name__}: {str(exc)[:2000]}"
    assert operations > 0
    assert failures == {}, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())


@pytest.mark.parametrize("service", SERVICES)
def test_no_operation_answers_5xx_or_breaks_its_schema(
    service: str, processes: dict[str, ServiceProcess], auth: dict[str, dict[str, str]]
) -> None:
    fuzz(service, processes, auth[service])


# Links added to the documents for the stateful runs: (method, path, status) of the producing
# operation -> link name -> (method, path) of the consumer and how its parameters are found.
Links = dict[tuple[str, str, str], dict[str, tuple[str, str, dict[str, str]]]]
TEAM = "/v1/teams/{team_id}"
MEMBER = "/v1/teams/{team_id}/members/{user_id}"
TEAM_LINKS: Links = {
    ("post", "/v1/teams", "201"): {
        "AddMember": ("post", f"{TEAM}/members", {"team_id": "$response.body#/id"}),
        "ReviseCharter": ("put", f"{TEAM}/charter", {"team_id": "$response.body#/id"}),
        "UpdateTeam": ("patch", TEAM, {"team_id": "$response.body#/id"}),
    },
    ("post", f"{TEAM}/members", "201"): {
        "ChangeRole": (
            "put",
            f"{MEMBER}/role",
            {"team_id": "$request.path.team_id", "user_id": "$request.body#/user_id"},
        ),
        "RemoveMember": (
            "delete",
            MEMBER,
            {"team_id": "$request.path.team_id", "user_id": "$request.body#/user_id"},
        ),
    },
    ("put", f"{MEMBER}/role", "200"): {
        "ReviseCharter": ("put", f"{TEAM}/charter", {"team_id": "$request.path.team_id"}),
        "ReadHistory": ("get", f"{TEAM}/history", {"team_id": "$request.path.team_id"}),
    },
    ("put", f"{TEAM}/charter", "200"): {
        "ReviewCharter": ("post", f"{TEAM}/charter/reviews", {"team_id": "$request.path.team_id"}),
    },
}
CAMPAIGN = "/v1/campaigns/{campaign_id}"
CAMPAIGN_LINKS: Links = {
    ("post", "/v1/campaigns", "201"): {
        "Respond": ("post", f"{CAMPAIGN}/responses", {"campaign_id": "$response.body#/id"}),
        "ChangeSettings": ("patch", CAMPAIGN, {"campaign_id": "$response.body#/id"}),
        "Close": ("post", f"{CAMPAIGN}/close", {"campaign_id": "$response.body#/id"}),
    },
    ("post", f"{CAMPAIGN}/responses", "201"): {
        "MyResponse": (
            "get",
            f"{CAMPAIGN}/responses/me",
            {"campaign_id": "$request.path.campaign_id"},
        ),
        "ChangeSettings": ("patch", CAMPAIGN, {"campaign_id": "$request.path.campaign_id"}),
        "Close": ("post", f"{CAMPAIGN}/close", {"campaign_id": "$request.path.campaign_id"}),
    },
}


def linked_schema(base_url: str, links: Links) -> Any:
    """The service's OpenAPI document with ``links`` added to the producing responses."""
    document = httpx.get(f"{base_url}/openapi.json", timeout=30).json()
    paths = document["paths"]
    for (method, path, status), named in links.items():
        response = paths[path][method]["responses"][status]
        response["links"] = {
            name: {"operationId": paths[to_path][to_method]["operationId"], "parameters": params}
            for name, (to_method, to_path, params) in named.items()
        }
    schema = schemathesis.openapi.from_dict(document)
    # Only the links above: links Schemathesis infers (e.g. from list responses) depend on what
    # earlier examples left in the database, and a rule set that changes between examples makes
    # Hypothesis fail with FlakyStrategyDefinition.
    schema.config.phases.stateful.inference.algorithms = []
    return schema


def run_statefully(
    schema: Any,
    base_url: str,
    headers: dict[str, str],
    adjust: Any,
    budget: settings = STATEFUL,
) -> list[tuple[str, int]]:
    """Run the schema's state machine with the checks above; returns every (operation, status)
    seen, so the caller can tell the scenarios went past the first call."""
    seen: list[tuple[str, int]] = []

    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def before_call(self, case: Case[Any]) -> None:
            # A generated If-Match (a version guess) or Authorization only earns a 412 or a 401,
            # and the stateless run covers those; here the scenarios should get somewhere.
            # A generated Idempotency-Key is replaced by a fresh one: reused across examples it
            # would replay (or refuse) an earlier request, so the same draws would meet different
            # answers and Hypothesis would fail with FlakyStrategyDefinition.
            for name in list(case.headers or {}):
                if name.lower() in ("if-match", "authorization"):
                    del case.headers[name]
                elif name.lower() == "idempotency-key":
                    case.headers[name] = str(uuid.uuid4())
            adjust(case)

        def get_call_kwargs(self, case: Case[Any]) -> dict[str, Any]:
            return {"base_url": base_url, "headers": headers, "timeout": 30}

        def after_call(self, response: Response, case: Case[Any]) -> None:
            seen.append((f"{case.method} {case.path}", response.status_code))

        def validate_response(
            self, response: Response, case: Case[Any], *args: Any, **kwargs: Any
        ) -> None:
            case.validate_response(response, checks=CHECKS, headers=headers)

    Workflow.run(settings=budget)
    return seen


def succeeded(seen: list[tuple[str, int]], operation: str) -> bool:
    return any(label == operation and 200 <= status < 300 for label, status in seen)


def tally(seen: list[tuple[str, int]]) -> str:
    return "\n".join(f"{n:3} {label} -> {status}" for (label, status), n in Counter(seen).items())


def test_team_workflows_never_answer_5xx_or_break_their_schema(
    processes: dict[str, ServiceProcess],
    tenant: dict[str, str],
    auth: dict[str, dict[str, str]],
) -> None:
    base_url = processes["teams"].url
    wait_until_teams_know(base_url, auth["teams"], tenant["admin_id"])

    def adjust(case: Case[Any]) -> None:
        # The only person teams can add is one identity has announced: the org's admin.
        if case.path == f"{TEAM}/members" and isinstance(case.body, dict):
            case.body["user_id"] = tenant["admin_id"]

    seen = run_statefully(linked_schema(base_url, TEAM_LINKS), base_url, auth["teams"], adjust)
    # The scenarios went past creation: a member was added to a team created in the scenario.
    assert succeeded(seen, "POST /v1/teams"), tally(seen)
    assert succeeded(seen, f"POST {TEAM}/members"), tally(seen)


def test_campaign_workflows_never_answer_5xx_or_break_their_schema(
    processes: dict[str, ServiceProcess],
    tenant: dict[str, str],
    campaign_team: str,
    signer: TestSigner,
) -> None:
    base_url = processes["assessments"].url
    team_id = campaign_team
    # The admin answers too: a member of the team, so eligible in every campaign opened now.
    headers = signer.headers(
        org_id=tenant["org_id"], subject=tenant["admin_id"], roles=["org_admin", "analyst"]
    )
    wait_until_campaigns_can_open(base_url, headers, team_id)

    def adjust(case: Case[Any]) -> None:
        if not isinstance(case.body, dict):
            return
        if case.path == "/v1/campaigns" and case.method == "POST":
            # A real team, a real instrument and a window that is open now; the rest is fuzzed.
            case.body.update(
                team_id=team_id,
                instrument_id=PULSE,
                closes_at=(datetime.now(UTC) + timedelta(days=7)).isoformat(),
            )
            case.body.pop("opens_at", None)
        if case.path == f"{CAMPAIGN}/responses":
            case.body["answers"] = dict(PULSE_ANSWERS)

    # More scenarios than for teams: a campaign's interesting calls all hang off one link.
    budget = settings(STATEFUL, max_examples=30)
    seen = run_statefully(
        linked_schema(base_url, CAMPAIGN_LINKS), base_url, headers, adjust, budget
    )
    # The scenarios went past opening: campaigns opened in them took responses and were closed.
    assert succeeded(seen, "POST /v1/campaigns"), tally(seen)
    assert succeeded(seen, f"POST {CAMPAIGN}/responses"), tally(seen)
    assert succeeded(seen, f"POST {CAMPAIGN}/close"), tally(seen)


def eventually(what: str, attempt: Any, timeout_s: float = 90) -> Any:
    """Retry ``attempt`` until it returns something truthy (events cross services via Kafka)."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = attempt()
        if result:
            return result
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)


def wait_until_teams_know(base_url: str, headers: dict[str, str], user_id: str) -> None:
    team = httpx.post(
        f"{base_url}/v1/teams", json={"name": "Probe"}, headers=headers, timeout=30
    ).json()["id"]

    def add() -> bool:
        added = httpx.post(
            f"{base_url}/v1/teams/{team}/members",
            json={"user_id": user_id, "role": "nurse"},
            headers=headers,
            timeout=30,
        )
        return added.status_code == 201

    eventually("teams to learn of the admin from identity", add)


@pytest.fixture(scope="module")
def campaign_team(
    processes: dict[str, ServiceProcess],
    tenant: dict[str, str],
    auth: dict[str, dict[str, str]],
) -> str:
    """A team whose one member is the admin."""
    base = processes["teams"].url
    headers = auth["teams"]
    wait_until_teams_know(base, headers, tenant["admin_id"])
    team = httpx.post(
        f"{base}/v1/teams", json={"name": "Campaign team"}, headers=headers, timeout=30
    )
    assert team.status_code == 201, team.text
    team_id: str = team.json()["id"]
    added = httpx.post(
        f"{base}/v1/teams/{team_id}/members",
        json={"user_id": tenant["admin_id"], "role": "clinical_lead"},
        headers=headers,
        timeout=30,
    )
    assert added.status_code == 201, added.text
    return team_id


def wait_until_campaigns_can_open(base_url: str, headers: dict[str, str], team_id: str) -> None:
    """Until assessments knows the team and its member (from teams' events on Kafka)."""

    def open_one() -> bool:
        opened = httpx.post(
            f"{base_url}/v1/campaigns",
            json={
                "team_id": team_id,
                "instrument_id": PULSE,
                "closes_at": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
            },
            headers=headers,
            timeout=30,
        )
        return opened.status_code == 201 and opened.json()["participation"]["eligible"] >= 1

    eventually("assessments to learn of the team and its member", open_one)


NUL_BODIES = [
    ("teams", "/v1/teams", {"name": "Team\u0000A"}),
    ("teams", "/v1/teams", {"name": "Team A", "description": "a\u0000b"}),
    (
        "identity",
        "/v1/orgs",
        {
            "name": "Org\u0000",
            "admin": {
                "email": "nul@example.org",
                "password": "correct horse battery staple",
                "display_name": "Nul",
                "profession": "other",
            },
        },
    ),
]


@pytest.mark.parametrize("idempotent", [False, True], ids=["plain", "idempotency-key"])
@pytest.mark.parametrize(("service", "path", "body"), NUL_BODIES)
def test_a_nul_character_in_text_is_refused_not_a_500(
    service: str,
    path: str,
    body: dict[str, Any],
    idempotent: bool,
    processes: dict[str, ServiceProcess],
    auth: dict[str, dict[str, str]],
) -> None:
    """JSON allows U+0000 in a string, PostgreSQL text and jsonb do not: the first stateful run
    met a 500 for a team name holding one. The answer must be a 4xx, whichever column or jsonb
    document (event, idempotency record) refuses it first."""
    headers = dict(auth[service])
    if idempotent:
        headers["Idempotency-Key"] = str(uuid.uuid4())
    if service == "identity":
        body = {**body, "admin": {**body["admin"], "email": f"nul.{uuid.uuid4().hex[:8]}@ex.org"}}
    answer = httpx.post(f"{processes[service].url}{path}", json=body, headers=headers, timeout=30)
    assert answer.status_code < 500, answer.text


def test_a_client_name_that_trims_to_nothing_is_refused_not_a_500(
    processes: dict[str, ServiceProcess], auth: dict[str, dict[str, str]]
) -> None:
    """Found by the Client properties: the request body trims Unicode whitespace, which U+001F
    is not, but the domain's str.strip removes it, leaving the event model an empty name."""
    answer = httpx.post(
        f"{processes['identity'].url}/v1/clients",
        json={"name": "\u001f", "scopes": ["events:read"]},
        headers=auth["identity"],
        timeout=30,
    )
    assert answer.status_code == 422, answer.text
