"""Single sign-on through an organisation's own OpenID provider: a real Keycloak (the session's
``keycloak``), identity and teams as real processes, and a real HTTP client in the person's
place that follows every redirect: Huddle's sign-in page, Keycloak's login page, identity's
callback, back to the frontend with a code, which the frontend exchanges with its PKCE
verifier for a token that teams accepts."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import secrets
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import asyncpg
import httpx
import pytest

from huddle_devtools.devinfra.selection import Infrastructure, free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.keycloak import (
    KeycloakAdmin,
    KeycloakServer,
    OidcClient,
    browser_client,
    sign_in,
)
from huddle_devtools.testing.processes import ServiceProcess
from huddle_identity.application.idps import Connection, IdentityProviders, SsoFailed
from huddle_identity.application.idps import verify_id_token as verify
from huddle_identity.domain.sso import SsoSettings, validated

from .identity_support import bearer, sign_up, start_identity

__all__ = ["start_identity"]

pytestmark = [pytest.mark.postgres, pytest.mark.kafka, pytest.mark.timeout(600)]

PASSWORD = "correct horse battery staple"
FRONTEND = "huddle-console"
FRONTEND_REDIRECT = "http://127.0.0.1:9/signin/callback"  # never followed
DOMAIN = "northside.example"


@dataclass
class Stack:
    identity: ServiceProcess
    teams: ServiceProcess
    identity_db: str

    def stored_events(self) -> str:
        """Every event identity has stored, as text."""

        async def read() -> str:
            connection = await asyncpg.connect(self.identity_db)
            try:
                rows = await connection.fetch(
                    "SELECT type || data::text FROM events ORDER BY recorded_at"
                )
            finally:
                await connection.close()
            return "\n".join(row[0] for row in rows)

        return asyncio.run(read())

    @property
    def issuer(self) -> str:
        return self.identity.url

    @property
    def callback(self) -> str:
        return f"{self.identity.url}/v1/auth/sso/callback"


@pytest.fixture(scope="module")
def stack(
    infra: Infrastructure, databases: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    from huddle_identity.bootstrap import MIGRATIONS as IDENTITY
    from huddle_teams.bootstrap import MIGRATIONS as TEAMS

    log_dir = Path(tmp_path_factory.mktemp("sso-logs"))
    identity_port = free_port()
    prefix = f"sso{uuid.uuid4().hex[:6]}."
    common = {
        "HUDDLE_ENVIRONMENT": "test",
        "HUDDLE_KAFKA_BOOTSTRAP": infra.kafka_bootstrap,
        "HUDDLE_TOPIC_PREFIX": prefix,
        "HUDDLE_JWKS_URL": f"http://127.0.0.1:{identity_port}/.well-known/jwks.json",
        "HUDDLE_RELAY_POLL_INTERVAL_S": "0.05",
    }
    identity_db = databases.create("identity", IDENTITY)
    identity = ServiceProcess(
        "identity",
        port=identity_port,
        env={
            **common,
            "HUDDLE_DATABASE_URL": identity_db,
            "HUDDLE_ARGON2_TIME_COST": "1",
            "HUDDLE_ARGON2_MEMORY_KIB": "8192",
            "HUDDLE_ISSUER_URL": f"http://127.0.0.1:{identity_port}",
            "HUDDLE_OAUTH_CLIENTS": json.dumps(
                [{"client_id": FRONTEND, "name": "Console", "redirect_uris": [FRONTEND_REDIRECT]}]
            ),
            # Keycloak runs on this machine: a private address, refused in production.
            "HUDDLE_SSO_ALLOW_PRIVATE_ISSUERS": "true",
            "HUDDLE_SSO_CACHE_S": "0",
        },
        log_dir=log_dir,
    )
    teams = ServiceProcess(
        "teams",
        port=free_port(),
        env={**common, "HUDDLE_DATABASE_URL": databases.create("teams", TEAMS)},
        log_dir=log_dir,
    )
    try:
        identity.start(wait_ready=False)
        teams.start(wait_ready=False)
        identity.wait_ready(90)
        teams.wait_ready(90)
        yield Stack(identity, teams, identity_db)
    finally:
        for process in (identity, teams):
            process.stop()


@pytest.fixture
def admin(keycloak: KeycloakServer) -> Iterator[KeycloakAdmin]:
    with keycloak.admin() as admin:
        yield admin


@dataclass
class Org:
    org_id: str
    admin_headers: dict[str, str]
    domain: str


def _person(email: str) -> dict[str, str]:
    return {
        "email": email,
        "password": PASSWORD,
        "display_name": "Amara Okafor",
        "profession": "physician",
    }


def _org(stack: Stack, domain: str = DOMAIN) -> Org:
    admin_email = f"admin.{uuid.uuid4().hex[:6]}@riverside.example"
    created = httpx.post(
        f"{stack.identity.url}/v1/orgs",
        json={"name": "Northside Health", "admin": _person(admin_email)},
    )
    assert created.status_code == 201, created.text
    token = httpx.post(
        f"{stack.identity.url}/v1/auth/token",
        data={"grant_type": "password", "username": admin_email, "password": PASSWORD},
    ).json()["access_token"]
    return Org(created.json()["org"]["id"], {"Authorization": f"Bearer {token}"}, domain)


def _connect(stack: Stack, org: Org, client: OidcClient, **settings: Any) -> httpx.Response:
    body = {
        "issuer": client.issuer,
        "client_id": client.client_id,
        "client_secret": client.client_secret,
        "email_domains": [org.domain],
        "claims": {"profession": "profession"},
        "create_people": True,
        **settings,
    }
    return httpx.put(
        f"{stack.identity.url}/v1/orgs/{org.org_id}/sso", json=body, headers=org.admin_headers
    )


def _realm(admin: KeycloakAdmin, stack: Stack) -> tuple[str, OidcClient]:
    realm = admin.create_realm(display_name="Northside Health")
    return realm, admin.create_client(realm, redirect_uri=stack.callback)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}
        self.error = ""
        self._in_error = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "input" and a.get("type") == "hidden":
            self.hidden[a["name"]] = a.get("value", "")
        self._in_error = tag == "p" and a.get("id") == "error"

    def handle_data(self, data: str) -> None:
        if self._in_error:
            self.error += data


def _page(response: httpx.Response) -> _Page:
    page = _Page()
    page.feed(response.text)
    return page


@dataclass
class FrontendRequest:
    """What the frontend sends the browser to identity with, and keeps."""

    state: str
    nonce: str
    verifier: str

    @classmethod
    def new(cls) -> FrontendRequest:
        return cls(secrets.token_urlsafe(16), secrets.token_urlsafe(16), secrets.token_urlsafe(48))

    def url(self, stack: Stack) -> str:
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(self.verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        query = {
            "response_type": "code",
            "client_id": FRONTEND,
            "redirect_uri": FRONTEND_REDIRECT,
            "scope": "openid profile email",
            "state": self.state,
            "nonce": self.nonce,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        return f"{stack.identity.url}/v1/auth/authorize?{urlencode(query)}"


def _to_provider(browser: httpx.Client, stack: Stack, request: FrontendRequest, email: str) -> str:
    """The person types their email on Huddle's page; the answer sends them to their provider."""
    page = browser.get(request.url(stack))
    assert page.status_code == 200, page.text
    sent = browser.post(
        f"{stack.identity.url}/v1/auth/authorize",
        data={**_page(page).hidden, "email": email, "password": ""},
    )
    assert sent.status_code == 302, sent.text
    return sent.headers["location"]


