"""The web console in a real headless Chromium, against the five services as processes.

An organisation is seeded through the public APIs (an analyst, three teams with closed pulse
campaigns, one of them too small for its results to be shown, and a Relational Leadership
self-check for the heatmap), insights is waited for, and the built console is served by the dev
stack's console server. Then Debian's Chromium, driven by Playwright, signs in as the analyst
through identity's own sign-in page (the authorization-code flow with PKCE; a tampered state is
refused first), opens the organisation overview and the teams, and the test checks that the
numbers on the page are the API's (fetched with httpx), that the small team shows "too few
responses" and no number, that the charts are drawn, that axe-core finds no serious or critical
violation, and that signing out revokes the refresh token.

Screenshots go to the test's artefacts ($HUDDLE_ARTEFACTS/console, else tmp_path); with
HUDDLE_UPDATE_SCREENSHOTS=1 two of them are also written to docs/images/ for docs/console.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from huddle_assessments.bootstrap import MIGRATIONS as ASSESSMENTS
from huddle_devtools.devinfra.console import SERVER_MODULE, build_console
from huddle_devtools.devinfra.selection import free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.processes import ServiceProcess
from huddle_devtools.testing.smtp import MailSink, link_url, mail_sink
from huddle_identity.bootstrap import MIGRATIONS as IDENTITY
from huddle_insights.bootstrap import MIGRATIONS as INSIGHTS
from huddle_integrations.bootstrap import MIGRATIONS as INTEGRATIONS
from huddle_teams.bootstrap import MIGRATIONS as TEAMS

from .identity_support import PASSWORD, person

pytestmark = [pytest.mark.postgres, pytest.mark.kafka, pytest.mark.timeout(600)]

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "web" / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__test__/axe.min.js"
PULSE = "huddle-team-pulse-v1"
SELF_CHECK = "huddle-relational-leadership-v1"
ITEMS = ["energy", "recognition", "workload", "pride", "recommend"]
TOO_FEW = "too few responses"
CLIENT_ID = "huddle-console"
REFRESH_KEY = "huddle.console.refresh"  # web/src/auth/session.ts
# (team, the members' professions, each respondent's pulse answer): the last team is too small.
TEAMS_SEEDED = (
    (
        "Riverside Family Practice",
        ["physician", "nurse", "nurse", "pharmacist", "social_worker"],
        4,
    ),
    ("Harbour Community Clinic", ["nurse_practitioner", "nurse", "nurse", "physician", "nurse"], 2),
    ("Hilltop Outreach", ["nurse", "social_worker", "physician"], 3),
)


@dataclass
class Seeded:
    org_id: str
    analyst_email: str
    teams: dict[str, str] = field(default_factory=dict)  # name -> id

    @property
    def small_team(self) -> str:
        return self.teams[TEAMS_SEEDED[-1][0]]


@pytest.fixture
def sink() -> Iterator[MailSink]:
    """A real SMTP server that identity's mailer sends to."""
    with mail_sink() as server:
        yield server


@pytest.fixture
def console_port() -> int:
    return free_port()


