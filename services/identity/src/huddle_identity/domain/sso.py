"""Single sign-on through an organisation's own OpenID provider: the connection's rules and
what an ID token's claims say about a person. Pure: no I/O, no clock."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from huddle_shared.contracts.identity import (
    OrgRole,
    Profession,
    SsoConnectionConfigured,
    SsoConnectionRemoved,
)
from huddle_shared.errors import DomainRuleViolated
from huddle_shared.events import DomainEvent

ATTRIBUTES = ("email", "name", "profession", "org_roles")
DEFAULT_CLAIMS: Mapping[str, str] = {"email": "email", "name": "name"}
MAX_DOMAINS = 50
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_CLAIM = re.compile(r"^[A-Za-z0-9_:./-]{1,100}$")


@dataclass(frozen=True)
class SsoSettings:
    """An organisation's connection to its identity provider (without the client secret)."""

    issuer: str
    client_id: str
    email_domains: tuple[str, ...]
    claims: Mapping[str, str]
    role_values: Mapping[str, OrgRole]
    create_people: bool
    required: bool


@dataclass(frozen=True)
class ConfigureSso:
    org_id: str
    settings: SsoSettings
    actor: str


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def validated(settings: SsoSettings) -> SsoSettings:
    """The settings normalised (issuer without a trailing slash, domains lowercased and
    unique, the default claims filled in), or DomainRuleViolated naming every reason."""
    reasons: list[str] = []
    issuer = settings.issuer.strip()
    parts = urlsplit(issuer)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        reasons.append("the issuer must be an https URL")
    if parts.query or parts.fragment:
        reasons.append("the issuer must not have a query or fragment")
    client_id = settings.client_id.strip()
    if not client_id:
        reasons.append("a client id is needed")
    domains = tuple(dict.fromkeys(d.strip().lower().rstrip(".") for d in settings.email_domains))
    if not domains:
        reasons.append("at least one email domain is needed")
    if len(domains) > MAX_DOMAINS:
        reasons.append(f"at most {MAX_DOMAINS} email domains")
    bad = [d for d in domains if not _DOMAIN.fullmatch(d)]
    if bad:
        reasons.append("not an email domain: " + ", ".join(sorted(bad)[:5]))
    claims = {**DEFAULT_CLAIMS, **settings.claims}
    unknown = set(claims) - set(ATTRIBUTES)
    if unknown:
        reasons.append("unknown attribute(s) in the claim mapping: " + ", ".join(sorted(unknown)))
    if any(not _CLAIM.fullmatch(c) for c in claims.values()):
        reasons.append("a claim name may hold letters, digits and _:./- (at most 100)")
    if settings.role_values and "org_roles" not in claims:
        reasons.append("role values need an org_roles claim")
    if reasons:
        raise DomainRuleViolated(
            "The single sign-on connection is not valid: " + "; ".join(reasons)
        )
    return SsoSettings(
        issuer=issuer.rstrip("/"),
        client_id=client_id,
        email_domains=domains,
        claims=claims,
        role_values=dict(settings.role_values),
        create_people=settings.create_people,
        required=settings.required,
    )


def decide_configure(current: SsoSettings | None, command: ConfigureSso) -> list[DomainEvent]:
    settings = validated(command.settings)
    if settings == current:
        return []
    return [
        SsoConnectionConfigured(
            org_id=command.org_id,
            issuer=settings.issuer,
            client_id=settings.client_id,
            email_domains=list(settings.email_domains),
            claims=dict(settings.claims),
            role_values=dict(settings.role_values),
            create_people=settings.create_people,
            required=settings.required,
            configured_by=command.actor,
        )
    ]


def decide_remove(current: SsoSettings | None, org_id: str, actor: str) -> list[DomainEvent]:
    if current is None:
        return []
    return [SsoConnectionRemoved(org_id=org_id, removed_by=actor)]


def settings_of(event: SsoConnectionConfigured) -> SsoSettings:
    return SsoSettings(
        issuer=event.issuer,
        client_id=event.client_id,
        email_domains=tuple(event.email_domains),
        claims=dict(event.claims),
        role_values=dict(event.role_values),
        create_people=event.create_people,
        required=event.required,
    )


@dataclass(frozen=True)
class FederatedPerson:
    """Who an ID token says signed in, mapped onto Huddle's attributes."""

    subject: str
    email: str
    name: str
    profession: Profession
    org_roles: frozenset[OrgRole]


class ClaimsRefused(Exception):
    """The ID token's claims cannot sign anyone in to this organisation; ``reason`` is a
    short, fixed label (for metrics), ``detail`` what to tell the person."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _text(claims: Mapping[str, Any], name: str) -> str | None:
    value = claims.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def map_claims(settings: SsoSettings, claims: Mapping[str, Any]) -> FederatedPerson:
    """The person the (verified) claims describe, or ClaimsRefused: no subject, no email, an
    email outside the organisation's domains, or an email the provider has not verified."""
    subject = _text(claims, "sub")
    if subject is None:
        raise ClaimsRefused("missing_subject", "The identity provider did not say who you are.")
    email = _text(claims, settings.claims.get("email", "email"))
    if email is None or "@" not in email:
        raise ClaimsRefused("missing_email", "The identity provider did not give an email.")
    email = email.lower()
    if claims.get("email_verified") is False:
        raise ClaimsRefused("email_unverified", "Your email is not verified by your provider.")
    if email_domain(email) not in settings.email_domains:
        raise ClaimsRefused(
            "domain_not_allowed",
            "Your email's domain is not one your organisation signs in with here.",
        )
    name = _text(claims, settings.claims.get("name", "name")) or email.partition("@")[0]
    profession = Profession.OTHER
    if "profession" in settings.claims:
        value = (_text(claims, settings.claims["profession"]) or "").lower()
        if value in {p.value for p in Profession}:
            profession = Profession(value)
    roles = {OrgRole.MEMBER}
    if "org_roles" in settings.claims:
        raw = claims.get(settings.claims["org_roles"])
        values = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
        roles |= {settings.role_values[v] for v in values if v in settings.role_values}
    return FederatedPerson(
        subject=subject,
        email=email,
        name=name[:200],
        profession=profession,
        org_roles=frozenset(roles),
    )
