"""Huddle as an OAuth 2.0 / OpenID Connect provider, on authlib's authorization server.

authlib decides the protocol: the authorization request (client, exact redirect URI, response
type, scope, PKCE), the code exchange (public-client authentication, redirect URI, verifier),
the ID token and the revocation request. Its server is synchronous, so each request runs it
over an ``Exchange``: what the request needs is loaded into it before (the client from the
settings, the code, the person, the signing key), and what the server decided is left in it
(a code to store, a refresh token to store, a family to revoke) for the caller to write after.
No I/O happens inside the protocol and no thread waits on the event loop.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from authlib.oauth2.rfc6749 import (
    AuthorizationServer,
    ClientMixin,
    InvalidRequestError,
    OAuth2Payload,
    OAuth2Request,
)
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant
from authlib.oauth2.rfc7009 import RevocationEndpoint
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import AuthorizationCodeMixin, OpenIDCode, UserInfo
from cryptography.hazmat.primitives import serialization
from joserfc.jwk import ECKey

from huddle_identity.application.passwords import secret_digest as digest
from huddle_identity.application.signing import ALG, SigningKey
from huddle_identity.application.tokens import TokenService

SCOPES = ("openid", "profile", "email")
GRANT_TYPES = ("authorization_code", "refresh_token")


@dataclass(frozen=True)
class FrontendClient(ClientMixin):
    """A public client (a browser or mobile frontend): no secret, PKCE always, redirect URIs
    matched exactly as registered."""

    client_id: str
    name: str
    redirect_uris: tuple[str, ...]

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> None:
        return None  # every request names its redirect URI

    def get_allowed_scope(self, scope: str | None) -> str:
        requested = (scope or "").split()
        return " ".join(s for s in SCOPES if s in requested)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return False

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "none"

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in GRANT_TYPES


@dataclass(frozen=True)
class Person:
    """Who signs in: what the tokens and the ID token say of them."""

    user_id: str
    org_id: str
    org_roles: tuple[str, ...]
    email: str | None
    display_name: str | None


@dataclass(frozen=True)
class IssuedCode(AuthorizationCodeMixin):
    code_hash: str
    client_id: str
    user_id: str
    org_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    nonce: str | None
    code_challenge: str
    code_challenge_method: str
    auth_time: datetime
    auth_method: str

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return " ".join(self.scopes)

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return int(self.auth_time.timestamp())

    def get_amr(self) -> list[str] | None:
        # RFC 8176 names a password; a sign-in at the organisation's provider is its own
        # business (its ID token said how), so Huddle's states none.
        return ["pwd"] if self.auth_method == "password" else None


@dataclass(frozen=True)
class Revocable:
    """A refresh token that a revocation request names, by the family it belongs to."""

    family_id: str

    def check_client(self, client: FrontendClient) -> bool:
        return True  # refresh tokens are not bound to a client (yet): any client may revoke


@dataclass(frozen=True)
class StoredRefresh:
    token_hash: str
    family_id: str


@dataclass
class Exchange:
    """One request's inputs (loaded before) and the server's decisions (written after)."""

    now: datetime
    auth_method: str = "password"
    person: Person | None = None
    code: IssuedCode | None = None
    key: SigningKey | None = None
    nonce_seen: bool = False
    revocable: Revocable | None = None
    new_code: IssuedCode | None = None
    new_refresh: StoredRefresh | None = None
    revoke_family: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What authlib answered: a status, a body (a dict, or text) and headers."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def location(self) -> str | None:
        return self.headers.get("Location")


class _Payload(OAuth2Payload):
    def __init__(self, values: Sequence[tuple[str, str]]) -> None:
        self._values = list(values)

    @property
    def data(self) -> dict[str, str]:
        # The first of each name; authlib refuses repeated protocol parameters itself.
        first: dict[str, str] = {}
        for name, value in self._values:
            first.setdefault(name, value)
        return first

    def datalist_items(self) -> list[tuple[str, str]]:
        return list(self._values)

    @property
    def datalist(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for name, value in self._values:
            grouped.setdefault(name, []).append(value)
        return grouped


class ProtocolRequest(OAuth2Request):
    """A request's protocol parameters (the query of an authorization request, the form of a
    token or revocation request), at the URL it was made to under the issuer."""

    def __init__(
        self, method: str, uri: str, values: Sequence[tuple[str, str]], headers: Mapping[str, str]
    ) -> None:
        super().__init__(method, uri, headers=dict(headers))
        self.payload = _Payload(values)

    @property
    def args(self) -> dict[str, str]:
        data: dict[str, str] = self.payload.data
        return data

    @property
    def form(self) -> dict[str, str]:
        data: dict[str, str] = self.payload.data
        return data


class _S256Only(CodeChallenge):
    """PKCE is required of every client, and only with S256 (never ``plain``)."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]
    DEFAULT_CODE_CHALLENGE_METHOD = "S256"

    def validate_code_challenge(self, grant: Any, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError("PKCE is required: send code_challenge (S256)")
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("code_challenge_method must be S256")
        super().validate_code_challenge(grant, redirect_uri)


class _CodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]

    @property
    def exchange(self) -> Exchange:
        server: ProviderServer = self.server
        return server.exchange

    def save_authorization_code(self, code: str, request: ProtocolRequest) -> None:
        data = request.payload.data
        self.exchange.new_code = IssuedCode(
            code_hash=digest(code),
            client_id=request.client.client_id,
            user_id=request.user.user_id,
            org_id=request.user.org_id,
            redirect_uri=request.payload.redirect_uri,
            scopes=tuple(request.scope.split()),
            nonce=data.get("nonce"),
            code_challenge=data["code_challenge"],
            code_challenge_method=data["code_challenge_method"],
            auth_time=self.exchange.now,
            auth_method=self.exchange.auth_method,
        )

    def query_authorization_code(self, code: str, client: FrontendClient) -> IssuedCode | None:
        loaded = self.exchange.code
        if loaded is None or loaded.code_hash != digest(code):
            return None
        return loaded if loaded.client_id == client.client_id else None

    def delete_authorization_code(self, authorization_code: IssuedCode) -> None:
        """Nothing to do: the code was spent when it was loaded, before the exchange."""

    def authenticate_user(self, authorization_code: IssuedCode) -> Person | None:
        return self.exchange.person