@pytest.fixture
def stack(
    databases: DatabaseFactory,
    service_env: Callable[..., dict[str, str]],
    log_dir: Path,
    sink: MailSink,
    console_port: int,
) -> Iterator[dict[str, ServiceProcess]]:
    identity_port = free_port()
    extra = {
        "HUDDLE_ARGON2_TIME_COST": "1",
        "HUDDLE_ARGON2_MEMORY_KIB": "8192",
        "HUDDLE_JWKS_URL": f"http://127.0.0.1:{identity_port}/.well-known/jwks.json",
        # The OpenID issuer is where the browser reaches identity's sign-in page; the console
        # (HUDDLE_PUBLIC_URL) is its client, with <console>/signin/callback as redirect URI.
        "HUDDLE_ISSUER_URL": f"http://127.0.0.1:{identity_port}",
        # Mail goes to the sink, and its links open this test's console.
        "HUDDLE_SMTP_HOST": sink.host,
        "HUDDLE_SMTP_PORT": str(sink.port),
        "HUDDLE_SMTP_SECURITY": "none",
        "HUDDLE_MAILER_POLL_INTERVAL_S": "0.2",
        "HUDDLE_PUBLIC_URL": f"http://127.0.0.1:{console_port}",
    }
    processes = {
        name: ServiceProcess(
            name,
            port=identity_port if name == "identity" else free_port(),
            env=service_env(databases.create(name, migrations), **extra),
            log_dir=log_dir,
        )
        for name, migrations in (
            ("identity", IDENTITY),
            ("teams", TEAMS),
            ("assessments", ASSESSMENTS),
            ("insights", INSIGHTS),
            ("integrations", INTEGRATIONS),
        )
    }
    try:
        for process in processes.values():
            process.start(wait_ready=False)
        for process in processes.values():
            process.wait_ready(timeout_s=90)
        yield processes
    finally:
        for process in processes.values():
            process.stop()


@pytest.fixture
def console(stack: dict[str, ServiceProcess], log_dir: Path, console_port: int) -> Iterator[str]:
    """The built console, served as `make up` serves it, with the test's services behind it."""
    build_console(REPO)
    port = console_port
    upstreams = [arg for p in stack.values() for arg in ("--upstream", f"{p.service}={p.url}")]
    command = [sys.executable, "-m", SERVER_MODULE, "--port", str(port)]
    command += ["--dist", str(REPO / "web" / "dist"), *upstreams]
    with (log_dir / "console.log").open("wb") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, (log_dir / "console.log").read_text()
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the console server did not answer"
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def artefacts(tmp_path: Path) -> Path:
    configured = os.environ.get("HUDDLE_ARTEFACTS")
    path = Path(configured) / "console" if configured else tmp_path / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def eventually(check: Callable[[], Any], *, timeout_s: float = 120, what: str = "") -> Any:
    deadline = time.monotonic() + timeout_s
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)


def sign_in(identity: httpx.Client, email: str) -> dict[str, str]:
    token = identity.post(
        "/v1/auth/token", data={"grant_type": "password", "username": email, "password": PASSWORD}
    )
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


def ok(response: httpx.Response, *status: int) -> Any:
    assert response.status_code in (status or (200, 201)), response.text
    return response.json()


def pulse_answers(centre: int, n: int) -> dict[str, int]:
    """The n-th respondent's pulse: every item at ``centre``, every other respondent one up."""
    return {item: max(1, min(5, centre + (n % 2))) for item in ITEMS}


def run_campaign(
    clients: dict[str, httpx.Client],
    boss: dict[str, str],
    team_id: str,
    respondents: list[dict[str, str]],
    instrument_id: str,
    answers: Callable[[int], dict[str, int]],
) -> None:
    """Open a campaign once every member is eligible, let each respondent answer, close it."""
    assessments = clients["assessments"]

    def opened_for_everyone() -> str | None:
        campaign = ok(
            assessments.post(
                "/v1/campaigns",
                json={
                    "team_id": team_id,
                    "instrument_id": instrument_id,
                    "closes_at": (datetime.now(UTC) + timedelta(days=7)).isoformat(),
                },
                headers=boss,
            ),
            201,
        )
        if campaign["participation"]["eligible"] == len(respondents):
            return str(campaign["id"])
        # Opened before every member had arrived in assessments: close it unanswered, retry.
        ok(assessments.post(f"/v1/campaigns/{campaign['id']}/close", headers=boss))
        time.sleep(0.5)
        return None

    campaign_id = eventually(opened_for_everyone, timeout_s=60, what="members in assessments")
    for n, someone in enumerate(respondents):
        ok(
            assessments.post(
                f"/v1/campaigns/{campaign_id}/responses",
                json={"answers": answers(n)},
                headers=sign_in(clients["identity"], someone["email"]),
            ),
            201,
        )
    ok(assessments.post(f"/v1/campaigns/{campaign_id}/close", headers=boss))


