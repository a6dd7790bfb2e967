"""Identity's tables: read models of the event-sourced aggregates, and the secrets that never
become events (password hashes, refresh tokens, signing keys, per-person keys)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

from huddle_shared.db import NAMING

metadata = MetaData(naming_convention=NAMING)

organizations = Table(
    "organizations",
    metadata,
    Column("org_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("user_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    # Plain copies of personal data live only here (and are nulled on erasure).
    Column("email", Text, nullable=True, unique=True),
    Column("display_name", Text, nullable=True),
    Column("profession", Text, nullable=True),
    Column("org_roles", ARRAY(Text), nullable=False),
    Column("status", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
    # The directory entry of a person the organisation's identity provider provisions (SCIM):
    # its id for them (``externalId``), their ``userName`` (NULL: they sign in with their
    # email, which stands for it), names and department. Nulled on erasure, like the rest.
    Column("external_id", Text, nullable=True),
    Column("user_name", Text, nullable=True),
    Column("given_name", Text, nullable=True),
    Column("family_name", Text, nullable=True),
    Column("department", Text, nullable=True),
)
Index("ix_users_org_created", users.c.org_id, users.c.created_at, users.c.user_id)
Index("ix_users_org_external_id", users.c.org_id, users.c.external_id)
Index(
    "ux_users_user_name",
    func.lower(func.coalesce(users.c.user_name, users.c.email)),
    unique=True,
)

credentials = Table(
    "credentials",
    metadata,
    Column("user_id", Text, primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

person_keys = Table(
    "person_keys",
    metadata,
    Column("kid", Text, primary_key=True),
    Column("wrapped_key", LargeBinary, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("destroyed_at", DateTime(timezone=True), nullable=True),
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("family_id", Text, nullable=False),
    Column("user_id", Text, nullable=False),
    Column("org_id", Text, nullable=False),
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)
Index("ix_refresh_tokens_family", refresh_tokens.c.family_id)
Index("ix_refresh_tokens_user", refresh_tokens.c.user_id)

# Codes of the authorization-code flow, stored as SHA-256 digests; each is spent by its first
# exchange (``used_at``), and ``family_id`` names the refresh tokens it was exchanged for, so a
# second exchange of the same code revokes them (RFC 6749 §4.1.2).
authorization_codes = Table(
    "authorization_codes",
    metadata,
    Column("code_hash", Text, primary_key=True),
    Column("client_id", Text, nullable=False),
    Column("user_id", Text, nullable=False),
    Column("org_id", Text, nullable=False),
    Column("redirect_uri", Text, nullable=False),
    Column("scopes", ARRAY(Text), nullable=False),
    Column("nonce", Text, nullable=True),
    Column("code_challenge", Text, nullable=False),
    Column("code_challenge_method", Text, nullable=False),
    Column("auth_time", DateTime(timezone=True), nullable=False),
    Column("auth_method", Text, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
    Column("family_id", Text, nullable=True),
)
Index("ix_authorization_codes_expires", authorization_codes.c.expires_at)
Index(
    "ix_authorization_codes_nonce",
    authorization_codes.c.client_id,
    authorization_codes.c.nonce,
    postgresql_where=authorization_codes.c.nonce.isnot(None),
)

signing_keys = Table(
    "signing_keys",
    metadata,
    Column("kid", Text, primary_key=True),
    Column("alg", Text, nullable=False),
    Column("wrapped_private_key", LargeBinary, nullable=False),
    Column("public_jwk", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("retired_at", DateTime(timezone=True), nullable=True),
)

clients = Table(
    "clients",
    metadata,
    Column("client_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("scopes", ARRAY(Text), nullable=False),
    Column("secret_hash", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Column("version", Integer, nullable=False),
)
Index("ix_clients_org", clients.c.org_id, clients.c.created_at)
Index("ix_clients_secret_hash", clients.c.secret_hash)

login_throttle = Table(
    "login_throttle",
    metadata,
    Column("key", Text, primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("window_started_at", DateTime(timezone=True), nullable=False),
    Column("locked_until", DateTime(timezone=True), nullable=True),
)

# Mail waiting to be sent, written in the transaction of what it tells (an invitation, a reset):
# the mailer sends it at least once, across restarts and SMTP outages. ``sealed_values`` holds
# what the template needs, the link's token included, sealed with the master key; it is
# cleared once the mail is sent, so a sent link lives on only in the recipient's mailbox.
mail_outbox = Table(
    "mail_outbox",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("template", Text, nullable=False),
    Column("sealed_values", JSONB, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("last_error", Text, nullable=True),
    Column("sent_at", DateTime(timezone=True), nullable=True),
)
Index(
    "ix_mail_outbox_pending",
    mail_outbox.c.next_attempt_at,
    postgresql_where=mail_outbox.c.sent_at.is_(None),
)

# Invitations: who is invited into which organisation, as what. Only the digest of the link's
# token is kept. The invitee's email and name are cleared once the invitation is accepted (the
# person then exists, sealed with their own key) or revoked.
invitations = Table(
    "invitations",
    metadata,
    Column("invitation_id", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("email", Text, nullable=True),
    Column("display_name", Text, nullable=True),
    Column("profession", Text, nullable=False),
    Column("org_roles", ARRAY(Text), nullable=False),
    Column("token_hash", Text, nullable=False, unique=True),
    Column("invited_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_count", Integer, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("accepted_at", DateTime(timezone=True), nullable=True),
    Column("user_id", Text, nullable=True),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)
Index("ix_invitations_org_created", invitations.c.org_id, invitations.c.created_at)
Index(
    "ix_invitations_pending_email",
    invitations.c.email,
    unique=True,
    postgresql_where=invitations.c.accepted_at.is_(None) & invitations.c.revoked_at.is_(None),
)

# Password resets: single use, short-lived; only the token's digest is kept.
password_resets = Table(
    "password_resets",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("user_id", Text, nullable=False),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)
Index("ix_password_resets_user", password_resets.c.user_id)

# Single sign-on (docs/identity.md): an organisation's connection to its identity provider, the
# read model of its ``organization`` stream's SSO events plus the client secret (wrapped with
# the master key, never in an event); the email domains it claims (each by one organisation);
# people linked to their provider's subject (an email change at the provider keeps the link);
# and sign-ins under way at a provider, by the digest of their ``state``, spent once.
sso_connections = Table(
    "sso_connections",
    metadata,
    Column("org_id", Text, primary_key=True),
    Column("issuer", Text, nullable=False),
    Column("client_id", Text, nullable=False),
    Column("wrapped_secret", LargeBinary, nullable=False),
    Column("email_domains", ARRAY(Text), nullable=False),
    Column("claims", JSONB, nullable=False),
    Column("role_values", JSONB, nullable=False),
    Column("create_people", Boolean, nullable=False),
    Column("required", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

sso_domains = Table(
    "sso_domains",
    metadata,
    Column("domain", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
)
Index("ix_sso_domains_org", sso_domains.c.org_id)

sso_links = Table(
    "sso_links",
    metadata,
    Column("issuer", Text, primary_key=True),
    Column("subject", Text, primary_key=True),
    Column("user_id", Text, nullable=False),
    Column("org_id", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_sign_in_at", DateTime(timezone=True), nullable=False),
)
Index("ix_sso_links_user", sso_links.c.user_id)

sso_requests = Table(
    "sso_requests",
    metadata,
    Column("state_hash", Text, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("issuer", Text, nullable=False),
    Column("nonce", Text, nullable=False),
    Column("code_verifier", Text, nullable=False),
    Column("authorization_request", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)
Index("ix_sso_requests_expires", sso_requests.c.expires_at)

# The sign-in audit of each organisation (docs/identity.md): ids and fixed labels only, never
# an email typed, a password, a code or a token; kept HUDDLE_SIGN_IN_AUDIT_RETENTION_DAYS.
sign_in_audit = Table(
    "sign_in_audit",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("user_id", Text, nullable=True),
    Column("method", Text, nullable=False),
    Column("client_id", Text, nullable=True),
    Column("identity_provider", Text, nullable=True),
    Column("result", Text, nullable=False),
    Column("reason", Text, nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_sign_in_audit_org", sign_in_audit.c.org_id, sign_in_audit.c.id)
Index("ix_sign_in_audit_at", sign_in_audit.c.at)