class _OpenIDCode(OpenIDCode):
    def __init__(self, server: ProviderServer) -> None:
        super().__init__(require_nonce=False)
        self._server = server

    def exists_nonce(self, nonce: str, request: ProtocolRequest) -> bool:
        return self._server.exchange.nonce_seen

    def resolve_client_private_key(self, client: FrontendClient) -> ECKey:
        key = self._server.signing_key()
        pem = key.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return ECKey.import_key(pem)

    def get_client_algorithm(self, client: FrontendClient) -> str:
        return ALG

    def get_encode_header(self, client: FrontendClient) -> dict[str, str]:
        return {"alg": ALG, "kid": self._server.signing_key().kid}

    def get_client_claims(self, client: FrontendClient) -> dict[str, Any]:
        now = self._server.exchange.now
        return {
            "iss": self._server.issuer,
            "aud": [client.client_id],
            "iat": int(now.timestamp()),
            "exp": int((now + self._server.tokens.access_ttl).timestamp()),
        }

    def generate_user_info(self, user: Person, scope: str) -> UserInfo:
        return user_info(user, scope.split())


def user_info(person: Person, scopes: Sequence[str]) -> UserInfo:
    """The claims of a person that their scopes release: ``sub`` and Huddle's ``org`` always,
    ``name`` with ``profile``, ``email`` with ``email``."""
    claims = UserInfo(sub=person.user_id, org=person.org_id)
    if "profile" in scopes and person.display_name is not None:
        claims["name"] = person.display_name
    if "email" in scopes and person.email is not None:
        claims["email"] = person.email
    return claims


