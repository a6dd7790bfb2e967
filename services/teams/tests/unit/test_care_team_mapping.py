"""The FHIR R4 CareTeam view of a team, validated by the fhir.resources models, and the models
the OpenAPI document shows for it."""

from __future__ import annotations

from typing import Any

import pytest
from fhir.resources.R4B.careteam import CareTeam

from huddle_shared.contracts.teams import TeamRole
from huddle_teams.api import fhir_schemas
from huddle_teams.api.fhir import TEAM_ROLE_DISPLAY, TEAM_ROLE_SYSTEM, as_fhir_json, care_team
from huddle_teams.domain.membership import ChangeMemberRole, RemoveMember
from huddle_teams.domain.membership import decide_change_member_role as change_role
from huddle_teams.domain.membership import decide_remove_member as remove
from huddle_teams.domain.state import Team
from huddle_teams.domain.team import ArchiveTeam, decide_archive_team

from .builders import ADMIN, AMARA, BEN, T0, TODAY, a_team, days, then, with_member


def as_json(resource: fhir_schemas.CareTeam) -> dict[str, Any]:
    """What the route sends, as JSON."""
    return as_fhir_json(resource)


def test_a_team_without_anyone_yet_is_a_proposed_care_team_of_its_organisation() -> None:
    doc = as_json(care_team(a_team()))
    assert doc["resourceType"] == "CareTeam"
    assert doc["status"] == "proposed"
    assert doc["name"] == "Riverside Team A"
    assert doc["managingOrganization"] == [{"reference": "Organization/org-1"}]
    assert doc["meta"]["versionId"] == "1"
    assert "participant" not in doc


def test_members_are_practitioner_participants_with_a_huddle_coded_role() -> None:
    state = with_member(a_team(), AMARA, TeamRole.CLINICAL_PHARMACIST, since=TODAY - days(9))
    doc = as_json(care_team(state))
    assert doc["status"] == "active"
    assert doc["participant"] == [
        {
            "role": [
                {
                    "coding": [
                        {
                            "system": TEAM_ROLE_SYSTEM,
                            "code": "clinical_pharmacist",
                            "display": "Clinical pharmacist",
                        }
                    ],
                    "text": "Clinical pharmacist",
                }
            ],
            "member": {"reference": f"Practitioner/{AMARA}"},
            "onBehalfOf": {"reference": "Organization/org-1"},
            "period": {"start": (TODAY - days(9)).isoformat()},
        }
    ]


def test_a_role_change_ends_one_participant_period_and_opens_another() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE, since=TODAY - days(30))
    change = ChangeMemberRole(AMARA, TeamRole.CLINICAL_LEAD, "new lead", TODAY - days(2), ADMIN)
    state = then(state, change_role(state, change, now=T0))
    periods = [
        (p["role"][0]["coding"][0]["code"], p["period"])
        for p in as_json(care_team(state))["participant"]
    ]
    assert periods == [
        ("nurse", {"start": (TODAY - days(30)).isoformat(), "end": (TODAY - days(2)).isoformat()}),
        ("clinical_lead", {"start": (TODAY - days(2)).isoformat()}),
    ]


def test_removal_closes_the_period_and_a_team_everyone_left_is_suspended() -> None:
    state = with_member(a_team(), AMARA, TeamRole.NURSE, since=TODAY - days(5))
    state = then(state, remove(state, RemoveMember(AMARA, ADMIN), now=T0))
    doc = as_json(care_team(state))
    assert doc["status"] == "suspended"
    assert doc["participant"][0]["period"] == {
        "start": (TODAY - days(5)).isoformat(),
        "end": TODAY.isoformat(),
    }


def test_an_archived_team_is_inactive_and_its_open_periods_end_with_it() -> None:
    state = with_member(a_team(), BEN, TeamRole.SOCIAL_WORKER)
    state = then(state, decide_archive_team(state, ArchiveTeam(actor=ADMIN)), at=T0 + days(4))
    doc = as_json(care_team(state))
    assert doc["status"] == "inactive"
    assert doc["period"]["end"] == (TODAY + days(4)).isoformat()
    assert doc["participant"][0]["period"]["end"] == (TODAY + days(4)).isoformat()


def test_the_mapping_round_trips_through_the_r4_model_and_names_every_team_role() -> None:
    state = a_team()
    for n, role in enumerate(TeamRole):
        state = with_member(state, f"user-{n}", role)
    doc = as_json(care_team(state))
    assert CareTeam.model_validate(doc).status == "active"
    assert {p["role"][0]["coding"][0]["code"] for p in doc["participant"]} == {
        r.value for r in TeamRole
    }
    assert set(TEAM_ROLE_DISPLAY) == set(TeamRole)


def _teams() -> dict[str, Team]:
    member = with_member(a_team(), AMARA, TeamRole.NURSE, since=TODAY - days(30))
    change = ChangeMemberRole(AMARA, TeamRole.CLINICAL_LEAD, "new lead", TODAY - days(2), ADMIN)
    changed = then(member, change_role(member, change, now=T0))
    left = then(changed, remove(changed, RemoveMember(AMARA, ADMIN), now=T0))
    archived = then(member, decide_archive_team(member, ArchiveTeam(actor=ADMIN)), at=T0 + days(4))
    return {
        "no one yet": a_team(),
        "a member": member,
        "a role change": changed,
        "everyone left": left,
        "archived": archived,
    }


@pytest.mark.parametrize(
    ("case", "status"),
    [
        ("no one yet", "proposed"),
        ("a member", "active"),
        ("a role change", "active"),
        ("everyone left", "suspended"),
        ("archived", "inactive"),
    ],
)
def test_what_the_route_sends_is_exactly_the_documented_model_and_valid_r4(
    case: str, status: str
) -> None:
    """The document must not lie: the JSON sent validates against the documented model (which
    refuses any element it does not name) and against the full R4 CareTeam."""
    sent = care_team(_teams()[case]).model_dump_json(exclude_none=True)
    documented = fhir_schemas.CareTeam.model_validate_json(sent)
    assert documented.model_dump_json(exclude_none=True) == sent
    assert "null" not in sent, "FHIR JSON leaves absent elements out"
    assert documented.status == CareTeam.model_validate_json(sent).status == status


def test_the_documented_example_is_a_valid_r4_care_team() -> None:
    example = fhir_schemas.CareTeam.model_json_schema()["examples"][0]
    assert fhir_schemas.CareTeam.model_validate(example).resource_type == "CareTeam"
    assert CareTeam.model_validate(example).status == "active"
