"""Events of the identity service.

No event carries a password, a hash, a token or a secret. A person's name and email are sealed
with their own key (see :mod:`huddle_shared.personal`): consumers get ids, profession, roles and
status in clear, and must not expect to read names from the bus.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from huddle_shared.contracts.registry import REGISTRY
from huddle_shared.events import DomainEvent, Topic
from huddle_shared.personal import Sealed

ORGANIZATION_TOPIC = Topic(
    name="identity.organization.v1",
    service="identity",
    aggregate="organization",
    description="Organisations (tenants) of Huddle.",
    key_description="The organisation id (UUID).",
)
USER_TOPIC = Topic(
    name="identity.user.v1",
    service="identity",
    aggregate="user",
    description="People of an organisation: registration, profile, org roles, deactivation and "
    "reactivation, the identity provider's directory entry, erasure. Names, emails and the "
    "directory's personal values are sealed per person and unreadable after erasure.",
    key_description="The user id (UUID).",
)
CLIENT_TOPIC = Topic(
    name="identity.client.v1",
    service="identity",
    aggregate="client",
    description="Integration clients (OAuth2 client credentials) of health-system IT.",
    key_description="The client id (UUID).",
)


class Profession(StrEnum):
    PHYSICIAN = "physician"
    NURSE_PRACTITIONER = "nurse_practitioner"
    PHYSICIAN_ASSISTANT = "physician_assistant"
    NURSE = "nurse"
    PHARMACIST = "pharmacist"
    SOCIAL_WORKER = "social_worker"
    BEHAVIORAL_HEALTH = "behavioral_health"
    MEDICAL_ASSISTANT = "medical_assistant"
    FRONT_DESK = "front_desk"
    PATIENT_PARTNER = "patient_partner"
    CARE_COORDINATOR = "care_coordinator"
    DIETITIAN = "dietitian"
    PHYSIOTHERAPIST = "physiotherapist"
    OTHER = "other"


class OrgRole(StrEnum):
    ORG_ADMIN = "org_admin"
    ANALYST = "analyst"
    MEMBER = "member"


@REGISTRY.event(ORGANIZATION_TOPIC, "huddle.identity.organization_created.v1")
class OrganizationCreated(DomainEvent):
    """An organisation (tenant) was created with its first org admin."""

    org_id: str
    name: str = Field(min_length=1, max_length=200)
    first_admin_id: str


@REGISTRY.event(ORGANIZATION_TOPIC, "huddle.identity.sso_connection_configured.v1")
class SsoConnectionConfigured(DomainEvent):
    """An organisation connected its own OpenID provider for single sign-on, or changed the
    connection (its client secret is never published)."""

    org_id: str
    issuer: str
    client_id: str
    email_domains: list[str]
    # Huddle's attribute (email, name, profession, org_roles) -> the ID token's claim.
    claims: dict[str, str]
    # A value of the org_roles claim -> the org role it grants.
    role_values: dict[str, OrgRole]
    create_people: bool
    required: bool
    configured_by: str


@REGISTRY.event(ORGANIZATION_TOPIC, "huddle.identity.sso_connection_removed.v1")
class SsoConnectionRemoved(DomainEvent):
    """An organisation's single sign-on was disconnected; its people sign in with passwords."""

    org_id: str
    removed_by: str


@REGISTRY.event(USER_TOPIC, "huddle.identity.user_registered.v1")
class UserRegistered(DomainEvent):
    """A person joined an organisation."""

    user_id: str
    org_id: str
    email: Sealed
    display_name: Sealed
    profession: Profession
    org_roles: list[OrgRole]
    registered_by: str | None = None


@REGISTRY.event(USER_TOPIC, "huddle.identity.user_profile_updated.v1")
class UserProfileUpdated(DomainEvent):
    """A person's display name or profession changed (unchanged fields are absent)."""

    user_id: str
    org_id: str
    display_name: Sealed | None = None
    profession: Profession | None = None
    updated_by: str


@REGISTRY.event(USER_TOPIC, "huddle.identity.org_role_granted.v1")
class OrgRoleGranted(DomainEvent):
    """A person was given an organisation role."""

    user_id: str
    org_id: str
    role: OrgRole
    granted_by: str


@REGISTRY.event(USER_TOPIC, "huddle.identity.org_role_revoked.v1")
class OrgRoleRevoked(DomainEvent):
    """An organisation role was taken from a person."""

    user_id: str
    org_id: str
    role: OrgRole
    revoked_by: str


@REGISTRY.event(USER_TOPIC, "huddle.identity.user_deactivated.v1")
class UserDeactivated(DomainEvent):
    """A person can no longer sign in; history and memberships remain."""

    user_id: str
    org_id: str
    deactivated_by: str
    reason: str = Field(default="", max_length=500)


@REGISTRY.event(USER_TOPIC, "huddle.identity.user_reactivated.v1")
class UserReactivated(DomainEvent):
    """A deactivated person may sign in again, with the org roles they had."""

    user_id: str
    org_id: str
    reactivated_by: str


@REGISTRY.event(USER_TOPIC, "huddle.identity.user_email_changed.v1")
class UserEmailChanged(DomainEvent):
    """A person's email address, their sign-in name, changed."""

    user_id: str
    org_id: str
    email: Sealed
    changed_by: str


@REGISTRY.event(USER_TOPIC, "huddle.identity.user_directory_entry_set.v1")
class UserDirectoryEntrySet(DomainEvent):
    """What the organisation's identity provider (SCIM) holds about a person, as a whole: its own
    id for them, their user name, given and family names and department. An absent value is
    unset. Only ``external_id`` is in clear: it is how integrations match the IdP's records."""

    user_id: str
    org_id: str
    external_id: str | None = Field(default=None, max_length=255)
    user_name: Sealed | None = None
    given_name: Sealed | None = None
    family_name: Sealed | None = None
    department: Sealed | None = None
    set_by: str


@REGISTRY.event(USER_TOPIC, "huddle.identity.user_erased.v1")
class UserErased(DomainEvent):
    """A person's personal data was destroyed; consumers must drop what they hold about them."""

    user_id: str
    org_id: str
    erased_by: str


@REGISTRY.event(CLIENT_TOPIC, "huddle.identity.client_registered.v1")
class IntegrationClientRegistered(DomainEvent):
    """An integration client was registered (its secret is never published)."""

    client_id: str
    org_id: str
    name: str = Field(min_length=1, max_length=200)
    scopes: list[str]
    registered_by: str


@REGISTRY.event(CLIENT_TOPIC, "huddle.identity.client_revoked.v1")
class IntegrationClientRevoked(DomainEvent):
    """An integration client can no longer obtain tokens."""

    client_id: str
    org_id: str
    revoked_by: str