class _Revocation(RevocationEndpoint):
    CLIENT_AUTH_METHODS = ["none"]

    def query_token(self, token_string: str, token_type_hint: str | None) -> Revocable | None:
        server: ProviderServer = self.server
        return server.exchange.revocable

    def revoke_token(self, token: Revocable, request: ProtocolRequest) -> None:
        server: ProviderServer = self.server
        server.exchange.revoke_family = token.family_id


class ProviderServer(AuthorizationServer):
    """authlib's server over one ``Exchange``; built per request (it is cheap)."""

    def __init__(
        self,
        *,
        issuer: str,
        clients: Mapping[str, FrontendClient],
        tokens: TokenService,
        exchange: Exchange,
    ) -> None:
        super().__init__(scopes_supported=list(SCOPES))
        self.issuer = issuer
        self.clients = clients
        self.tokens = tokens
        self.exchange = exchange
        self.register_grant(_CodeGrant, [_S256Only(required=True), _OpenIDCode(self)])
        self.register_token_generator("default", self._generate_token)
        self.register_endpoint(_Revocation)

    def signing_key(self) -> SigningKey:
        if self.exchange.key is None:
            raise RuntimeError("the signing key was not loaded for this exchange")
        return self.exchange.key

    def query_client(self, client_id: str) -> FrontendClient | None:
        return self.clients.get(client_id)

    def save_token(self, token: dict[str, Any], request: ProtocolRequest) -> None:
        """Nothing to do: the refresh token is stored by the caller from the exchange."""

    def create_oauth2_request(self, request: ProtocolRequest) -> ProtocolRequest:
        return request

    def handle_response(
        self, status: int, body: Any, headers: Sequence[tuple[str, str]] | Mapping[str, str]
    ) -> Outcome:
        return Outcome(status, body, dict(headers))

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        """No signals: the caller records what happened."""

    def _generate_token(
        self,
        grant_type: str,
        client: FrontendClient,
        user: Person | None = None,
        scope: str | None = None,
        expires_in: int | None = None,
        include_refresh_token: bool = True,
    ) -> dict[str, Any]:
        if user is None:
            raise RuntimeError("tokens of this provider are always issued to a person")
        now = self.exchange.now
        scopes = (scope or "").split()
        access = self.tokens.sign_access(
            self.signing_key(),
            subject=user.user_id,
            org_id=user.org_id,
            roles=user.org_roles,
            scopes=scopes,
            client=False,
            now=now,
            authorized_party=client.client_id,
        )
        token: dict[str, Any] = {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": int(self.tokens.access_ttl.total_seconds()),
            "scope": " ".join(scopes),
        }
        if include_refresh_token:
            value, token_hash = self.tokens.new_refresh_value()
            self.exchange.new_refresh = StoredRefresh(token_hash, uuid.uuid4().hex)
            token["refresh_token"] = value
        return token

    # The three uses, each returning authlib's answer.

    def check_authorization(self, request: ProtocolRequest) -> Any:
        """Validate an authorization request; the grant to answer it with, or OAuth2Error."""
        return self.get_consent_grant(request, end_user=None)

    def authorize(self, request: ProtocolRequest, grant: Any, person: Person) -> Outcome:
        outcome: Outcome = self.create_authorization_response(request, person, grant)
        return outcome

    def exchange_code(self, request: ProtocolRequest) -> Outcome:
        outcome: Outcome = self.create_token_response(request)
        return outcome

    def revoke(self, request: ProtocolRequest) -> Outcome:
        outcome: Outcome = self.create_endpoint_response(RevocationEndpoint.ENDPOINT_NAME, request)
        return outcome


@dataclass(frozen=True)
class Provider:
    """How Huddle acts as an OpenID provider: its issuer URL, its frontends, code lifetime,
    and whether the password grant is still open."""

    issuer: str
    clients: Mapping[str, FrontendClient]
    code_ttl: timedelta
    password_grant: bool

    def url(self, path: str) -> str:
        return self.issuer.rstrip("/") + path
