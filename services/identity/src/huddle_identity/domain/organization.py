"""The Organization aggregate (a tenant) and integration clients: pure decisions and folds."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from huddle_identity.domain.sso import SsoSettings, settings_of
from huddle_shared.contracts.identity import (
    IntegrationClientRegistered,
    IntegrationClientRevoked,
    OrganizationCreated,
    SsoConnectionConfigured,
    SsoConnectionRemoved,
)
from huddle_shared.errors import Conflict, DomainRuleViolated
from huddle_shared.events import DomainEvent

# ``scim``: the organisation's identity provider provisions its people (``/scim/v2``).
CLIENT_SCOPES = frozenset({"events:read", "dashboards:read", "fhir:read", "scim"})


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    created_at: datetime
    version: int
    # Its own identity provider, when it signs its people in through one.
    sso: SsoSettings | None = None


@dataclass(frozen=True)
class CreateOrganization:
    org_id: str
    name: str
    first_admin_id: str


def decide_create_organization(
    state: Organization | None, command: CreateOrganization
) -> list[DomainEvent]:
    if state is not None:
        raise Conflict("This organisation already exists")
    name = command.name.strip()
    if not name:
        raise DomainRuleViolated("An organisation needs a name")
    return [
        OrganizationCreated(org_id=command.org_id, name=name, first_admin_id=command.first_admin_id)
    ]


def evolve_organization(
    state: Organization | None, event: DomainEvent, *, at: datetime, version: int
) -> Organization:
    match event:
        case OrganizationCreated():
            return Organization(id=event.org_id, name=event.name, created_at=at, version=version)
        case SsoConnectionConfigured() if state is not None:
            return replace(state, sso=settings_of(event), version=version)
        case SsoConnectionRemoved() if state is not None:
            return replace(state, sso=None, version=version)
    raise ValueError(f"unknown organisation event {event.event_type}")


@dataclass(frozen=True)
class Client:
    id: str
    org_id: str
    name: str
    scopes: frozenset[str]
    revoked: bool
    version: int


@dataclass(frozen=True)
class RegisterClient:
    client_id: str
    org_id: str
    name: str
    scopes: frozenset[str]
    actor: str


def decide_register_client(state: Client | None, command: RegisterClient) -> list[DomainEvent]:
    if state is not None:
        raise Conflict("This client already exists")
    unknown = command.scopes - CLIENT_SCOPES
    if unknown:
        raise DomainRuleViolated("Unknown scope(s): " + ", ".join(sorted(unknown)))
    if not command.scopes:
        raise DomainRuleViolated("A client needs at least one scope")
    # The request body trims Unicode whitespace only; str.strip also removes e.g. U+001F.
    name = command.name.strip()
    if not name:
        raise DomainRuleViolated("A client needs a name")
    return [
        IntegrationClientRegistered(
            client_id=command.client_id,
            org_id=command.org_id,
            name=name,
            scopes=sorted(command.scopes),
            registered_by=command.actor,
        )
    ]


def decide_revoke_client(state: Client, actor: str) -> list[DomainEvent]:
    if state.revoked:
        return []
    return [IntegrationClientRevoked(client_id=state.id, org_id=state.org_id, revoked_by=actor)]


def evolve_client(
    state: Client | None, event: DomainEvent, *, at: datetime, version: int
) -> Client:
    match event:
        case IntegrationClientRegistered():
            return Client(
                id=event.client_id,
                org_id=event.org_id,
                name=event.name,
                scopes=frozenset(event.scopes),
                revoked=False,
                version=version,
            )
        case IntegrationClientRevoked() if state is not None:
            return replace(state, revoked=True, version=version)
    raise ValueError(f"cannot apply {event.event_type}")
