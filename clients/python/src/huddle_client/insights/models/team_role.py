from typing import Literal

TeamRole = Literal[
    "behavioral_health",
    "care_coordinator",
    "clinical_lead",
    "clinical_pharmacist",
    "community_health_worker",
    "dietitian",
    "front_desk",
    "medical_assistant",
    "nurse",
    "nurse_practitioner",
    "other",
    "patient_partner",
    "physician",
    "physician_assistant",
    "social_worker",
]

TEAM_ROLE_VALUES: set[TeamRole] = {
    "behavioral_health",
    "care_coordinator",
    "clinical_lead",
    "clinical_pharmacist",
    "community_health_worker",
    "dietitian",
    "front_desk",
    "medical_assistant",
    "nurse",
    "nurse_practitioner",
    "other",
    "patient_partner",
    "physician",
    "physician_assistant",
    "social_worker",
}


def check_team_role(value: str) -> TeamRole:
    if value in TEAM_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEAM_ROLE_VALUES!r}")
