from __future__ import annotations

import base64
import hashlib
from typing import Literal

from pydantic import Field, SecretStr, model_validator

from huddle_shared.config import ServiceSettings

_DEV_MASTER_KEY = hashlib.sha256(b"huddle development only - never in production").digest()


class IdentitySettings(ServiceSettings):
    service_name: str = "identity"
    port: int = 8001
    database_url: str = "postgresql://postgres@127.0.0.1:55432/huddle_identity"

    access_token_ttl_s: int = Field(default=900, ge=60, le=3600)
    refresh_token_ttl_s: int = Field(default=30 * 24 * 3600, ge=3600)
    signing_key_rotation_days: float = Field(default=30.0, gt=0)
    # Base64 of 32 random bytes; wraps per-person keys and signing keys at rest.
    master_key: SecretStr | None = None
    login_max_failures: int = Field(default=5, ge=1, le=100)
    login_window_s: int = Field(default=900, ge=10)
    login_lockout_s: int = Field(default=30, ge=1)
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_kib: int = Field(default=65_536, ge=8)

    # Mail (invitations, password resets), sent by the mailer over SMTP. Without a host, mail
    # waits in the outbox, nothing lost, until one is configured.
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65_535)
    # starttls (submission, 587), tls (implicit TLS, 465), or none (a local sink only).
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout_s: float = Field(default=30.0, gt=0, le=300)
    mail_from: str = "Huddle <no-reply@huddle.invalid>"
    mailer_poll_interval_s: float = Field(default=2.0, gt=0, le=300)
    # How long a sent mail's row (without its secrets) is kept, then deleted.
    mail_retention_days: float = Field(default=30.0, gt=0, le=3650)
    # Where the links in mails lead: the web console, which calls the API behind them.
    public_url: str = "http://127.0.0.1:8080"
    invitation_ttl_h: int = Field(default=7 * 24, ge=1, le=30 * 24)
    password_reset_ttl_s: int = Field(default=30 * 60, ge=60, le=24 * 3600)

    @model_validator(mode="after")
    def _require_master_key_in_production(self) -> IdentitySettings:
        if self.environment == "production" and self.master_key is None:
            raise ValueError("HUDDLE_MASTER_KEY must be set in production")
        if self.environment == "production" and self.smtp_security == "none":
            raise ValueError("HUDDLE_SMTP_SECURITY=none (plain SMTP) is for a local sink only")
        return self

    def master_key_bytes(self) -> bytes:
        if self.master_key is None:
            return _DEV_MASTER_KEY
        raw = base64.b64decode(self.master_key.get_secret_value())
        if len(raw) != 32:
            raise ValueError("HUDDLE_MASTER_KEY must be base64 of exactly 32 bytes")
        return raw
