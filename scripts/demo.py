"""`make demo`: a realistic organisation, created through the public APIs only, with the
generated Python client (clients/python, `huddle_client`) so that the demo is also a check that
the contract is usable.

Four interprofessional teams, about thirty people, role changes, charters and reviews, and
several campaigns per team, so the dashboards have something to say: Riverside is doing well,
Eastside is sliding into high burnout risk, and Harbor Street is too small for its survey
results to be shown at all (the suppression rule at work).
"""

from __future__ import annotations

import os
import random
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import httpx
from huddle_client import assessments, identity, insights, integrations, teams
from huddle_client.assessments.api.campaigns import close_campaign, open_campaign
from huddle_client.assessments.api.instruments import list_instruments, read_instrument
from huddle_client.assessments.api.responses import submit_campaign_response
from huddle_client.assessments.models import (
    CampaignCreate,
    CampaignOut,
    InstrumentOut,
    InstrumentPage,
    ResponseCreate,
    ResponseCreateAnswers,
    ResponseReceipt,
)
from huddle_client.identity.api.integration_clients import create_client
from huddle_client.identity.api.organisations import create_org
from huddle_client.identity.api.people import create_user
from huddle_client.identity.api.sign_in import issue_token
from huddle_client.identity.models import (
    ClientCreate,
    ClientCreated,
    OrgCreate,
    OrgCreated,
    PersonIn,
    TokenRequest,
    TokenResponse,
    UserCreate,
    UserOut,
)
from huddle_client.identity.models.profession import Profession
from huddle_client.insights.api.dashboards import read_org_dashboard
from huddle_client.insights.models import OrgDashboard
from huddle_client.integrations.api.event_feed import list_integration_events
from huddle_client.teams.api.actions import (
    change_team_action_status,
    check_in_on_team_action,
    create_team_action,
)
from huddle_client.teams.api.charter import record_charter_review, revise_team_charter
from huddle_client.teams.api.membership import (
    add_team_member,
    change_member_role,
    remove_team_member,
)
from huddle_client.teams.api.teams import create_team
from huddle_client.teams.models import (
    ActionCreate,
    ActionOut,
    ActionStatusIn,
    CharterIn,
    CharterOut,
    CharterRoleIn,
    CheckInIn,
    GoalIn,
    MemberAdd,
    MemberRoleChange,
    PromptIn,
    ReviewIn,
    TeamCreate,
    TeamOut,
)
from huddle_client.teams.models.care_setting import CareSetting
from huddle_client.teams.models.team_role import TeamRole

T = TypeVar("T")
TIMEOUT = httpx.Timeout(30.0)


def service_url(name: str, default_port: int) -> str:
    """HUDDLE_<NAME>_URL, else the port `make up` reads (HUDDLE_<NAME>_PORT) on this machine."""
    port = os.environ.get(f"HUDDLE_{name}_PORT") or default_port
    return os.environ.get(f"HUDDLE_{name}_URL") or f"http://127.0.0.1:{port}"


IDENTITY = service_url("IDENTITY", 8001)
TEAMS = service_url("TEAMS", 8002)
ASSESSMENTS = service_url("ASSESSMENTS", 8003)
INSIGHTS = service_url("INSIGHTS", 8004)
INTEGRATIONS = service_url("INTEGRATIONS", 8005)
CONSOLE = service_url("CONSOLE", 8080)
PASSWORD = "demo: riverside rounds 2026"  # noqa: S105 - a demo account on a local stack
# Each run makes a new organisation (a tenant of its own; its name and every address carry the
# run), so a second `make demo` works beside the first instead of failing on taken addresses
# or adding to the first one's numbers.
RUN = uuid.uuid4().hex[:6]

