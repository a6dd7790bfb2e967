"""The identity providers of organisations as identity meets them, over the vetted transport
(a tenant names their URLs): discovery, key sets, the code exchange, and ID token checks."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from authlib.oauth2.rfc6749.parameters import prepare_token_request
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import ClaimError, ExpiredTokenError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import extract_compact

from huddle_identity.domain.sso import SsoSettings
from huddle_shared.outbound import VettedTransport
from huddle_shared.ssrf import UnsafeTarget

ID_TOKEN_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"]
_JWKS_REFRESH_S = 10.0
_MAX_DOCUMENT = 512 * 1024


class SsoFailed(Exception):
    """A sign-in through a provider that did not complete: ``reason`` is a fixed label (the
    metric's), ``detail`` what the person is told."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Connection:
    org_id: str
    settings: SsoSettings
    client_secret: str


class IdentityProviders:
    """The providers as identity meets them: discovery documents and key sets, fetched through
    the vetted transport and kept for a while (a key set again when a token names an unknown
    key, at most every ten seconds)."""

    def __init__(self, *, allow_private: bool, timeout_s: float, cache_s: float) -> None:
        self.allow_private = allow_private
        self.timeout_s = timeout_s
        self.cache_s = cache_s
        self._metadata: dict[str, tuple[float, dict[str, Any]]] = {}
        self._keys: dict[str, tuple[float, KeySet]] = {}
        self._client: httpx.AsyncClient | None = None

    def http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                transport=VettedTransport(allow_private=self.allow_private),
                timeout=httpx.Timeout(self.timeout_s),
                follow_redirects=False,
            )
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def _json(self, url: str) -> dict[str, Any]:
        try:
            response = await self.http().get(url, headers={"Accept": "application/json"})
        except UnsafeTarget as exc:
            raise SsoFailed(
                "provider_unreachable", f"The provider's URL is not allowed: {exc}"
            ) from exc
        except httpx.HTTPError as exc:
            raise SsoFailed(
                "provider_unreachable", f"The provider could not be reached ({type(exc).__name__})"
            ) from exc
        if response.status_code != 200 or len(response.content) > _MAX_DOCUMENT:
            raise SsoFailed(
                "provider_unreachable", f"The provider answered {response.status_code} at {url}"
            )
        try:
            body = response.json()
        except ValueError as exc:
            raise SsoFailed("provider_unreachable", f"The provider sent no JSON at {url}") from exc
        if not isinstance(body, dict):
            raise SsoFailed("provider_unreachable", f"The provider sent no JSON object at {url}")
        return body

    async def metadata(self, issuer: str) -> dict[str, Any]:
        """The provider's discovery document, checked: it names this issuer exactly (OpenID
        Connect Discovery §4.3) and the endpoints the code flow needs."""
        cached = self._metadata.get(issuer)
        if cached and time.monotonic() - cached[0] < self.cache_s:
            return cached[1]
        document = await self._json(issuer + "/.well-known/openid-configuration")
        if document.get("issuer") != issuer:
            raise SsoFailed(
                "issuer_mismatch",
                f"The provider's discovery names the issuer {str(document.get('issuer'))[:200]!r}",
            )
        for field in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
            if not isinstance(document.get(field), str):
                raise SsoFailed("provider_unreachable", f"The provider's discovery lacks {field}")
        self._metadata[issuer] = (time.monotonic(), document)
        return document

    async def keys(self, issuer: str, kid: str | None) -> KeySet:
        cached = self._keys.get(issuer)
        now = time.monotonic()
        fresh = cached is not None and now - cached[0] < self.cache_s
        known = cached is not None and (kid is None or _has_kid(cached[1], kid))
        if cached is not None and ((known and fresh) or now - cached[0] < _JWKS_REFRESH_S):
            return cached[1]
        document = await self.metadata(issuer)
        try:
            key_set = KeySet.import_key_set(await self._json(document["jwks_uri"]))  # type: ignore[arg-type]
        except (JoseError, ValueError, TypeError) as exc:
            raise SsoFailed("provider_unreachable", "The provider's key set is not valid") from exc
        self._keys[issuer] = (now, key_set)
        return key_set

    async def exchange(
        self, connection: Connection, *, code: str, redirect_uri: str, verifier: str
    ) -> dict[str, Any]:
        """The provider's token response for a code (client_secret_basic)."""
        document = await self.metadata(connection.settings.issuer)
        body = prepare_token_request(
            "authorization_code", code=code, redirect_uri=redirect_uri, code_verifier=verifier
        )
        try:
            response = await self.http().post(
                document["token_endpoint"],
                content=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/json",
                },
                auth=(connection.settings.client_id, connection.client_secret),
            )
        except (UnsafeTarget, httpx.HTTPError) as exc:
            raise SsoFailed(
                "token_exchange_failed", f"The provider's token endpoint failed ({exc})"
            ) from exc
        try:
            tokens = response.json()
        except ValueError:
            tokens = {}
        if response.status_code != 200 or not isinstance(tokens, dict):
            error = tokens.get("error", response.status_code) if isinstance(tokens, dict) else ""
            raise SsoFailed("token_exchange_failed", f"The provider refused the code ({error})")
        if not isinstance(tokens.get("id_token"), str):
            raise SsoFailed("token_exchange_failed", "The provider sent no ID token")
        return tokens


def _has_kid(key_set: KeySet, kid: str) -> bool:
    return any(key.kid == kid for key in key_set.keys)


async def verify_id_token(
    providers: IdentityProviders,
    connection: Connection,
    tokens: Mapping[str, Any],
    *,
    nonce: str,
    now: datetime,
) -> dict[str, Any]:
    """The ID token's claims once its signature (the provider's keys), issuer, audience, nonce,
    expiry and, when sent, ``at_hash`` hold; SsoFailed naming which did not."""
    raw = str(tokens["id_token"])
    settings = connection.settings
    try:
        kid = extract_compact(raw.encode()).protected.get("kid")
        key_set = await providers.keys(settings.issuer, kid if isinstance(kid, str) else None)
        token = jwt.decode(raw, key_set, algorithms=ID_TOKEN_ALGORITHMS)
    except (JoseError, ValueError) as exc:
        raise SsoFailed("id_token_invalid", "The ID token's signature is not valid") from exc
    claims = CodeIDToken(
        token.claims,
        token.header,
        options={
            "iss": {"essential": True, "value": settings.issuer},
            "aud": {"essential": True, "value": settings.client_id},
        },
        params={
            "nonce": nonce,
            "client_id": settings.client_id,
            "access_token": tokens.get("access_token"),
        },
    )
    try:
        claims.validate(now=int(now.timestamp()), leeway=60)
    except ExpiredTokenError as exc:
        raise SsoFailed("id_token_expired", "The ID token has expired") from exc
    except ClaimError as exc:
        reason = {
            "nonce": "nonce_mismatch",
            "iss": "issuer_mismatch",
            "aud": "audience_mismatch",
        }.get(exc.claim, "id_token_invalid")
        raise SsoFailed(reason, f"The ID token's '{exc.claim}' is not valid") from exc
    return dict(claims)
