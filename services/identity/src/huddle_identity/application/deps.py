"""What the identity use cases need, built once in bootstrap.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_identity.application.idps import IdentityProviders
from huddle_identity.application.links import LinkPolicy
from huddle_identity.application.mail import MailOutbox
from huddle_identity.application.oauth import Provider
from huddle_identity.application.passwords import Passwords
from huddle_identity.application.signing import SigningKeyRing
from huddle_identity.application.throttle import LoginThrottle
from huddle_identity.application.tokens import TokenService
from huddle_identity.application.vault import PersonKeyVault
from huddle_shared.eventstore import EventStore


@dataclass(frozen=True)
class Identity:
    engine: AsyncEngine
    store: EventStore
    vault: PersonKeyVault
    passwords: Passwords
    keys: SigningKeyRing
    tokens: TokenService
    throttle: LoginThrottle
    clock: Callable[[], datetime]
    mail: MailOutbox
    links: LinkPolicy
    provider: Provider
    # Organisations' own identity providers (single sign-on), and how long a sign-in there
    # may take; the master key wraps their client secrets.
    idps: IdentityProviders
    sso_request_ttl: timedelta
    master_key: bytes
    # Tells the mailer that mail was queued; called after the transaction commits.
    mail_queued: Callable[[], None]
