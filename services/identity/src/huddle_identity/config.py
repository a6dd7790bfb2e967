from __future__ import annotations

import base64
import hashlib
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, model_validator

from huddle_shared.config import ServiceSettings

_DEV_MASTER_KEY = hashlib.sha256(b"huddle development only - never in production").digest()


class PublicClientSettings(BaseModel):
    """A frontend of Huddle's own that signs people in with the authorization-code flow and
    PKCE: a public client (no secret), its redirect URIs matched exactly."""

    client_id: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._-]+$")
    name: str = Field(min_length=1, max_length=100)
    redirect_uris: list[str] = Field(min_length=1)


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

    # Huddle as an OpenID provider for its own frontends. The issuer is the URL this service
    # is reached at by browsers and clients; discovery, ID tokens and every endpoint URL the
    # discovery document lists are built on it.
    issuer_url: str = "http://127.0.0.1:8001"
    # JSON list of public clients; unset, the web console at public_url is the one client.
    oauth_clients: list[PublicClientSettings] | None = None
    authorization_code_ttl_s: int = Field(default=120, ge=10, le=600)
    # The password grant (OAuth 2.1 drops it): on outside production unless turned off, off in
    # production unless turned on.
    password_grant: bool | None = None

    # Single sign-on through organisations' own providers: how long a sign-in there may take,
    # the time limit of each call to a provider, how long discovery and keys are kept, and
    # whether a provider may be on a private network (tests and a local Keycloak only).
    sso_request_ttl_s: int = Field(default=600, ge=60, le=3600)
    sso_http_timeout_s: float = Field(default=10.0, gt=0, le=60)
    sso_cache_s: float = Field(default=3600.0, ge=0)
    sso_allow_private_issuers: bool = False
    # How long the sign-in audit keeps each sign-in (and failed attempt).
    sign_in_audit_retention_days: float = Field(default=400.0, gt=0, le=3650)

    @model_validator(mode="after")
    def _require_master_key_in_production(self) -> IdentitySettings:
        if self.environment == "production" and self.master_key is None:
            raise ValueError("HUDDLE_MASTER_KEY must be set in production")
        if self.environment == "production" and self.smtp_security == "none":
            raise ValueError("HUDDLE_SMTP_SECURITY=none (plain SMTP) is for a local sink only")
        if self.environment == "production" and self.sso_allow_private_issuers:
            raise ValueError("HUDDLE_SSO_ALLOW_PRIVATE_ISSUERS is for tests and local use only")
        if self.environment == "production" and not self.issuer_url.startswith("https://"):
            raise ValueError("HUDDLE_ISSUER_URL must be an https URL in production")
        return self

    def public_clients(self) -> list[PublicClientSettings]:
        if self.oauth_clients is not None:
            return self.oauth_clients
        console = self.public_url.rstrip("/")
        return [
            PublicClientSettings(
                client_id="huddle-console",
                name="Huddle console",
                redirect_uris=[f"{console}/signin/callback"],
            )
        ]

    def password_grant_enabled(self) -> bool:
        if self.password_grant is not None:
            return self.password_grant
        return self.environment != "production"

    def master_key_bytes(self) -> bytes:
        if self.master_key is None:
            return _DEV_MASTER_KEY
        raw = base64.b64decode(self.master_key.get_secret_value())
        if len(raw) != 32:
            raise ValueError("HUDDLE_MASTER_KEY must be base64 of exactly 32 bytes")
        return raw
