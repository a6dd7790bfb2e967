"""A signing key for tests, its JWKS file, and access tokens minted with it."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "huddle-identity"
AUDIENCE = "huddle"


@dataclass
class TestSigner:
    """Plays identity's part in tests of other services: a key, its JWKS, tokens."""

    __test__ = False  # not a test class, despite the name

    key: rsa.RSAPrivateKey
    kid: str
    jwks_path: Path

    @classmethod
    def create(cls, directory: Path) -> TestSigner:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        kid = f"test-{uuid.uuid4().hex[:8]}"
        jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
        jwk.update({"kid": kid, "alg": "RS256", "use": "sig"})
        path = directory / "jwks.json"
        path.write_text(json.dumps({"keys": [jwk]}))
        return cls(key=key, kid=kid, jwks_path=path)

    @property
    def jwks_url(self) -> str:
        return f"file://{self.jwks_path}"

    def token(
        self,
        *,
        org_id: str,
        subject: str | None = None,
        roles: Iterable[str] = ("member",),
        scopes: Iterable[str] = (),
        client: bool = False,
        expires_in: int = 300,
        **overrides: Any,
    ) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": subject or str(uuid.uuid4()),
            "org": org_id,
            "roles": list(roles),
            "scope": " ".join(scopes),
            "iat": now,
            "exp": now + expires_in,
        }
        if client:
            claims["client_id"] = claims["sub"]
        claims.update(overrides)
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})

    def headers(self, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(**kwargs)}"}