def _back_from_provider(
    browser: httpx.Client,
    stack: Stack,
    request: FrontendRequest,
    *,
    typed: str,
    username: str,
) -> httpx.Response:
    """Through the provider's login page to identity's callback; identity's answer there."""
    at_provider = _to_provider(browser, stack, request, typed)
    callback = sign_in(
        at_provider,
        username=username,
        password=PASSWORD,
        redirect_uri=stack.callback,
        client=browser,
    )
    return browser.get(callback)


def _code(response: httpx.Response, request: FrontendRequest) -> str:
    assert response.status_code == 302, response.text[:2000]
    location = response.headers["location"]
    assert location.startswith(FRONTEND_REDIRECT + "?"), location
    query = parse_qs(urlsplit(location).query)
    assert query["state"] == [request.state]
    return query["code"][0]


def _tokens(stack: Stack, code: str, request: FrontendRequest) -> dict[str, Any]:
    response = httpx.post(
        f"{stack.identity.url}/v1/auth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": FRONTEND_REDIRECT,
            "client_id": FRONTEND,
            "code_verifier": request.verifier,
        },
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    claims: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return claims


def test_a_person_signs_in_through_keycloak_and_calls_teams(
    stack: Stack, admin: KeycloakAdmin
) -> None:
    realm, client = _realm(admin, stack)
    email = f"lena.park.{uuid.uuid4().hex[:6]}@{DOMAIN}"
    subject = admin.create_user(
        realm,
        email=email,
        password=PASSWORD,
        first_name="Lena",
        last_name="Park",
        attributes={"profession": "nurse_practitioner"},
    )
    org = _org(stack)
    connected = _connect(stack, org, client)
    assert connected.status_code == 200, connected.text
    assert connected.json()["redirect_uri"] == stack.callback
    assert "client_secret" not in connected.json()
    read = httpx.get(f"{stack.identity.url}/v1/orgs/{org.org_id}/sso", headers=org.admin_headers)
    assert read.status_code == 200 and read.json()["issuer"] == client.issuer

    request = FrontendRequest.new()
    with browser_client(timeout=30) as browser:
        at_provider = _to_provider(browser, stack, request, email)
        assert at_provider.startswith(client.issuer + "/protocol/openid-connect/auth?")
        sent = parse_qs(urlsplit(at_provider).query)
        assert sent["client_id"] == [client.client_id]
        assert sent["redirect_uri"] == [stack.callback]
        assert sent["code_challenge_method"] == ["S256"]
        assert sent["login_hint"] == [email]
        callback = sign_in(
            at_provider,
            username=email,
            password=PASSWORD,
            redirect_uri=stack.callback,
            client=browser,
        )
        answered = browser.get(callback)
        # The same callback again: the sign-in it belonged to is spent.
        replayed = browser.get(callback)
    code = _code(answered, request)
    assert replayed.status_code == 400
    assert "already used" in _page(replayed).error

    tokens = _tokens(stack, code, request)
    id_token = _claims(tokens["id_token"])
    assert id_token["iss"] == stack.issuer and id_token["aud"] == [FRONTEND]
    assert id_token["nonce"] == request.nonce
    assert id_token["email"] == email and id_token["name"] == "Lena Park"
    assert id_token["org"] == org.org_id
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    me = httpx.get(f"{stack.identity.url}/v1/users/me", headers=bearer)
    assert me.status_code == 200, me.text
    assert me.json()["profession"] == "nurse_practitioner"
    assert me.json()["org_roles"] == ["member"]
    teams = httpx.get(f"{stack.teams.url}/v1/teams", headers=bearer)
    assert teams.status_code == 200, teams.text

    # The link is the provider's subject: a new email there is still the same person here.
    admin.update_user(realm, subject, email=f"lena.p.{uuid.uuid4().hex[:6]}@{DOMAIN}")
    assert admin.user(realm, subject)["email"].startswith("lena.p.")
    again = FrontendRequest.new()
    with browser_client(timeout=30) as browser:
        returned = _back_from_provider(browser, stack, again, typed=email, username=email)
    tokens = _tokens(stack, _code(returned, again), again)
    assert _claims(tokens["access_token"])["sub"] == me.json()["id"]

    metrics = httpx.get(f"{stack.identity.url}/metrics").text
    assert 'huddle_sign_ins_total{method="sso",result="succeeded"}' in metrics

    audit = httpx.get(
        f"{stack.identity.url}/v1/orgs/{org.org_id}/sign-ins",
        params={"method": "sso"},
        headers=org.admin_headers,
    ).json()["items"]
    assert [(e["result"], e["user_id"], e["client_id"], e["identity_provider"]) for e in audit] == [
        ("succeeded", me.json()["id"], FRONTEND, client.issuer)
    ] * 2

    # No secret, password, code or token in what identity logged or stored as events.
    logged = stack.identity.log_path.read_text(errors="replace")
    stored = stack.stored_events()
    assert "sso_connection_configured" in stored
    for secret in (client.client_secret, PASSWORD, code, tokens["access_token"]):
        assert secret not in logged
        assert secret not in stored