# name, profession
PEOPLE: dict[str, list[tuple[str, Profession]]] = {
    "riverside": [
        ("Amara Okafor", "physician"),
        ("Lena Park", "nurse"),
        ("Tomás Reyes", "pharmacist"),
        ("Grace Liu", "social_worker"),
        ("Sam Rivera", "medical_assistant"),
        ("Noor Haddad", "nurse_practitioner"),
        ("Ines Duarte", "front_desk"),
        ("Kofi Mensah", "behavioral_health"),
        ("Ruth Cohen", "patient_partner"),
    ],
    "northgate": [
        ("Priya Nair", "physician"),
        ("Jonas Berg", "nurse"),
        ("Mei Tanaka", "nurse"),
        ("Daniel Osei", "pharmacist"),
        ("Fatima Zahra", "social_worker"),
        ("Olivia Brown", "medical_assistant"),
        ("Luis Ortega", "front_desk"),
        ("Hannah Weiss", "care_coordinator"),
    ],
    "eastside": [
        ("Marcus Lee", "physician"),
        ("Aisha Bello", "nurse"),
        ("Chen Wei", "nurse"),
        ("Sofia Rossi", "pharmacist"),
        ("Yusuf Demir", "social_worker"),
        ("Emma Walsh", "medical_assistant"),
        ("Raj Patel", "behavioral_health"),
        ("Clara Novak", "front_desk"),
        ("Ivan Petrov", "nurse"),
        ("Zoe Carter", "care_coordinator"),
    ],
    "harbor": [
        ("Ben Adler", "physician"),
        ("Lucia Moreno", "nurse"),
        ("Ada Eze", "medical_assistant"),
        ("Theo Martin", "front_desk"),
    ],
}
TEAM_INFO: dict[str, tuple[str, CareSetting]] = {
    "riverside": ("Riverside Family Practice", "primary_care_clinic"),
    "northgate": ("Northgate Ambulatory Care", "ambulatory_care"),
    "eastside": ("Eastside Community Health Team", "community_health"),
    "harbor": ("Harbor Street Clinic", "primary_care_clinic"),
}
ROLE_FOR: dict[Profession, TeamRole] = {
    "physician": "physician",
    "nurse": "nurse",
    "pharmacist": "clinical_pharmacist",
    "social_worker": "social_worker",
    "medical_assistant": "medical_assistant",
    "nurse_practitioner": "nurse_practitioner",
    "front_desk": "front_desk",
    "behavioral_health": "behavioral_health",
    "patient_partner": "patient_partner",
    "care_coordinator": "care_coordinator",
}
# How each team feels: a centre for 1-5 agreement items (higher is better), per campaign round.
MOOD = {
    "riverside": [4.2, 4.4],
    "northgate": [3.6, 3.7],
    "eastside": [3.2, 1.9],
    "harbor": [3.5, 3.4],
}


@dataclass
class Person:
    name: str
    profession: Profession
    email: str
    id: str = ""
    token: str = ""


def ok(result: object, kind: type[T], what: str) -> T:
    """The answer when it is what was asked for; else the problem the service sent, and exit."""
    if isinstance(result, kind):
        return result
    detail = getattr(result, "detail", None) or getattr(result, "title", None) or result
    sys.exit(f"demo: could not {what}: {detail}")


def wait_ready() -> None:
    deadline = time.monotonic() + 120
    for url in (IDENTITY, TEAMS, ASSESSMENTS, INSIGHTS, INTEGRATIONS):
        while True:
            try:
                if httpx.get(f"{url}/health/ready", timeout=3).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                sys.exit(f"demo: {url} is not ready; start the stack with `make up`")
            time.sleep(1)


class Clients:
    """One client per service for the person signed in (or for nobody)."""

    def __init__(self, token: str) -> None:
        self.identity = identity.AuthenticatedClient(IDENTITY, token=token, timeout=TIMEOUT)
        self.teams = teams.AuthenticatedClient(TEAMS, token=token, timeout=TIMEOUT)
        self.assessments = assessments.AuthenticatedClient(
            ASSESSMENTS, token=token, timeout=TIMEOUT
        )
        self.insights = insights.AuthenticatedClient(INSIGHTS, token=token, timeout=TIMEOUT)
        self.integrations = integrations.AuthenticatedClient(
            INTEGRATIONS, token=token, timeout=TIMEOUT
        )


ANONYMOUS = identity.Client(IDENTITY, timeout=TIMEOUT)


def sign_in(person: Person) -> Clients:
    if not person.token:
        form = TokenRequest(grant_type="password", username=person.email, password=PASSWORD)
        answer = issue_token.sync(client=ANONYMOUS, body=form)
        person.token = ok(answer, TokenResponse, f"sign in as {person.email}").access_token
    return Clients(person.token)


def clamp(x: float) -> int:
    return max(1, min(5, round(x)))


