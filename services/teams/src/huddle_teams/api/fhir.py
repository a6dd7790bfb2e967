"""The team as an HL7 FHIR R4 ``CareTeam``: built as the models the OpenAPI document shows
(``fhir_schemas``), validated with the ``fhir.resources`` models.

``fhir.resources`` 8 ships R4B (whose CareTeam is R4's) under ``fhir.resources.R4B``; its
top-level modules are R5. Every participant period is one person in one role: a role change
closes a period on its effective date and opens the next, and leaving closes the last one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fhir.resources.R4B.careteam import CareTeam as R4CareTeam

from huddle_shared.contracts.teams import TeamRole
from huddle_teams.api.fhir_schemas import (
    Annotation,
    CareTeam,
    CareTeamParticipant,
    CareTeamStatus,
    CodeableConcept,
    Coding,
    Identifier,
    Meta,
    Period,
    Reference,
)
from huddle_teams.domain.state import Participation, Team

FHIR_JSON = "application/fhir+json"
TEAM_ROLE_SYSTEM = "https://huddle.care/fhir/CodeSystem/team-role"
TEAM_ID_SYSTEM = "https://huddle.care/fhir/NamingSystem/team-id"
# From the FHIR care-team-category value set (LOINC): a team coordinating care over time.
LONGITUDINAL_CARE_TEAM = Coding(
    system="http://loinc.org",
    code="LA28865-6",
    display="Longitudinal care-coordination focused care team",
)
TEAM_ROLE_DISPLAY: dict[TeamRole, str] = {
    TeamRole.CLINICAL_LEAD: "Clinical lead",
    TeamRole.CARE_COORDINATOR: "Care coordinator",
    TeamRole.CLINICAL_PHARMACIST: "Clinical pharmacist",
    TeamRole.SOCIAL_WORKER: "Social worker",
    TeamRole.BEHAVIORAL_HEALTH: "Behavioral health",
    TeamRole.NURSE: "Nurse",
    TeamRole.MEDICAL_ASSISTANT: "Medical assistant",
    TeamRole.FRONT_DESK: "Front desk",
    TeamRole.PATIENT_PARTNER: "Patient partner",
    TeamRole.PHYSICIAN: "Physician",
    TeamRole.NURSE_PRACTITIONER: "Nurse practitioner",
    TeamRole.PHYSICIAN_ASSISTANT: "Physician assistant",
    TeamRole.DIETITIAN: "Dietitian",
    TeamRole.COMMUNITY_HEALTH_WORKER: "Community health worker",
    TeamRole.OTHER: "Other",
}


def care_team_status(team: Team) -> CareTeamStatus:
    """archived → inactive; no one yet → proposed; everyone left → suspended; else active.

    Huddle has no state that means entered-in-error, so that code is never used.
    """
    if team.is_archived:
        return "inactive"
    if team.members:
        return "active"
    return "suspended" if team.participations else "proposed"


def role_concept(role: TeamRole) -> CodeableConcept:
    display = TEAM_ROLE_DISPLAY[role]
    return CodeableConcept(
        coding=[Coding(system=TEAM_ROLE_SYSTEM, code=role.value, display=display)], text=display
    )


def care_team(team: Team) -> CareTeam:
    """Map, then validate against the R4 model; a mapping bug fails here, loudly, rather than
    reaching a client. The result is what the route sends, so the document says what comes."""
    closed_on = team.archived_at.date() if team.archived_at else None
    participants = [
        _participant(p, org_id=team.org_id, closed_on=closed_on) for p in team.participations
    ]
    resource = CareTeam(
        resource_type="CareTeam",
        id=team.id,
        meta=Meta(version_id=str(team.version), last_updated=team.updated_at),
        identifier=[Identifier(system=TEAM_ID_SYSTEM, value=team.id)],
        status=care_team_status(team),
        category=[CodeableConcept(coding=[LONGITUDINAL_CARE_TEAM])],
        name=team.name,
        period=Period(start=team.created_at.date(), end=closed_on),
        participant=participants or None,
        managing_organization=[Reference(reference=f"Organization/{team.org_id}")],
        note=[Annotation(text=team.description)] if team.description else None,
    )
    R4CareTeam.model_validate(as_fhir_json(resource))
    return resource


def as_fhir_json(resource: CareTeam) -> dict[str, Any]:
    """The resource as FHIR JSON: element names in camelCase, absent elements left out."""
    return resource.model_dump(mode="json", exclude_none=True)


def _participant(p: Participation, *, org_id: str, closed_on: date | None) -> CareTeamParticipant:
    # An archived team's open periods end with the team.
    end = p.end if p.end is not None else closed_on
    return CareTeamParticipant(
        role=[role_concept(p.role)],
        member=Reference(reference=f"Practitioner/{p.user_id}"),
        on_behalf_of=Reference(reference=f"Organization/{org_id}"),
        period=Period(start=p.start, end=end),
    )
