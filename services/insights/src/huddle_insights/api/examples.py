"""The examples of the insights OpenAPI document: one primary-care organisation, consistent
across every body (the same teams, campaign and people), and valid against the schemas
(``tests/unit/test_api_schemas.py`` holds them to it)."""

from __future__ import annotations

from typing import Any

ORG_ID = "5f0c8e2a-7b14-4d6e-9a3c-1e2f4b6d8a90"
RIVERSIDE_ID = "3b9d2f4e-6a1c-4e8b-b7d5-0c2e4f6a8b1d"
RIVERSIDE = "Riverside Family Practice"
EASTSIDE_ID = "8e1a4c7d-2b5f-4a9e-8c3d-6f0b2d4e7a15"
EASTSIDE = "Eastside Community Clinic"
PULSE_ID = "c4a7e2d9-1f3b-4c8e-9d6a-2b5e8f1c4a73"
EARLIER_PULSE_ID = "0d3f6a9c-2e5b-4b8d-a1c4-7e0f3a6d9b28"
EASTSIDE_PULSE_ID = "f1b4d7e0-3a6c-4d9f-b2e5-8a1c4f7b0e36"
NURSE_PRACTITIONER_ID = "a2d5f8c1-4e7b-4a3d-9f6c-8b1e4d7a2c59"
AS_OF = "2026-11-30"

SUPPRESSED = "suppressed: too few responses (fewer than 5)"

MORALE: dict[str, Any] = {
    "value": 68.4,
    "respondents": 9,
    "suppressed": False,
    "reason": None,
    "level": "fair",
    "trend": -4.2,
    "campaign_id": PULSE_ID,
}
SUPPRESSED_MORALE: dict[str, Any] = {
    "value": None,
    "respondents": 3,
    "suppressed": True,
    "reason": SUPPRESSED,
    "level": None,
    "trend": None,
    "campaign_id": EASTSIDE_PULSE_ID,
}
PARTICIPATION: dict[str, Any] = {
    "campaign_id": PULSE_ID,
    "eligible": 12,
    "responded": 9,
    "rate": 0.75,
    "warning": None,
}
LOW_PARTICIPATION: dict[str, Any] = {
    "campaign_id": EASTSIDE_PULSE_ID,
    "eligible": 6,
    "responded": 3,
    "rate": 0.5,
    "warning": "below 60 %: results may not represent the team",
}
DRIVERS: list[dict[str, Any]] = [
    {
        "driver": "burnout_share",
        "weight": 30.0,
        "value": 0.222,
        "contribution": 13.3,
        "status": "ok",
        "detail": "share reporting symptoms of burnout; half or more scores fully",
    },
    {
        "driver": "morale_level",
        "weight": 15.0,
        "value": 68.4,
        "contribution": 4.7,
        "status": "ok",
        "detail": "100 minus the morale index",
    },
    {
        "driver": "morale_decline",
        "weight": 10.0,
        "value": -4.2,
        "contribution": 2.1,
        "status": "ok",
        "detail": "drop since the previous pulse; 20 points or more scores fully",
    },
    {
        "driver": "psychological_safety",
        "weight": 15.0,
        "value": None,
        "contribution": None,
        "status": "suppressed",
        "detail": SUPPRESSED,
    },
    {
        "driver": "role_churn",
        "weight": 10.0,
        "value": 0.083,
        "contribution": 2.8,
        "status": "ok",
        "detail": "1 role change(s) and departure(s) in 90 days per member; 0.3 scores fully",
    },
    {
        "driver": "stale_charter",
        "weight": 10.0,
        "value": 100.0,
        "contribution": 0.0,
        "status": "ok",
        "detail": "charter freshness against the agreed review cadence (no charter scores fully)",
    },
    {
        "driver": "falling_participation",
        "weight": 10.0,
        "value": None,
        "contribution": None,
        "status": "insufficient_data",
        "detail": "needs two closed campaigns of the same instrument",
    },
]
RISK_SUMMARY: dict[str, Any] = {
    "value": 32.8,
    "level": "low",
    "confidence": "moderate",
    "reason": None,
}
UNAVAILABLE_RISK: dict[str, Any] = {
    "value": None,
    "level": None,
    "confidence": "none",
    "reason": "unavailable: no survey-based driver has enough responses yet",
}
COMPETENCIES: dict[str, Any] = {
    "managing_self": {"value": 3.9, "respondents": 8, "suppressed": False, "reason": None},
    "fostering_teamwork": {"value": 4.1, "respondents": 8, "suppressed": False, "reason": None},
    "coaching_mentoring": {"value": 3.4, "respondents": 8, "suppressed": False, "reason": None},
    "advocacy": {"value": 3.7, "respondents": 8, "suppressed": False, "reason": None},
}
NO_COMPETENCIES: dict[str, Any] = {
    name: {"value": None, "respondents": 0, "suppressed": True, "reason": "no campaign yet"}
    for name in COMPETENCIES
}

ORG_DASHBOARD: dict[str, Any] = {
    "org_id": ORG_ID,
    "as_of": AS_OF,
    "teams": [
        {
            "team_id": EASTSIDE_ID,
            "name": EASTSIDE,
            "morale": SUPPRESSED_MORALE,
            "collaboration": {"value": 61.5, "level": "fair"},
            "burnout_risk": UNAVAILABLE_RISK,
            "participation": LOW_PARTICIPATION,
        },
        {
            "team_id": RIVERSIDE_ID,
            "name": RIVERSIDE,
            "morale": MORALE,
            "collaboration": {"value": 74.2, "level": "good"},
            "burnout_risk": RISK_SUMMARY,
            "participation": PARTICIPATION,
        },
    ],
    "organisation": {
        "teams": 2,
        "morale_mean_of_shown_teams": 68.4,
        "teams_by_burnout_risk": {"low": 1, "unknown": 1},
    },
}

