"""A Huddle person as a SCIM ``User``, a SCIM ``User`` as what Huddle should make of a person,
and an org role as a SCIM ``Group``. Pure: no I/O.

| SCIM                                   | Huddle                                                 |
|----------------------------------------|--------------------------------------------------------|
| ``id``                                 | the user id                                            |
| ``externalId``                         | the directory entry's external id (in clear on events) |
| ``userName``                           | the directory entry's user name; else the email        |
| ``emails`` (primary, else work, first) | the email: sign-in name and mail address               |
| ``displayName``                        | the display name (else given + family name, userName)  |
| ``name.givenName``, ``name.familyName``| the directory entry's names                            |
| ``active``                             | active, or deactivated                                 |
| ``password``                           | the password (write only; the policy applies)          |
| ``groups``                             | the org roles, as the organisation's groups            |
| enterprise ``department``              | the directory entry's department                       |
| huddle extension ``profession``        | the profession                                         |
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from email_validator import EmailNotValidError, validate_email
from scim2_models import (
    Email,
    EnterpriseUser,
    Group,
    GroupMember,
    GroupMembership,
    InvalidValueException,
    Meta,
    Name,
)

from huddle_identity.api.scim.resources import GROUP_NAMES, HuddleUser, ScimUser, group_id
from huddle_identity.application.directory import DirectoryPerson
from huddle_identity.application.provisioning import WantedPerson
from huddle_identity.projections.people import DirectoryValues
from huddle_shared.contracts.identity import OrgRole

NAME_LENGTH = 200
ID_LENGTH = 255


def weak_etag(version: int) -> str:
    """``meta.version`` and the ETag: weak, as a stream version says nothing of the bytes."""
    return f'W/"{version}"'


def user_resource(person: DirectoryPerson, *, base_url: str, for_patch: bool = False) -> ScimUser:
    """The person as SCIM shows them. ``for_patch`` makes the one email the primary one, of type
    ``work``, so that the paths identity providers patch (``emails[type eq "work"].value``)
    find it."""
    entry = person.directory
    user = ScimUser(
        id=person.id,
        external_id=entry.external_id,
        user_name=person.user_name,
        display_name=person.display_name,
        active=person.active,
        emails=[
            Email(value=person.email, primary=True, type="work")
            if for_patch
            else Email(value=person.email)
        ],
        groups=[
            GroupMembership(value=group_id(person.org_id, role), display=GROUP_NAMES[role])
            for role in OrgRole
            if role in person.org_roles
        ]
        or None,
        meta=Meta(
            resource_type="User",
            created=person.created_at,
            last_modified=person.updated_at,
            location=f"{base_url}/Users/{person.id}",
            version=weak_etag(person.version),
        ),
    )
    if entry.given_name is not None or entry.family_name is not None:
        user.name = Name(given_name=entry.given_name, family_name=entry.family_name)
    if entry.department is not None:
        user[EnterpriseUser] = EnterpriseUser(department=entry.department)
    user[HuddleUser] = HuddleUser(profession=person.profession)
    return user


def wanted_person(user: ScimUser) -> WantedPerson:
    """What Huddle should make of a person the identity provider describes as ``user``; 400
    (``invalidValue``) for what Huddle cannot keep, with no value echoed."""
    user_name = _text(user.user_name, "userName", ID_LENGTH)
    if user_name is None:
        raise InvalidValueException(detail="userName is required")
    given = _text(user.name.given_name if user.name else None, "name.givenName", NAME_LENGTH)
    family = _text(user.name.family_name if user.name else None, "name.familyName", NAME_LENGTH)
    enterprise = user[EnterpriseUser]
    huddle = user[HuddleUser]
    made_up = " ".join(part for part in (given, family) if part) or user_name
    display_name = _text(user.display_name, "displayName", NAME_LENGTH) or made_up[:NAME_LENGTH]
    return WantedPerson(
        email=_email(user.emails or [], user_name),
        display_name=display_name,
        directory=DirectoryValues(
            external_id=_text(user.external_id, "externalId", ID_LENGTH),
            user_name=user_name,
            given_name=given,
            family_name=family,
            department=_text(
                enterprise.department if enterprise else None, "department", NAME_LENGTH
            ),
        ),
        profession=huddle.profession if huddle else None,
        active=user.active,
        password=user.password,
    )


def _email(emails: Sequence[Email], user_name: str) -> str:
    """The one address Huddle keeps: the primary entry, else the work one, else the first; with
    none, the userName if it is an address."""
    ordered = sorted(emails, key=lambda e: (not e.primary, e.type != "work"))
    for candidate in [*(e.value for e in ordered if e.value), user_name]:
        try:
            return validate_email(candidate, check_deliverability=False).normalized.lower()
        except EmailNotValidError as exc:
            if candidate != user_name:
                raise InvalidValueException(
                    detail="emails holds a value that is no address"
                ) from exc
    raise InvalidValueException(
        detail="Huddle needs an email address: send one in emails, or a userName that is one"
    )


def _text(value: str | None, attribute: str, limit: int) -> str | None:
    """A stripped value, None when empty; refused when too long or holding a NUL."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > limit or "\x00" in value:
        raise InvalidValueException(
            detail=f"{attribute} must be at most {limit} characters, without NUL"
        )
    return value


# ---- groups ----------------------------------------------------------------------------------


def group_resource(
    org_id: str, role: OrgRole, members: Iterable[DirectoryPerson], *, base_url: str
) -> Group:
    listed = list(members)
    return Group(
        id=group_id(org_id, role),
        display_name=GROUP_NAMES[role],
        members=[GroupMember(value=person.id, display=person.display_name) for person in listed]
        or None,
        meta=Meta(
            resource_type="Group",
            location=f"{base_url}/Groups/{group_id(org_id, role)}",
            version=weak_etag(membership_version(listed)),
        ),
    )


def membership_version(members: Iterable[DirectoryPerson]) -> int:
    """A group's version: it changes with its members and theirs (a stable, positive 63-bit
    number; a weak validator, as the ETag says)."""
    text = ",".join(sorted(f"{person.id}:{person.version}" for person in members))
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") >> 1


def member_ids(group: Group) -> frozenset[str]:
    return frozenset(member.value for member in group.members or [] if member.value)