def answers(instrument: InstrumentOut, centre: float, rng: random.Random) -> ResponseCreateAnswers:
    definition = instrument.definition
    low, high = definition.scale.min_, definition.scale.max_
    result = ResponseCreateAnswers()
    for item in definition.items:
        if definition.kind == "burnout_single_item":
            value = clamp(6 - centre + rng.uniform(-1, 1))  # low mood, more burnout
        else:
            spread = (high - low) / 4
            target = low + (centre - 1) / 4 * (high - low)
            if item.reverse_scored:
                target = low + high - target
            value = max(low, min(high, round(target + rng.uniform(-spread, spread))))
        result[item.id] = value
    return result


def email_of(name: str) -> str:
    slug = name.lower().replace(" ", ".").encode("ascii", "ignore").decode()
    return f"{slug}.{RUN}@riverside-demo.example"


def create_people(admin: Person, api: Clients) -> tuple[dict[str, list[Person]], Person]:
    people: dict[str, list[Person]] = {}
    for team_key, members in PEOPLE.items():
        people[team_key] = []
        for name, profession in members:
            if name == admin.name:
                people[team_key].append(admin)
                continue
            person = Person(name, profession, email_of(name))
            form = UserCreate(
                email=person.email, password=PASSWORD, display_name=name, profession=profession
            )
            made = create_user.sync(client=api.identity, body=form)
            person.id = ok(made, UserOut, f"add {name}").id
            people[team_key].append(person)
    analyst = Person("Jo Analyst", "other", email_of("Jo Analyst"))
    form = UserCreate(
        email=analyst.email,
        password=PASSWORD,
        display_name=analyst.name,
        profession="other",
        org_roles=["analyst"],
    )
    analyst.id = ok(create_user.sync(client=api.identity, body=form), UserOut, "add the analyst").id
    return people, analyst


CHARTER = CharterIn(
    vision="Every patient knows who to call; every colleague feels heard.",
    goals=[
        GoalIn(
            title="Same-day access for urgent needs",
            measure="90 % seen same day",
            due_date=date.today() + timedelta(days=120),
        ),
        GoalIn(
            title="Medication reconciliation at every transition",
            measure="reconciled within 48 h",
            due_date=date.today() + timedelta(days=180),
        ),
    ],
    norms=["Start huddles on time", "Speak up early", "Assume good intent"],
    roles=[
        CharterRoleIn(role="clinical_lead", responsibilities=["runs the huddle"]),
        CharterRoleIn(role="clinical_pharmacist", responsibilities=["leads medication reviews"]),
    ],
)


def add_member(api: Clients, team_id: uuid.UUID, person: Person, role: TeamRole) -> None:
    form = MemberAdd(user_id=uuid.UUID(person.id), role=role)
    for _attempt in range(30):
        added = add_team_member.sync_detailed(team_id, client=api.teams, body=form)
        if added.status_code != 422 or b"not" not in added.content:
            break
        time.sleep(1)  # the user directory may still be catching up
    ok(added.parsed, TeamOut, f"add {person.name} to the team")


def create_teams(api: Clients, people: dict[str, list[Person]]) -> dict[str, uuid.UUID]:
    made: dict[str, uuid.UUID] = {}
    for key, (name, setting) in TEAM_INFO.items():
        form = TeamCreate(
            name=name, care_setting=setting, description="Demo team created by `make demo`"
        )
        team = ok(create_team.sync(client=api.teams, body=form), TeamOut, f"create {name}")
        team_id = uuid.UUID(team.id)
        made[key] = team_id
        for index, person in enumerate(people[key]):
            role: TeamRole = "clinical_lead" if index == 0 else ROLE_FOR[person.profession]
            add_member(api, team_id, person, role)
        if key != "eastside":  # Eastside never agreed a charter: a driver of its risk
            charter = revise_team_charter.sync(team_id, client=api.teams, body=CHARTER)
            ok(charter, CharterOut, f"agree the charter of {name}")
            review = ReviewIn(outcome="reaffirmed", notes="Quarterly review")
            reviewed = record_charter_review.sync(team_id, client=api.teams, body=review)
            ok(reviewed, CharterOut, f"review the charter of {name}")
    # Eastside churns: two role changes and a departure this quarter.
    east = people["eastside"]
    changes: list[tuple[Person, TeamRole]] = [
        (east[1], "care_coordinator"),
        (east[2], "clinical_lead"),
    ]
    for person, new_role in changes:
        change = MemberRoleChange(
            role=new_role, reason="covering a vacancy", effective_date=date.today()
        )
        changed = change_member_role.sync(
            made["eastside"], uuid.UUID(person.id), client=api.teams, body=change
        )
        ok(changed, TeamOut, f"change the role of {person.name}")
    removed = remove_team_member.sync_detailed(
        made["eastside"], uuid.UUID(east[6].id), client=api.teams
    )
    if removed.status_code != 204:
        sys.exit(f"demo: could not remove {east[6].name}: {removed.content[:300]!r}")
    return made