def test_a_domain_the_organisation_did_not_allow_is_refused(
    stack: Stack, admin: KeycloakAdmin
) -> None:
    realm, client = _realm(admin, stack)
    outsider = f"sam.lee.{uuid.uuid4().hex[:6]}@elsewhere.example"
    admin.create_user(realm, email=outsider, password=PASSWORD)
    org = _org(stack, domain=f"n{uuid.uuid4().hex[:6]}.example")
    assert _connect(stack, org, client).status_code == 200
    request = FrontendRequest.new()
    with browser_client(timeout=30) as browser:
        # The person types an address of the organisation's domain, then signs in at the
        # provider as someone of another domain.
        returned = _back_from_provider(
            browser, stack, request, typed=f"sam@{org.domain}", username=outsider
        )
    assert returned.status_code == 400
    assert "domain is not one your organisation signs in with" in _page(returned).error
    assert "location" not in returned.headers
    metrics = httpx.get(f"{stack.identity.url}/metrics").text
    assert 'huddle_sso_failures_total{reason="domain_not_allowed"}' in metrics
    audit = httpx.get(
        f"{stack.identity.url}/v1/orgs/{org.org_id}/sign-ins", headers=org.admin_headers
    ).json()["items"]
    latest = audit[0]
    assert (latest["method"], latest["result"], latest["reason"]) == (
        "sso",
        "failed",
        "domain_not_allowed",
    )


