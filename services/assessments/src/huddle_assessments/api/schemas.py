"""Request and response bodies of the assessments API, each with an example from Riverside
Family Practice, so that the OpenAPI document shows a frontend what to send and what comes back.

The instrument examples are Huddle's own team pulse as it is seeded (``domain/seeds.py``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.assessments import (
    Anonymity,
    InstrumentDefinition,
    InstrumentKind,
    ResponseScores,
)
from huddle_shared.http import encode_cursor
from huddle_shared.openapi import example_config

ORG_ID = "3f2c9a61-8b4e-4d7a-9c15-6e0b2d8f4a17"
TEAM_ID = "8c1e5b7a-2d4f-4a9c-b3e6-7f0d1a2c5e98"
CAMPAIGN_ID = "2b9d4f6e-1c3a-4e7b-8d5f-0a6c9e2b4d71"
RESPONSE_ID = "c4a7e1d9-5b2f-4c8a-9e3d-6f1b0a7c2e54"
PULSE_ID = "huddle-team-pulse-v1"

_AGREE_5 = {
    "min": 1,
    "max": 5,
    "options": [
        {"value": 1, "label": "Strongly disagree"},
        {"value": 2, "label": "Disagree"},
        {"value": 3, "label": "Neither agree nor disagree"},
        {"value": 4, "label": "Agree"},
        {"value": 5, "label": "Strongly agree"},
    ],
}
_PULSE_DEFINITION: dict[str, Any] = {
    "key": "huddle.team_pulse",
    "title": "Team pulse",
    "description": "Five quick statements on how the team feels; scored as a morale index 0-100.",
    "kind": "team_pulse",
    "scale": _AGREE_5,
    "items": [
        {"id": "energy", "text": "I come to work with energy for what we do as a team."},
        {"id": "recognition", "text": "My contribution to the team is noticed and valued."},
        {"id": "workload", "text": "The amount of work I carry is manageable most days."},
        {"id": "pride", "text": "I am proud of the care this team gives."},
        {"id": "recommend", "text": "I would tell a friend this is a good team to work on."},
    ],
    "subscales": [],
    "scoring": "index_0_100",
    "threshold": None,
    "bands": [
        {"min": 0, "max": 39.99, "label": "low"},
        {"min": 40, "max": 69.99, "label": "fair"},
        {"min": 70, "max": 100, "label": "good"},
    ],
    "license": "huddle-original",
}
HANDOVER_CHECK: dict[str, Any] = {
    "key": "riverside.handover_check",
    "title": "Morning handover check",
    "description": "Three statements on how the morning handover went, scored as their mean.",
    "kind": "custom",
    "scale": _AGREE_5,
    "items": [
        {"id": "started_on_time", "text": "The handover started on time."},
        {"id": "clear_plan", "text": "I left the handover knowing the plan for my patients."},
        {"id": "rushed", "text": "The handover felt rushed.", "reverse_scored": True},
    ],
    "subscales": [
        {"id": "flow", "title": "Flow", "items": ["started_on_time", "rushed"]},
    ],
    "scoring": "mean",
    "bands": [
        {"min": 1, "max": 2.99, "label": "needs attention"},
        {"min": 3, "max": 5, "label": "working well"},
    ],
}
"""An organisation's own instrument, as an org admin would publish it."""

_PULSE: dict[str, Any] = {
    "id": PULSE_ID,
    "key": "huddle.team_pulse",
    "version": 1,
    "owner": "huddle",
    "kind": "team_pulse",
    "title": "Team pulse",
}
_HANDOVER: dict[str, Any] = {
    "id": "6e3b9d1f-4a7c-4e2b-8f5d-1c9a0b3e7d26",
    "key": "riverside.handover_check",
    "version": 2,
    "owner": ORG_ID,
    "kind": "custom",
    "title": "Morning handover check",
}
_PARTICIPATION: dict[str, Any] = {
    "eligible": 12,
    "responded": 7,
    "rate": 0.5833,
    "warning": "Participation is below 60 %: results may not represent the team",
}
_CAMPAIGN: dict[str, Any] = {
    "id": CAMPAIGN_ID,
    "team_id": TEAM_ID,
    "instrument_id": PULSE_ID,
    "instrument_kind": "team_pulse",
    "title": "Riverside Family Practice: spring team pulse",
    "opens_at": "2026-03-09T08:00:00Z",
    "closes_at": "2026-03-23T18:00:00Z",
    "status": "closed",
    "anonymity": "anonymous",
    "min_group_size": 5,
    "settings_locked": True,
    "participation": _PARTICIPATION,
    "closed_at": "2026-03-20T16:30:00Z",
    "version": 2,
}
_SCORES: dict[str, Any] = {"overall": 4.0, "index": 75.0, "subscales": {}, "flags": {}}
_ANSWERS: dict[str, Any] = {
    "energy": 4,
    "recognition": 4,
    "workload": 3,
    "pride": 5,
    "recommend": 4,
}


