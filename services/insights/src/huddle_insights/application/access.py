"""Who may read which dashboard, and who may operate the projection.

Insights shows aggregates only, but a team's figures are still the team's business:

| caller                          | org dashboards* | org's teams | team dashboards** | status |
|---------------------------------|-----------------|-------------|-------------------|--------|
| org admin                       | yes             | yes         | yes               | yes    |
| analyst                         | yes             | yes         | yes               | no     |
| a member of the team            | no              | yes         | yes               | no     |
| any other person of the org     | no              | yes         | no                | no     |
| client with ``dashboards:read`` | yes             | yes         | yes               | no     |

\\* the organisation dashboard and heatmap.  \\** the team dashboard and trends.
status: the projection's lag and dead letters.

Another organisation's organisation or team is a 404, never a 403. Rebuilding the projection
and replaying dead letters take the operator key instead of a token (off when none is set;
``huddle_shared.operations.ensure_operator``, the same check in every service).
Team routes decide on :class:`TeamAccess`, read from the read models (and cached) per request.
"""

from __future__ import annotations

from dataclasses import dataclass

from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.errors import Forbidden, NotFound

ORG_WIDE = (OrgRole.ORG_ADMIN, OrgRole.ANALYST)
DASHBOARDS_READ = "dashboards:read"


@dataclass(frozen=True, slots=True)
class TeamAccess:
    """The read-model facts the team routes' access check needs (evaluated per request)."""

    org_id: str | None
    members: frozenset[str]


def ensure_can_read_org_dashboards(principal: Principal, org_id: str) -> None:
    """Org admins, analysts and clients with dashboards:read see the whole organisation."""
    principal.require_org(org_id)
    if principal.kind == "client":
        principal.require_scope(DASHBOARDS_READ)
    elif not principal.has_any_role(*ORG_WIDE):
        raise Forbidden("Organisation dashboards are for org admins and analysts")


def ensure_can_list_org_teams(principal: Principal, org_id: str) -> None:
    """Any person of the organisation; clients only with dashboards:read."""
    principal.require_org(org_id)
    if principal.kind == "client":
        principal.require_scope(DASHBOARDS_READ)


def ensure_can_read_team(principal: Principal, access: TeamAccess) -> None:
    """The team, org admins, analysts and clients with dashboards:read (same organisation)."""
    if access.org_id is None or access.org_id != principal.org_id:
        raise NotFound("No such team")
    if principal.kind == "client":
        principal.require_scope(DASHBOARDS_READ)
        return
    if principal.has_any_role(*ORG_WIDE):
        return
    if principal.subject not in access.members:
        raise Forbidden("Team dashboards are for the team, org admins and analysts")


def ensure_can_see_projection_status(principal: Principal) -> None:
    principal.require_role(OrgRole.ORG_ADMIN)
