"""Who may do what in identity. Every check that used to sit in a route lives here.

| caller             | own org | list/read people | add/deactivate/erase people | clients |
|--------------------|---------|------------------|-----------------------------|---------|
| org admin          | yes     | yes, with emails | yes                         | yes     |
| any other person   | yes     | yes, own email   | no                          | no      |
| integration client | yes     | no               | no                          | no      |
| SCIM connector     | yes     | through SCIM     | through SCIM (and roles)    | no      |

People change their own name and profession; only org admins change someone else's, or
anyone's org roles. Sign-up and the token endpoint need no caller at all.

A SCIM connector is an integration client holding the ``scim`` scope: the organisation's
identity provider, provisioning and deprovisioning its people. SCIM is for connectors only, so
a person's token is refused there, an org admin's too.

Most of these checks run *before* the aggregate is loaded, as the routes always did: whether
you may act does not depend on the target, so a non-admin gets 403 rather than learning, from a
404, which ids exist in other organisations.
"""

from __future__ import annotations

from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.errors import Forbidden, NotFound

ORG_ADMIN = OrgRole.ORG_ADMIN


def is_person(principal: Principal) -> bool:
    return principal.kind == "user"


def may_see_email(viewer: Principal, *, user_id: str) -> bool:
    """Emails are for org admins and for the person themselves."""
    return viewer.subject == user_id or viewer.has_any_role(ORG_ADMIN)


def ensure_same_organisation(principal: Principal, *, org_id: str) -> None:
    """Another organisation reads as absent (404), never as forbidden."""
    principal.require_org(org_id)


def ensure_org_admin(principal: Principal) -> None:
    """Adding, deactivating and erasing people, and everything about clients."""
    principal.require_role(ORG_ADMIN)


def ensure_can_list_people(principal: Principal) -> None:
    if not is_person(principal):
        raise Forbidden("Only people can list people")


def ensure_can_read_people(principal: Principal) -> None:
    if not is_person(principal):
        raise Forbidden("Only people can read people")


def ensure_is_a_person(principal: Principal) -> None:
    """``/users/me`` for an integration client: there is no such person (404)."""
    if not is_person(principal):
        raise NotFound("Integration clients are not people")


def ensure_can_update_person(principal: Principal, *, user_id: str, changes_roles: bool) -> None:
    if changes_roles or principal.subject != user_id:
        principal.require_role(ORG_ADMIN)


SCIM_SCOPE = "scim"


def ensure_scim_connector(principal: Principal) -> None:
    """Only an integration client holding the ``scim`` scope provisions people."""
    if principal.kind != "client":
        raise Forbidden("SCIM is for integration clients holding the scope 'scim', not people")
    if SCIM_SCOPE not in principal.scopes:
        raise Forbidden("This client lacks the scope 'scim'")
