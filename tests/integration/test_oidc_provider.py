"""Huddle as an OpenID provider for its frontends: the authorization-code flow with PKCE
driven by authlib's own OAuth client, against identity on a real PostgreSQL; the ID token
verified with joserfc against the published JWKS."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import AsyncOAuth2Client
from authlib.oidc.core import CodeIDToken
from authlib.oidc.discovery import OpenIDProviderMetadata
from joserfc import jwt
from joserfc.jwk import KeySet
from sqlalchemy import update
from sqlalchemy.ext.asyncio import create_async_engine

from huddle_identity.adapters.tables import authorization_codes
from huddle_identity.application.audit import AuditRetention
from huddle_shared.config import to_asyncpg_url

from .conftest import RunningService
from .identity_support import PASSWORD, bearer, metric_value, sign_in, sign_up, start_identity

__all__ = ["start_identity"]

pytestmark = [pytest.mark.postgres, pytest.mark.kafka]
ISSUER = "http://127.0.0.1:8001"
CLIENT_ID = "huddle-console"
REDIRECT = "http://127.0.0.1:8080/signin/callback"
OTHER_REDIRECT = "http://127.0.0.1:5173/signin/callback"
CLIENTS = [
    {"client_id": CLIENT_ID, "name": "Huddle console", "redirect_uris": [REDIRECT]},
    {"client_id": "huddle-mobile", "name": "Huddle mobile", "redirect_uris": [OTHER_REDIRECT]},
]


@pytest.fixture
async def identity(start_identity: Callable[..., Any]) -> AsyncIterator[RunningService]:
    async with start_identity(issuer_url=ISSUER, oauth_clients=CLIENTS) as service:
        yield service


class _Form(HTMLParser):
    """The sign-in page's form: its action and hidden fields, and the error it shows."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.hidden: dict[str, str] = {}
        self.error = ""
        self._in_error = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.action = a.get("action")
        elif tag == "input" and a.get("type") == "hidden":
            self.hidden[a["name"]] = a.get("value", "")
        elif tag == "p" and a.get("id") == "error":
            self._in_error = True

    def handle_endtag(self, tag: str) -> None:
        self._in_error = False if tag == "p" else self._in_error

    def handle_data(self, data: str) -> None:
        if self._in_error:
            self.error += data


def _page(response: httpx.Response) -> _Form:
    form = _Form()
    form.feed(response.text)
    return form


def _oauth(identity: RunningService, **kwargs: Any) -> AsyncOAuth2Client:
    """authlib's OAuth client (a public client: no secret, PKCE S256) over identity's app."""
    return AsyncOAuth2Client(
        client_id=kwargs.pop("client_id", CLIENT_ID),
        redirect_uri=kwargs.pop("redirect_uri", REDIRECT),
        scope="openid profile email",
        code_challenge_method="S256",
        token_endpoint_auth_method="none",
        transport=identity.client._transport,
        base_url="http://test",
        **kwargs,
    )


class Flow:
    """One sign-in: the authorization URL with its state, nonce and PKCE verifier."""

    def __init__(self, oauth: AsyncOAuth2Client, **params: str) -> None:
        self.oauth = oauth
        self.verifier = generate_token(48)
        self.nonce = generate_token(16)
        url, self.state = oauth.create_authorization_url(
            "http://test/v1/auth/authorize",
            code_verifier=self.verifier,
            nonce=self.nonce,
            **params,
        )
        self.path = url.removeprefix("http://test")


async def _signed_in_redirect(
    identity: RunningService, flow: Flow, email: str, password: str = PASSWORD
) -> httpx.Response:
    page = await identity.client.get(flow.path)
    assert page.status_code == 200, page.text
    form = _page(page)
    assert form.action == "authorize"  # relative: the page works under any path prefix
    return await identity.client.post(
        "/v1/auth/authorize", data={**form.hidden, "email": email, "password": password}
    )


async def _code(identity: RunningService, flow: Flow, email: str) -> str:
    response = await _signed_in_redirect(identity, flow, email)
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    assert location.startswith(REDIRECT + "?")
    query = parse_qs(urlsplit(location).query)
    assert query["state"] == [flow.state]
    return query["code"][0]


async def _exchange(
    identity: RunningService, code: str, verifier: str | None, **extra: str
) -> httpx.Response:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT,
        "client_id": CLIENT_ID,
        **({"code_verifier": verifier} if verifier else {}),
        **extra,
    }
    return await identity.client.post("/v1/auth/token", data=form)