# What each team agreed to do about its results: (driver, title, owner's index, how far it got).
ACTIONS: list[tuple[str, str, int, str]] = [
    ("burnout_share", "Protect a 30-minute lunch break on clinic days", 1, "in_progress"),
    ("psychological_safety", "Open each huddle with one thing that went wrong", 2, "done"),
]


def agree_actions(api: Clients, people: dict[str, list[Person]], made: dict[str, uuid.UUID]) -> int:
    """Actions prompted by the dashboards' drivers, owned, checked in on, some of them done."""
    count = 0
    for key, team_id in made.items():
        plan = [
            ("stale_charter", "Agree a first charter at the next retrospective", 0, "committed")
        ]
        for driver, title, owner, reached in ACTIONS if key != "eastside" else plan:
            form = ActionCreate(
                title=title,
                why=f"The team dashboard names {driver.replace('_', ' ')} as a driver",
                owners=[uuid.UUID(people[key][owner].id)],
                due_date=date.today() + timedelta(days=42),
                prompted_by=PromptIn(kind="driver", driver=driver),  # type: ignore[arg-type]
            )
            created = create_team_action.sync(team_id, client=api.teams, body=form)
            action = ok(created, ActionOut, f"agree '{title}'")
            action_id = uuid.UUID(action.id)
            for status in ("in_progress", "done")[
                : ("committed", "in_progress", "done").index(reached)
            ]:
                if status == "done":
                    note = CheckInIn(note="Tried for two weeks; the team wants to keep it")
                    checked = check_in_on_team_action.sync(
                        team_id, action_id, client=api.teams, body=note
                    )
                    ok(checked, ActionOut, f"check in on '{title}'")
                moved = change_team_action_status.sync(
                    team_id,
                    action_id,
                    client=api.teams,
                    body=ActionStatusIn(status=status),  # type: ignore[arg-type]
                )
                ok(moved, ActionOut, f"move '{title}' to {status}")
            count += 1
    return count


ROUNDS = [
    ("huddle-team-pulse-v1", 0),
    ("huddle-single-item-burnout-v1", 0),
    ("huddle-psychological-safety-v1", 0),
    ("huddle-teamwork-v1", 0),
    ("huddle-relational-leadership-v1", 0),
    ("huddle-team-pulse-v1", 1),
    ("huddle-single-item-burnout-v1", 1),
]


def run_campaigns(
    api: Clients,
    people: dict[str, list[Person]],
    made: dict[str, uuid.UUID],
    rng: random.Random,
) -> None:
    page = ok(list_instruments.sync(client=api.assessments, limit=200), InstrumentPage, "list")
    instruments = {
        summary.id: ok(
            read_instrument.sync(summary.id, client=api.assessments),
            InstrumentOut,
            f"read the instrument {summary.id}",
        )
        for summary in page.items
    }
    leaver = people["eastside"][6]
    for key, team_id in made.items():
        respondents = [p for p in people[key] if p is not leaver]
        for instrument_id, round_ in ROUNDS:
            form = CampaignCreate(
                team_id=str(team_id),
                instrument_id=instrument_id,
                closes_at=datetime.now(UTC) + timedelta(days=14),
            )
            opened = open_campaign.sync(client=api.assessments, body=form)
            campaign = ok(opened, CampaignOut, f"open {instrument_id}")
            centre = MOOD[key][round_]
            turnout = 0.7 if key == "eastside" and round_ == 1 else 0.9
            for person in respondents:
                if rng.random() > turnout:
                    continue
                answer = ResponseCreate(answers=answers(instruments[instrument_id], centre, rng))
                receipt = submit_campaign_response.sync(
                    uuid.UUID(campaign.id), client=sign_in(person).assessments, body=answer
                )
                ok(receipt, ResponseReceipt, f"answer as {person.name}")
            closed = close_campaign.sync(uuid.UUID(campaign.id), client=api.assessments)
            ok(closed, CampaignOut, f"close {instrument_id}")


