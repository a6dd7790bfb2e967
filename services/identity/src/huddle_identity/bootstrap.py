"""The identity service's composition root: every part is built here, explicitly."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_identity.api import scim
from huddle_identity.api.routes import routers
from huddle_identity.application.audit import AuditRetention
from huddle_identity.application.deps import Identity
from huddle_identity.application.idps import IdentityProviders
from huddle_identity.application.links import LinkPolicy
from huddle_identity.application.mail import Mailer, MailOutbox, MailTemplates, SmtpServer
from huddle_identity.application.oauth import FrontendClient, Provider
from huddle_identity.application.passwords import Passwords
from huddle_identity.application.signing import RingKeySource, SigningKeyRing
from huddle_identity.application.throttle import LoginThrottle
from huddle_identity.application.tokens import TokenService
from huddle_identity.application.vault import PersonKeyVault
from huddle_identity.config import IdentitySettings
from huddle_shared.app import create_service_app
from huddle_shared.auth import TokenVerifier
from huddle_shared.contracts import REGISTRY
from huddle_shared.runtime import ServiceRuntime

MIGRATIONS = Path(__file__).parent / "migrations"


def key_ring(settings: IdentitySettings, engine: AsyncEngine) -> SigningKeyRing:
    return SigningKeyRing(
        engine=engine,
        master_key=settings.master_key_bytes(),
        rotation_period=timedelta(days=settings.signing_key_rotation_days),
        token_lifetime=timedelta(seconds=settings.access_token_ttl_s),
    )


def smtp_server(settings: IdentitySettings) -> SmtpServer | None:
    if settings.smtp_host is None:
        return None
    password = settings.smtp_password.get_secret_value() if settings.smtp_password else None
    return SmtpServer(
        host=settings.smtp_host,
        port=settings.smtp_port,
        security=settings.smtp_security,
        username=settings.smtp_username,
        password=password,
        timeout_s=settings.smtp_timeout_s,
        sender=settings.mail_from,
    )


def provider(settings: IdentitySettings) -> Provider:
    return Provider(
        issuer=settings.issuer_url,
        clients={
            c.client_id: FrontendClient(c.client_id, c.name, tuple(c.redirect_uris))
            for c in settings.public_clients()
        },
        code_ttl=timedelta(seconds=settings.authorization_code_ttl_s),
        password_grant=settings.password_grant_enabled(),
    )


def build_identity(settings: IdentitySettings, runtime: ServiceRuntime) -> Identity:
    keys = key_ring(settings, runtime.engine)
    outbox = MailOutbox(master_key=settings.master_key_bytes())
    mailer = Mailer(
        engine=runtime.engine,
        outbox=outbox,
        templates=MailTemplates(),
        server=smtp_server(settings),
        clock=runtime.clock,
        poll_interval_s=settings.mailer_poll_interval_s,
        retention=timedelta(days=settings.mail_retention_days),
    )
    runtime.add_task("mailer", mailer.run)
    idps = IdentityProviders(
        allow_private=settings.sso_allow_private_issuers,
        timeout_s=settings.sso_http_timeout_s,
        cache_s=settings.sso_cache_s,
    )

    async def close_idps(stop: asyncio.Event) -> None:
        await stop.wait()
        await idps.close()

    runtime.add_task("sso-http", close_idps)
    retention = AuditRetention(
        engine=runtime.engine,
        clock=runtime.clock,
        retention=timedelta(days=settings.sign_in_audit_retention_days),
    )
    runtime.add_task("sign-in-audit-retention", retention.run)
    return Identity(
        engine=runtime.engine,
        store=runtime.store,
        vault=PersonKeyVault(master_key=settings.master_key_bytes()),
        passwords=Passwords(
            time_cost=settings.argon2_time_cost, memory_kib=settings.argon2_memory_kib
        ),
        keys=keys,
        tokens=TokenService(
            engine=runtime.engine,
            keys=keys,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            access_ttl=timedelta(seconds=settings.access_token_ttl_s),
            refresh_ttl=timedelta(seconds=settings.refresh_token_ttl_s),
        ),
        throttle=LoginThrottle(
            engine=runtime.engine,
            max_failures=settings.login_max_failures,
            window=timedelta(seconds=settings.login_window_s),
            lockout=timedelta(seconds=settings.login_lockout_s),
        ),
        clock=runtime.clock,
        mail=outbox,
        links=LinkPolicy(
            public_url=settings.public_url,
            invitation_ttl=timedelta(hours=settings.invitation_ttl_h),
            reset_ttl=timedelta(seconds=settings.password_reset_ttl_s),
            reset_requests=settings.login_max_failures,
        ),
        mail_queued=mailer.wake,
        provider=provider(settings),
        idps=idps,
        sso_request_ttl=timedelta(seconds=settings.sso_request_ttl_s),
        master_key=settings.master_key_bytes(),
    )


def build_app(settings: IdentitySettings | None = None) -> FastAPI:
    settings = settings or IdentitySettings()
    runtime = ServiceRuntime.build(settings, registry=REGISTRY, migrations=MIGRATIONS)
    identity = build_identity(settings, runtime)
    app = create_service_app(
        runtime=runtime,
        title="Huddle identity",
        description="Organisations (tenants), people, sign-in and tokens, integration clients, "
        "SCIM provisioning. Personal data in events is sealed per person and destroyed on "
        "erasure.",
        routers=routers,
        allowed_content_types=(
            "application/json",
            "application/x-www-form-urlencoded",
            "application/scim+json",
        ),
    )
    scim.install(app)
    app.state.identity = identity
    # Identity verifies its own tokens with the ring itself, not over HTTP.
    app.state.token_verifier = runtime.verifier = TokenVerifier(
        keys=RingKeySource(identity.keys),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
    )
    return app