def _error_redirect(response: httpx.Response, redirect: str = REDIRECT) -> dict[str, list[str]]:
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    assert location.startswith(redirect + "?")
    return parse_qs(urlsplit(location).query)


async def test_discovery_is_valid_openid_provider_metadata(identity: RunningService) -> None:
    response = await identity.client.get("/.well-known/openid-configuration")
    assert response.status_code == 200
    metadata = OpenIDProviderMetadata(response.json())
    # Every rule of authlib's validator holds but one: Discovery 1.0 wants RS256 among the ID
    # token algorithms, and Huddle signs with ES256 only (its frontends verify ES256).
    rules = [name for name in dir(metadata) if name.startswith("validate_")]
    assert "validate_id_token_signing_alg_values_supported" in rules
    for name in rules:
        if name != "validate_id_token_signing_alg_values_supported":
            getattr(metadata, name)()
    assert metadata["id_token_signing_alg_values_supported"] == ["ES256"]
    assert metadata["issuer"] == ISSUER
    assert metadata["authorization_endpoint"] == f"{ISSUER}/v1/auth/authorize"
    assert metadata["jwks_uri"] == f"{ISSUER}/.well-known/jwks.json"
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert "password" in metadata["grant_types_supported"]  # a test environment


async def test_a_person_signs_in_through_the_code_flow_and_the_tokens_work(
    identity: RunningService,
) -> None:
    org = await sign_up(identity.client, "Harbourview Clinic")
    email = org["admin_email"]
    async with _oauth(identity) as oauth:
        flow = Flow(oauth)
        page = await identity.client.get(flow.path)
        assert page.status_code == 200
        assert "Huddle console" in page.text
        # A person who forgot their password asks the console's page for a reset link.
        assert 'href="http://127.0.0.1:8080/#/forgot-password"' in page.text
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert "form-action 'self' http://127.0.0.1:8080" in page.headers["content-security-policy"]
        assert page.headers["cache-control"] == "no-store"
        assert "httponly" in page.headers["set-cookie"].lower()
        code = await _code(identity, flow, email)
        token = await oauth.fetch_token(
            "http://test/v1/auth/token",
            grant_type="authorization_code",
            code=code,
            code_verifier=flow.verifier,
        )
    assert token["scope"] == "openid profile email"
    assert token["token_type"] == "Bearer"

    jwks = (await identity.client.get("/.well-known/jwks.json")).json()
    id_token = jwt.decode(token["id_token"], KeySet.import_key_set(jwks), algorithms=["ES256"])
    assert id_token.header["kid"] in {k["kid"] for k in jwks["keys"]}
    claims = CodeIDToken(
        id_token.claims,
        id_token.header,
        options={"iss": {"value": ISSUER}, "aud": {"value": CLIENT_ID}},
        params={"nonce": flow.nonce, "access_token": token["access_token"]},
    )
    claims.validate(now=int(time.time()))  # signature checked above; iss, aud, nonce, at_hash
    assert claims["sub"] == org["admin"]["id"]
    assert claims["org"] == org["org"]["id"]
    assert claims["email"] == email
    assert claims["name"] == "Amara Okafor"
    assert claims["amr"] == ["pwd"]

    headers = {"Authorization": f"Bearer {token['access_token']}"}
    me = await identity.client.get("/v1/users/me", headers=headers)
    assert me.status_code == 200 and me.json()["id"] == org["admin"]["id"]
    info = await identity.client.get("/v1/auth/userinfo", headers=headers)
    assert info.status_code == 200
    assert info.json() == {
        "sub": org["admin"]["id"],
        "org": org["org"]["id"],
        "name": "Amara Okafor",
        "email": email,
    }

    refreshed = await identity.client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": token["refresh_token"]},
    )
    assert refreshed.status_code == 200, refreshed.text
    metrics = (await identity.client.get("/metrics")).text
    assert metric_value(metrics, 'huddle_sign_ins_total{method="password",result="succeeded"}') >= 1