def ready_dashboard(api: Clients, org_id: uuid.UUID) -> OrgDashboard:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        board = read_org_dashboard.sync(org_id, client=api.insights)
        if (
            isinstance(board, OrgDashboard)
            and len(board.teams) == len(TEAM_INFO)
            and all(t.participation for t in board.teams)
        ):
            return board
        time.sleep(2)
    board = read_org_dashboard.sync(org_id, client=api.insights)
    return ok(board, OrgDashboard, "read the organisation dashboard")


def main() -> None:
    wait_ready()
    rng = random.Random(2026)  # noqa: S311 - reproducible demo answers, not security
    admin = Person("Amara Okafor", "physician", email_of("Amara Okafor"))
    signup = OrgCreate(
        name=f"Riverside Community Health ({RUN})",
        admin=PersonIn(
            email=admin.email,
            password=PASSWORD,
            display_name=admin.name,
            profession=admin.profession,
        ),
    )
    created = ok(create_org.sync(client=ANONYMOUS, body=signup), OrgCreated, "sign up")
    org_id = created.org.id
    admin.id = created.admin.id
    api = sign_in(admin)
    print(f"Organisation {org_id}; org admin {admin.email} / {PASSWORD!r}")

    people, analyst = create_people(admin, api)
    print(f"{sum(len(v) for v in people.values()) + 1} people created")

    time.sleep(3)  # let teams and assessments hear about the new people
    made = create_teams(api, people)
    print(f"{len(made)} teams with members, charters and role changes")

    time.sleep(3)  # assessments hears about the teams
    run_campaigns(api, people, made, rng)
    print(f"{len(ROUNDS) * len(made)} campaigns answered and closed")
    print(f"{agree_actions(api, people, made)} actions agreed on the drivers, with owners")

    board = ready_dashboard(sign_in(analyst), uuid.UUID(org_id))
    print("\nDashboards are ready:")
    for team in board.teams:
        morale = team.morale.value
        risk = team.burnout_risk
        print(
            f"  {team.name:<32} morale {morale if morale is not None else 'suppressed':>10}"
            f"  collaboration {team.collaboration.value:>5}"
            f"  burnout risk {risk.value} ({risk.level})"
        )
    print(f"\nSign in as the analyst: {analyst.email} / {PASSWORD!r}")
    print(f"  the console: {CONSOLE}/  (the organisation overview, then each team)")
    print(f"  the APIs:    {INSIGHTS}/v1/orgs/{org_id}/dashboard")
    print(f"               {INSIGHTS}/v1/teams/{made['eastside']}/dashboard")
    show_integration(api)


def show_integration(api: Clients) -> None:
    """An integration client of the organisation, and what its event feed holds."""
    form = ClientCreate(name="Riverside integration engine", scopes=["events:read"])
    made = ok(create_client.sync(client=api.identity, body=form), ClientCreated, "add a client")
    grant = TokenRequest(
        grant_type="client_credentials", client_id=made.client_id, client_secret=made.client_secret
    )
    token = ok(issue_token.sync(client=ANONYMOUS, body=grant), TokenResponse, "get a token")
    feed = Clients(token.access_token).integrations
    counts: dict[str, int] = {}
    cursor: str | None = None
    while True:
        page = list_integration_events.sync_detailed(client=feed, after=cursor, limit=1000)
        events: Any = page.parsed
        if page.status_code != 200 or not isinstance(events, list):
            sys.exit(f"demo: could not read the event feed: {page.content[:300]!r}")
        if not events:
            break
        for event in events:
            kind = event.type_.removeprefix("huddle.integration.")
            counts[kind] = counts.get(kind, 0) + 1
        cursor = page.headers["Next-Cursor"]
    print("\nThe organisation's integration feed (health-system IT), by type:")
    for kind, n in sorted(counts.items()):
        print(f"  {n:>4}  {kind}")
    print(f"Integration client {made.client_id} / {made.client_secret!r} (events:read):")
    print(f"  {INTEGRATIONS}/v1/events  (see docs/integration.md)")


if __name__ == "__main__":
    main()
