"""The User aggregate: a person of one organisation. Pure: sealed values and facts come in."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from huddle_shared.contracts.identity import (
    OrgRole,
    OrgRoleGranted,
    OrgRoleRevoked,
    Profession,
    UserDeactivated,
    UserDirectoryEntrySet,
    UserEmailChanged,
    UserErased,
    UserProfileUpdated,
    UserReactivated,
    UserRegistered,
)
from huddle_shared.errors import Conflict, DomainRuleViolated
from huddle_shared.events import DomainEvent
from huddle_shared.personal import Sealed

ACTIVE, DEACTIVATED, ERASED = "active", "deactivated", "erased"


@dataclass(frozen=True)
class DirectoryEntry:
    """What the organisation's identity provider holds about a person (SCIM), beyond Huddle's
    own profile; empty for people it never provisioned."""

    external_id: str | None = None
    user_name: Sealed | None = None
    given_name: Sealed | None = None
    family_name: Sealed | None = None
    department: Sealed | None = None


@dataclass(frozen=True)
class User:
    id: str
    org_id: str
    email: Sealed | None
    display_name: Sealed | None
    profession: Profession | None
    org_roles: frozenset[OrgRole]
    status: str
    created_at: datetime
    updated_at: datetime
    version: int
    directory: DirectoryEntry = DirectoryEntry()

    @property
    def is_active_admin(self) -> bool:
        return self.status == ACTIVE and OrgRole.ORG_ADMIN in self.org_roles


@dataclass(frozen=True)
class RegisterUser:
    user_id: str
    org_id: str
    email: Sealed
    display_name: Sealed
    profession: Profession
    org_roles: frozenset[OrgRole]
    actor: str | None


@dataclass(frozen=True)
class UpdateProfile:
    """``None`` fields are unchanged; the caller compares plaintext before sealing."""

    display_name: Sealed | None
    profession: Profession | None
    actor: str


@dataclass(frozen=True)
class SetOrgRoles:
    roles: frozenset[OrgRole]
    actor: str
    other_active_admins: int


@dataclass(frozen=True)
class DeactivateUser:
    actor: str
    reason: str
    other_active_admins: int


@dataclass(frozen=True)
class ReactivateUser:
    actor: str


@dataclass(frozen=True)
class ChangeEmail:
    """The caller compares plaintext before sealing: a sealed value never equals another."""

    email: Sealed
    actor: str


@dataclass(frozen=True)
class SetDirectoryEntry:
    """The whole entry as the identity provider now holds it (compared in plaintext first)."""

    entry: DirectoryEntry
    actor: str


@dataclass(frozen=True)
class EraseUser:
    actor: str
    other_active_admins: int


def decide_register_user(state: User | None, command: RegisterUser) -> list[DomainEvent]:
    if state is not None:
        raise Conflict("This user already exists")
    if not command.org_roles:
        raise DomainRuleViolated("A person needs at least one organisation role")
    return [
        UserRegistered(
            user_id=command.user_id,
            org_id=command.org_id,
            email=command.email,
            display_name=command.display_name,
            profession=command.profession,
            org_roles=sorted(command.org_roles),
            registered_by=command.actor,
        )
    ]


def _require_not_erased(state: User) -> None:
    if state.status == ERASED:
        raise Conflict("This person's data was erased")


def decide_update_profile(state: User, command: UpdateProfile) -> list[DomainEvent]:
    _require_not_erased(state)
    profession = command.profession if command.profession != state.profession else None
    if command.display_name is None and profession is None:
        return []
    return [
        UserProfileUpdated(
            user_id=state.id,
            org_id=state.org_id,
            display_name=command.display_name,
            profession=profession,
            updated_by=command.actor,
        )
    ]


def _keeps_an_admin(state: User, loses_admin: bool, other_active_admins: int) -> None:
    # An organisation must never lose its last active admin: nobody could manage it again.
    if loses_admin and state.is_active_admin and other_active_admins == 0:
        raise DomainRuleViolated("An organisation needs at least one active org admin")


def decide_set_org_roles(state: User, command: SetOrgRoles) -> list[DomainEvent]:
    _require_not_erased(state)
    if not command.roles:
        raise DomainRuleViolated("A person needs at least one organisation role")
    _keeps_an_admin(state, OrgRole.ORG_ADMIN not in command.roles, command.other_active_admins)
    events: list[DomainEvent] = [
        OrgRoleGranted(user_id=state.id, org_id=state.org_id, role=r, granted_by=command.actor)
        for r in sorted(command.roles - state.org_roles)
    ]
    events += [
        OrgRoleRevoked(user_id=state.id, org_id=state.org_id, role=r, revoked_by=command.actor)
        for r in sorted(state.org_roles - command.roles)
    ]
    return events


def decide_deactivate_user(state: User, command: DeactivateUser) -> list[DomainEvent]:
    _require_not_erased(state)
    if state.status == DEACTIVATED:
        raise Conflict("This user is already deactivated")
    _keeps_an_admin(state, True, command.other_active_admins)
    return [
        UserDeactivated(
            user_id=state.id,
            org_id=state.org_id,
            deactivated_by=command.actor,
            reason=command.reason,
        )
    ]


def decide_reactivate_user(state: User, command: ReactivateUser) -> list[DomainEvent]:
    _require_not_erased(state)
    if state.status == ACTIVE:
        return []  # reactivating an active person changes nothing: the wanted state holds
    return [UserReactivated(user_id=state.id, org_id=state.org_id, reactivated_by=command.actor)]


def decide_change_email(state: User, command: ChangeEmail) -> list[DomainEvent]:
    _require_not_erased(state)
    return [
        UserEmailChanged(
            user_id=state.id, org_id=state.org_id, email=command.email, changed_by=command.actor
        )
    ]


def decide_set_directory_entry(state: User, command: SetDirectoryEntry) -> list[DomainEvent]:
    _require_not_erased(state)
    entry = command.entry
    return [
        UserDirectoryEntrySet(
            user_id=state.id,
            org_id=state.org_id,
            external_id=entry.external_id,
            user_name=entry.user_name,
            given_name=entry.given_name,
            family_name=entry.family_name,
            department=entry.department,
            set_by=command.actor,
        )
    ]


def decide_erase_user(state: User, command: EraseUser) -> list[DomainEvent]:
    if state.status == ERASED:
        return []  # erasing twice is a no-op: DELETE is idempotent
    _keeps_an_admin(state, True, command.other_active_admins)
    return [UserErased(user_id=state.id, org_id=state.org_id, erased_by=command.actor)]


def evolve(state: User | None, event: DomainEvent, *, at: datetime, version: int) -> User:
    if isinstance(event, UserRegistered):
        return User(
            id=event.user_id,
            org_id=event.org_id,
            email=event.email,
            display_name=event.display_name,
            profession=event.profession,
            org_roles=frozenset(event.org_roles),
            status=ACTIVE,
            created_at=at,
            updated_at=at,
            version=version,
        )
    if state is None:
        raise ValueError(f"cannot apply {event.event_type} to a user that does not exist")
    match event:
        case UserProfileUpdated():
            state = replace(
                state,
                display_name=event.display_name or state.display_name,
                profession=event.profession or state.profession,
            )
        case OrgRoleGranted():
            state = replace(state, org_roles=state.org_roles | {event.role})
        case OrgRoleRevoked():
            state = replace(state, org_roles=state.org_roles - {event.role})
        case UserDeactivated():
            state = replace(state, status=DEACTIVATED)
        case UserReactivated():
            state = replace(state, status=ACTIVE)
        case UserEmailChanged():
            state = replace(state, email=event.email)
        case UserDirectoryEntrySet():
            entry = DirectoryEntry(
                external_id=event.external_id,
                user_name=event.user_name,
                given_name=event.given_name,
                family_name=event.family_name,
                department=event.department,
            )
            state = replace(state, directory=entry)
        case UserErased():
            state = replace(
                state,
                status=ERASED,
                email=None,
                display_name=None,
                profession=None,
                directory=DirectoryEntry(),
            )
        case _:
            raise ValueError(f"unknown user event {event.event_type}")
    return replace(state, updated_at=at, version=version)