async def test_an_unregistered_redirect_uri_or_client_gets_a_page_never_a_redirect(
    identity: RunningService,
) -> None:
    async with _oauth(identity, redirect_uri="https://attacker.example/cb") as oauth:
        response = await identity.client.get(Flow(oauth).path)
    assert response.status_code == 400
    assert "location" not in response.headers
    assert "not supported by client" in _page(response).error
    assert _page(response).action is None  # no sign-in form

    async with _oauth(identity, redirect_uri=REDIRECT + "/extra") as oauth:
        response = await identity.client.get(Flow(oauth).path)
    assert response.status_code == 400 and "location" not in response.headers

    async with _oauth(identity, client_id="nobody") as oauth:
        response = await identity.client.get(Flow(oauth).path)
    assert response.status_code == 400
    assert "does not exist" in _page(response).error

    # Another registered client's redirect URI is not this client's.
    async with _oauth(identity, redirect_uri=OTHER_REDIRECT) as oauth:
        response = await identity.client.get(Flow(oauth).path)
    assert response.status_code == 400 and "location" not in response.headers


async def test_pkce_is_required_and_only_s256(identity: RunningService) -> None:
    base = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "scope": "openid",
        "state": "s-123",
    }
    response = await identity.client.get("/v1/auth/authorize", params=base)
    query = _error_redirect(response)
    assert query["error"] == ["invalid_request"] and query["state"] == ["s-123"]
    assert "PKCE is required" in query["error_description"][0]

    verifier = generate_token(48)
    plain = {**base, "code_challenge": verifier, "code_challenge_method": "plain"}
    query = _error_redirect(await identity.client.get("/v1/auth/authorize", params=plain))
    assert query["error"] == ["invalid_request"]
    assert "S256" in query["error_description"][0]

    no_method = {**base, "code_challenge": verifier}
    query = _error_redirect(await identity.client.get("/v1/auth/authorize", params=no_method))
    assert query["error"] == ["invalid_request"]


async def test_a_missing_or_wrong_verifier_is_refused_and_spends_the_code(
    identity: RunningService,
) -> None:
    org = await sign_up(identity.client)
    async with _oauth(identity) as oauth:
        flow = Flow(oauth)
        code = await _code(identity, flow, org["admin_email"])
        missing = await _exchange(identity, code, None)
        assert missing.status_code == 400
        assert missing.headers["content-type"].startswith("application/problem+json")
        assert missing.json()["error"] == "invalid_request"
        assert "code_verifier" in missing.json()["error_description"]
        # That failed exchange spent the code: the right verifier no longer helps.
        late = await _exchange(identity, code, flow.verifier)
        assert late.status_code == 400 and late.json()["error"] == "invalid_grant"

        flow = Flow(oauth)
        code = await _code(identity, flow, org["admin_email"])
        wrong = await _exchange(identity, code, generate_token(48))
        assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"


async def test_a_reused_code_is_refused_and_revokes_what_it_gave(
    identity: RunningService,
) -> None:
    org = await sign_up(identity.client)
    async with _oauth(identity) as oauth:
        flow = Flow(oauth)
        code = await _code(identity, flow, org["admin_email"])
    first = await _exchange(identity, code, flow.verifier)
    assert first.status_code == 200, first.text
    again = await _exchange(identity, code, flow.verifier)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"
    # The tokens of the first exchange were revoked with it.
    refreshed = await identity.client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": first.json()["refresh_token"]},
    )
    assert refreshed.status_code == 400 and refreshed.json()["error"] == "invalid_grant"


async def test_the_code_is_bound_to_its_client_and_redirect_uri_and_expires(
    identity: RunningService,
) -> None:
    org = await sign_up(identity.client)
    async with _oauth(identity) as oauth:
        flow = Flow(oauth)
        code = await _code(identity, flow, org["admin_email"])
        other = await _exchange(identity, code, flow.verifier, redirect_uri=REDIRECT + "?x=1")
        assert other.status_code == 400 and other.json()["error"] == "invalid_grant"

        flow = Flow(oauth)
        code = await _code(identity, flow, org["admin_email"])
        stolen = await _exchange(identity, code, flow.verifier, client_id="huddle-mobile")
        assert stolen.status_code == 400 and stolen.json()["error"] == "invalid_grant"

        flow = Flow(oauth)
        code = await _code(identity, flow, org["admin_email"])
        engine = create_async_engine(to_asyncpg_url(identity.database_url))
        try:
            async with engine.begin() as conn:
                await conn.execute(
                    update(authorization_codes)
                    .where(authorization_codes.c.used_at.is_(None))
                    .values(expires_at=authorization_codes.c.auth_time)
                )
        finally:
            await engine.dispose()
        expired = await _exchange(identity, code, flow.verifier)
        assert expired.status_code == 400 and expired.json()["error"] == "invalid_grant"


