"""Token verification as every service does it: only identity's keys, only valid claims."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from huddle_devtools.testing.tokens import AUDIENCE, ISSUER, TestSigner
from huddle_shared.auth import JwksKeySource, TokenVerifier
from huddle_shared.errors import Unauthorized


@pytest.fixture
def signer(tmp_path: Path) -> TestSigner:
    return TestSigner.create(tmp_path)


@pytest.fixture
def verifier(signer: TestSigner) -> TokenVerifier:
    return TokenVerifier(keys=JwksKeySource(signer.jwks_url), issuer=ISSUER, audience=AUDIENCE)


async def test_a_valid_token_yields_the_principal(
    signer: TestSigner, verifier: TokenVerifier
) -> None:
    token = signer.token(org_id="org-1", subject="u-1", roles=["org_admin"], scopes=["x:y"])
    principal = await verifier.verify(token)
    assert principal.subject == "u-1"
    assert principal.org_id == "org-1"
    assert principal.roles == {"org_admin"}
    assert principal.kind == "user"


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


async def test_alg_none_is_refused(signer: TestSigner, verifier: TokenVerifier) -> None:
    good = jwt.decode(signer.token(org_id="o"), options={"verify_signature": False})
    forged = f"{_b64({'alg': 'none', 'kid': signer.kid})}.{_b64(good)}."
    with pytest.raises(Unauthorized):
        await verifier.verify(forged)


async def test_hmac_with_the_public_key_is_refused(
    signer: TestSigner, verifier: TokenVerifier
) -> None:
    claims = jwt.decode(signer.token(org_id="o"), options={"verify_signature": False})
    forged = jwt.encode(
        claims,
        "a-guessed-secret-that-is-long-enough-for-hs256",
        algorithm="HS256",
        headers={"kid": signer.kid},
    )
    with pytest.raises(Unauthorized, match="algorithm"):
        await verifier.verify(forged)


async def test_a_token_signed_by_another_key_is_refused(
    signer: TestSigner, verifier: TokenVerifier
) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    claims = jwt.decode(signer.token(org_id="o"), options={"verify_signature": False})
    forged = jwt.encode(claims, other, algorithm="RS256", headers={"kid": signer.kid})
    with pytest.raises(Unauthorized, match="invalid"):
        await verifier.verify(forged)


async def test_an_unknown_kid_is_refused(signer: TestSigner, verifier: TokenVerifier) -> None:
    claims = jwt.decode(signer.token(org_id="o"), options={"verify_signature": False})
    forged = jwt.encode(claims, signer.key, algorithm="RS256", headers={"kid": "nope"})
    with pytest.raises(Unauthorized, match="unknown key"):
        await verifier.verify(forged)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"aud": "someone-else"}, "invalid"),
        ({"iss": "https://evil.example"}, "invalid"),
        ({"exp": 1_000_000_000, "iat": 999_999_000}, "expired"),
    ],
)
async def test_wrong_audience_issuer_or_expiry_is_refused(
    signer: TestSigner, verifier: TokenVerifier, overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(Unauthorized, match=message):
        await verifier.verify(signer.token(org_id="o", **overrides))


async def test_a_tampered_claim_breaks_the_signature(
    signer: TestSigner, verifier: TokenVerifier
) -> None:
    header, payload, signature = signer.token(org_id="org-1", roles=["member"]).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["roles"] = ["org_admin"]
    with pytest.raises(Unauthorized):
        await verifier.verify(f"{header}.{_b64(claims)}.{signature}")


async def test_a_token_without_an_organisation_is_refused(
    signer: TestSigner, verifier: TokenVerifier
) -> None:
    claims = jwt.decode(signer.token(org_id="o"), options={"verify_signature": False})
    del claims["org"]
    token = jwt.encode(claims, signer.key, algorithm="RS256", headers={"kid": signer.kid})
    with pytest.raises(Unauthorized):
        await verifier.verify(token)
