"""`make demo`: a realistic organisation, created through the public APIs only.

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
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx


def service_url(name: str, default_port: int) -> str:
    """HUDDLE_<NAME>_URL, else the port `make up` reads (HUDDLE_<NAME>_PORT) on this machine."""
    port = os.environ.get(f"HUDDLE_{name}_PORT") or default_port
    return os.environ.get(f"HUDDLE_{name}_URL") or f"http://127.0.0.1:{port}"


IDENTITY = service_url("IDENTITY", 8001)
TEAMS = service_url("TEAMS", 8002)
ASSESSMENTS = service_url("ASSESSMENTS", 8003)
INSIGHTS = service_url("INSIGHTS", 8004)
INTEGRATIONS = service_url("INTEGRATIONS", 8005)
PASSWORD = "demo: riverside rounds 2026"  # noqa: S105 - a demo account on a local stack
# Each run makes a new organisation (a tenant of its own; its name and every address carry the
# run), so a second `make demo` works beside the first instead of failing on taken addresses
# or adding to the first one's numbers.
RUN = uuid.uuid4().hex[:6]

# name, profession
PEOPLE = {
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
TEAM_INFO = {
    "riverside": ("Riverside Family Practice", "primary_care_clinic"),
    "northgate": ("Northgate Ambulatory Care", "ambulatory_care"),
    "eastside": ("Eastside Community Health Team", "community_health"),
    "harbor": ("Harbor Street Clinic", "primary_care_clinic"),
}
ROLE_FOR = {
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
    profession: str
    email: str
    id: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def check(response: httpx.Response, *expected: int) -> Any:
    if response.status_code not in (expected or (200, 201)):
        sys.exit(
            f"demo: {response.request.method} {response.request.url} -> "
            f"{response.status_code}: {response.text[:500]}"
        )
    return response.json() if response.content else None


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


def sign_in(client: httpx.Client, email: str) -> dict[str, str]:
    body = check(
        client.post(
            f"{IDENTITY}/v1/auth/token",
            data={"grant_type": "password", "username": email, "password": PASSWORD},
        )
    )
    return {"Authorization": f"Bearer {body['access_token']}"}


def clamp(x: float) -> int:
    return max(1, min(5, round(x)))


def answers(instrument: dict[str, Any], centre: float, rng: random.Random) -> dict[str, int]:
    definition = instrument["definition"]
    low, high = definition["scale"]["min"], definition["scale"]["max"]
    result = {}
    for item in definition["items"]:
        if definition["kind"] == "burnout_single_item":
            value = clamp(6 - centre + rng.uniform(-1, 1))  # low mood, more burnout
        else:
            spread = (high - low) / 4
            target = low + (centre - 1) / 4 * (high - low)
            if item.get("reverse_scored"):
                target = low + high - target
            value = max(low, min(high, round(target + rng.uniform(-spread, spread))))
        result[item["id"]] = value
    return result


def main() -> None:
    wait_ready()
    rng = random.Random(2026)  # noqa: S311 - reproducible demo answers, not security
    client = httpx.Client(timeout=30)
    admin = Person("Amara Okafor", "physician", f"amara.okafor.{RUN}@riverside-demo.example")
    created = check(
        client.post(
            f"{IDENTITY}/v1/orgs",
            json={
                "name": f"Riverside Community Health ({RUN})",
                "admin": {
                    "email": admin.email,
                    "password": PASSWORD,
                    "display_name": admin.name,
                    "profession": admin.profession,
                },
            },
        )
    )
    org_id = created["org"]["id"]
    admin.id = created["admin"]["id"]
    admin.headers = sign_in(client, admin.email)
    print(f"Organisation {org_id}; org admin {admin.email} / {PASSWORD!r}")

    people: dict[str, list[Person]] = {}
    for team_key, members in PEOPLE.items():
        people[team_key] = []
        for name, profession in members:
            if name == admin.name:
                people[team_key].append(admin)
                continue
            slug = name.lower().replace(" ", ".").encode("ascii", "ignore").decode()
            person = Person(name, profession, f"{slug}.{RUN}@riverside-demo.example")
            body = check(
                client.post(
                    f"{IDENTITY}/v1/users",
                    headers=admin.headers,
                    json={
                        "email": person.email,
                        "password": PASSWORD,
                        "display_name": name,
                        "profession": profession,
                    },
                )
            )
            person.id = body["id"]
            people[team_key].append(person)
    analyst = Person("Jo Analyst", "other", f"jo.analyst.{RUN}@riverside-demo.example")
    analyst_body = check(
        client.post(
            f"{IDENTITY}/v1/users",
            headers=admin.headers,
            json={
                "email": analyst.email,
                "password": PASSWORD,
                "display_name": analyst.name,
                "profession": "other",
                "org_roles": ["analyst"],
            },
        )
    )
    analyst.id = analyst_body["id"]
    print(f"{sum(len(v) for v in people.values()) + 1} people created")

    time.sleep(3)  # let teams and assessments hear about the new people
    teams: dict[str, str] = {}
    for key, (name, setting) in TEAM_INFO.items():
        team = check(
            client.post(
                f"{TEAMS}/v1/teams",
                headers=admin.headers,
                json={
                    "name": name,
                    "care_setting": setting,
                    "description": "Demo team created by `make demo`",
                },
            )
        )
        teams[key] = team["id"]
        for index, person in enumerate(people[key]):
            role = "clinical_lead" if index == 0 else ROLE_FOR.get(person.profession, "other")
            for _attempt in range(30):
                added = client.post(
                    f"{TEAMS}/v1/teams/{team['id']}/members",
                    headers=admin.headers,
                    json={"user_id": person.id, "role": role},
                )
                if added.status_code != 422 or "not" not in added.text:
                    break
                time.sleep(1)  # the user directory may still be catching up
            check(added, 201)
        if key != "eastside":  # Eastside never agreed a charter: a driver of its risk
            check(
                client.put(
                    f"{TEAMS}/v1/teams/{team['id']}/charter",
                    headers=admin.headers,
                    json={
                        "vision": "Every patient knows who to call; every colleague feels heard.",
                        "goals": [
                            {
                                "title": "Same-day access for urgent needs",
                                "measure": "90 % seen same day",
                                "due_date": (date.today() + timedelta(days=120)).isoformat(),
                            },
                            {
                                "title": "Medication reconciliation at every transition",
                                "measure": "reconciled within 48 h",
                                "due_date": (date.today() + timedelta(days=180)).isoformat(),
                            },
                        ],
                        "norms": ["Start huddles on time", "Speak up early", "Assume good intent"],
                        "roles": [
                            {"role": "clinical_lead", "responsibilities": ["runs the huddle"]},
                            {
                                "role": "clinical_pharmacist",
                                "responsibilities": ["leads medication reviews"],
                            },
                        ],
                    },
                ),
                200,
                201,
            )
            check(
                client.post(
                    f"{TEAMS}/v1/teams/{team['id']}/charter/reviews",
                    headers=admin.headers,
                    json={"outcome": "reaffirmed", "notes": "Quarterly review"},
                ),
                200,
                201,
            )
    # Eastside churns: two role changes and a departure this quarter.
    east = people["eastside"]
    for person, role in ((east[1], "care_coordinator"), (east[2], "clinical_lead")):
        check(
            client.put(
                f"{TEAMS}/v1/teams/{teams['eastside']}/members/{person.id}/role",
                headers=admin.headers,
                json={
                    "role": role,
                    "reason": "covering a vacancy",
                    "effective_date": date.today().isoformat(),
                },
            )
        )
    check(
        client.delete(
            f"{TEAMS}/v1/teams/{teams['eastside']}/members/{east[6].id}", headers=admin.headers
        ),
        200,
        204,
    )
    print(f"{len(teams)} teams with members, charters and role changes")

    time.sleep(3)  # assessments hears about the teams
    instruments = {
        i["id"]: check(client.get(f"{ASSESSMENTS}/v1/instruments/{i['id']}", headers=admin.headers))
        for i in check(client.get(f"{ASSESSMENTS}/v1/instruments", headers=admin.headers))["items"]
    }
    rounds = [
        ("huddle-team-pulse-v1", 0),
        ("huddle-single-item-burnout-v1", 0),
        ("huddle-psychological-safety-v1", 0),
        ("huddle-teamwork-v1", 0),
        ("huddle-relational-leadership-v1", 0),
        ("huddle-team-pulse-v1", 1),
        ("huddle-single-item-burnout-v1", 1),
    ]
    tokens: dict[str, dict[str, str]] = {}
    for key, team_id in teams.items():
        respondents = [p for p in people[key] if not (key == "eastside" and p is east[6])]
        for instrument_id, round_ in rounds:
            campaign = check(
                client.post(
                    f"{ASSESSMENTS}/v1/campaigns",
                    headers=admin.headers,
                    json={
                        "team_id": team_id,
                        "instrument_id": instrument_id,
                        "closes_at": (datetime.now(UTC) + timedelta(days=14)).isoformat(),
                    },
                )
            )
            centre = MOOD[key][round_]
            turnout = 0.7 if key == "eastside" and round_ == 1 else 0.9
            for person in respondents:
                if rng.random() > turnout:
                    continue
                headers = tokens.get(person.id) or sign_in(client, person.email)
                tokens[person.id] = headers
                check(
                    client.post(
                        f"{ASSESSMENTS}/v1/campaigns/{campaign['id']}/responses",
                        headers=headers,
                        json={"answers": answers(instruments[instrument_id], centre, rng)},
                    ),
                    201,
                )
            check(
                client.post(
                    f"{ASSESSMENTS}/v1/campaigns/{campaign['id']}/close", headers=admin.headers
                )
            )
    print(f"{len(rounds) * len(teams)} campaigns answered and closed")

    analyst.headers = sign_in(client, analyst.email)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        board = client.get(f"{INSIGHTS}/v1/orgs/{org_id}/dashboard", headers=analyst.headers)
        if (
            board.status_code == 200
            and all(t["participation"] for t in board.json()["teams"])
            and len(board.json()["teams"]) == 4
        ):
            break
        time.sleep(2)
    board = check(client.get(f"{INSIGHTS}/v1/orgs/{org_id}/dashboard", headers=analyst.headers))
    print("\nDashboards are ready:")
    for team in board["teams"]:
        morale = team["morale"]["value"]
        risk = team["burnout_risk"]
        print(
            f"  {team['name']:<32} morale {morale if morale is not None else 'suppressed':>10}"
            f"  collaboration {team['collaboration']['value']:>5}"
            f"  burnout risk {risk['value']} ({risk['level']})"
        )
    print(f"\nSign in as the analyst: {analyst.email} / {PASSWORD!r}")
    print(f"  {INSIGHTS}/v1/orgs/{org_id}/dashboard")
    print(f"  {INSIGHTS}/v1/orgs/{org_id}/heatmap")
    print(f"  {INSIGHTS}/v1/teams/{teams['eastside']}/dashboard")
    show_integration(client, admin)


def show_integration(client: httpx.Client, admin: Person) -> None:
    """An integration client of the organisation, and what its event feed holds."""
    made = check(
        client.post(
            f"{IDENTITY}/v1/clients",
            json={"name": "Riverside integration engine", "scopes": ["events:read"]},
            headers=admin.headers,
        )
    )
    token = check(
        client.post(
            f"{IDENTITY}/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": made["client_id"],
                "client_secret": made["client_secret"],
            },
        )
    )["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    counts: dict[str, int] = {}
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 1000}
        if cursor:
            params["after"] = cursor
        page = client.get(f"{INTEGRATIONS}/v1/events", params=params, headers=headers)
        events = check(page)
        if not events:
            break
        for event in events:
            kind = event["type"].removeprefix("huddle.integration.")
            counts[kind] = counts.get(kind, 0) + 1
        cursor = page.headers["Next-Cursor"]
    print("\nThe organisation's integration feed (health-system IT), by type:")
    for kind, n in sorted(counts.items()):
        print(f"  {n:>4}  {kind}")
    print(f"Integration client {made['client_id']} / {made['client_secret']!r} (events:read):")
    print(f"  {INTEGRATIONS}/v1/events  (see docs/integration.md)")


if __name__ == "__main__":
    main()