def seed(clients: dict[str, httpx.Client]) -> Seeded:
    identity, teams = clients["identity"], clients["teams"]
    admin = person("Amara Okafor", "physician")
    org = ok(identity.post("/v1/orgs", json={"name": "Riverside Health", "admin": admin}), 201)
    boss = sign_in(identity, admin["email"])
    analyst = person("Jo Analyst", "other")
    ok(identity.post("/v1/users", json={**analyst, "org_roles": ["analyst"]}, headers=boss), 201)
    seeded = Seeded(org_id=org["org"]["id"], analyst_email=analyst["email"])
    self_check = ok(clients["assessments"].get(f"/v1/instruments/{SELF_CHECK}", headers=boss))
    self_check_items = [item["id"] for item in self_check["definition"]["items"]]

    for name, professions, answer in TEAMS_SEEDED:
        team_id = ok(teams.post("/v1/teams", json={"name": name}, headers=boss), 201)["id"]
        seeded.teams[name] = team_id
        people = []
        user_ids = []
        for n, profession in enumerate(professions):
            someone = person(f"{name.split()[0]} {n}", profession)
            user = ok(identity.post("/v1/users", json=someone, headers=boss), 201)
            people.append(someone)
            user_ids.append(user["id"])

            def added(user_id: str = user["id"], team_id: str = team_id) -> bool:
                response = teams.post(
                    f"/v1/teams/{team_id}/members",
                    json={"user_id": user_id, "role": "nurse"},
                    headers=boss,
                )
                return response.status_code == 201

            eventually(added, timeout_s=60, what="the person in teams")
        run_campaign(
            clients,
            boss,
            team_id,
            people,
            PULSE,
            partial(pulse_answers, answer),
        )
        if name == TEAMS_SEEDED[0][0]:
            # The team shown in docs/: a self-check, a second pulse (a trend), a charter and
            # a promotion.
            run_campaign(
                clients,
                boss,
                team_id,
                people,
                SELF_CHECK,
                lambda n: {item: 3 + (n + i) % 3 for i, item in enumerate(self_check_items)},
            )
            run_campaign(clients, boss, team_id, people, PULSE, partial(pulse_answers, 3))
            charter = {
                "vision": "Every patient leaves with a plan they understand and a named contact.",
                "goals": [
                    {
                        "title": "Same-week follow-up after discharge",
                        "measure": "80 % of discharged patients seen within 7 days",
                        "due_date": (datetime.now(UTC) + timedelta(days=120)).date().isoformat(),
                    }
                ],
                "norms": ["We start huddles on time", "Anyone may pause a handover"],
                "roles": [{"role": "nurse", "responsibilities": ["Chronic care recalls"]}],
            }
            ok(teams.put(f"/v1/teams/{team_id}/charter", json=charter, headers=boss))
            ok(
                teams.put(
                    f"/v1/teams/{team_id}/members/{user_ids[0]}/role",
                    json={
                        "role": "clinical_lead",
                        "reason": "leads the practice's quality work",
                        "effective_date": datetime.now(UTC).date().isoformat(),
                        "category": "promotion",
                    },
                    headers=boss,
                )
            )

    analyst_headers = sign_in(identity, analyst["email"])

    def projected() -> bool:
        board = clients["insights"].get(
            f"/v1/orgs/{seeded.org_id}/dashboard", headers=analyst_headers
        )
        if board.status_code != 200:
            return False
        shown = {t["team_id"]: t for t in board.json()["teams"]}
        if len(shown) != len(TEAMS_SEEDED) or any(
            t["participation"] is None for t in shown.values()
        ):
            return False
        heat = clients["insights"].get(f"/v1/orgs/{seeded.org_id}/heatmap", headers=analyst_headers)
        first = seeded.teams[TEAMS_SEEDED[0][0]]
        cells = next(t["cells"] for t in heat.json()["teams"] if t["team_id"] == first)
        if not all(
            shown[seeded.teams[n]]["morale"]["value"] is not None for n, *_ in TEAMS_SEEDED[:2]
        ) or not any(cell["value"] is not None for cell in cells.values()):
            return False
        # Everything seeded for the first team arrived: both answered pulses, the charter, the
        # promotion (after them nothing changes: the page and the API show the same state).
        board = clients["insights"].get(f"/v1/teams/{first}/dashboard", headers=analyst_headers)
        trend = clients["insights"].get(f"/v1/teams/{first}/trends", headers=analyst_headers)
        return (
            sum(p["value"] is not None for p in trend.json()["points"]) == 2
            and board.json()["charter"] is not None
            and any(c["to_role"] == "clinical_lead" for c in board.json()["role_changes"])
        )

    eventually(projected, timeout_s=120, what="insights to project the campaigns")
    return seeded