def test_without_creating_people_only_known_people_sign_in(
    stack: Stack, admin: KeycloakAdmin
) -> None:
    realm, client = _realm(admin, stack)
    org = _org(stack, domain=f"k{uuid.uuid4().hex[:6]}.example")
    known = f"noor.haddad@{org.domain}"
    unknown = f"eli.moss@{org.domain}"
    for email in (known, unknown):
        admin.create_user(realm, email=email, password=PASSWORD)
    added = httpx.post(
        f"{stack.identity.url}/v1/users", json=_person(known), headers=org.admin_headers
    )
    assert added.status_code == 201, added.text
    assert _connect(stack, org, client, create_people=False).status_code == 200

    request = FrontendRequest.new()
    with browser_client(timeout=30) as browser:
        returned = _back_from_provider(browser, stack, request, typed=known, username=known)
    tokens = _tokens(stack, _code(returned, request), request)
    assert _claims(tokens["access_token"])["sub"] == added.json()["id"]

    request = FrontendRequest.new()
    with browser_client(timeout=30) as browser:
        refused = _back_from_provider(browser, stack, request, typed=unknown, username=unknown)
    assert refused.status_code == 400
    assert "no Huddle account" in _page(refused).error


def test_an_organisation_that_requires_sso_has_no_passwords(
    stack: Stack, admin: KeycloakAdmin
) -> None:
    realm, client = _realm(admin, stack)
    org = _org(stack, domain=f"r{uuid.uuid4().hex[:6]}.example")
    clinician = f"ada.ng@{org.domain}"
    added = httpx.post(
        f"{stack.identity.url}/v1/users", json=_person(clinician), headers=org.admin_headers
    )
    assert added.status_code == 201
    grant = {"grant_type": "password", "username": clinician, "password": PASSWORD}
    assert httpx.post(f"{stack.identity.url}/v1/auth/token", data=grant).status_code == 200
    assert _connect(stack, org, client, required=True).status_code == 200
    refused = httpx.post(f"{stack.identity.url}/v1/auth/token", data=grant)
    assert refused.status_code == 400
    assert "identity provider" in refused.json()["detail"]

    # On the sign-in page, a password is no way around it: the provider is where they go.
    admin.create_user(realm, email=clinician, password=PASSWORD)
    request = FrontendRequest.new()
    with browser_client(timeout=30) as browser:
        page = browser.get(request.url(stack))
        sent = browser.post(
            f"{stack.identity.url}/v1/auth/authorize",
            data={**_page(page).hidden, "email": clinician, "password": PASSWORD},
        )
    assert sent.status_code == 302
    assert sent.headers["location"].startswith(client.issuer)

    removed = httpx.delete(
        f"{stack.identity.url}/v1/orgs/{org.org_id}/sso", headers=org.admin_headers
    )
    assert removed.status_code == 204
    assert httpx.post(f"{stack.identity.url}/v1/auth/token", data=grant).status_code == 200


def test_a_domain_belongs_to_one_organisation_and_the_provider_must_be_reachable(
    stack: Stack, admin: KeycloakAdmin
) -> None:
    _, client = _realm(admin, stack)
    first = _org(stack, domain=f"d{uuid.uuid4().hex[:6]}.example")
    assert _connect(stack, first, client).status_code == 200
    second = _org(stack, domain=first.domain)
    taken = _connect(stack, second, client)
    assert taken.status_code == 409, taken.text
    assert first.domain in taken.json()["detail"]

    nowhere = OidcClient("http://127.0.0.1:9/realms/none", "x", "y", stack.callback)
    unreachable = _connect(stack, _org(stack, domain=f"u{uuid.uuid4().hex[:6]}.example"), nowhere)
    assert unreachable.status_code == 422
    assert "cannot be used" in unreachable.json()["detail"]

    # The issuer a provider's discovery names must be the one configured, exactly.
    elsewhere = client.issuer.replace("127.0.0.1", "localhost")
    named = httpx.get(f"{elsewhere}/.well-known/openid-configuration").json()["issuer"]
    if named != elsewhere:  # Keycloak names its issuer by its configured host, not the request's
        other = OidcClient(elsewhere, client.client_id, client.client_secret, stack.callback)
        mismatch = _connect(stack, _org(stack, domain=f"w{uuid.uuid4().hex[:6]}.example"), other)
        assert mismatch.status_code == 422
        assert "names the issuer" in mismatch.json()["detail"]


