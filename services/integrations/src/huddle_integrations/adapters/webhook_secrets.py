"""Webhook signing secrets at rest: sealed with Fernet (AES-128-CBC + HMAC-SHA256) under the
key ``HUDDLE_WEBHOOK_SECRET_KEY``, so a database dump or a backup does not hand out the secrets
that let anyone forge Huddle's webhooks. Without a key (development and tests only: production
refuses to start) they are stored marked as plain.

The service needs the secrets themselves (an HMAC key cannot be hashed away), hence encryption
rather than a one-way hash.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

_SEALED = "fernet:"
_PLAIN = "plain:"


class SecretBox:
    def __init__(self, key: str | None) -> None:
        self._fernet = Fernet(key.encode()) if key else None

    def seal(self, secret: str) -> str:
        if self._fernet is None:
            return _PLAIN + secret
        return _SEALED + self._fernet.encrypt(secret.encode()).decode()

    def open(self, stored: str) -> str:
        if stored.startswith(_PLAIN):
            return stored[len(_PLAIN) :]
        if not stored.startswith(_SEALED) or self._fernet is None:
            raise RuntimeError("a webhook secret is sealed and HUDDLE_WEBHOOK_SECRET_KEY is unset")
        try:
            return self._fernet.decrypt(stored[len(_SEALED) :].encode()).decode()
        except InvalidToken as exc:
            raise RuntimeError("a webhook secret does not open with this key") from exc
