"""Personal data sealed with a per-person key, so erasure can destroy it (crypto-shredding).

Events are immutable and Kafka keeps history forever, so a person's name or email is never
written in clear into an event: it is sealed with that person's own key (AES-256-GCM). Erasing
the person destroys the key; every copy of the ciphertext, in the event store and on Kafka,
becomes unreadable at once, and history stays intact.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import BaseModel, ConfigDict, Field

ALGORITHM = "A256GCM"


class Sealed(BaseModel):
    """A personal value encrypted with the key of the person it describes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    alg: str = Field(default=ALGORITHM, description="Always A256GCM")
    kid: str = Field(description="The id of the per-person key (destroyed on erasure)")
    nonce: str = Field(description="96-bit nonce, base64url")
    ct: str = Field(description="Ciphertext with its tag, base64url")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_person_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, kid: str, plaintext: str, *, context: str) -> Sealed:
    """Encrypt; ``context`` (e.g. ``user:<id>:email``) is bound as associated data."""
    nonce = os.urandom(12)
    ct = AESGCM(key).encrypt(nonce, plaintext.encode(), context.encode())
    return Sealed(kid=kid, nonce=_b64(nonce), ct=_b64(ct))


def unseal(key: bytes | None, sealed: Sealed, *, context: str) -> str | None:
    """The plaintext, or None when the key was destroyed (the person was erased)."""
    if key is None:
        return None
    try:
        return (
            AESGCM(key).decrypt(_unb64(sealed.nonce), _unb64(sealed.ct), context.encode()).decode()
        )
    except (InvalidTag, ValueError):
        return None


def wrap_key(master: bytes, key: bytes, kid: str) -> bytes:
    """Encrypt a person key with the service's master key for storage at rest."""
    nonce = os.urandom(12)
    return nonce + AESGCM(master).encrypt(nonce, key, kid.encode())


def unwrap_key(master: bytes, wrapped: bytes, kid: str) -> bytes:
    return AESGCM(master).decrypt(wrapped[:12], wrapped[12:], kid.encode())