# ---- the ID token's checks, on real tokens from Keycloak ------------------------------------


def _keycloak_tokens(client: OidcClient, *, username: str, nonce: str) -> dict[str, Any]:
    """An ID token Keycloak issues to ``client`` for ``username`` (the relying party's view)."""
    discovery = httpx.get(f"{client.issuer}/.well-known/openid-configuration").json()
    verifier = secrets.token_urlsafe(48)
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client.client_id,
            "redirect_uri": client.redirect_uri,
            "scope": "openid email profile",
            "state": "s",
            "nonce": nonce,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    back = sign_in(
        f"{discovery['authorization_endpoint']}?{query}",
        username=username,
        password=PASSWORD,
        redirect_uri=client.redirect_uri,
    )
    code = parse_qs(urlsplit(back).query)["code"][0]
    response = httpx.post(
        discovery["token_endpoint"],
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": client.redirect_uri,
            "code_verifier": verifier,
        },
        auth=(client.client_id, client.client_secret),
    )
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    return tokens


def _connection(client: OidcClient) -> Connection:
    settings = validated(
        SsoSettings(
            issuer=client.issuer,
            client_id=client.client_id,
            email_domains=(DOMAIN,),
            claims={},
            role_values={},
            create_people=False,
            required=False,
        )
    )
    return Connection("org", settings, client.client_secret)


async def test_wrong_nonce_issuer_audience_or_expiry_are_each_refused(
    admin: KeycloakAdmin,
) -> None:
    redirect = "http://127.0.0.1:9/cb"
    realm = admin.create_realm()
    client = admin.create_client(realm, redirect_uri=redirect)
    other_client = admin.create_client(realm, redirect_uri=redirect)
    other_realm = admin.create_realm()
    foreign = admin.create_client(other_realm, redirect_uri=redirect)
    email = f"kai.ito.{uuid.uuid4().hex[:6]}@{DOMAIN}"
    admin.create_user(realm, email=email, password=PASSWORD)
    admin.create_user(other_realm, email=email, password=PASSWORD)
    nonce = secrets.token_urlsafe(16)
    tokens = _keycloak_tokens(client, username=email, nonce=nonce)
    providers = IdentityProviders(allow_private=True, timeout_s=10, cache_s=0)
    now = datetime.now(UTC)
    try:
        claims = await verify(providers, _connection(client), tokens, nonce=nonce, now=now)
        assert claims["email"] == email

        async def refused(connection: Connection, token: dict[str, Any], **kw: Any) -> str:
            with pytest.raises(SsoFailed) as failure:
                await verify(providers, connection, token, **{"nonce": nonce, "now": now, **kw})
            return failure.value.reason

        assert await refused(_connection(client), tokens, nonce="another") == "nonce_mismatch"
        # Issued to another client of the same realm: not Huddle's audience.
        assert await refused(_connection(other_client), tokens) == "audience_mismatch"
        # A token from another realm (another issuer), presented as this realm's.
        foreign_tokens = _keycloak_tokens(foreign, username=email, nonce=nonce)
        # Signed by a key this realm does not publish: refused before its issuer is read.
        assert await refused(_connection(client), foreign_tokens) == "id_token_invalid"
        later = datetime.fromtimestamp(time.time() + 3 * 3600, UTC)
        assert await refused(_connection(client), tokens, now=later) == "id_token_expired"
        tampered = dict(tokens)
        head, body, signature = tokens["id_token"].split(".")
        changed = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        changed["email"] = "someone.else@" + DOMAIN
        forged = base64.urlsafe_b64encode(json.dumps(changed).encode()).rstrip(b"=").decode()
        tampered["id_token"] = f"{head}.{forged}.{signature}"
        assert await refused(_connection(client), tampered) == "id_token_invalid"
    finally:
        await providers.close()


async def test_a_provider_on_a_private_network_is_refused_by_default(
    start_identity: Any,
) -> None:
    async with start_identity() as service:
        org = await sign_up(service.client)
        headers = await bearer(service.client, org["admin_email"])
        response = await service.client.put(
            f"/v1/orgs/{org['org']['id']}/sso",
            json={
                "issuer": "http://127.0.0.1:8180/realms/huddle-dev",
                "client_id": "huddle",
                "client_secret": "s",
                "email_domains": ["riverside.example"],
            },
            headers=headers,
        )
        assert response.status_code == 422, response.text
        assert "must use https" in response.json()["detail"]
        missing = await service.client.get(f"/v1/orgs/{org['org']['id']}/sso", headers=headers)
        assert missing.status_code == 404
