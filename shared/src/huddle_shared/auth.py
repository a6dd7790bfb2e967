"""Access-token verification for every service: signed JWTs checked against identity's JWKS.

Each service verifies tokens locally (signature, expiry, audience, issuer) with keys fetched from
identity's JWKS endpoint and cached. An unknown ``kid`` triggers a refresh, at most once per
``min_refresh_interval_s``, so a flood of forged ``kid`` values cannot hammer identity.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

import httpx
import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from huddle_shared.errors import Forbidden, NotFound, Unauthorized
from huddle_shared.logs import tenant_var

ALLOWED_ALGORITHMS = frozenset({"RS256", "ES256", "EdDSA", "PS256"})
MAX_KEYS = 32


@dataclass(frozen=True)
class Principal:
    """Who is calling: a person of an organisation, or an integration client of one."""

    subject: str
    org_id: str
    roles: frozenset[str]
    scopes: frozenset[str]
    kind: Literal["user", "client"]

    def has_any_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def require_role(self, *roles: str) -> None:
        if not self.has_any_role(*roles):
            raise Forbidden("This action needs one of the roles: " + ", ".join(roles))

    def require_scope(self, scope: str) -> None:
        if self.kind == "client" and scope not in self.scopes:
            raise Forbidden(f"This client lacks the scope '{scope}'")

    def require_org(self, org_id: str) -> None:
        """Another organisation's resource is reported as absent, never as forbidden."""
        if org_id != self.org_id:
            raise NotFound("No such organisation")


class KeySource(Protocol):
    """Where a verifier finds the public key of a ``kid``."""

    async def get(self, kid: str) -> jwt.PyJWK | None: ...


def parse_jwks(document: dict[str, Any]) -> dict[str, jwt.PyJWK]:
    """Usable public keys of a JWK Set; symmetric, unsigned or private entries are ignored."""
    keys: dict[str, jwt.PyJWK] = {}
    for raw in document.get("keys", [])[:MAX_KEYS]:
        if not isinstance(raw, dict) or "kid" not in raw:
            continue
        if raw.get("alg") not in ALLOWED_ALGORITHMS or "d" in raw:
            continue  # never accept symmetric, "none" or private material from a JWKS
        try:
            keys[str(raw["kid"])] = jwt.PyJWK(raw)
        except jwt.PyJWTError:
            continue
    return keys


class JwksKeySource:
    """Public keys by ``kid``, from an ``https://``, ``http://`` or ``file://`` JWKS URL."""

    def __init__(
        self,
        url: str,
        *,
        cache_seconds: float = 300.0,
        min_refresh_interval_s: float = 10.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.url = url
        self.cache_seconds = cache_seconds
        self.min_refresh_interval_s = min_refresh_interval_s
        self._client = client
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    async def get(self, kid: str) -> jwt.PyJWK | None:
        now = time.monotonic()
        stale = now - self._fetched_at > self.cache_seconds
        if kid not in self._keys or stale:
            async with self._lock:
                now = time.monotonic()
                may_refresh = now - self._fetched_at >= self.min_refresh_interval_s
                if (kid not in self._keys and may_refresh) or now - self._fetched_at > (
                    self.cache_seconds
                ):
                    await self._refresh()
        return self._keys.get(kid)

    async def _refresh(self) -> None:
        try:
            document = await self._fetch()
        except (httpx.HTTPError, OSError, ValueError):
            # Keep serving with the keys we have; identity may be briefly down.
            self._fetched_at = time.monotonic()
            return
        self._keys = parse_jwks(document)
        self._fetched_at = time.monotonic()

    async def _fetch(self) -> dict[str, Any]:
        if self.url.startswith("file://"):
            text = await asyncio.to_thread(Path(self.url.removeprefix("file://")).read_text)
            loaded = json.loads(text)
        else:
            client = self._client or httpx.AsyncClient(timeout=5.0)
            try:
                response = await client.get(self.url)
                response.raise_for_status()
                loaded = response.json()
            finally:
                if self._client is None:
                    await client.aclose()
        if not isinstance(loaded, dict):
            raise ValueError("JWKS is not an object")
        return loaded


class TokenVerifier:
    def __init__(
        self,
        *,
        keys: KeySource,
        issuer: str,
        audience: str,
        leeway_s: int = 30,
        cache_size: int = 4096,
    ) -> None:
        self.keys = keys
        self.issuer = issuer
        self.audience = audience
        self.leeway_s = leeway_s
        self.cache_size = cache_size
        # Tokens that passed the full check, until they expire: a client sends the same token
        # with every request, and the signature check is a good part of a request's CPU. Only
        # the passing of time can turn a verified token invalid (its expiry), or a key leaving
        # the JWKS, and both are checked again on every use.
        self._verified: OrderedDict[str, tuple[Principal, float, str, jwt.PyJWK]] = OrderedDict()

    async def verify(self, token: str) -> Principal:
        cached = self._verified.get(token)
        if cached is not None:
            known, expires_at, known_kid, known_key = cached
            if time.time() < expires_at + self.leeway_s and (
                await self.keys.get(known_kid) is known_key
            ):
                if token in self._verified:  # another request may have evicted it meanwhile
                    self._verified.move_to_end(token)
                return known
            self._verified.pop(token, None)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized("The access token is malformed") from exc
        alg, kid = header.get("alg"), header.get("kid")
        if alg not in ALLOWED_ALGORITHMS or not isinstance(kid, str):
            raise Unauthorized("The access token is not signed with an accepted algorithm")
        key = await self.keys.get(kid)
        if key is None or key.algorithm_name != alg:
            raise Unauthorized("The access token was signed by an unknown key")
        try:
            claims = jwt.decode(
                token,
                key=key.key,
                algorithms=[alg],
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway_s,
                options={"require": ["exp", "iat", "sub", "iss", "aud", "org"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("The access token has expired") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized("The access token is invalid") from exc
        principal = principal_from_claims(claims)
        if self.cache_size > 0 and isinstance(claims.get("exp"), int | float):
            self._verified[token] = (principal, float(claims["exp"]), kid, key)
            if len(self._verified) > self.cache_size:
                self._verified.popitem(last=False)
        return principal


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    roles = claims.get("roles", [])
    scope = claims.get("scope", "")
    if not isinstance(roles, list) or not isinstance(scope, str):
        raise Unauthorized("The access token has malformed claims")
    kind: Literal["user", "client"] = "client" if claims.get("client_id") else "user"
    return Principal(
        subject=str(claims["sub"]),
        org_id=str(claims["org"]),
        roles=frozenset(str(r) for r in roles),
        scopes=frozenset(scope.split()),
        kind=kind,
    )


_bearer = HTTPBearer(auto_error=False, description="An access token issued by identity")


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The verified caller of this request; 401 without a valid bearer token."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Send an access token as 'Authorization: Bearer <token>'")
    verifier: TokenVerifier = request.app.state.token_verifier
    principal = await verifier.verify(credentials.credentials)
    request.state.principal = principal
    tenant_var.set(principal.org_id)
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
