"""The FHIR R4 ``CareTeam`` exactly as the teams API emits it, for the OpenAPI document.

Each FHIR datatype the view uses is its own small model, restricted to the elements Huddle
fills: a generated client sees what it will really get, and nothing FHIR allows but Huddle never
sends. FHIR JSON never carries ``null``: an element Huddle leaves out is absent, so optional
elements are documented as not required rather than nullable. The mapping itself
(``huddle_teams.api.fhir``) is validated against the full R4 model of ``fhir.resources``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel
from pydantic.json_schema import SkipJsonSchema

from huddle_teams.api import examples as ex

ROLE_CODING: dict[str, Any] = {
    "system": "https://huddle.care/fhir/CodeSystem/team-role",
    "code": "nurse_practitioner",
    "display": "Nurse practitioner",
}
CATEGORY_CODING: dict[str, Any] = {
    "system": "http://loinc.org",
    "code": "LA28865-6",
    "display": "Longitudinal care-coordination focused care team",
}
ROLE: dict[str, Any] = {"coding": [ROLE_CODING], "text": "Nurse practitioner"}
ORGANIZATION: dict[str, Any] = {"reference": f"Organization/{ex.ORG_ID}"}
PARTICIPANT: dict[str, Any] = {
    "role": [ROLE],
    "member": {"reference": f"Practitioner/{ex.NURSE_PRACTITIONER_ID}"},
    "onBehalfOf": ORGANIZATION,
    "period": {"start": ex.NP_JOINED_ON},
}


CareTeamStatus = Literal["proposed", "active", "suspended", "inactive"]


def _fhir(example: dict[str, Any]) -> ConfigDict:
    """FHIR's camelCase element names in JSON, the usual snake_case in Python."""
    return ConfigDict(
        extra="forbid",
        alias_generator=to_camel,
        validate_by_name=True,
        serialize_by_alias=True,
        json_schema_extra={"examples": [example]},
    )


def _absent(schema: dict[str, Any]) -> None:
    """An optional element is left out of the JSON, never ``null``: no default to document."""
    schema.pop("default", None)


class Coding(BaseModel):
    """A code from a code system: Huddle's team roles, or LOINC's care-team categories."""

    model_config = _fhir(ROLE_CODING)

    system: str = Field(description="The code system's URI")
    code: str
    display: str


class CodeableConcept(BaseModel):
    model_config = _fhir(ROLE)

    coding: list[Coding] = Field(min_length=1)
    text: str | SkipJsonSchema[None] = Field(default=None, json_schema_extra=_absent)


class Reference(BaseModel):
    model_config = _fhir(ORGANIZATION)

    reference: str = Field(description="A relative reference: `Practitioner/<user id>`, …")


class Period(BaseModel):
    """FHIR dateTimes; Huddle gives days. No `end` while the period is open."""

    model_config = _fhir({"start": ex.NP_JOINED_ON, "end": "2026-12-31"})

    start: date
    end: date | SkipJsonSchema[None] = Field(default=None, json_schema_extra=_absent)


class Identifier(BaseModel):
    model_config = _fhir(
        {"system": "https://huddle.care/fhir/NamingSystem/team-id", "value": ex.TEAM_ID}
    )

    system: str
    value: str


class Meta(BaseModel):
    model_config = _fhir({"versionId": "9", "lastUpdated": ex.UPDATED_AT})

    version_id: str = Field(description="The team's stream version, as the ETag carries it")
    last_updated: datetime


class Annotation(BaseModel):
    model_config = _fhir({"text": ex.TEAM_DESCRIPTION})

    text: str


class CareTeamParticipant(BaseModel):
    """One person in one team role over one period; a role change closes one and opens the
    next."""

    model_config = _fhir(PARTICIPANT)

    role: list[CodeableConcept] = Field(min_length=1, max_length=1)
    member: Reference = Field(description="`Practitioner/<user id>`")
    on_behalf_of: Reference = Field(description="`Organization/<org id>`")
    period: Period


class CareTeam(BaseModel):
    """A team as an HL7 FHIR R4 CareTeam resource."""

    model_config = _fhir(
        {
            "resourceType": "CareTeam",
            "id": ex.TEAM_ID,
            "meta": {"versionId": "9", "lastUpdated": ex.UPDATED_AT},
            "identifier": [
                {"system": "https://huddle.care/fhir/NamingSystem/team-id", "value": ex.TEAM_ID}
            ],
            "status": "active",
            "category": [{"coding": [CATEGORY_CODING]}],
            "name": ex.TEAM_NAME,
            "period": {"start": ex.CREATED_ON},
            "participant": [PARTICIPANT],
            "managingOrganization": [ORGANIZATION],
            "note": [{"text": ex.TEAM_DESCRIPTION}],
        }
    )

    resource_type: Literal["CareTeam"]
    id: str = Field(description="The team id")
    meta: Meta
    identifier: list[Identifier] = Field(min_length=1, max_length=1)
    status: CareTeamStatus = Field(
        description="proposed: no one yet; active: has members; suspended: everyone left; "
        "inactive: archived"
    )
    category: list[CodeableConcept] = Field(min_length=1, max_length=1)
    name: str
    period: Period = Field(description="From the team's creation to its archival")
    participant: (
        Annotated[list[CareTeamParticipant], Field(min_length=1)] | SkipJsonSchema[None]
    ) = Field(
        default=None,
        description="Absent while no one was ever on the team",
        json_schema_extra=_absent,
    )
    managing_organization: list[Reference] = Field(min_length=1, max_length=1)
    note: Annotated[list[Annotation], Field(min_length=1, max_length=1)] | SkipJsonSchema[None] = (
        Field(
            default=None,
            description="The team's description; absent when it has none",
            json_schema_extra=_absent,
        )
    )
