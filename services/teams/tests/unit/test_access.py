"""Who may do what with a team: the authorisation matrix as a pure function of the caller."""

from __future__ import annotations

from typing import Literal

import pytest

from huddle_shared.auth import Principal
from huddle_shared.contracts.teams import TeamRole
from huddle_shared.errors import Forbidden
from huddle_teams.application.access import (
    can_manage,
    can_read_details,
    can_read_fhir,
    ensure_can_create_teams,
    ensure_can_see_teams,
)


def caller(
    *roles: str, kind: Literal["user", "client"] = "user", scopes: tuple[str, ...] = ()
) -> Principal:
    return Principal("u-1", "org-1", frozenset(roles), frozenset(scopes), kind)


# (caller, role on the team) -> (details, fhir, manage)
MATRIX = [
    (caller("org_admin"), None, (True, True, True)),
    (caller("member"), TeamRole.CLINICAL_LEAD, (True, True, True)),
    (caller("member"), TeamRole.NURSE, (True, True, False)),
    (caller("analyst"), None, (True, True, False)),
    (caller("member"), None, (False, False, False)),
    (caller(kind="client", scopes=("fhir:read",)), None, (False, True, False)),
    (caller("org_admin", kind="client"), None, (False, False, False)),
]


@pytest.mark.parametrize(("principal", "team_role", "expected"), MATRIX)
def test_the_authorisation_matrix(
    principal: Principal, team_role: TeamRole | None, expected: tuple[bool, bool, bool]
) -> None:
    assert (
        can_read_details(principal, team_role=team_role),
        can_read_fhir(principal, team_role=team_role),
        can_manage(principal, team_role=team_role),
    ) == expected


def test_only_org_admins_create_teams_and_clients_do_not_browse_them() -> None:
    ensure_can_create_teams(caller("org_admin"))
    for other in (caller("member"), caller("analyst")):
        with pytest.raises(Forbidden):
            ensure_can_create_teams(other)
    ensure_can_see_teams(caller("member"))
    with pytest.raises(Forbidden):
        ensure_can_see_teams(caller(kind="client", scopes=("fhir:read",)))
