"""The test session's Keycloak is a real OpenID Connect provider, as a relying party meets one.

A realm, a confidential client with one redirect URI and a person are made through Keycloak's
admin API; authlib runs the authorization-code flow with PKCE (S256) against it, the sign-in
helper plays the person at Keycloak's own login page, and the ID token is verified with
joserfc against the realm's published keys: issuer, audience, nonce, expiry, and the claims
Huddle maps (name, email, profession). Keycloak itself refuses a wrong code verifier, a code
used twice and a redirect URI the client did not register.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import OAuth2Client
from joserfc import jwt
from joserfc.errors import InvalidClaimError
from joserfc.jwk import KeySet

from huddle_devtools.testing.keycloak import (
    KeycloakAdmin,
    KeycloakServer,
    OidcClient,
    SignInRefused,
    sign_in,
)

pytestmark = pytest.mark.timeout(300)

REDIRECT_URI = "http://127.0.0.1:8001/v1/auth/sso/callback"
PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Provider:
    client: OidcClient
    email: str
    subject: str
    discovery: dict[str, Any]


@pytest.fixture
def admin(keycloak: KeycloakServer) -> Iterator[KeycloakAdmin]:
    with keycloak.admin() as admin:
        yield admin


@pytest.fixture
def provider(admin: KeycloakAdmin) -> Provider:
    """A realm of its own with a client and one clinician in it."""
    realm = admin.create_realm(display_name="Northside Health")
    client = admin.create_client(realm, redirect_uri=REDIRECT_URI)
    email = f"lena.park.{secrets.token_hex(3)}@northside.example"
    subject = admin.create_user(
        realm,
        email=email,
        password=PASSWORD,
        first_name="Lena",
        last_name="Park",
        attributes={"profession": "nurse"},
    )
    discovery = httpx.get(f"{client.issuer}/.well-known/openid-configuration", timeout=10)
    discovery.raise_for_status()
    return Provider(client, email, subject, discovery.json())


def relying_party(client: OidcClient) -> OAuth2Client:
    return OAuth2Client(
        client_id=client.client_id,
        client_secret=client.client_secret,
        token_endpoint_auth_method="client_secret_basic",
        scope="openid profile email",
        redirect_uri=client.redirect_uri,
        code_challenge_method="S256",
        timeout=30,
    )


def authorize(rp: OAuth2Client, provider: Provider, verifier: str, nonce: str) -> tuple[str, str]:
    """(callback URL, state) after the person signs in at Keycloak."""
    url, state = rp.create_authorization_url(
        provider.discovery["authorization_endpoint"], code_verifier=verifier, nonce=nonce
    )
    callback = sign_in(
        url, username=provider.email, password=PASSWORD, redirect_uri=provider.client.redirect_uri
    )
    return callback, state


def verified_claims(id_token: str, provider: Provider, nonce: str) -> dict[str, Any]:
    jwks = httpx.get(provider.discovery["jwks_uri"], timeout=10).json()
    token = jwt.decode(id_token, KeySet.import_key_set(jwks), algorithms=["RS256"])
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": provider.client.issuer},
        aud={"essential": True, "value": provider.client.client_id},
        nonce={"essential": True, "value": nonce},
        exp={"essential": True},
        iat={"essential": True},
        sub={"essential": True},
    ).validate(token.claims)
    return dict(token.claims)


def test_a_person_signs_in_through_keycloak_with_pkce_and_the_id_token_verifies(
    provider: Provider,
) -> None:
    assert provider.discovery["issuer"] == provider.client.issuer
    assert "S256" in provider.discovery["code_challenge_methods_supported"]
    verifier, nonce = generate_token(48), generate_token(24)
    with relying_party(provider.client) as rp:
        callback, state = authorize(rp, provider, verifier, nonce)
        assert callback.startswith(f"{REDIRECT_URI}?"), callback
        token = rp.fetch_token(
            provider.discovery["token_endpoint"],
            authorization_response=callback,
            state=state,
            code_verifier=verifier,
        )
    claims = verified_claims(token["id_token"], provider, nonce)
    assert claims["sub"] == provider.subject
    assert claims["exp"] > time.time()
    assert claims["email"] == provider.email
    assert claims["email_verified"] is True
    assert claims["name"] == "Lena Park"
    assert claims["profession"] == "nurse"
    with pytest.raises(InvalidClaimError):
        verified_claims(token["id_token"], provider, nonce="another-sign-in")


def test_keycloak_refuses_a_wrong_verifier_a_reused_code_and_an_unregistered_redirect(
    provider: Provider,
) -> None:
    verifier, nonce = generate_token(48), generate_token(24)
    token_endpoint = provider.discovery["token_endpoint"]
    client = provider.client
    with relying_party(client) as rp:
        callback, _ = authorize(rp, provider, verifier, nonce)
        code = httpx.URL(callback).params["code"]

        def exchange(code_verifier: str) -> httpx.Response:
            return httpx.post(
                token_endpoint,
                data={
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": client.redirect_uri,
                    "code_verifier": code_verifier,
                },
                auth=(client.client_id, client.client_secret),
                timeout=30,
            )

        wrong = exchange(generate_token(48))
        assert wrong.status_code == 400, wrong.text
        assert wrong.json()["error"] == "invalid_grant"
        # Keycloak spends a code on any attempt, so the right verifier now fails too.
        reused = exchange(verifier)
        assert reused.status_code == 400, reused.text
        assert reused.json()["error"] == "invalid_grant"

        elsewhere, _ = rp.create_authorization_url(
            provider.discovery["authorization_endpoint"],
            code_verifier=verifier,
            nonce=nonce,
            redirect_uri="http://127.0.0.1:8001/v1/auth/sso/elsewhere",
        )
    with pytest.raises(SignInRefused, match="Invalid parameter: redirect_uri"):
        sign_in(elsewhere, username=provider.email, password=PASSWORD, redirect_uri=REDIRECT_URI)


def test_a_wrong_password_is_refused_at_the_login_page(provider: Provider) -> None:
    with relying_party(provider.client) as rp:
        url, _ = rp.create_authorization_url(
            provider.discovery["authorization_endpoint"],
            code_verifier=generate_token(48),
            nonce=generate_token(24),
        )
    with pytest.raises(SignInRefused, match="Invalid username or password"):
        sign_in(url, username=provider.email, password="wrong", redirect_uri=REDIRECT_URI)


def test_a_person_changed_at_keycloak_signs_in_with_the_same_subject(
    provider: Provider, admin: KeycloakAdmin
) -> None:
    realm = provider.client.issuer.rsplit("/", 1)[1]
    new_email = f"lena.p.{secrets.token_hex(3)}@northside.example"
    admin.update_user(
        realm, provider.subject, email=new_email, attributes={"profession": "physician"}
    )
    changed = admin.user(realm, provider.subject)
    assert changed["email"] == new_email
    assert changed["firstName"] == "Lena", "what was not named is kept"
    assert changed["attributes"]["profession"] == ["physician"]

    verifier, nonce = generate_token(48), generate_token(24)
    with relying_party(provider.client) as rp:
        url, state = rp.create_authorization_url(
            provider.discovery["authorization_endpoint"], code_verifier=verifier, nonce=nonce
        )
        callback = sign_in(
            url, username=new_email, password=PASSWORD, redirect_uri=provider.client.redirect_uri
        )
        token = rp.fetch_token(
            provider.discovery["token_endpoint"],
            authorization_response=callback,
            state=state,
            code_verifier=verifier,
        )
    claims = verified_claims(token["id_token"], provider, nonce)
    assert (claims["sub"], claims["email"]) == (provider.subject, new_email)
    assert claims["email_verified"] is True
    assert claims["profession"] == "physician"
