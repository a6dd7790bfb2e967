"""Helpers the identity routes share."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from huddle_identity.api.schemas import UserOut
from huddle_identity.application.deps import Identity
from huddle_identity.domain.passwords import password_problems
from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.errors import DomainRuleViolated


def identity_of(request: Request) -> Identity:
    identity: Identity = request.app.state.identity
    return identity


def user_out(row: Any, viewer: Principal) -> dict[str, Any]:
    """A person as ``viewer`` may see them: email only for org admins and the person."""
    may_see_email = viewer.subject == row.user_id or viewer.has_any_role(OrgRole.ORG_ADMIN)
    return UserOut(
        id=row.user_id,
        org_id=row.org_id,
        email=row.email if may_see_email else None,
        display_name=row.display_name,
        profession=row.profession,
        org_roles=row.org_roles,
        status=row.status,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    ).model_dump(mode="json")


def check_password(password: str, *, email: str, display_name: str) -> None:
    problems = password_problems(password, email=email, display_name=display_name)
    if problems:
        raise DomainRuleViolated(
            "The password " + "; ".join(problems),
            errors=[
                {"location": ["body", "password"], "message": p, "type": "password_policy"}
                for p in problems
            ],
        )
