"""Who may do what with a team. Callers resolve the team first, so another tenant gets 404.

| caller                                  | list + summary | details* | FHIR | manage** |
|-----------------------------------------|----------------|----------|------|----------|
| org admin                               | yes            | yes      | yes  | yes      |
| the team's clinical lead                | yes            | yes      | yes  | yes      |
| a member of the team (any other role)   | yes            | yes      | yes  | no       |
| analyst                                 | yes            | yes      | yes  | no       |
| any other person of the organisation    | yes            | no       | no   | no       |
| integration client with ``fhir:read``   | no             | no       | yes  | no       |

\\* members, charter, history, actions.  \\** membership, roles, charter, reviews, rename,
archive. Only org admins create teams.

A team's actions (*propose*: a new action as proposed; *manage*: commit, revise, give owners,
drop; *work*: start, finish, check in):

| caller                        | read | propose | manage | work |
|-------------------------------|------|---------|--------|------|
| org admin                     | yes  | yes     | yes    | yes  |
| the team's clinical lead      | yes  | yes     | yes    | yes  |
| a member of the team          | yes  | yes     | no     | yes  |
| analyst                       | yes  | no      | no     | no   |
| anyone else, any client       | no   | no      | no     | no   |

A team's meetings: its people (and org admins) record them and read them, analysts read them;
recording a charter review at one is managing the charter (lead and org admins).
"""

from __future__ import annotations

from huddle_shared.auth import Principal
from huddle_shared.contracts.teams import TeamRole
from huddle_shared.errors import Forbidden

ORG_ADMIN = "org_admin"
ANALYST = "analyst"
FHIR_READ = "fhir:read"


def is_person(principal: Principal) -> bool:
    return principal.kind == "user"


def can_manage(principal: Principal, *, team_role: TeamRole | None) -> bool:
    return is_person(principal) and (
        principal.has_any_role(ORG_ADMIN) or team_role is TeamRole.CLINICAL_LEAD
    )


def can_read_details(principal: Principal, *, team_role: TeamRole | None) -> bool:
    return is_person(principal) and (
        principal.has_any_role(ORG_ADMIN, ANALYST) or team_role is not None
    )


def can_read_fhir(principal: Principal, *, team_role: TeamRole | None) -> bool:
    if principal.kind == "client":
        return FHIR_READ in principal.scopes
    return can_read_details(principal, team_role=team_role)


def ensure_can_create_teams(principal: Principal) -> None:
    if not (is_person(principal) and principal.has_any_role(ORG_ADMIN)):
        raise Forbidden("Only org admins create teams")


def ensure_can_see_teams(principal: Principal) -> None:
    if not is_person(principal):
        raise Forbidden("Integration clients read teams through the FHIR view only")


def ensure_can_manage(principal: Principal, *, team_role: TeamRole | None) -> None:
    if not can_manage(principal, team_role=team_role):
        raise Forbidden("Only org admins and the team's clinical lead manage a team")


def ensure_can_read_details(principal: Principal, *, team_role: TeamRole | None) -> None:
    if not can_read_details(principal, team_role=team_role):
        raise Forbidden("Only the team's members, org admins and analysts read this")


def ensure_can_read_fhir(principal: Principal, *, team_role: TeamRole | None) -> None:
    if not can_read_fhir(principal, team_role=team_role):
        raise Forbidden(
            "Only the team's members, org admins, analysts and clients with the scope "
            f"'{FHIR_READ}' read this"
        )


# ---- actions -------------------------------------------------------------------------------


def can_work_on_actions(principal: Principal, *, team_role: TeamRole | None) -> bool:
    """Propose an action, start or finish one, check in: the team's people and org admins."""
    return is_person(principal) and (principal.has_any_role(ORG_ADMIN) or team_role is not None)


def ensure_can_work_on_actions(principal: Principal, *, team_role: TeamRole | None) -> None:
    if not can_work_on_actions(principal, team_role=team_role):
        raise Forbidden("Only the team's members and org admins work on its actions")


def ensure_can_manage_actions(principal: Principal, *, team_role: TeamRole | None) -> None:
    if not can_manage(principal, team_role=team_role):
        raise Forbidden(
            "Only org admins and the team's clinical lead commit, revise, assign or drop actions"
        )


# ---- meetings ------------------------------------------------------------------------------


def ensure_can_record_meetings(principal: Principal, *, team_role: TeamRole | None) -> None:
    if not can_work_on_actions(principal, team_role=team_role):
        raise Forbidden("Only the team's members and org admins record its meetings")