async def test_the_sign_in_page_refuses_wrong_passwords_and_forged_posts(
    identity: RunningService,
) -> None:
    org = await sign_up(identity.client)
    async with _oauth(identity) as oauth:
        flow = Flow(oauth)
        wrong = await _signed_in_redirect(identity, flow, org["admin_email"], "not the password")
        assert wrong.status_code == 400
        assert "location" not in wrong.headers
        assert _page(wrong).error == "The email address or password is incorrect"
        assert org["admin_email"] in wrong.text  # the email stays filled in
        assert "not the password" not in wrong.text

        # A form posted from elsewhere has no matching anti-forgery cookie.
        form = _page(await identity.client.get(flow.path))
        identity.client.cookies.clear()
        forged = await identity.client.post(
            "/v1/auth/authorize",
            data={**form.hidden, "email": org["admin_email"], "password": PASSWORD},
        )
        assert forged.status_code == 400 and "location" not in forged.headers
        assert "expired" in _page(forged).error


async def test_a_nonce_is_accepted_once(identity: RunningService) -> None:
    org = await sign_up(identity.client)
    async with _oauth(identity) as oauth:
        flow = Flow(oauth)
        await _code(identity, flow, org["admin_email"])
        replay = await identity.client.get(flow.path)
    query = _error_redirect(replay)
    assert query["error"] == ["invalid_request"]


async def test_a_deactivated_person_cannot_exchange_a_code(identity: RunningService) -> None:
    org = await sign_up(identity.client)
    admin = await bearer(identity.client, org["admin_email"])
    nurse_email = f"nurse.{uuid.uuid4().hex[:6]}@riverside.example"
    created = await identity.client.post(
        "/v1/users",
        json={
            "email": nurse_email,
            "password": PASSWORD,
            "display_name": "Noor Haddad",
            "profession": "nurse",
        },
        headers=admin,
    )
    assert created.status_code == 201, created.text
    async with _oauth(identity) as oauth:
        flow = Flow(oauth)
        code = await _code(identity, flow, nurse_email)
    deactivated = await identity.client.post(
        f"/v1/users/{created.json()['id']}/deactivate",
        headers={**admin, "If-Match": created.headers["etag"]},
    )
    assert deactivated.status_code == 200, deactivated.text
    refused = await _exchange(identity, code, flow.verifier)
    assert refused.status_code == 400 and refused.json()["error"] == "invalid_grant"


async def test_revoking_a_refresh_token_ends_the_sign_in(identity: RunningService) -> None:
    org = await sign_up(identity.client)
    async with _oauth(identity) as oauth:
        flow = Flow(oauth)
        code = await _code(identity, flow, org["admin_email"])
    tokens = (await _exchange(identity, code, flow.verifier)).json()
    revoked = await identity.client.post(
        "/v1/auth/revoke",
        data={
            "token": tokens["refresh_token"],
            "token_type_hint": "refresh_token",
            "client_id": CLIENT_ID,
        },
    )
    assert revoked.status_code == 200, revoked.text
    refreshed = await identity.client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
    )
    assert refreshed.status_code == 400
    unknown = await identity.client.post(
        "/v1/auth/revoke", data={"token": "no-such-token", "client_id": CLIENT_ID}
    )
    assert unknown.status_code == 200
    no_client = await identity.client.post("/v1/auth/revoke", data={"token": "x"})
    assert no_client.status_code in (400, 401)
    assert no_client.json()["error"] == "invalid_client"


async def test_userinfo_needs_a_person_token_with_openid(identity: RunningService) -> None:
    org = await sign_up(identity.client)
    password_token = (await sign_in(identity.client, org["admin_email"])).json()["access_token"]
    response = await identity.client.get(
        "/v1/auth/userinfo", headers={"Authorization": f"Bearer {password_token}"}
    )
    assert response.status_code == 403
    assert re.search("openid", response.json()["detail"])


async def test_the_password_grant_can_be_turned_off(start_identity: Callable[..., Any]) -> None:
    async with start_identity(password_grant=False) as service:
        org = await sign_up(service.client)
        response = await sign_in(service.client, org["admin_email"])
        assert response.status_code == 400
        assert response.json()["error"] == "unsupported_grant_type"
        discovery = (await service.client.get("/.well-known/openid-configuration")).json()
        assert "password" not in discovery["grant_types_supported"]


