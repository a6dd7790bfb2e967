from typing import Literal

Profession = Literal[
    "behavioral_health",
    "care_coordinator",
    "dietitian",
    "front_desk",
    "medical_assistant",
    "nurse",
    "nurse_practitioner",
    "other",
    "patient_partner",
    "pharmacist",
    "physician",
    "physician_assistant",
    "physiotherapist",
    "social_worker",
]

PROFESSION_VALUES: set[Profession] = {
    "behavioral_health",
    "care_coordinator",
    "dietitian",
    "front_desk",
    "medical_assistant",
    "nurse",
    "nurse_practitioner",
    "other",
    "patient_partner",
    "pharmacist",
    "physician",
    "physician_assistant",
    "physiotherapist",
    "social_worker",
}


def check_profession(value: str) -> Profession:
    if value in PROFESSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROFESSION_VALUES!r}")
