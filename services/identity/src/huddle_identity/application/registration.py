"""A person about to be registered: the password checked against the policy, then hashed.

This happens before the command's transaction opens. Argon2 is slow on purpose: it must not
hold a transaction open, nor run again when a conflicting append makes the command retry. An
org admin's check comes before the policy, so someone who may not add people learns nothing
about the policy and costs no hashing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from huddle_identity.application import access
from huddle_identity.application.passwords import Passwords
from huddle_identity.domain.passwords import password_problems
from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.errors import DomainRuleViolated


@dataclass(frozen=True)
class NewPerson:
    """Someone about to be registered: their password is already checked and hashed (None:
    they have none, as a person an identity provider provisions without one, who signs in
    through it)."""

    user_id: str
    email: str
    display_name: str
    profession: Profession
    org_roles: frozenset[OrgRole]
    password_hash: str | None


async def new_person(
    passwords: Passwords,
    *,
    email: str,
    password: str,
    display_name: str,
    profession: Profession,
    org_roles: frozenset[OrgRole],
) -> NewPerson:
    """Refuse a weak password (422, naming every reason), then hash it with a fresh user id."""
    return NewPerson(
        user_id=str(uuid.uuid4()),
        email=email,
        display_name=display_name,
        profession=profession,
        org_roles=org_roles,
        password_hash=await checked_password_hash(
            passwords, password, email=email, display_name=display_name
        ),
    )


async def checked_password_hash(
    passwords: Passwords, password: str, *, email: str, display_name: str
) -> str:
    """The hash of a password the policy accepts for this person; 422 naming every reason."""
    problems = password_problems(password, email=email, display_name=display_name)
    if problems:
        raise DomainRuleViolated(
            "The password " + "; ".join(problems),
            errors=[
                {"location": ["body", "password"], "message": p, "type": "password_policy"}
                for p in problems
            ],
        )
    return await passwords.hash(password)


async def person_to_add(
    passwords: Passwords,
    principal: Principal,
    *,
    email: str,
    password: str,
    display_name: str,
    profession: Profession,
    org_roles: frozenset[OrgRole],
) -> NewPerson:
    """:func:`new_person` for an org admin adding someone: 403 comes before any hashing."""
    access.ensure_org_admin(principal)
    return await new_person(
        passwords,
        email=email,
        password=password,
        display_name=display_name,
        profession=profession,
        org_roles=org_roles,
    )
