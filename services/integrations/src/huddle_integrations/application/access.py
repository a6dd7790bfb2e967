"""Who may use the integration routes: an organisation's admins, and its integration clients
that hold the ``events:read`` scope. Everything is about the caller's own organisation; there is
no route that names another.

| caller                         | feed, subscriptions, settings (read) | settings (change) |
|--------------------------------|---------------------------------------|-------------------|
| org admin                      | yes                                   | yes               |
| client with ``events:read``    | yes                                   | no                |
| any other person or client     | 403                                   | 403               |
"""

from __future__ import annotations

from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.errors import Forbidden

EVENTS_READ = "events:read"


def ensure_integrator(principal: Principal) -> None:
    """Org admins and clients with ``events:read``; a 403 problem for anyone else."""
    if principal.kind == "client":
        if EVENTS_READ not in principal.scopes:
            raise Forbidden(f"This client lacks the scope '{EVENTS_READ}'")
        return
    if not principal.has_any_role(OrgRole.ORG_ADMIN):
        raise Forbidden("Integrations are for org admins and clients with events:read")


def ensure_org_admin(principal: Principal) -> None:
    if principal.kind == "client" or not principal.has_any_role(OrgRole.ORG_ADMIN):
        raise Forbidden("Only an org admin can change what the organisation shares")