ORG_HEATMAP: dict[str, Any] = {
    "org_id": ORG_ID,
    "as_of": AS_OF,
    "competencies": list(COMPETENCIES),
    "teams": [
        {"team_id": EASTSIDE_ID, "name": EASTSIDE, "cells": NO_COMPETENCIES},
        {"team_id": RIVERSIDE_ID, "name": RIVERSIDE, "cells": COMPETENCIES},
    ],
}

TEAM_DASHBOARD: dict[str, Any] = {
    "team_id": RIVERSIDE_ID,
    "name": RIVERSIDE,
    "as_of": AS_OF,
    "morale": MORALE,
    "morale_by_group": {
        "suppressed": False,
        "reason": None,
        "groups": {
            "nurse": {"value": 64.0, "respondents": 5, "suppressed": False, "reason": None},
            "nurse_practitioner + physician": {
                "value": 73.9,
                "respondents": 4,
                "suppressed": False,
                "reason": None,
            },
        },
    },
    "collaboration": {
        "value": 74.2,
        "level": "good",
        "components": {
            "psychological_safety": {
                "value": None,
                "respondents": 4,
                "suppressed": True,
                "reason": SUPPRESSED,
            },
            "teamwork": {"value": 71.3, "respondents": 9, "suppressed": False, "reason": None},
            "structure": {
                "interprofessional_mix": 100.0,
                "charter_completeness": 75.0,
                "charter_freshness": 100.0,
                "membership_stability": 91.7,
                "score": 91.7,
            },
        },
        "structure_only": False,
        "notes": ["psychological_safety: " + SUPPRESSED],
    },
    "burnout_risk": {**RISK_SUMMARY, "drivers": DRIVERS},
    "participation": PARTICIPATION,
    "roster": {
        "members": 12,
        "by_profession": {
            "care_coordinator": 1,
            "medical_assistant": 2,
            "nurse": 5,
            "nurse_practitioner": 1,
            "physician": 2,
            "unknown": 1,
        },
        "by_team_role": {
            "care_coordinator": 1,
            "clinical_lead": 1,
            "medical_assistant": 2,
            "nurse": 5,
            "nurse_practitioner": 1,
            "physician": 2,
        },
        "professions": 5,
    },
    "role_changes": [
        {
            "user_id": NURSE_PRACTITIONER_ID,
            "change": "joined",
            "from_role": None,
            "to_role": "nurse_practitioner",
            "effective_date": "2026-03-02",
            "reason": None,
        },
        {
            "user_id": NURSE_PRACTITIONER_ID,
            "change": "planned_role_change",
            "from_role": "nurse_practitioner",
            "to_role": "clinical_lead",
            "effective_date": "2026-09-01",
            "reason": "Leads the diabetes clinic from September",
        },
    ],
    "charter": {
        "completeness": 75.0,
        "freshness": 100.0,
        "days_since_last_review": 41,
        "review_cadence_days": 90,
        "overdue": False,
        "goals_by_status": {"achieved": 1, "on_track": 2},
    },
    "competencies": COMPETENCIES,
}

MORALE_TRENDS: dict[str, Any] = {
    "team_id": RIVERSIDE_ID,
    "metric": "morale",
    "points": [
        {
            "campaign_id": EARLIER_PULSE_ID,
            "date": "2026-08-28",
            "value": 72.6,
            "respondents": 10,
            "suppressed": False,
            "reason": None,
        },
        {
            "campaign_id": PULSE_ID,
            "date": "2026-11-27",
            "value": 68.4,
            "respondents": 9,
            "suppressed": False,
            "reason": None,
        },
    ],
}
COLLABORATION_TRENDS: dict[str, Any] = {
    "team_id": RIVERSIDE_ID,
    "metric": "collaboration",
    "points": [
        {
            "campaign_id": PULSE_ID,
            "date": "2026-11-27",
            "value": 74.2,
            "suppressed": False,
            "reason": None,
        }
    ],
}
BURNOUT_RISK_TRENDS: dict[str, Any] = {
    "team_id": EASTSIDE_ID,
    "metric": "burnout_risk",
    "points": [
        {
            "campaign_id": EASTSIDE_PULSE_ID,
            "date": "2026-11-20",
            "value": None,
            "level": None,
            "suppressed": True,
            "reason": "unavailable: no survey-based driver has enough responses yet",
        }
    ],
}

ORG_TEAMS: dict[str, Any] = {
    "items": [
        {"id": EASTSIDE_ID, "name": EASTSIDE, "care_setting": "community_health"},
        {"id": RIVERSIDE_ID, "name": RIVERSIDE, "care_setting": "primary_care_clinic"},
    ],
    "next_cursor": "WyJSaXZlcnNpZGUgRmFtaWx5IFByYWN0aWNlIiwgIjNiOWQyZjRlLTZhMWMtNGU4Yi1i"
    "N2Q1LTBjMmU0ZjZhOGIxZCJd",
}

PROJECTION_STATUS: dict[str, Any] = {
    "generation": 3,
    "consumer_group": "insights-g3",
    "connected": True,
    "partitions": [
        {
            "topic": "teams.team.v1",
            "partition": 0,
            "lag": 0,
            "last_event_time": "2026-11-30T08:15:02Z",
        },
        {
            "topic": "assessments.response.v1",
            "partition": 2,
            "lag": 14,
            "last_event_time": "2026-11-30T08:14:57Z",
        },
    ],
    "dead_letters": 0,
}

REBUILT: dict[str, Any] = {"generation": 4, "events_applied": 182_340, "seconds": 96.417}