class InstrumentOut(BaseModel):
    model_config = example_config(
        {**_PULSE, "definition": _PULSE_DEFINITION, "published_at": "2026-03-02T09:15:00Z"}
    )

    id: str
    key: str
    version: int
    owner: str = Field(description="'huddle' for Huddle's own, else the organisation id")
    kind: InstrumentKind
    title: str
    definition: InstrumentDefinition
    published_at: datetime


class InstrumentSummary(BaseModel):
    model_config = example_config(_PULSE)

    id: str
    key: str
    version: int
    owner: str = Field(description="'huddle' for Huddle's own, else the organisation id")
    kind: InstrumentKind
    title: str


class InstrumentPage(BaseModel):
    model_config = example_config(
        {
            "items": [_PULSE, _HANDOVER],
            "next_cursor": encode_cursor([1, "riverside.handover_check", 2]),
        },
    )

    items: list[InstrumentSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


class CampaignCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "team_id": TEAM_ID,
                    "instrument_id": PULSE_ID,
                    "title": "Riverside Family Practice: spring team pulse",
                    "opens_at": "2026-03-09T08:00:00Z",
                    "closes_at": "2026-03-23T18:00:00Z",
                    "anonymity": "anonymous",
                    "min_group_size": 5,
                },
                {
                    "team_id": TEAM_ID,
                    "instrument_id": PULSE_ID,
                    "closes_at": "2026-03-23T18:00:00Z",
                },
            ]
        },
    )

    team_id: str = Field(min_length=1, max_length=64)
    instrument_id: str = Field(min_length=1, max_length=64, examples=[PULSE_ID])
    title: str | None = Field(
        default=None, min_length=1, max_length=200, description="Defaults to the instrument's"
    )
    opens_at: datetime | None = Field(default=None, description="Defaults to now")
    closes_at: datetime
    anonymity: Anonymity = Anonymity.ANONYMOUS
    min_group_size: int = Field(default=5, ge=3, le=100)


class CampaignSettings(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"anonymity": "confidential", "min_group_size": 7}, {"min_group_size": 6}]
        },
    )

    anonymity: Anonymity | None = None
    min_group_size: int | None = Field(default=None, ge=3, le=100)


class Participation(BaseModel):
    model_config = example_config(_PARTICIPATION)

    eligible: int
    responded: int
    rate: float | None = Field(description="responded / eligible, 0-1; null with no one eligible")
    warning: str | None = Field(description="Set below 60 % participation")


class CampaignOut(BaseModel):
    model_config = example_config(_CAMPAIGN)

    id: str
    team_id: str
    instrument_id: str
    instrument_kind: InstrumentKind
    title: str
    opens_at: datetime
    closes_at: datetime
    status: str = Field(description="scheduled, open or closed")
    anonymity: Anonymity
    min_group_size: int
    settings_locked: bool
    participation: Participation
    closed_at: datetime | None
    version: int


class CampaignPage(BaseModel):
    model_config = example_config(
        {
            "items": [_CAMPAIGN],
            "next_cursor": encode_cursor(["2026-03-02T09:20:00+00:00", CAMPAIGN_ID]),
        }
    )

    items: list[CampaignOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")


class ResponseCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {"answers": _ANSWERS, "comment": "Handovers run late on Mondays."},
                {"answers": _ANSWERS},
            ]
        },
    )

    answers: dict[str, Any] = Field(
        max_length=200, description="Item id to value", examples=[_ANSWERS]
    )
    comment: str | None = Field(default=None, max_length=2000)


class ResponseReceipt(BaseModel):
    model_config = example_config({"response_id": RESPONSE_ID, "scores": _SCORES})

    response_id: str
    scores: ResponseScores


class OwnResponse(BaseModel):
    model_config = example_config(
        {
            "response_id": RESPONSE_ID,
            "answers": _ANSWERS,
            "scores": _SCORES,
            "comment": "Handovers run late on Mondays.",
            "recorded_at": "2026-03-12T00:00:00Z",
        }
    )

    response_id: str
    answers: dict[str, int | None] = Field(
        description="Item id to the value given (null for an optional item left unanswered)"
    )
    scores: ResponseScores
    comment: str | None
    recorded_at: datetime = Field(description="Coarsened to the day in anonymous campaigns")


class CommentPage(BaseModel):
    model_config = example_config(
        {
            "suppressed": False,
            "reason": None,
            "items": ["Handovers run late on Mondays.", "The new rota helps a lot."],
            "next_cursor": encode_cursor(["9a1d3c5e-7b2f-4e6a-8c0d-2f4b6e8a1c3d"]),
        },
        {
            "suppressed": True,
            "reason": "Comments are shown once the campaign has closed",
            "items": [],
            "next_cursor": None,
        },
    )

    suppressed: bool = Field(description="True while comments are withheld; see `reason`")
    reason: str | None = Field(description="Why the comments are withheld, when they are")
    items: list[str] = Field(description="The comments' texts, without authors, in random order")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")