async def test_parameters_that_are_not_printable_ascii_are_refused_not_a_500(
    identity: RunningService,
) -> None:
    # Found by the fuzzer: authlib refuses to put such a value in an error description.
    odd = {"code_challenge": "\u00e7\u00f2\u00a2", "state": "\u00a2+", "response_type": "\u0091"}
    page = await identity.client.get("/v1/auth/authorize", params=odd)
    assert page.status_code == 400 and "location" not in page.headers
    assert "printable ASCII" in _page(page).error
    valid = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method": "S256",
    }
    page = await identity.client.get("/v1/auth/authorize", params={**valid, "state": "caf\u00e9"})
    assert page.status_code == 400
    token = await _exchange(identity, "some-code", "v\u00e9rifier")
    assert token.status_code == 400 and token.json()["error"] == "invalid_request"
    revoked = await identity.client.post(
        "/v1/auth/revoke", data={"token": "t\u00e9", "client_id": CLIENT_ID}
    )
    assert revoked.status_code == 400 and revoked.json()["error"] == "invalid_request"


async def test_the_organisation_s_admins_read_its_sign_ins(identity: RunningService) -> None:
    org = await sign_up(identity.client)
    org_id, admin_id = org["org"]["id"], org["admin"]["id"]
    admin = await bearer(identity.client, org["admin_email"])  # a password grant
    async with _oauth(identity) as oauth:
        flow = Flow(oauth)
        wrong = await _signed_in_redirect(identity, flow, org["admin_email"], "not the password")
        assert wrong.status_code == 400
        await _code(identity, flow, org["admin_email"])
        nobody = await _signed_in_redirect(identity, Flow(oauth), "nobody@riverside.example")
        assert nobody.status_code == 400

    listed = await identity.client.get(f"/v1/orgs/{org_id}/sign-ins", headers=admin)
    assert listed.status_code == 200, listed.text
    entries = [
        (e["method"], e["result"], e["reason"], e["client_id"], e["user_id"])
        for e in listed.json()["items"]
    ]
    assert entries == [  # newest first; the unknown address is nobody's to read
        ("password", "succeeded", None, CLIENT_ID, admin_id),
        ("password", "failed", "wrong_password", None, admin_id),
        ("password_grant", "succeeded", None, None, admin_id),
    ]
    assert "not the password" not in listed.text

    failed = await identity.client.get(
        f"/v1/orgs/{org_id}/sign-ins", params={"result": "failed"}, headers=admin
    )
    assert [e["reason"] for e in failed.json()["items"]] == ["wrong_password"]
    first = await identity.client.get(
        f"/v1/orgs/{org_id}/sign-ins", params={"limit": 2}, headers=admin
    )
    rest = await identity.client.get(
        f"/v1/orgs/{org_id}/sign-ins",
        params={"limit": 2, "cursor": first.json()["next_cursor"]},
        headers=admin,
    )
    assert [e["id"] for e in first.json()["items"] + rest.json()["items"]] == [
        e["id"] for e in listed.json()["items"]
    ]
    assert rest.json()["next_cursor"] is None
    forged = await identity.client.get(
        f"/v1/orgs/{org_id}/sign-ins", params={"cursor": "WyJ4Il0"}, headers=admin
    )
    assert forged.status_code == 400

    other = await sign_up(identity.client, "Other Practice")
    stranger = await bearer(identity.client, other["admin_email"])
    hidden = await identity.client.get(f"/v1/orgs/{org_id}/sign-ins", headers=stranger)
    assert hidden.status_code == 404


async def test_sign_ins_past_the_retention_are_forgotten(identity: RunningService) -> None:
    org = await sign_up(identity.client)
    admin = await bearer(identity.client, org["admin_email"])
    parts = identity.app.state.identity
    now = parts.clock()
    keep = AuditRetention(engine=parts.engine, clock=lambda: now, retention=timedelta(days=1))
    assert await keep.forget_old() == 0
    later = AuditRetention(
        engine=parts.engine, clock=lambda: now + timedelta(days=2), retention=timedelta(days=1)
    )
    assert await later.forget_old() >= 1
    listed = await identity.client.get(f"/v1/orgs/{org['org']['id']}/sign-ins", headers=admin)
    assert listed.json()["items"] == []