def shown(measured: dict[str, Any] | None) -> str:
    """What the console writes for a measured value (web/src/format.ts)."""
    if measured is None:
        return "no data yet"
    if measured["suppressed"] or measured["value"] is None:
        return TOO_FEW if measured.get("respondents", 1) > 0 else "no responses yet"
    return f"{measured['value']:.1f}"


def number(value: float | None, fallback: str = "unavailable") -> str:
    return fallback if value is None else f"{value:.1f}"


def percent(rate: float | None) -> str:
    return "no campaign yet" if rate is None else f"{rate * 100:.0f} %"


def assert_no_serious_accessibility_violation(page: Any, where: str) -> None:
    # Injected from the console's origin (routed by the browser to web/node_modules), so the
    # console's Content-Security-Policy stays on while axe runs.
    origin = page.evaluate("() => location.origin")
    page.add_script_tag(url=f"{origin}{AXE_PATH}")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"{where}: {serious}"


def to_identitys_sign_in_page(page: Any, console: str, identity: str) -> None:
    """From the console's sign-in page to identity's, by its button: the authorization request
    of the code flow with PKCE, for the console's redirect URI."""
    page.get_by_role("heading", name="Sign in to Huddle", level=1).wait_for()
    authorize = f"{identity}/v1/auth/authorize"
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: url.startswith(f"{authorize}?"))
    request = parse_qs(urlsplit(page.url).query)
    assert request["client_id"] == [CLIENT_ID]
    assert request["redirect_uri"] == [f"{console}/signin/callback"]
    assert request["response_type"] == ["code"]
    assert request["code_challenge_method"] == ["S256"]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", request["code_challenge"][0])
    assert request["state"][0] and request["nonce"][0]
    assert request["scope"] == ["openid profile email"]


def sign_in_on_identitys_page(page: Any, email: str, password: str = PASSWORD) -> None:
    page.locator("#email").fill(email)
    page.locator("#password").fill(password)
    page.locator("button[type=submit]").click()


def assert_chart_drawn(page: Any, selector: str) -> None:
    chart = page.locator(selector)
    assert chart.get_attribute("role") == "img"
    assert (chart.get_attribute("aria-label") or "").strip(), "a text alternative"
    drawn = page.evaluate(
        "(s) => document.querySelector(s + ' svg')?.querySelectorAll('path, rect, text').length",
        selector,
    )
    assert drawn and drawn > 3, f"{selector} draws nothing"


def text(page: Any, selector: str) -> str:
    return str(page.locator(selector).inner_text()).strip()


def test_the_console_shows_the_apis_numbers_in_a_real_browser(
    stack: dict[str, ServiceProcess], console: str, artefacts: Path
) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make install` installs Debian's chromium")
    from playwright.sync_api import sync_playwright  # dev-only; the import is slow

    clients = {name: httpx.Client(base_url=p.url, timeout=30) for name, p in stack.items()}
    seeded = seed(clients)
    headers = sign_in(clients["identity"], seeded.analyst_email)
    insights = clients["insights"]
    org_board = ok(insights.get(f"/v1/orgs/{seeded.org_id}/dashboard", headers=headers))
    heat = ok(insights.get(f"/v1/orgs/{seeded.org_id}/heatmap", headers=headers))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route(
                f"**{AXE_PATH}",
                lambda route: route.fulfill(path=AXE, content_type="text/javascript"),
            )
            identity_url = stack["identity"].url
            page.goto(console)
            page.get_by_role("heading", name="Sign in to Huddle").wait_for()
            assert_no_serious_accessibility_violation(page, "sign-in")
            page.screenshot(path=str(artefacts / "console-sign-in.png"))

            # ---- a state that is not the one this tab sent: refused, nothing kept ---------
            to_identitys_sign_in_page(page, console, identity_url)
            page.locator("input[name=state]").evaluate("(input) => { input.value = 'forged'; }")
            sign_in_on_identitys_page(page, seeded.analyst_email)
            refused = page.get_by_role("alert").filter(has_text="does not match the sign-in")
            refused.wait_for()
            assert page.url == f"{console}/#/", "the code leaves the address bar"
            assert page.evaluate(f"sessionStorage.getItem('{REFRESH_KEY}')") is None
            page.get_by_role("heading", name="Sign in to Huddle", level=1).wait_for()
            assert_no_serious_accessibility_violation(page, "refused sign-in")
            page.screenshot(path=str(artefacts / "console-sign-in-refused.png"))

            # ---- signing in on identity's page, back to the console --------------------------
            to_identitys_sign_in_page(page, console, identity_url)
            page.screenshot(path=str(artefacts / "identity-sign-in.png"))
            sign_in_on_identitys_page(page, seeded.analyst_email)
            page.get_by_role("heading", name="Organisation overview", level=1).wait_for()
            page.locator("#chart-heatmap svg").wait_for()
            assert page.url == f"{console}/#/", "the callback (and its code) left the history"
            assert page.evaluate("sessionStorage.getItem('huddle.console.signin')") is None

            # ---- the organisation overview: every team's numbers are the API's ---------------
            for team in org_board["teams"]:
                cell = f"[data-team='{team['team_id']}'][data-field='{{}}']"
                assert text(page, cell.format("morale")) == shown(team["morale"]), team["name"]
                assert text(page, cell.format("burnout_risk")) == number(
                    team["burnout_risk"]["value"]
                )
                assert text(page, cell.format("collaboration")) == number(
                    team["collaboration"]["value"]
                )
                assert text(page, cell.format("participation")) == percent(
                    team["participation"]["rate"]
                )
            small = f"[data-team='{seeded.small_team}'][data-field='morale']"
            assert text(page, small) == TOO_FEW
            assert not re.search(r"\d", text(page, small)), "a suppressed value has no number"
            assert text(page, "[data-field='morale_mean_of_shown_teams']") == number(
                org_board["organisation"]["morale_mean_of_shown_teams"], "none shown yet"
            )
            for row in heat["teams"]:
                for competency, measured in row["cells"].items():
                    selector = f"[data-team='{row['team_id']}'][data-competency='{competency}']"
                    assert text(page, selector) == shown(measured), (row["name"], competency)
            assert_chart_drawn(page, "#chart-risk-levels")
            assert_chart_drawn(page, "#chart-heatmap")
            assert_no_serious_accessibility_violation(page, "overview")
            page.screenshot(path=str(artefacts / "console-overview.png"), full_page=True)

            # ---- one team, opened from the keyboard ------------------------------------------
            first_name = TEAMS_SEEDED[0][0]
            first = seeded.teams[first_name]
            page.get_by_role("link", name=first_name).focus()
            page.keyboard.press("Enter")
            page.get_by_role("heading", name=first_name, level=1).wait_for()
            page.locator("#chart-drivers svg").wait_for()
            board = ok(insights.get(f"/v1/teams/{first}/dashboard", headers=headers))
            trend = ok(insights.get(f"/v1/teams/{first}/trends", headers=headers))
            assert text(page, "[data-field='morale']") == shown(board["morale"])
            assert text(page, "[data-field='collaboration']") == number(
                board["collaboration"]["value"]
            )
            assert text(page, "[data-field='burnout_risk']") == number(
                board["burnout_risk"]["value"]
            )
            assert text(page, "[data-field='participation']") == percent(
                board["participation"]["rate"]
            )
            for driver in board["burnout_risk"]["drivers"]:
                expected = (
                    number(driver["contribution"])
                    if driver["contribution"] is not None
                    else TOO_FEW
                    if driver["status"] == "suppressed"
                    else "no data yet"
                )
                assert text(page, f"[data-driver='{driver['driver']}']") == expected, driver
            for point in trend["points"]:
                assert text(page, f"[data-trend-point='{point['campaign_id']}']") == shown(point)
            campaigns = ok(
                clients["assessments"].get(
                    "/v1/campaigns", params={"team_id": first, "limit": 200}, headers=headers
                )
            )["items"]
            for campaign in campaigns:
                assert text(page, f"[data-campaign='{campaign['id']}']") == percent(
                    campaign["participation"]["rate"]
                )
            assert page.locator("[data-field='review_due']").count() <= 1
            for chart in ("#chart-morale-trend", "#chart-participation-trend", "#chart-drivers"):
                assert_chart_drawn(page, chart)
            assert_no_serious_accessibility_violation(page, "team")
            page.screenshot(path=str(artefacts / "console-team.png"), full_page=True)

            # ---- the team too small to be shown ----------------------------------------------
            page.goto(f"{console}/#/teams/{seeded.small_team}")
            page.get_by_role("heading", name=TEAMS_SEEDED[-1][0], level=1).wait_for()
            small_board = ok(
                insights.get(f"/v1/teams/{seeded.small_team}/dashboard", headers=headers)
            )
            assert small_board["morale"]["suppressed"] is True
            morale = text(page, "[data-field='morale']")
            assert morale == TOO_FEW and not re.search(r"\d", morale)
            for driver in small_board["burnout_risk"]["drivers"]:
                if driver["status"] == "suppressed":
                    assert text(page, f"[data-driver='{driver['driver']}']") == TOO_FEW
            assert_no_serious_accessibility_violation(page, "suppressed team")
            page.screenshot(path=str(artefacts / "console-suppressed-team.png"), full_page=True)

            # ---- signing out revokes the refresh token ---------------------------------------
            refresh_token = page.evaluate(f"sessionStorage.getItem('{REFRESH_KEY}')")
            assert refresh_token
            page.get_by_role("button", name="Sign out").click()
            page.get_by_role("heading", name="Sign in to Huddle", level=1).wait_for()
            page.locator("#status").filter(has_text="You are signed out.").wait_for(
                state="attached"  # the live region is visually hidden
            )
            assert page.evaluate(f"sessionStorage.getItem('{REFRESH_KEY}')") is None
            spent = clients["identity"].post(
                "/v1/auth/token",
                data={"grant_type": "refresh_token", "refresh_token": refresh_token},
            )
            assert spent.status_code == 400, spent.text
            assert spent.json()["error"] == "invalid_grant"
        finally:
            browser.close()
    for client in clients.values():
        client.close()

    if os.environ.get("HUDDLE_UPDATE_SCREENSHOTS") == "1":
        images = REPO / "docs" / "images"
        images.mkdir(parents=True, exist_ok=True)
        for name in ("console-overview.png", "console-team.png"):
            shutil.copyfile(artefacts / name, images / name)


def mailed_link(sink: MailSink, to: str, count: int = 1) -> str:
    messages = eventually(
        lambda: len(sink.received(to)) >= count and sink.received(to), what=f"mail to {to}"
    )
    return link_url(messages[count - 1])


def test_the_mailed_links_reset_a_password_and_accept_an_invitation_in_a_real_browser(
    stack: dict[str, ServiceProcess], console: str, sink: MailSink, artefacts: Path
) -> None:
    """Forgot password, from the sign-in page to the new password; an invitation, from its
    mail to the first sign-in: each link is the one in the mail the SMTP server received."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make install` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    identity = httpx.Client(base_url=stack["identity"].url, timeout=30)
    admin = person("Amara Okafor", "physician")
    ok(identity.post("/v1/orgs", json={"name": "Riverside Health", "admin": admin}), 201)
    new_password = "lantern harbour evening 58"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.route(
                f"**{AXE_PATH}",
                lambda route: route.fulfill(path=AXE, content_type="text/javascript"),
            )
            # ---- forgot password, from the sign-in page --------------------------------------
            page.goto(console)
            page.get_by_role("link", name="Forgot your password?").click()
            page.get_by_role("heading", name="Reset your password", level=1).wait_for()
            assert_no_serious_accessibility_violation(page, "forgot password")
            page.get_by_label("Email").fill(admin["email"])
            page.get_by_role("button", name="Send me a link").click()
            page.get_by_role("status").filter(has_text="link to reset its password").wait_for()

            link = mailed_link(sink, admin["email"])
            assert link.startswith(f"{console}/#/reset-password?token="), link
            page.goto(link)
            page.get_by_role("heading", name="Choose a new password", level=1).wait_for()
            page.get_by_label("New password").fill("password1234")
            page.get_by_role("button", name="Set the new password").click()
            alert = page.get_by_role("alert").filter(has_text="too common")
            alert.wait_for()  # the policy's reasons, read out
            page.get_by_label("New password").fill(new_password)
            page.get_by_role("button", name="Set the new password").click()
            page.get_by_role("status").filter(has_text="Your password is changed").wait_for()
            assert_no_serious_accessibility_violation(page, "reset password")
            page.screenshot(path=str(artefacts / "console-reset-password.png"))
            assert sign_in_status(identity, admin["email"], new_password) == 200
            assert sign_in_status(identity, admin["email"], PASSWORD) == 400

            # The same link again: refused, and the page says so.
            page.goto(console)
            page.goto(link)
            page.get_by_label("New password").fill(new_password + " again")
            page.get_by_role("button", name="Set the new password").click()
            page.get_by_role("alert").filter(has_text="already used").wait_for()

            # ---- an invitation, from its mail to the first sign-in ---------------------------
            boss = {"Authorization": "Bearer " + token(identity, admin["email"], new_password)}
            invitee = person("Tomas Reyes", "pharmacist")
            invited = {k: invitee[k] for k in ("email", "display_name", "profession")}
            ok(identity.post("/v1/invitations", json=invited, headers=boss), 201)
            link = mailed_link(sink, invitee["email"])
            assert link.startswith(f"{console}/#/accept-invitation?token="), link
            page.goto(link)
            page.get_by_role("heading", name="Accept your invitation", level=1).wait_for()
            assert_no_serious_accessibility_violation(page, "accept invitation")
            page.get_by_label("Choose a password").fill(PASSWORD)
            page.keyboard.press("Enter")
            page.get_by_role("status").filter(has_text=invitee["email"]).wait_for()
            assert sign_in_status(identity, invitee["email"], PASSWORD) == 200
        finally:
            browser.close()


def sign_in_status(identity: httpx.Client, email: str, password: str) -> int:
    form = {"grant_type": "password", "username": email, "password": password}
    return identity.post("/v1/auth/token", data=form).status_code


def token(identity: httpx.Client, email: str, password: str) -> str:
    form = {"grant_type": "password", "username": email, "password": password}
    answer = ok(identity.post("/v1/auth/token", data=form))
    return str(answer["access_token"])
